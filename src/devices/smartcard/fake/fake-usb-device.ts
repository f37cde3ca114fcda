// A fake USB smart-card reader that speaks CCID rev 1.1 through the WebUSB object model, modelled on
// real readers: ACR39U (TPDU, sends time extensions), ACR38U (TPDU, needs SetParameters) and
// Feitian bR301 (extended APDU). Behind it sits a FakeThaiIdCard, or nothing.
import {
  CCID_CLASS,
  type USBAlternateInterface,
  type USBConfiguration,
  type USBControlTransferParameters,
  type USBDevice,
  type USBInTransferResult,
} from '../ccid/usb';
import { CardRemoved, type FakeThaiIdCard } from './fake-card';

export type FakeReaderModel = 'acr39u' | 'acr38u' | 'br301';

const MODELS: Record<
  FakeReaderModel,
  {
    vendorId: number;
    productId: number;
    productName: string;
    features: number;
    maxMessage: number;
    timeExtensions: number;
  }
> = {
  acr39u: {
    vendorId: 0x072f,
    productId: 0xb100,
    productName: 'ACR39U ICC Reader',
    features: 0x000100b2,
    maxMessage: 271,
    timeExtensions: 2,
  },
  acr38u: {
    vendorId: 0x072f,
    productId: 0x90cc,
    productName: 'ACR38U',
    features: 0x00010030,
    maxMessage: 271,
    timeExtensions: 0,
  },
  br301: {
    vendorId: 0x096e,
    productId: 0x061a,
    productName: 'bR301',
    features: 0x000404be,
    maxMessage: 65546,
    timeExtensions: 0,
  },
};

export interface FakeUsbOptions {
  model?: FakeReaderModel;
  card?: FakeThaiIdCard | null;
  /** How claimInterface fails: 'protected' as in every ordinary page, 'busy' when another driver holds the reader. */
  claim?: 'ok' | 'protected' | 'busy';
}

const EP = { bulkOut: 2, bulkIn: 2, interruptIn: 3 } as const;
const le32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

function configurationDescriptor(features: number, maxMessage: number): Uint8Array {
  const ccid = [
    0x36,
    0x21,
    0x10,
    0x01,
    0x00,
    0x07,
    ...le32(0x03),
    ...le32(4000),
    ...le32(4000),
    0x00,
    ...le32(10752),
    ...le32(10752),
    0x00,
    ...le32(254),
    ...le32(0),
    ...le32(0),
    ...le32(features),
    ...le32(maxMessage),
    0xff,
    0xff,
    0x00,
    0x00,
    0x00,
    0x01,
  ];
  const iface = [0x09, 0x04, 0x00, 0x00, 0x03, CCID_CLASS, 0x00, 0x00, 0x00];
  const endpoints = [
    0x07,
    0x05,
    EP.bulkOut,
    0x02,
    0x40,
    0x00,
    0x00,
    0x07,
    0x05,
    0x80 | EP.bulkIn,
    0x02,
    0x40,
    0x00,
    0x00,
    0x07,
    0x05,
    0x80 | EP.interruptIn,
    0x03,
    0x08,
    0x00,
    0x10,
  ];
  const total = 9 + iface.length + ccid.length + endpoints.length;
  return Uint8Array.from([
    0x09,
    0x02,
    total & 0xff,
    total >> 8,
    0x01,
    0x01,
    0x00,
    0x80,
    0x32,
    ...iface,
    ...ccid,
    ...endpoints,
  ]);
}

const view = (bytes: Uint8Array): DataView =>
  new DataView(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);

/** A pipe of replies: transferIn waits until something arrives or the device closes. */
class Pipe {
  private items: Uint8Array[] = [];
  private waiters: { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  push(bytes: Uint8Array): void {
    const w = this.waiters.shift();
    if (w) w.resolve(bytes);
    else this.items.push(bytes);
  }
  next(): Promise<Uint8Array> {
    const item = this.items.shift();
    return item ? Promise.resolve(item) : new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }
  abort(): void {
    for (const w of this.waiters.splice(0)) w.reject(new DOMException('The transfer was cancelled.', 'AbortError'));
    this.items = [];
  }
}

export class FakeUsbDevice implements USBDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  opened = false;
  configuration: USBConfiguration | null = null;
  readonly configurations: USBConfiguration[];
  /** Every CCID message type the host sent, in order, for tests. */
  readonly sent: number[] = [];
  private readonly model: (typeof MODELS)[FakeReaderModel];
  private readonly descriptor: Uint8Array;
  private claimed = false;
  private powered = false;
  private parametersSet = false;
  private bulk = new Pipe();
  private interrupt = new Pipe();

  constructor(private options: FakeUsbOptions = {}) {
    this.model = MODELS[options.model ?? 'acr39u'];
    ({ vendorId: this.vendorId, productId: this.productId, productName: this.productName } = this.model);
    this.descriptor = configurationDescriptor(this.model.features, this.model.maxMessage);
    const alternate = (): USBAlternateInterface => ({
      alternateSetting: 0,
      interfaceClass: CCID_CLASS,
      interfaceSubclass: 0,
      interfaceProtocol: 0,
      endpoints: [
        { endpointNumber: EP.bulkOut, direction: 'out', type: 'bulk', packetSize: 64 },
        { endpointNumber: EP.bulkIn, direction: 'in', type: 'bulk', packetSize: 64 },
        { endpointNumber: EP.interruptIn, direction: 'in', type: 'interrupt', packetSize: 8 },
      ],
    });
    this.configurations = [
      {
        configurationValue: 1,
        interfaces: [{ interfaceNumber: 0, alternate: alternate(), alternates: [alternate()], claimed: false }],
      },
    ];
  }

