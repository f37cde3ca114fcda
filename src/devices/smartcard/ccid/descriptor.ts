// WebUSB does not parse the CCID class descriptor (type 0x21): read the raw configuration descriptor.
import { CardError } from '../transport';
import { CCID_CLASS, bytesOf, type USBDevice } from './usb';

export type ExchangeLevel = 'character' | 'tpdu' | 'short-apdu' | 'extended-apdu';

export interface CcidDescriptor {
  maxSlotIndex: number;
  features: number;
  maxMessageLength: number;
  exchangeLevel: ExchangeLevel;
  /** The reader sets the protocol parameters from the ATR by itself (dwFeatures 0x02). */
  autoParameters: boolean;
}

const GET_DESCRIPTOR = 0x06;
const CONFIGURATION = 0x02;
const INTERFACE = 0x04;
const CCID_FUNCTIONAL = 0x21;

export async function readConfigurationDescriptor(device: USBDevice, index: number): Promise<Uint8Array> {
  const setup = {
    requestType: 'standard',
    recipient: 'device',
    request: GET_DESCRIPTOR,
    value: (CONFIGURATION << 8) | index,
    index: 0,
  } as const;
  const head = bytesOf((await device.controlTransferIn(setup, 9)).data);
  const total = (head[2] ?? 0) | ((head[3] ?? 0) << 8);
  if (total < 9) throw new CardError('card_failed', 'no configuration descriptor');
  return bytesOf((await device.controlTransferIn(setup, total)).data);
}

/** The class descriptor that follows interface `interfaceNumber` in a raw configuration descriptor. */
export function findCcidClassDescriptor(config: Uint8Array, interfaceNumber: number): Uint8Array | null {
  let inside = false;
  for (let at = 0; at + 1 < config.length;) {
    const length = config[at]!;
    const type = config[at + 1]!;
    if (length < 2) break;
    if (type === INTERFACE)
      inside = config[at + 2] === interfaceNumber && (config[at + 5] === CCID_CLASS || config[at + 5] === 0xff);
    else if (inside && type === CCID_FUNCTIONAL && length >= 54) return config.subarray(at, at + length);
    at += length;
  }
  return null;
}

export function parseCcidClassDescriptor(d: Uint8Array): CcidDescriptor {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const features = view.getUint32(40, true);
  const level = features & 0x00070000;
  const exchangeLevel: ExchangeLevel =
    level & 0x00040000
      ? 'extended-apdu'
      : level & 0x00020000
        ? 'short-apdu'
        : level & 0x00010000
          ? 'tpdu'
          : 'character';
  return {
    maxSlotIndex: d[4]!,
    features,
    maxMessageLength: view.getUint32(44, true),
    exchangeLevel,
    autoParameters: (features & 0x02) !== 0,
  };
}

export interface CcidInterface {
  interfaceNumber: number;
  alternateSetting: number;
  bulkIn: number;
  bulkOut: number;
  interruptIn: number | null;
}

/** The first smart-card interface with its bulk pair and, when present, its interrupt endpoint. */
export function findCcidInterface(device: USBDevice): CcidInterface | null {
  for (const iface of device.configuration?.interfaces ?? []) {
    for (const alt of iface.alternates.length ? iface.alternates : [iface.alternate]) {
      if (alt.interfaceClass !== CCID_CLASS) continue;
      const ep = (direction: 'in' | 'out', type: 'bulk' | 'interrupt') =>
        alt.endpoints.find((e) => e.direction === direction && e.type === type)?.endpointNumber ?? null;
      const bulkIn = ep('in', 'bulk');
      const bulkOut = ep('out', 'bulk');
      if (bulkIn === null || bulkOut === null) continue;
      return {
        interfaceNumber: iface.interfaceNumber,
        alternateSetting: alt.alternateSetting,
        bulkIn,
        bulkOut,
        interruptIn: ep('in', 'interrupt'),
      };
    }
  }
  return null;
}
