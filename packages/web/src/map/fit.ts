import {
  geoCentroid,
  geoEqualEarth,
  type ExtendedFeatureCollection,
  type GeoGeometryObjects,
  type GeoProjection,
} from 'd3-geo';

const collection = (geometries: readonly (GeoGeometryObjects | null)[]): ExtendedFeatureCollection => ({
  type: 'FeatureCollection',
  features: geometries.map((geometry) => ({ type: 'Feature', geometry, properties: {} })),
});

/**
 * An Equal Earth projection turned to face `geometries` (so a country or a selection across ±180°
 * stays whole) and fitted to a `width` × `height` box with `pad` pixels around, showing at least
 * `minSpan` degrees (a single place is not drawn at street scale). Shapes outside the box are cut.
 */
export function fitProjection(
  geometries: readonly (GeoGeometryObjects | null)[],
  width: number,
  height: number,
  { pad = 12, minSpan = 3 }: { pad?: number; minSpan?: number } = {},
): GeoProjection {
  const [lon, lat] = geoCentroid(collection(geometries));
  const half = minSpan / 2;
  const span: GeoGeometryObjects = {
    type: 'MultiPoint',
    coordinates: [
      [lon - half, Math.max(-89, lat - half)],
      [lon + half, Math.min(89, lat + half)],
    ],
  };
  return geoEqualEarth()
    .rotate([-lon, 0])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      collection([...geometries, span]),
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}
