// Whether this browser can reach a Bluetooth scale, and the scale to use. A test and demo hook,
// window.__tabianFakeScale, puts a fake scale behind the real Web Bluetooth transport (docs/decisions/0010-growth.md).
import type { BluetoothLike } from './bluetooth-types';
import type { FakeScaleHook } from './fake/hook';
import type { Scale } from './scale';
import { WebBluetoothScale } from './web-bluetooth';

declare global {
  // Set before the app connects a scale: tests call hook.scale.weigh(kg) once the app has connected.
  var __tabianFakeScale: FakeScaleHook | undefined;
}

export type ScaleSupport = 'available' | 'no_adapter' | 'unsupported';

async function bluetooth(): Promise<BluetoothLike | null> {
  const hook = globalThis.__tabianFakeScale;
  if (hook) return (await import('./fake/hook')).fakeBluetoothFor(hook);
  const nav = globalThis.navigator as (Navigator & { bluetooth?: BluetoothLike }) | undefined;
  return nav?.bluetooth ?? null;
}

export async function scaleSupport(): Promise<ScaleSupport> {
  const bt = await bluetooth();
  if (!bt) return 'unsupported';
  try {
    return (await bt.getAvailability()) ? 'available' : 'no_adapter';
  } catch {
    return 'no_adapter';
  }
}

/** The scale for this browser, or null where Web Bluetooth does not exist. */
export async function openScale(): Promise<Scale | null> {
  const bt = await bluetooth();
  return bt ? new WebBluetoothScale(bt) : null;
}
