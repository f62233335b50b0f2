import type { EventPoints } from '@peacebell/model';
import { geoPath, type GeoGeometryObjects } from 'd3-geo';
import { useMemo } from 'react';
import type { z } from 'zod';
import { formatCount, formatCountOf } from '../format.ts';
import { COUNTRY_SHAPES } from './atlas.ts';
import { fitProjection } from './fit.ts';
import { MapSvg } from './frame.tsx';
import { radiusScale, SizeLegend } from './symbols.tsx';

/**
 * Where the events of a selection happened: one circle per place (coordinates rounded to 0.01°),
 * its area the events there, on the offline world outline (Natural Earth 1:110m) zoomed to the
 * places' extent. The API sends at most a bounded number of places, the busiest first; the note
 * says when there are more. Loaded on demand (its own chunk).
 */
type Points = z.output<typeof EventPoints>;

const WIDTH = 960;
const HEIGHT = 440;
const MAX_RADIUS = 16;

export default function PointsMap({ data, caption }: { data: Points; caption: string }) {
  const drawing = useMemo(() => {
    const places: GeoGeometryObjects = {
      type: 'MultiPoint',
      coordinates: data.points.map((p) => [p.lon, p.lat]),
    };
    const projection = fitProjection([places], WIDTH, HEIGHT, { pad: MAX_RADIUS, minSpan: 4 });
    const path = geoPath(projection);
    return {
      land: COUNTRY_SHAPES.map((s) => path(s.feature) ?? ''),
      at: (p: { lat: number; lon: number }) => projection([p.lon, p.lat]) ?? [0, 0],
    };
  }, [data]);
  const max = data.points[0]?.events ?? 1;
  const radius = radiusScale(max, MAX_RADIUS, 1.8);
  const shownEvents = data.points.reduce((s, p) => s + p.events, 0);
  const capped = data.points.length < data.places;
  const summary =
    `${caption}: ${formatCountOf(data.located, 'event')} with coordinates at ` +
    `${formatCountOf(data.places, 'place')}` +
    (capped ? `, the ${formatCount(data.points.length)} busiest shown` : '');

  return (
    <figure className="map points-map">
      <MapSvg width={WIDTH} height={HEIGHT} testId="points-map" label={summary} role="img">
        <rect width={WIDTH} height={HEIGHT} className="sphere" />
        {drawing.land.map((d, i) => (
          <path key={i} d={d} className="land" />
        ))}
        {/* the busiest first, so smaller circles stay visible on top */}
        {data.points.map((p) => {
          const [x, y] = drawing.at(p);
          return (
            <circle
              key={`${p.lat},${p.lon}`}
              cx={x}
              cy={y}
              r={radius(p.events)}
              className="place"
              data-events={p.events}
            >
              <title>
                {`${p.lat.toFixed(2)}°, ${p.lon.toFixed(2)}°: ${formatCountOf(p.events, 'event')}`}
              </title>
            </circle>
          );
        })}
      </MapSvg>
      <div className="map-legends">
        <SizeLegend max={max} radius={radius} unit="events at a place" />
      </div>
      <figcaption className="muted small" data-testid="points-note">
        {formatCountOf(data.located, 'event')} of {formatCount(data.events)} have coordinates, at{' '}
        {formatCountOf(data.places, 'place')} (rounded to 0.01°, about 1 km).{' '}
        {capped ? (
          <strong data-testid="points-capped">
            Only the {formatCount(data.points.length)} busiest places are drawn (
            {formatCountOf(shownEvents, 'event')}).
          </strong>
        ) : (
          'Every place is drawn.'
        )}{' '}
        The table lists the events themselves. Natural Earth 1:110m outline.
      </figcaption>
    </figure>
  );
}
