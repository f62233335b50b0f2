import { z } from 'zod';
import { cameoCode } from '../cameo/index.ts';
import { countryByIso3, countryByName } from '../countries/index.ts';

/**
 * Query-string parameters of the HTTP API. Each schema's messages read after the parameter's
 * name ("from must be a UTC day YYYY-MM-DD"), so the server can name the parameter in a 400.
 */

/** Longest value any parameter accepts; longer ones are refused before any lookup. */
export const MAX_PARAM_LENGTH = 200;

const text = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .max(MAX_PARAM_LENGTH, { error: `must be at most ${MAX_PARAM_LENGTH} characters` });

/** A UTC day, YYYY-MM-DD, that exists in the calendar. */
export const DayParam = text('a UTC day YYYY-MM-DD').refine(
  (v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return (
      /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v
    );
  },
  { error: 'must be a UTC day YYYY-MM-DD' },
);

/** ISO 3166-1 alpha-3 (any case) or a country name; normalised to the ISO3 code. */
export const CountryParam = text('an ISO 3166-1 alpha-3 code or a country name').transform((v, ctx) => {
  const country = countryByIso3(v.toUpperCase()) ?? countryByName(v);
  if (!country) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 3166-1 alpha-3 code (KAZ) or a country name' });
    return z.NEVER;
  }
  return country.iso3;
});

/** A CAMEO actor code or its prefix (KAZ, KAZGOV); upper-cased. */
export const ActorParam = text('a CAMEO actor code')
  .regex(/^[A-Za-z0-9]{1,30}$/, {
    error: 'must be a CAMEO actor code or prefix: letters and digits (KAZGOV)',
  })
  .transform((v) => v.toUpperCase());

/** Comma-separated values, each checked by `item`, which returns an error message or undefined. */
const commaList = <T>(what: string, parse: (v: string) => T | undefined) =>
  text(what).transform((value, ctx) => {
    const out: T[] = [];
    for (const v of value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const parsed = parse(v);
      if (parsed === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be ${what}, got ${JSON.stringify(v.slice(0, 40))}` });
        return z.NEVER;
      }
      out.push(parsed);
    }
    return out;
  });

export const RootsParam = commaList('CAMEO root codes 01..20, comma-separated', (v) => {
  const root = v.padStart(2, '0');
  return /^\d{2}$/.test(root) && Number(root) >= 1 && Number(root) <= 20 ? root : undefined;
});

export const CodesParam = commaList(
  'CAMEO event codes with leading zeros (010, 0211), comma-separated',
  (v) => (cameoCode(v) ? v : undefined),
);

export const QuadsParam = commaList('quad classes 1..4, comma-separated', (v) =>
  /^[1-4]$/.test(v) ? Number(v) : undefined,
);

/** Comma-separated values out of a closed list. */
export const enumListParam = <T extends string>(values: readonly T[]) =>
  commaList(`one or more of ${values.join(', ')}, comma-separated`, (v) =>
    (values as readonly string[]).includes(v) ? (v as T) : undefined,
  );

/** A whole number in [min, max]. */
export const intParam = (min: number, max: number) =>
  text(`a whole number ${min}..${max}`)
    .regex(/^\d{1,9}$/, { error: `must be a whole number ${min}..${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `must be a whole number ${min}..${max}` });

/** One value out of a closed list. */
export const enumParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });
