// window.__tabianFakeScale: loaded only in a build with fakes and only when the hook is set (../../environment.ts).
import { FakeScale, fakeBluetooth, type FakeScaleOptions } from './fake-scale';

export interface FakeScaleHook extends FakeScaleOptions {
  /** Bluetooth is switched off on this device. */
  unavailable?: boolean;
  /** Filled by the app: the fake scale, to call weigh(kg) on. */
  scale?: FakeScale;
}

export function fakeBluetoothFor(hook: FakeScaleHook) {
  hook.scale ??= new FakeScale(hook);
  return fakeBluetooth(hook.scale, { available: !hook.unavailable });
}
