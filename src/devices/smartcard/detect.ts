// Which way to a card reader works on this device, and opening it. Honest about browsers: WebUSB cannot
// claim a smart-card interface outside an Isolated Web App, and navigator.smartCard exists only there.
import { checkBridge, openBridgeTransport, type BridgeTarget } from './bridge-client';
import { openCcidTransport } from './ccid/driver';
import { CCID_CLASS, type USB, type USBDevice } from './ccid/usb';
import type { CardEnv } from './env';
import { CardError, toCardError, type CardTransport } from './transport';
import { openWebSmartCard, type SmartCardResourceManager } from './web-smart-card';

export type { CardEnv };

export type CardWay = 'smart-card' | 'usb' | 'bridge';

export interface WayReport {
  'smart-card': 'ready' | 'absent';
  usb: 'ready' | 'blocked' | 'absent';
  bridge: 'ready' | 'unpaired' | 'origin' | 'absent';
}

interface BrowserNavigator {
  smartCard?: SmartCardResourceManager;
  usb?: USB;
}
interface PolicyDocument {
  featurePolicy?: { allowsFeature(feature: string): boolean };
}

/** The browser's own card APIs; whether fakes stand in instead is decided in ../environment.ts. */
export function browserCardEnv(bridge: BridgeTarget): CardEnv {
  const nav = navigator as Navigator & BrowserNavigator;
  const policy = (document as Document & PolicyDocument).featurePolicy;
  return {
    smartCard: nav.smartCard ?? null,
    usb: nav.usb ?? null,
    usbAllowed: location.protocol === 'isolated-app:' && (policy?.allowsFeature('usb-unrestricted') ?? false),
    bridge,
    demo: false,
  };
}

/**
 * `probeUnpaired: false` skips knocking on 127.0.0.1 when this browser never paired: reading a card needs a
 * paired bridge anyway, and on a public origin the knock can raise Chrome's local-network prompt.
 */
export async function detectWays(env: CardEnv, { probeUnpaired = true } = {}): Promise<WayReport> {
  let bridge: WayReport['bridge'] = 'ready';
  try {
    if (!env.bridge.token && !probeUnpaired) throw new CardError('bridge_unpaired');
    await checkBridge(env.bridge);
  } catch (e) {
    const code = toCardError(e).code;
    bridge = code === 'bridge_unpaired' ? 'unpaired' : code === 'bridge_origin' ? 'origin' : 'absent';
  }
  return {
    'smart-card': env.smartCard ? 'ready' : 'absent',
    usb: !env.usb ? 'absent' : env.usbAllowed ? 'ready' : 'blocked',
    bridge,
  };
}

/** The way to use: the browser's own first, the bridge last. */
export function bestWay(report: WayReport): CardWay | null {
  return (['smart-card', 'usb', 'bridge'] as const).find((w) => report[w] === 'ready') ?? null;
}

async function pickUsbDevice(usb: USB): Promise<USBDevice> {
  const known = (await usb.getDevices()).find(
    (d) => d.configuration?.interfaces.some((i) => i.alternates.some((a) => a.interfaceClass === CCID_CLASS)) ?? true,
  );
  if (known) return known;
  try {
    return await usb.requestDevice({ filters: [{ classCode: CCID_CLASS }] });
  } catch (e) {
    // NotFoundError: the user closed the chooser, or no reader was there to choose.
    throw new CardError((e as { name?: string }).name === 'NotFoundError' ? 'no_reader' : 'cancelled', String(e));
  }
}

export async function openWay(way: CardWay, env: CardEnv): Promise<CardTransport> {
  if (way === 'smart-card' && env.smartCard) return openWebSmartCard(env.smartCard);
  if (way === 'usb' && env.usb) return openCcidTransport(await pickUsbDevice(env.usb));
  if (way === 'bridge') return openBridgeTransport(env.bridge);
  throw new CardError('no_way');
}
