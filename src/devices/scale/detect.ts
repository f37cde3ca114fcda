// Whether this browser can reach a Bluetooth scale, and the scale to use, given the Bluetooth to use
// (the browser's or a fake: ../environment.ts decides; docs/decisions/0010-growth.md).
import type { BluetoothLike } from './bluetooth-types';
import type { Scale } from './scale';
import { WebBluetoothScale } from './web-bluetooth';

export type ScaleSupport = 'available' | 'no_adapter' | 'unsupported';

export function browserBluetooth(): BluetoothLike | null {
  const nav = globalThis.navigator as (Navigator & { bluetooth?: BluetoothLike }) | undefined;
  return nav?.bluetooth ?? null;
}

export async function scaleSupport(bt: BluetoothLike | null): Promise<ScaleSupport> {
  if (!bt) return 'unsupported';
  try {
    return (await bt.getAvailability()) ? 'available' : 'no_adapter';
  } catch {
    return 'no_adapter';
  }
}

/** The scale reached through `bt`, or null where Web Bluetooth does not exist. */
export function openScale(bt: BluetoothLike | null): Scale | null {
  return bt ? new WebBluetoothScale(bt) : null;
}
