import type { Regions } from '@peacebell/model';
import { geoPath, type GeoGeometryObjects } from 'd3-geo';
import { useMemo } from 'react';
import type { z } from 'zod';
import { IndicatorLegend } from '../colour-legend.tsx';
import { colourScale } from '../colour-scale.ts';
import { formatCount, formatCountOf, formatShare } from '../format.ts';
import { Link } from '../navigation.tsx';
import type { State } from '../url-state.ts';
import { COUNTRY_SHAPES, shapeOf } from './atlas.ts';
import { fitProjection } from './fit.ts';
import { MapSvg } from './frame.tsx';
import { radiusScale, SizeLegend } from './symbols.tsx';

/**
 * A country's first-level regions on a map, offline: the country's outline (Natural Earth 1:110m,
 * its neighbours in grey), each region a circle at the mean position of its events, its area the
 * events, its colour the conflict share (the sequential ramp that reads in greyscale). No ADM1
 * boundaries are drawn: none ship offline. Each circle is a link to the region's events.
 * Loaded on demand (its own chunk).
 */
type Region = z.output<typeof Regions>['regions'][number];

const WIDTH = 640;
const HEIGHT = 420;
const MAX_RADIUS = 26;
/** The regions named on the map beside their circle, the busiest first. */
const LABELLED = 5;

const shareScale = colourScale([], [0, 1]);

export default function RegionMap({
  country,
  name,
  regions,
  window,
  eventsOf,
}: {
  country: string;
  name: string;
  regions: readonly Region[];
  window: { from: string; to: string };
  eventsOf: (adm1: string) => State;
}) {
  const placed = useMemo(
    () =>
      regions
        .filter((r): r is Region & { lat: number; lon: number } => r.lat !== null && r.lon !== null)
        .sort((a, b) => b.events - a.events || a.adm1.localeCompare(b.adm1)),
    [regions],
  );
  const drawing = useMemo(() => {
    const outline = shapeOf(country);
    if (!outline && placed.length === 0) return null;
    const points: GeoGeometryObjects = { type: 'MultiPoint', coordinates: placed.map((r) => [r.lon, r.lat]) };
    const projection = fitProjection(outline ? [outline.feature.geometry, points] : [points], WIDTH, HEIGHT, {
      pad: MAX_RADIUS,
    });
    const path = geoPath(projection);
    return {
      hasOutline: outline !== undefined,
      land: COUNTRY_SHAPES.filter((s) => s.iso3 !== country).map((s) => path(s.feature) ?? ''),
      outline: outline ? (path(outline.feature) ?? '') : '',
      at: (r: { lat: number; lon: number }) => projection([r.lon, r.lat]) ?? [0, 0],
    };
  }, [country, placed]);
  const max = placed[0]?.events ?? 1;
  const radius = radiusScale(max, MAX_RADIUS);
  const unplaced = regions.length - placed.length;
  const caption =
    `${name}: events per first-level region, ${window.from} to ${window.to} (UTC); circle area is events, ` +
    `colour the conflict share`;
  if (drawing === null) return <p className="empty">No outline of {name} and no region with coordinates.</p>;

  return (
    <figure className="map region-map">
      <MapSvg width={WIDTH} height={HEIGHT} testId="region-map" label={caption}>
        <rect width={WIDTH} height={HEIGHT} className="sphere" />
        {drawing.land.map((d, i) => (
          <path key={i} d={d} className="land" aria-hidden="true" />
        ))}
        <path d={drawing.outline} className="subject" aria-hidden="true" />
        {/* largest first, so smaller circles stay on top and clickable */}
        {placed.map((r, i) => {
          const [x, y] = drawing.at(r);
          const label =
            `${r.name}: ${formatCountOf(r.events, 'event')}, conflict share ${formatShare(r.conflict_share)}, ` +
            `${formatCountOf(r.fatalities, 'death')}. Open its events`;
          return (
            <Link key={r.adm1} to={eventsOf(r.adm1)} aria-label={label} data-testid="region-symbol">
              <circle
                cx={x}
                cy={y}
                r={radius(r.events)}
                fill={shareScale.colour(r.conflict_share)}
                className="symbol"
                data-adm1={r.adm1}
                data-events={r.events}
              >
                <title>{label}</title>
              </circle>
              {i < LABELLED && (
                <text x={x} y={y - radius(r.events) - 3} className="symbol-label" aria-hidden="true">
                  {r.name}
                </text>
              )}
            </Link>
          );
        })}
      </MapSvg>
      <div className="map-legends">
        <SizeLegend max={max} radius={radius} unit="events" />
        <IndicatorLegend scale={shareScale} unit="conflict share" format={formatShare} noData={false} />
      </div>
      <figcaption className="muted small" data-testid="region-map-note">
        {caption}. Each circle sits at the mean position of its region’s events; no regional boundaries are
        drawn ({drawing.hasOutline ? 'outline: Natural Earth 1:110m' : `no outline of ${name} at this scale`}
        ). {formatCountOf(placed.length, 'region')} on the map
        {unplaced > 0 ? `, ${formatCount(unplaced)} without coordinates in the table only` : ''}. Enter on a
        circle opens its events.
      </figcaption>
    </figure>
  );
}
