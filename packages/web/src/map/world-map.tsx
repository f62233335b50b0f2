import { type Hotspot } from '@peacebell/model';
import { memo } from 'react';
import WORLD from 'virtual:world-shapes';
import type { z } from 'zod';
import { LEVEL_LABELS, levelColor } from '../levels.ts';
import { Link } from '../navigation.tsx';
import type { State } from '../url-state.ts';
import { MapSvg } from './frame.tsx';
import { iso3OfShape } from './iso3.ts';
import { NoDataPattern } from './no-data.tsx';

/**
 * The world choropleth as SVG from Natural Earth 1:110m (world-atlas) in the Equal Earth
 * projection, its paths computed at build time (build/world-shapes.ts): nothing to project in the
 * browser. In the main chunk, so the first view draws it in its first render. Every country is a
 * link to its page, named with its level or value: Tab reaches them in alphabetical order (the
 * drawing order does not matter, shapes do not overlap), Enter opens one; a skip link jumps past
 * the map.
 */
const { width: WIDTH, height: HEIGHT } = WORLD;

const SHAPES = {
  sphere: WORLD.sphere,
  countries: WORLD.countries
    .map(({ id, name, d }) => ({ iso3: iso3OfShape(id, name), name, d }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en')),
};

/** An indicator to colour by instead of the hotspot level: its value per country, its fill, its unit. */
export interface Colouring {
  values: ReadonlyMap<string, number | null>;
  colour: (v: number | null | undefined) => string;
  format: (v: number) => string;
  title: string;
}

export default memo(function WorldMap({
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
  return (
    <figure className="map">
      <a href="#after-world-map" className="skip-map">
        Skip the map’s {SHAPES.countries.length} countries
      </a>
      <MapSvg width={WIDTH} height={HEIGHT} testId="world-map" label={caption}>
        <defs>
          <NoDataPattern />
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
            >
              <title>{label}</title>
            </path>
          );
          return shape.iso3 ? (
            <Link key={i} to={linkTo(shape.iso3)} aria-label={label}>
              {path}
            </Link>
          ) : (
            <g key={i}>{path}</g>
          );
        })}
      </MapSvg>
      <figcaption className="muted small" id="after-world-map" tabIndex={-1}>
        {caption}. Natural Earth 1:110m; boundaries are not an endorsement. Tab through the countries (A to
        Z), Enter opens one.
      </figcaption>
    </figure>
  );
});
