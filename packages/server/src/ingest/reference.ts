import { CAMEO_CODES, cameoCountryCodes, fipsCodes } from '@peacebell/model';
import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

const prepared = new WeakSet<Store>();

/**
 * The reference data the bulk load checks and joins against, made from the model's tables for
 * this connection: enums that reject unknown codes inside the CSV reader, and lookup tables.
 */
export async function prepareReference(store: Store): Promise<void> {
  if (prepared.has(store)) return;
  const d = store.dialect;
  const fips = fipsCodes();
  const cameoCountries = cameoCountryCodes();
  await store.exec(
    d.enumType(
      'cameo_event_code',
      CAMEO_CODES.map((c) => c.code),
    ),
  );
  await store.exec(
    d.enumType(
      'cameo_country_code',
      cameoCountries.map((c) => c.code),
    ),
  );
  await store.exec(
    d.enumType(
      'fips_country_code',
      fips.map((c) => c.code),
    ),
  );
  await store.exec(d.enumType('quad_class_code', ['1', '2', '3', '4']));
  await store.exec(sql`CREATE OR REPLACE TEMP TABLE ref_iso3_by_fips (code VARCHAR, iso3 VARCHAR)`);
  await store.exec(sql`CREATE OR REPLACE TEMP TABLE ref_iso3_by_cameo (code VARCHAR, iso3 VARCHAR)`);
  await store.exec(
    sql`CREATE OR REPLACE TEMP TABLE ref_event (code VARCHAR, category VARCHAR, domain VARCHAR)`,
  );
  await store.insert(
    'ref_iso3_by_fips',
    fips.map(({ code, iso3 }) => ({ code, iso3 })),
  );
  await store.insert(
    'ref_iso3_by_cameo',
    cameoCountries.map(({ code, iso3 }) => ({ code, iso3 })),
  );
  await store.insert(
    'ref_event',
    CAMEO_CODES.map(({ code, category, domain }) => ({ code, category, domain })),
  );
  prepared.add(store);
}
