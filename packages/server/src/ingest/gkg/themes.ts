import { threatDomainsOfTheme, type ThreatDomain } from '@peacebell/model';
import type { GkgRecord } from '../../sources/gkg/index.ts';

export interface RecordThemes {
  /** Mentions of each domain's themes (V2 offsets; 1 per theme where a record has only V1 themes). */
  domains: Map<ThreatDomain, number>;
  /** Themes no rule of the map matches, with their mentions. */
  unmapped: Map<string, number>;
}

/** The threat domains of a record and its unmapped themes, from V1 and V2 themes together. */
export function recordThemes(record: GkgRecord): RecordThemes {
  const mentions = new Map<string, number>();
  for (const t of record.v2Themes) mentions.set(t.theme, (mentions.get(t.theme) ?? 0) + 1);
  for (const theme of record.v1Themes) if (!mentions.has(theme)) mentions.set(theme, 1);
  const domains = new Map<ThreatDomain, number>();
  const unmapped = new Map<string, number>();
  for (const [theme, n] of mentions) {
    const mapped = threatDomainsOfTheme(theme);
    if (mapped === null) unmapped.set(theme, n);
    else for (const d of mapped) domains.set(d, (domains.get(d) ?? 0) + n);
  }
  return { domains, unmapped };
}
