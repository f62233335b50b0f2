import { CAMEO_CODES, cameoCountryCodes, fipsCodes } from '@peacebell/model';
import type { RawType } from '../sources/gdelt/index.ts';
import type { Store } from '../store/store.ts';

const fips = fipsCodes();
const cameoCountries = cameoCountryCodes();

/** The enum types raw layouts use, in value order, made from the model's tables. */
export const REFERENCE_ENUMS: Readonly<Partial<Record<RawType, readonly string[]>>> = {
  cameo_event_code: CAMEO_CODES.map((c) => c.code),
  cameo_country_code: cameoCountries.map((c) => c.code),
  fips_country_code: fips.map((c) => c.code),
  quad_class_code: ['1', '2', '3', '4'],
};

export interface Lookup {
  /** The enum the raw column must have; `values` are aligned with its values. */
  enumType: RawType;
  values: readonly (string | null)[];
  fallback: string | null;
}

/** Code → value lookups, evaluated as array indexing by enum position (no join). */
export const LOOKUPS = {
  iso3_by_fips: { enumType: 'fips_country_code', values: fips.map((c) => c.iso3), fallback: null },
  iso3_by_cameo: {
    enumType: 'cameo_country_code',
    values: cameoCountries.map((c) => c.iso3),
    fallback: null,
  },
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
} as const satisfies Record<string, Lookup>;

const prepared = new WeakSet<Store>();

/**
 * Creates this connection's enum types: the CSV reader rejects a value outside them (an
 * unknown code) with its line and column, like any other bad value.
 */
export async function prepareReference(store: Store): Promise<void> {
  if (prepared.has(store)) return;
  for (const [name, values] of Object.entries(REFERENCE_ENUMS)) {
    await store.exec(store.dialect.enumType(name, values));
  }
  prepared.add(store);
}
