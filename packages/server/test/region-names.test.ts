import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { adm1NameOf, FIPS_ADM1 } from '../src/analytics/region-names.ts';
import { regionsOf } from '../src/analytics/regions.ts';
import { explainHotspot } from '../src/analytics/hotspots/explain.ts';
import { withRegionNames } from '../src/analytics/hotspots/region-labels.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

describe('the region part of a GDELT place name', () => {
  it('is the part before the country, for states, regions and cities alike', () => {
    expect(adm1NameOf('New York, United States')).toBe('New York');
    expect(adm1NameOf('Brooklyn, New York, United States')).toBe('New York');
    expect(adm1NameOf('Fermanagh, Fermanagh, United Kingdom')).toBe('Fermanagh');
    expect(adm1NameOf('Nigeria')).toBeNull();
    expect(adm1NameOf('')).toBeNull();
  });
});

describe.runIf(hasData)('readable names of GDELT’s FIPS regions, from a real GDELT 2.0 export', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(tempDir());
    await importFile(store, dataFile('gdelt2/export/20161013151500.export.CSV'), { clock: CLOCK });
  });
  afterAll(() => store.close());

  it('names the codes from the place names of their events', async () => {
    const us = await regionsOf(store, 'USA', '2016-01-01', '2016-12-31');
    expect(us.length).toBeGreaterThan(5);
    const ny = us.find((r) => r.adm1 === 'USNY');
    expect(ny?.name).toBe('New York');
    // every US state GDELT located an event in gets a name that is not a code
    expect(us.filter((r) => FIPS_ADM1.test(r.name))).toEqual([]);
    const stored = await store.query<{ adm1: string; place: string }>(
      sql`SELECT DISTINCT action_geo_adm1 AS adm1, action_geo_name AS place FROM events
        WHERE action_geo_country = 'USA' AND action_geo_type = 2`,
    );
    for (const { adm1, place } of stored)
      expect(us.find((r) => r.adm1 === adm1)?.name).toBe(adm1NameOf(place));
  });

  it('names the regions of hotspot rows and explanations, and leaves other names and countries alone', async () => {
    const rows = [
      { country: 'USA', adm1: 'USNY', region: '' },
      { country: 'USA', adm1: '', region: 'USNY' },
      { country: 'ZAF', adm1: 'Limpopo', region: '' },
      { country: 'USA', adm1: '', region: '' },
      { country: 'USA', adm1: 'USZZ', region: '' },
    ];
    const named = await withRegionNames(store, rows, '2016-10-13', '2016-10-13');
    expect(named.map((r) => r.region_name)).toEqual(['New York', 'New York', 'Limpopo', '', 'USZZ']);
    // the names come from the days of the rows' window only
    const before = await withRegionNames(store, rows.slice(0, 1), '2016-09-01', '2016-09-30');
    expect(before[0]?.region_name).toBe('USNY');
    const explained = await explainHotspot(store, 'USA', '2016-10-13', 'USNY');
    expect(explained.adm1_name).toBe('New York');
    expect((await explainHotspot(store, 'USA', '2016-10-13', '')).adm1_name).toBe('');
  });
});
