import type { ExtendedFeature } from 'd3-geo';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';
import { iso3OfShape } from './iso3.ts';

/**
 * Natural Earth 1:110m country shapes (world-atlas), read once for every map of the dashboard.
 * Small states (Singapore, Bahrain, ...) have no shape at this scale. (The world map's shapes are
 * projected at build time instead: build/world-shapes.ts.)
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
    return { iso3: iso3OfShape(f.id, name), name, feature: f };
  });
}

export const COUNTRY_SHAPES: readonly CountryShape[] = read();

export const shapeOf = (iso3: string): CountryShape | undefined =>
  COUNTRY_SHAPES.find((s) => s.iso3 === iso3);
