import { countryByIsoNumeric, countryByName, type Hotspot } from '@peacebell/model';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';
import type { z } from 'zod';
import { LEVEL_LABELS, levelColor } from '../levels.ts';
import { Link, useNavigate } from '../navigation.tsx';
import type { State } from '../url-state.ts';

/**
 * The world choropleth, drawn offline as SVG from Natural Earth 1:110m (world-atlas) in the Equal
 * Earth projection. Loaded on demand (its own chunk). A country with a hotspot is a link (keyboard
 * reachable); the others take a click.
 */
type Topology = Parameters<typeof feature>[0];
type Countries = Extract<Parameters<typeof feature>[1], { type: 'GeometryCollection' }> & {
  geometries: { properties?: { name?: string } }[];
};

const WIDTH = 960;
const HEIGHT = 468;

interface Shape {
  iso3: string | undefined;
  name: string;
  d: string;
}

/** world-atlas ids are ISO numeric codes; the three shapes without one (N. Cyprus, Somaliland, Kosovo) go by name. */
function shapes(): { sphere: string; countries: Shape[] } {
  const topology = atlas as unknown as Topology;
  const collection = feature(topology, topology.objects.countries as Countries);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  return {
    sphere: path({ type: 'Sphere' }) ?? '',
    countries: collection.features.map((f) => {
      const name = f.properties?.name ?? '';
      const iso3 =
        (f.id !== undefined ? countryByIsoNumeric(String(f.id))?.iso3 : undefined) ??
        countryByName(name)?.iso3;
      return { iso3, name, d: path(f) ?? '' };
    }),
  };
}

const SHAPES = shapes();

/** An indicator to colour by instead of the hotspot level: its value per country, its fill, its unit. */
export interface Colouring {
  values: ReadonlyMap<string, number | null>;
  colour: (v: number | null | undefined) => string;
  format: (v: number) => string;
  title: string;
}

export default function WorldMap({
  hotspots,
  caption,
  linkTo,
  colouring,
}: {
  hotspots: ReadonlyMap<string, z.output<typeof Hotspot>>;
  caption: string;
  linkTo: (iso3: string) => State;
  colouring?: Colouring | undefined;
}) {
  const navigate = useNavigate();
  return (
    <figure className="map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        data-testid="world-map"
        role="group"
        aria-label={caption}
        className="world-map"
      >
        <defs>
          <pattern
            id="no-data"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#b0b0b0" strokeWidth="1.5" />
          </pattern>
        </defs>
        <path d={SHAPES.sphere} className="sphere" />
        {SHAPES.countries.map((shape, i) => {
          const hotspot = shape.iso3 ? hotspots.get(shape.iso3) : undefined;
          const value = colouring && shape.iso3 ? colouring.values.get(shape.iso3) : undefined;
          const hasValue = value !== undefined && value !== null;
          const label = colouring
            ? `${shape.name}: ${colouring.title} ${hasValue ? colouring.format(value) : 'no data'}` +
              (hotspot ? `; ${LEVEL_LABELS[hotspot.level]} (${hotspot.phase})` : '')
            : hotspot
              ? `${shape.name}: ${LEVEL_LABELS[hotspot.level]} (${hotspot.phase})`
              : `${shape.name}: no hotspot`;
          const path = (
            <path
              d={shape.d}
              fill={colouring ? colouring.colour(value) : levelColor(hotspot?.level)}
              data-iso3={shape.iso3}
              data-level={hotspot?.level}
              data-value={hasValue ? value : undefined}
              className={hotspot ? 'country hot' : 'country'}
              onClick={shape.iso3 && !hotspot ? () => navigate(linkTo(shape.iso3 ?? '')) : undefined}
            >
              <title>{label}</title>
            </path>
          );
          return hotspot && shape.iso3 ? (
            <Link key={i} to={linkTo(shape.iso3)} aria-label={label}>
              {path}
            </Link>
          ) : (
            <g key={i}>{path}</g>
          );
        })}
      </svg>
      <figcaption className="muted small">
        {caption}. Natural Earth 1:110m; boundaries are not an endorsement.
      </figcaption>
    </figure>
  );
}
