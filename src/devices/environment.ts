// The one place that decides real devices or fakes. The fakes are compiled in only where __TABIAN_FAKES__ is
// true (the e2e build, the dev server, the unit tests: vite.config.ts); in the release build each branch below
// is dead code, so no fake module is emitted or precached, and the build fails if one is (vite.config.ts).
import type { QrDecoder } from './camera/decode';
import type { FakeCameraOptions } from './camera/fake/fake-camera';
import type { FrameSource } from './camera/frames';
import { browserCameraPossible, openBrowserCamera } from './camera/index';
import type { BluetoothLike } from './scale/bluetooth-types';
import { browserBluetooth } from './scale/detect';
import type { FakeScaleHook } from './scale/fake/hook';
import type { BridgeTarget } from './smartcard/bridge-client';
import { browserCardEnv } from './smartcard/detect';
import type { CardEnv } from './smartcard/env';
import type { FakeCardHook } from './smartcard/fake/hook';

declare global {
  // Test and demo hooks, read only in a build with fakes: set one before the app uses the device
  // (docs/card-bridge.md; tests call __tabianFakeScale.scale.weigh(kg) once the app has connected).
  var __tabianFakeCard: FakeCardHook | undefined;
  var __tabianFakeScale: FakeScaleHook | undefined;
  var __tabianFakeCamera: FakeCameraOptions | undefined;
}

export async function cardEnv(bridge: BridgeTarget): Promise<CardEnv> {
  if (__TABIAN_FAKES__ && globalThis.__tabianFakeCard) {
    return (await import('./smartcard/fake/hook')).fakeCardEnv(globalThis.__tabianFakeCard, bridge);
  }
  return browserCardEnv(bridge);
}

/** The Bluetooth a scale is reached through, or null where this browser has none. */
export async function scaleBluetooth(): Promise<BluetoothLike | null> {
  if (__TABIAN_FAKES__ && globalThis.__tabianFakeScale) {
    return (await import('./scale/fake/hook')).fakeBluetoothFor(globalThis.__tabianFakeScale);
  }
  return browserBluetooth();
}

/** Whether the page may try a camera at all (the scan button is hidden otherwise). */
export const cameraPossible = (): boolean =>
  (__TABIAN_FAKES__ && !!globalThis.__tabianFakeCamera) || browserCameraPossible();

/** Opens the camera into `video`; throws CameraError when there is none or it is refused. */
export async function openCamera(video: HTMLVideoElement): Promise<{ source: FrameSource; decode: QrDecoder }> {
  if (__TABIAN_FAKES__ && globalThis.__tabianFakeCamera) {
    return (await import('./camera/fake/hook')).openFakeCamera(globalThis.__tabianFakeCamera);
  }
  return openBrowserCamera(video);
}
