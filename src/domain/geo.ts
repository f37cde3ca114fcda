// Distance between two GPS positions on the ground: the haversine formula on a sphere of the Earth's mean
// radius (IUGG: 6,371.0088 km). Within Thailand the error against the ellipsoid is under 0.5%, far below the
// thresholds the checks use.
import type { Gps } from './school';

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceKm(a: Pick<Gps, 'lat' | 'lon'>, b: Pick<Gps, 'lat' | 'lon'>): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
