import type { ThreatDomain } from '@peacebell/model';
import type { GkgRecord } from '../../sources/gkg/index.ts';
import { COUNT_MEASURE_NAMES, recordCounts, recordPlaces, type CountMeasure, type Place } from './places.ts';
import { recordThemes } from './themes.ts';

/** Evidence kept per place, day and domain: the articles that mention the domain most. */
export const EVIDENCE_PER_KEY = 10;

export interface DayCell {
  articles: number;
  mentions: number;
  toneN: number;
  toneSum: number;
  counts: Record<CountMeasure, number>;
}

export interface Evidence {
  url: string;
  source: string;
  recordId: string;
  tone: number | null;
  mentions: number;
}

const newCell = (): DayCell => ({
  articles: 0,
  mentions: 0,
  toneN: 0,
  toneSum: 0,
  counts: { killed: 0, wounded: 0, arrested: 0, affected: 0, displaced: 0 },
});

/** Stronger evidence first; ties by record id so that the sample does not depend on file order. */
const stronger = (a: Evidence, b: Evidence) =>
  b.mentions - a.mentions || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0);

/**
 * Sums a file's records per place, day and domain ('' for all articles) in memory: its size
 * follows the places, days and domains seen, not the records, so memory stays bounded.
 */
export class ThreatAccumulator {
  readonly cells = new Map<string, DayCell>();
  readonly evidence = new Map<string, Evidence[]>();
  readonly unmapped = new Map<string, { articles: number; mentions: number }>();
  records = 0;
  firstDay: string | null = null;
  lastDay: string | null = null;

  /** Adds a record; returns its domains (for the raw record row). */
  add(record: GkgRecord): string[] {
    this.records++;
    const day = record.date.slice(0, 10);
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
    const { domains, unmapped } = recordThemes(record);
    const w = record.articles;
    const tone = record.tone?.tone ?? null;
    const places = recordPlaces(record);
    const keys: (ThreatDomain | '')[] = ['', ...domains.keys()];
    for (const place of places) {
      for (const domain of keys) {
        const cell = this.cell(place, day, domain);
        cell.articles += w;
        const mentions = domain === '' ? 0 : (domains.get(domain) ?? 0);
        cell.mentions += mentions * w;
        if (tone !== null) {
          cell.toneN += w;
          cell.toneSum += tone * w;
        }
        if (domain !== '' && record.documentId !== '') {
          this.offer(`${place.country}\t${place.adm1}\t${day}\t${domain}`, {
            url: record.documentId,
            source: record.sourceName,
            recordId: record.id,
            tone,
            mentions,
          });
        }
      }
    }
    for (const { place, values } of recordCounts(record)) {
      for (const domain of keys) {
        const cell = this.cell(place, day, domain);
        for (const m of COUNT_MEASURE_NAMES) cell.counts[m] += values[m] * w;
      }
    }
    for (const [theme, n] of unmapped) {
      const k = `${day}\t${theme}`;
      const entry = this.unmapped.get(k) ?? { articles: 0, mentions: 0 };
      entry.articles += w;
      entry.mentions += n * w;
      this.unmapped.set(k, entry);
    }
    return [...domains.keys()].sort();
  }

  private cell(place: Place, day: string, domain: string): DayCell {
    const k = `${place.country}\t${place.adm1}\t${day}\t${domain}`;
    let cell = this.cells.get(k);
    if (!cell) {
      cell = newCell();
      this.cells.set(k, cell);
    }
    return cell;
  }

  private offer(k: string, e: Evidence): void {
    const list = this.evidence.get(k);
    if (!list) {
      this.evidence.set(k, [e]);
      return;
    }
    if (list.length >= EVIDENCE_PER_KEY && stronger(e, list[list.length - 1] as Evidence) >= 0) return;
    if (list.some((x) => x.url === e.url)) return;
    list.push(e);
    list.sort(stronger);
    if (list.length > EVIDENCE_PER_KEY) list.pop();
  }
}
