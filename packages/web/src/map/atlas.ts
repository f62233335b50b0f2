import { countryByIsoNumeric, countryByName } from '@peacebell/model';
import type { ExtendedFeature } from 'd3-geo';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';

/**
 * Natural Earth 1:110m country shapes (world-atlas), read once for every map of the dashboard.
 * world-atlas ids are ISO numeric codes; the three shapes without one (N. Cyprus, Somaliland,
 * Kosovo) go by name. Small states (Singapore, Bahrain, ...) have no shape at this scale.
 */
type Topology = Parameters<typeof feature>[0];
type Countries = Extract<Parameters<typeof feature>[1], { type: 'GeometryCollection' }> & {
  geometries: { properties?: { name?: string } }[];
};

export interface CountryShape {
  iso3: string | undefined;
  name: string;
  feature: ExtendedFeature;
}

function read(): CountryShape[] {
  const topology = atlas as unknown as Topology;
  const collection = feature(topology, topology.objects.countries as Countries);
  return collection.features.map((f) => {
    const name = (f.properties as { name?: string } | null)?.name ?? '';
    const iso3 =
      (f.id !== undefined ? countryByIsoNumeric(String(f.id))?.iso3 : undefined) ?? countryByName(name)?.iso3;
    return { iso3, name, feature: f };
  });
}

export const COUNTRY_SHAPES: readonly CountryShape[] = read();

export const shapeOf = (iso3: string): CountryShape | undefined =>
  COUNTRY_SHAPES.find((s) => s.iso3 === iso3);
