export type LocateFailure = 'denied' | 'unavailable';
export type LocateResult =
  { ok: true; lat: number; lon: number; accuracyM: number } | { ok: false; failure: LocateFailure };

/** One reading of the device's position; a school sets this once, so no watching. */
export function locateDevice(
  geo: Geolocation | undefined = navigator.geolocation,
  timeoutMs = 20_000,
): Promise<LocateResult> {
  if (!geo) return Promise.resolve({ ok: false, failure: 'unavailable' });
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) => resolve({ ok: true, lat: p.coords.latitude, lon: p.coords.longitude, accuracyM: p.coords.accuracy }),
      (e) => resolve({ ok: false, failure: e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
