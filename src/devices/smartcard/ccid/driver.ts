// A USB CCID (rev 1.1) reader driven from the page through WebUSB: power the card, set T=0 parameters
// when the reader does not, exchange XfrBlock messages, watch the interrupt pipe for card removal.
import { CardError, type CardTransport } from '../transport';
import {
  findCcidClassDescriptor,
  findCcidInterface,
  parseCcidClassDescriptor,
  readConfigurationDescriptor,
  type CcidDescriptor,
  type CcidInterface,
} from './descriptor';
import {
  CCID_ERROR,
  PC_TO_RDR,
  announcedLength,
  ccidMessage,
  commandStatus,
  iccStatus,
  parseReply,
  slotChange,
  t0Parameters,
  type CcidReply,
} from './messages';
import { bytesOf, type USBDevice } from './usb';

export interface CcidTransport extends CardTransport {
  readonly descriptor: CcidDescriptor;
}

// A reader without a class descriptor is treated as the most demanding kind: TPDU, parameters set by us.
const FALLBACK: CcidDescriptor = {
  maxSlotIndex: 0,
  features: 0,
  maxMessageLength: 271,
  exchangeLevel: 'tpdu',
  autoParameters: false,
};
const MAX_TIME_EXTENSIONS = 1000;

/** WebUSB's DOMExceptions as card errors: the names are what Chromium throws. */
export function usbError(error: unknown, step: 'open' | 'claim' | 'transfer'): CardError {
  if (error instanceof CardError) return error;
  const name = (error as { name?: string } | null)?.name;
  const detail = `${step}: ${(error as Error | null)?.message ?? String(error)}`;
  // The protected-class rule: every ordinary page gets this for class 0x0B (smart card).
  if (name === 'SecurityError') return new CardError('usb_blocked', detail);
  // Another driver (pcscd, WinSCard) holds the interface.
  if (name === 'NetworkError' && step === 'claim') return new CardError('reader_busy', detail);
  if (name === 'NotFoundError') return new CardError(step === 'transfer' ? 'card_removed' : 'no_reader', detail);
  if (name === 'AbortError') return new CardError('card_removed', detail);
  return new CardError('card_failed', detail);
}

export async function openCcidTransport(device: USBDevice, options: { slot?: number } = {}): Promise<CcidTransport> {
  try {
    if (!device.opened) await device.open();
    if (!device.configuration) await device.selectConfiguration(device.configurations[0]?.configurationValue ?? 1);
  } catch (e) {
    throw usbError(e, 'open');
  }
  const iface = findCcidInterface(device);
  if (!iface) throw new CardError('no_reader', 'the device has no smart-card interface');
  try {
    await device.claimInterface(iface.interfaceNumber);
    if (iface.alternateSetting !== 0)
      await device.selectAlternateInterface(iface.interfaceNumber, iface.alternateSetting);
  } catch (e) {
    throw usbError(e, 'claim');
  }
  const reader = new CcidReader(device, iface, options.slot ?? 0);
  try {
    await reader.start();
    return reader;
  } catch (e) {
    await reader.close();
    throw usbError(e, 'transfer');
  }
}

