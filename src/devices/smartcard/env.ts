// What a card driver is given to work with: the browser's APIs, or fakes standing in for them. Its own file so
// the drivers (detect.ts) and the fakes (fake/hook.ts) both depend on it and never on each other.
import type { BridgeTarget } from './bridge-client';
import type { USB } from './ccid/usb';
import type { SmartCardResourceManager } from './web-smart-card';

export interface CardEnv {
  smartCard: SmartCardResourceManager | null;
  usb: USB | null;
  /** The page may claim a smart-card interface (Isolated Web App with usb-unrestricted). */
  usbAllowed: boolean;
  bridge: BridgeTarget;
  /** The devices are fakes (window.__tabianFakeCard). */
  demo: boolean;
}
