import {
  ACLED_EVENT_TYPES,
  ACLED_SUB_EVENT_TYPES,
  acledCategory,
  CAMEO_CODES,
  cameoCountryCodes,
  COUNTRIES,
  countryByGw,
  fipsCodes,
  ucdpCategory,
} from '@peacebell/model';
import type { LookupName, RawType } from '../sources/util/format.ts';
import type { Store } from '../store/store.ts';

const fips = fipsCodes();
const cameoCountries = cameoCountryCodes();
const current = COUNTRIES.filter((c) => !c.historical);

/** ACLED's `iso` column writes ISO 3166-1 numeric codes without leading zeros (and 0 for Kosovo). */
const isoNumeric = [
  ...COUNTRIES.filter((c) => c.isoNumeric !== '').map((c) => ({
    code: String(Number(c.isoNumeric)),
    iso3: c.iso3,
  })),
  { code: '0', iso3: 'XKX' },
].filter((c, i, all) => all.findIndex((d) => d.code === c.code) === i);

const gw = [...new Set(COUNTRIES.flatMap((c) => (c.gw === null ? [] : [c.gw])))].map((n) => ({
  code: String(n),
  iso3: countryByGw(n)?.iso3 ?? null,
}));

/** Every spelling of every current country's name, exactly as sources write them. */
const names = (() => {
  const seen = new Map<string, string>();
  for (const c of [...current, ...COUNTRIES]) {
    for (const n of [c.name, ...c.aliases]) if (!seen.has(n)) seen.set(n, c.iso3);
  }
  return [...seen].map(([code, iso3]) => ({ code, iso3 }));
})();

const violence = ['1', '2', '3'];
const acledType = (t: string) => acledCategory(t);
const acledSub = (s: string) => acledCategory('', s);

/** The enum types raw layouts use, in value order, made from the model's tables. */
export const REFERENCE_ENUMS: Readonly<Partial<Record<RawType, readonly string[]>>> = {
  cameo_event_code: CAMEO_CODES.map((c) => c.code),
  cameo_country_code: cameoCountries.map((c) => c.code),
  fips_country_code: fips.map((c) => c.code),
  quad_class_code: ['1', '2', '3', '4'],
  iso_numeric_code: isoNumeric.map((c) => c.code),
  gw_code: gw.map((c) => c.code),
  country_name: names.map((c) => c.code),
  acled_event_type: ACLED_EVENT_TYPES,
  acled_sub_event_type: ACLED_SUB_EVENT_TYPES,
  ucdp_violence_type: violence,
};

export interface Lookup {
  /** The enum the raw column must have; `values` are aligned with its values. */
  enumType: RawType;
  values: readonly (string | null)[];
  /** What an empty (NULL) code gives: NULL, or a default such as 'other'. */
  fallback: string | null;
}

/** Code → value lookups, evaluated as array indexing by enum position (no join). */
export const LOOKUPS: Readonly<Record<LookupName, Lookup>> = {
  iso3_by_fips: { enumType: 'fips_country_code', values: fips.map((c) => c.iso3), fallback: null },
  iso3_by_cameo: {
    enumType: 'cameo_country_code',
    values: cameoCountries.map((c) => c.iso3),
    fallback: null,
  },
  iso3_by_isonum: { enumType: 'iso_numeric_code', values: isoNumeric.map((c) => c.iso3), fallback: null },
  iso3_by_gw: { enumType: 'gw_code', values: gw.map((c) => c.iso3), fallback: null },
  iso3_by_name: { enumType: 'country_name', values: names.map((c) => c.iso3), fallback: null },
  category_by_event: {
    enumType: 'cameo_event_code',
    values: CAMEO_CODES.map((c) => c.category),
    fallback: 'other',
  },
  domain_by_event: {
    enumType: 'cameo_event_code',
    values: CAMEO_CODES.map((c) => c.domain),
    fallback: 'none',
  },
  base_by_event: { enumType: 'cameo_event_code', values: CAMEO_CODES.map((c) => c.base), fallback: null },
  root_by_event: { enumType: 'cameo_event_code', values: CAMEO_CODES.map((c) => c.root), fallback: null },
  quad_by_event: {
    enumType: 'cameo_event_code',
    values: CAMEO_CODES.map((c) => String(c.quadClass)),
    fallback: null,
  },
  category_by_acled_type: {
    enumType: 'acled_event_type',
    values: ACLED_EVENT_TYPES.map((t) => acledType(t)?.category ?? null),
    fallback: 'other',
  },
  domain_by_acled_type: {
    enumType: 'acled_event_type',
    values: ACLED_EVENT_TYPES.map((t) => acledType(t)?.domain ?? null),
    fallback: 'none',
  },
  category_by_acled_sub_type: {
    enumType: 'acled_sub_event_type',
    values: ACLED_SUB_EVENT_TYPES.map((s) => acledSub(s)?.category ?? null),
    fallback: null,
  },
  domain_by_acled_sub_type: {
    enumType: 'acled_sub_event_type',
    values: ACLED_SUB_EVENT_TYPES.map((s) => acledSub(s)?.domain ?? null),
    fallback: null,
  },
  category_by_ucdp_type: {
    enumType: 'ucdp_violence_type',
    values: violence.map((v) => ucdpCategory(Number(v))?.category ?? null),
    fallback: 'other',
  },
  domain_by_ucdp_type: {
    enumType: 'ucdp_violence_type',
    values: violence.map((v) => ucdpCategory(Number(v))?.domain ?? null),
    fallback: 'none',
  },
};

const prepared = new WeakSet<Store>();

/**
 * Creates this connection's enum types: the CSV reader rejects a value outside them (an
 * unknown code) with its line and column, like any other bad value.
 */
export async function prepareReference(store: Store): Promise<void> {
  if (prepared.has(store)) return;
  for (const [name, values] of Object.entries(REFERENCE_ENUMS)) {
    await store.exec(store.dialect.enumType(name, values ?? []));
  }
  prepared.add(store);
}