class CcidReader implements CcidTransport {
  atr: Uint8Array = new Uint8Array(0);
  descriptor = FALLBACK;
  private seq = 0;
  private removed = false;
  private closed = false;
  private powered = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private device: USBDevice,
    private iface: CcidInterface,
    private slot: number,
  ) {}

  async start(): Promise<void> {
    const configIndex = this.device.configurations.findIndex(
      (c) => c.configurationValue === this.device.configuration?.configurationValue,
    );
    const classDescriptor = findCcidClassDescriptor(
      await readConfigurationDescriptor(this.device, Math.max(0, configIndex)),
      this.iface.interfaceNumber,
    );
    if (classDescriptor) this.descriptor = parseCcidClassDescriptor(classDescriptor);
    const status = await this.command(PC_TO_RDR.GetSlotStatus);
    if (iccStatus(status.status) === 'absent') throw new CardError('no_card');
    // bPowerSelect 0: the reader picks the voltage.
    const on = this.check(await this.command(PC_TO_RDR.IccPowerOn), 'no_card');
    if (on.data.length < 2) throw new CardError('card_failed', 'empty ATR');
    this.atr = on.data;
    this.powered = true;
    if (!this.descriptor.autoParameters)
      this.check(await this.command(PC_TO_RDR.SetParameters, t0Parameters(this.atr)), 'card_failed');
    void this.watchSlot();
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.removed) throw new CardError('card_removed');
    if (this.closed) throw new CardError('card_failed', 'transport closed');
    // bBWI 0 and wLevelParameter 0: one whole APDU or TPDU per message, at every exchange level.
    return this.check(await this.command(PC_TO_RDR.XfrBlock, apdu), 'card_removed').data;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.powered && !this.removed) await this.command(PC_TO_RDR.IccPowerOff);
    } catch {
      /* the card or reader may already be gone */
    }
    try {
      await this.device.releaseInterface(this.iface.interfaceNumber);
    } catch {
      /* not claimed, or unplugged */
    }
    try {
      await this.device.close();
    } catch {
      /* already closed */
    }
  }

  /** Throws for a failed command; `mute` is what an unanswering card means at this step. */
  private check(reply: CcidReply, mute: 'no_card' | 'card_removed' | 'card_failed'): CcidReply {
    if (iccStatus(reply.status) === 'absent') {
      this.removed = this.powered;
      throw new CardError(this.powered ? 'card_removed' : 'no_card');
    }
    if (commandStatus(reply.status) !== 'failed') return reply;
    if (reply.error === CCID_ERROR.SLOT_BUSY) throw new CardError('reader_busy', 'slot busy');
    if (reply.error === CCID_ERROR.ICC_MUTE) throw new CardError(mute, 'card mute');
    throw new CardError('card_failed', `CCID error ${reply.error.toString(16)}`);
  }

  /** One command and its reply, one at a time: CCID readers take a single outstanding command per slot. */
  private command(type: number, data?: Uint8Array): Promise<CcidReply> {
    const run = async (): Promise<CcidReply> => {
      const seq = this.seq;
      this.seq = (this.seq + 1) & 0xff;
      // SetParameters names its protocol in byte 7; 0 is T=0 (the Thai ID card speaks nothing else).
      const out = await this.device.transferOut(this.iface.bulkOut, ccidMessage(type, this.slot, seq, data));
      if (out.status !== 'ok') throw new CardError('card_failed', `bulk-OUT ${out.status}`);
      for (let waits = 0; waits < MAX_TIME_EXTENSIONS; waits++) {
        const reply = await this.readReply();
        // A stale reply to an earlier, abandoned command: skip it.
        if (reply.seq !== seq || reply.slot !== this.slot) continue;
        // Time extension: the card is still working; the real answer follows with the same bSeq.
        if (commandStatus(reply.status) === 'time_extension') continue;
        return reply;
      }
      throw new CardError('card_failed', 'the reader kept asking for more time');
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result.catch((e: unknown) => {
      throw usbError(e, 'transfer');
    });
  }

  private async readReply(): Promise<CcidReply> {
    const size = Math.max(this.descriptor.maxMessageLength, 64);
    let bytes = new Uint8Array(0);
    for (;;) {
      const r = await this.device.transferIn(this.iface.bulkIn, size);
      if (r.status !== 'ok') throw new CardError('card_failed', `bulk-IN ${r.status}`);
      const chunk = bytesOf(r.data);
      const joined = new Uint8Array(bytes.length + chunk.length);
      joined.set(bytes);
      joined.set(chunk, bytes.length);
      bytes = joined;
      const total = announcedLength(bytes);
      if (total !== null && bytes.length >= total) return parseReply(bytes);
    }
  }

  private async watchSlot(): Promise<void> {
    const ep = this.iface.interruptIn;
    while (ep !== null && !this.closed && !this.removed) {
      try {
        const r = await this.device.transferIn(ep, 8);
        if (slotChange(bytesOf(r.data), this.slot) === 'removed') this.removed = true;
      } catch {
        return; // closed, released or unplugged: transmit reports it
      }
    }
  }
}