  get card(): FakeThaiIdCard | null {
    return this.options.card ?? null;
  }

  /** Puts a card in (or takes it out), telling the host on the interrupt pipe as a reader does. */
  setCard(card: FakeThaiIdCard | null): void {
    this.card?.remove();
    this.options.card = card;
    this.powered = false;
    this.interrupt.push(Uint8Array.from([0x50, card ? 0x03 : 0x02]));
  }

  async open(): Promise<void> {
    this.opened = true;
  }
  async close(): Promise<void> {
    this.opened = false;
    this.claimed = false;
    this.bulk.abort();
    this.interrupt.abort();
  }
  async selectConfiguration(value: number): Promise<void> {
    this.configuration = this.configurations.find((c) => c.configurationValue === value) ?? null;
  }
  async claimInterface(n: number): Promise<void> {
    if (!this.opened) throw new DOMException('The device must be opened first.', 'InvalidStateError');
    if (this.options.claim === 'protected')
      throw new DOMException('The requested interface implements a protected class.', 'SecurityError');
    if (this.options.claim === 'busy') throw new DOMException('Unable to claim interface.', 'NetworkError');
    if (n !== 0) throw new DOMException('The interface number provided is not supported.', 'NotFoundError');
    this.claimed = true;
  }
  async releaseInterface(): Promise<void> {
    this.claimed = false;
    this.bulk.abort();
    this.interrupt.abort();
  }
  async selectAlternateInterface(): Promise<void> {}

  async controlTransferIn(setup: USBControlTransferParameters, length: number): Promise<USBInTransferResult> {
    if (setup.request !== 0x06 || setup.value >> 8 !== 0x02) return { status: 'stall' };
    return { status: 'ok', data: view(this.descriptor.subarray(0, length)) };
  }

  async transferOut(endpoint: number, data: Uint8Array): Promise<{ bytesWritten: number; status: 'ok' }> {
    this.mustBeClaimed();
    if (endpoint !== EP.bulkOut)
      throw new DOMException(
        'The specified endpoint is not part of a claimed and selected alternate interface.',
        'NotFoundError',
      );
    for (const reply of this.answer(Uint8Array.from(data))) this.bulk.push(reply);
    return { bytesWritten: data.length, status: 'ok' };
  }

  async transferIn(endpoint: number, length: number): Promise<USBInTransferResult> {
    this.mustBeClaimed();
    const pipe = endpoint === EP.interruptIn ? this.interrupt : this.bulk;
    const bytes = await pipe.next();
    return { status: 'ok', data: view(bytes.subarray(0, length)) };
  }

  private mustBeClaimed(): void {
    if (!this.claimed)
      throw new DOMException(
        'The specified endpoint is not part of a claimed and selected alternate interface.',
        'NotFoundError',
      );
  }

  /** The reader's replies to one bulk-OUT message. */
  private answer(msg: Uint8Array): Uint8Array[] {
    const [type, , , , , slot, seq] = msg;
    this.sent.push(type!);
    const data = msg.subarray(10);
    const icc = () => (!this.card?.present ? 2 : this.powered ? 0 : 1);
    const reply = (t: number, status: number, error = 0, body: Uint8Array = new Uint8Array(0), b9 = 0) => {
      const out = new Uint8Array(10 + body.length);
      out.set([t, ...le32(body.length), slot!, seq!, status, error, b9]);
      out.set(body, 10);
      return out;
    };
    const failed = (t: number, error: number) => reply(t, 0x40 | icc(), error);
    switch (type) {
      case 0x65:
        return [reply(0x81, icc())];
      case 0x62:
        if (!this.card?.present) return [failed(0x80, 0xfe)];
        this.powered = true;
        this.parametersSet = false;
        return [reply(0x80, 0, 0, this.card.atr)];
      case 0x63:
        this.powered = false;
        return [reply(0x81, icc())];
      case 0x61:
        if (icc() !== 0) return [failed(0x82, 0xfe)];
        this.parametersSet = true;
        return [reply(0x82, 0, 0, data, 0x00)];
      case 0x6f:
        return this.xfrBlock(data, reply, failed);
      default:
        return [failed(0x81, 0x00)];
    }
  }

  private xfrBlock(
    apdu: Uint8Array,
    reply: (t: number, s: number, e?: number, b?: Uint8Array) => Uint8Array,
    failed: (t: number, e: number) => Uint8Array,
  ): Uint8Array[] {
    const card = this.card;
    if (!card?.present || !this.powered) return [failed(0x80, 0xfe)];
    // Without SetParameters this reader does not know the protocol, and the card stays silent.
    if (!(this.model.features & 0x02) && !this.parametersSet) return [failed(0x80, 0xfe)];
    const waits = Array.from({ length: this.model.timeExtensions }, () => reply(0x80, 0x80, 0x01));
    try {
      return [...waits, reply(0x80, 0, 0, card.transmit(apdu))];
    } catch (e) {
      if (!(e instanceof CardRemoved)) throw e;
      this.powered = false;
      this.interrupt.push(Uint8Array.from([0x50, 0x02]));
      return [...waits, failed(0x80, 0xfe)];
    }
  }
}
