import type { Comparison, Condition, HotspotLevel } from '@peacebell/model';

export interface MoveTest {
  z: number;
  mean: number;
  sd: number;
  /** Days of the trailing window with a value. */
  days: number;
}

/**
 * The value at `i` against the `days` values before it (the value itself never in its baseline):
 * z = (x − mean) / max(sd, floor). Null with fewer than half the window known.
 */
export function moveTest(
  values: readonly (number | null)[],
  i: number,
  days: number,
  floor: (mean: number) => number,
): MoveTest | null {
  const x = values[i];
  if (x === null || x === undefined || i < days) return null;
  const window = values.slice(i - days, i).filter((v): v is number => v !== null);
  if (window.length < Math.max(2, days / 2)) return null;
  const mean = window.reduce((a, b) => a + b, 0) / window.length;
  const variance = window.reduce((a, b) => a + (b - mean) ** 2, 0) / (window.length - 1);
  const sd = Math.max(Math.sqrt(variance), floor(mean));
  return sd > 0 ? { z: (x - mean) / sd, mean, sd, days: window.length } : null;
}

export function compare(value: number, op: Comparison, threshold: number): boolean {
  return op === '>'
    ? value > threshold
    : op === '>='
      ? value >= threshold
      : op === '<'
        ? value < threshold
        : value <= threshold;
}

/** A move fires at k sd in its direction (alert at 2k); null when it does not fire. */
export function moveSeverity(test: MoveTest, c: Extract<Condition, { type: 'move' }>): HotspotLevel | null {
  const signed = c.direction === 'rises' ? test.z : c.direction === 'drops' ? -test.z : Math.abs(test.z);
  if (signed < c.sd) return null;
  return signed >= 2 * c.sd ? 'alert' : 'warning';
}

export interface SeriesPoint {
  day: string;
  value: number | null;
  baseline: number | null;
  low: number | null;
  high: number | null;
}

export interface Fired {
  index: number;
  day: string;
  value: number;
  severity: HotspotLevel;
  /** The move's test; null for a threshold. */
  test: MoveTest | null;
}

/** `4.2 against 1.3 ± 0.9 over the 28 days before (3.2 sd)` or `0.6 > 0.5`. */
export function describeFired(f: Fired, c: Condition, digits: number, withZ: boolean): string {
  const r = (n: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  if (c.type === 'threshold' || !f.test)
    return `${r(f.value)} ${c.type === 'threshold' ? `${c.op} ${c.value}` : ''}`.trim();
  const z = withZ ? ` (${Math.round(f.test.z * 10) / 10} sd)` : '';
  return `${r(f.value)} against ${r(f.test.mean)} ± ${r(f.test.sd)} over the ${c.days} days before${z}`;
}

/** Fires a condition over a daily series from index `start`; `floor` bounds the sd from below. */
export function fireCondition(
  days: readonly string[],
  values: readonly (number | null)[],
  start: number,
  c: Condition,
  floor: (mean: number) => number,
): Fired[] {
  const out: Fired[] = [];
  for (let i = start; i < days.length; i++) {
    const [day, value] = [days[i], values[i]];
    if (value === null || value === undefined || day === undefined) continue;
    if (c.type === 'threshold') {
      if (compare(value, c.op, c.value)) out.push({ index: i, day, value, severity: 'warning', test: null });
      continue;
    }
    const test = moveTest(values, i, c.days, floor);
    const severity = test && moveSeverity(test, c);
    if (test && severity) out.push({ index: i, day, value, severity, test });
  }
  return out;
}
