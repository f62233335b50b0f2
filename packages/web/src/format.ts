/**
 * Number and date formatting for the dashboard: every number shown goes through here so that
 * units, rounding and missing values read the same on every page. Locale fixed to en (tests and
 * screenshots do not depend on the machine).
 */
const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const two = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const DASH = '–';

const missing = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || !Number.isFinite(v);

/** A count: 12,345. */
export function formatCount(v: number | null | undefined): string {
  return missing(v) ? DASH : integer.format(v);
}

/** A count with its unit, singular or plural: "1 event", "12,345 events". */
export function formatCountOf(v: number | null | undefined, unit: string, plural = `${unit}s`): string {
  if (missing(v)) return DASH;
  return `${integer.format(v)} ${v === 1 ? unit : plural}`;
}

/** A small real number: at most one decimal ("0.3", "12.5", "1,204"). */
export function formatNumber(v: number | null | undefined): string {
  if (missing(v)) return DASH;
  return Math.abs(v) >= 100 ? integer.format(v) : compact.format(v);
}

/** A signed value with two decimals ("+0.42", "−1.30"), for scores and Goldstein. */
export function formatSigned(v: number | null | undefined): string {
  if (missing(v)) return DASH;
  const text = two.format(Math.abs(v));
  if (text === '0.00') return text;
  return `${v < 0 ? '−' : '+'}${text}`;
}

/** A 0..1 share as a percentage ("35%", "0.4%"). */
export function formatShare(v: number | null | undefined): string {
  if (missing(v)) return DASH;
  const pct = v * 100;
  return `${pct !== 0 && Math.abs(pct) < 1 ? pct.toFixed(1) : integer.format(pct)}%`;
}

/** A ratio against a baseline ("×3.2"); none when there is no baseline. */
export function formatRatio(v: number | null | undefined): string {
  if (missing(v)) return DASH;
  return `×${v >= 100 ? integer.format(v) : compact.format(v)}`;
}

/** An ISO timestamp as "2026-05-14 08:30 UTC". */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
