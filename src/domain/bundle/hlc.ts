// Hybrid logical clock: wall time in ms, a counter for events within one ms (or while the wall clock
// lags a clock already seen), and the device id to break ties. Every two clocks are ordered.
import { z } from 'zod';

export const hlcSchema = z.object({
  wall: z.number().int().nonnegative(),
  counter: z.number().int().nonnegative(),
  device: z.string().min(1),
});
export type Hlc = z.infer<typeof hlcSchema>;

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** The clock of a new local event: later than `last` even when the wall clock went back. */
export function tickHlc(last: Hlc | null, device: string, nowMs: number): Hlc {
  if (last === null || nowMs > last.wall) return { wall: nowMs, counter: 0, device };
  return { wall: last.wall, counter: last.counter + 1, device };
}

/** The local clock after seeing `remote` (from an imported bundle): later than both. */
export function receiveHlc(local: Hlc | null, remote: Hlc, device: string, nowMs: number): Hlc {
  const wall = Math.max(nowMs, remote.wall, local?.wall ?? 0);
  // Count on from every clock that already reached this wall time; a fresh wall time starts at 0.
  const counter = Math.max(local?.wall === wall ? local.counter + 1 : 0, remote.wall === wall ? remote.counter + 1 : 0);
  return { wall, counter, device };
}
