import type { Detection, Score } from './score.ts';

/** Plain-text tables for the scorecard. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** One method's result for one episode: "+3d warning", "miss (watch)", "miss, ongoing" or "n/a". */
export function cell(d: Detection | undefined): string {
  if (!d) return 'n/a';
  if (d.detected) return `${signed(d.lead ?? 0)}d ${d.severity ?? ''}`.trimEnd();
  const notes = [d.severity, d.ongoing ? 'ongoing' : null].filter(Boolean);
  return notes.length ? `miss (${notes.join(', ')})` : 'miss';
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function totalsRow(name: string, s: Score): string[] {
  return [
    name,
    `${s.detected}/${s.scored} = ${pct(s.rate)}`,
    s.medianLead === null ? '-' : `${signed(s.medianLead)}d`,
    String(s.falseAlarms),
    s.quietYears.toFixed(1),
    s.falseAlarmsPerYear.toFixed(2),
  ];
}

export const TOTALS_HEADER = [
  'method',
  'detected',
  'median lead',
  'false alarms',
  'quiet country-years',
  'false alarms / country-year',
];
