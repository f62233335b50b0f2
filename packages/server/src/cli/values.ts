import { cameoCode, countryByIso3, countryByName, SOURCES, type Source } from '@peacebell/model';
import { CliError } from '../errors.ts';

/** Parsers for option values: each returns the normalised value or throws a usage error. */

export function parseLimit(value: string | undefined, fallback = 1000): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new CliError(`--limit must be a whole number, got ${value}`);
  return Number(value);
}

export function parseDay(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new CliError(`${option} must be a UTC day YYYY-MM-DD, got ${value}`);
  }
  return value;
}

export function parseCountry(value: string | undefined, option = '--country'): string | undefined {
  if (value === undefined) return undefined;
  const country = countryByIso3(value.toUpperCase()) ?? countryByName(value);
  if (!country) throw new CliError(`${option} ${value} is not an ISO 3166-1 alpha-3 code or a country name`);
  return country.iso3;
}

const split = (value: string | undefined) =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);

export function parseRoots(value: string | undefined): string[] {
  return split(value).map((v) => {
    const root = v.padStart(2, '0');
    if (!/^\d{2}$/.test(root) || Number(root) < 1 || Number(root) > 20) {
      throw new CliError(`--root must be CAMEO root codes 01..20, got ${v}`);
    }
    return root;
  });
}

export function parseCodes(value: string | undefined): string[] {
  return split(value).map((v) => {
    if (!cameoCode(v))
      throw new CliError(`--code ${v} is not a CAMEO event code (keep leading zeros: 010, 0211)`);
    return v;
  });
}

export function parseQuads(value: string | undefined): number[] {
  return split(value).map((v) => {
    if (!/^[1-4]$/.test(v))
      throw new CliError(
        `--quad must be 1..4 (verbal/material cooperation, verbal/material conflict), got ${v}`,
      );
    return Number(v);
  });
}

export function parseSources(value: string | undefined): Source[] {
  return split(value).map((v) => {
    const source = SOURCES.find((s) => s === v);
    if (!source) throw new CliError(`unknown --source ${v}; valid: ${SOURCES.join(', ')}`);
    return source;
  });
}
