import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Plugin } from 'vite';

/** The world map's drawing box, in SVG units. */
export const WORLD_WIDTH = 960;
export const WORLD_HEIGHT = 468;

const ID = 'virtual:world-shapes';

type Topology = Parameters<typeof feature>[0];
type Collection = Extract<Parameters<typeof feature>[1], { type: 'GeometryCollection' }>;

/**
 * The world map's shapes, projected once at build time (Equal Earth, fitted to the box, to 0.1
 * unit): the page then draws SVG paths with no projection code, no topology and no atlas to load
 * or compute (d3-geo and the atlas stay for the country and events maps). Each shape keeps its
 * world-atlas id (ISO numeric) and name; the page turns them into ISO3 codes with the model.
 */
export function worldShapes(): Plugin {
  const resolved = `\0${ID}`;
  return {
    name: 'peacebell-world-shapes',
    resolveId: (id) => (id === ID ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
      const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology & {
        objects: { countries: Collection };
      };
      const projection = geoEqualEarth().fitExtent(
        [
          [4, 4],
          [WORLD_WIDTH - 4, WORLD_HEIGHT - 4],
        ],
        { type: 'Sphere' },
      );
      const path = geoPath(projection).digits(1);
      const countries = feature(topology, topology.objects.countries).features.map((f) => ({
        id: f.id === undefined ? null : String(f.id),
        name: (f.properties as { name?: string } | null)?.name ?? '',
        d: path(f) ?? '',
      }));
      const shapes = {
        width: WORLD_WIDTH,
        height: WORLD_HEIGHT,
        sphere: path({ type: 'Sphere' }),
        countries,
      };
      return `export default ${JSON.stringify(shapes)};`;
    },
  };
}
