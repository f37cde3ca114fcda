import { describe, expect, it } from 'vitest';
import { openCcidTransport, readThaiIdCard } from '../../../src/devices/smartcard';
import {
  findCcidClassDescriptor,
  parseCcidClassDescriptor,
  readConfigurationDescriptor,
} from '../../../src/devices/smartcard/ccid/descriptor';
import { ccidMessage, slotChange, t0Parameters } from '../../../src/devices/smartcard/ccid/messages';
import { toHex } from '../../../src/devices/smartcard/transport';
import { ATR_3B67, ATR_TH_NID, FakeThaiIdCard, SECOND_CARD } from '../../../src/devices/smartcard/fake/fake-card';
import { FakeUsbDevice } from '../../../src/devices/smartcard/fake/fake-usb-device';

describe('CCID messages', () => {
  it('builds the 10-byte header with a little-endian length', () => {
    expect(toHex(ccidMessage(0x6f, 0, 7, Uint8Array.from([0x00, 0xa4, 0x04, 0x00])))).toBe(
      '6f04000000000700000000a40400',
    );
  });
  it('reads slot changes: 50 03 inserted, 50 02 removed, 50 01 nothing new', () => {
    expect(slotChange(Uint8Array.from([0x50, 0x03]), 0)).toBe('inserted');
    expect(slotChange(Uint8Array.from([0x50, 0x02]), 0)).toBe('removed');
    expect(slotChange(Uint8Array.from([0x50, 0x01]), 0)).toBeNull();
  });
  it('takes Fi/Di from TA1 for SetParameters, else 11', () => {
    expect(toHex(t0Parameters(ATR_TH_NID))).toBe('9600000a00');
    expect(toHex(t0Parameters(ATR_3B67))).toBe('1100000a00');
  });
});

describe('CCID class descriptor', () => {
  it('finds dwFeatures at offset 40 of the raw configuration descriptor', async () => {
    for (const [model, features, level, auto] of [
      ['acr39u', 0x000100b2, 'tpdu', true],
      ['acr38u', 0x00010030, 'tpdu', false],
      ['br301', 0x000404be, 'extended-apdu', true],
    ] as const) {
      const device = new FakeUsbDevice({ model });
      const raw = await readConfigurationDescriptor(device, 0);
      const d = parseCcidClassDescriptor(findCcidClassDescriptor(raw, 0)!);
      expect(d).toMatchObject({ features, exchangeLevel: level, autoParameters: auto });
    }
  });
});

describe('openCcidTransport', () => {
  it('reads the card through a TPDU reader that sends time extensions (ACR39U-like)', async () => {
    const device = new FakeUsbDevice({ model: 'acr39u', card: new FakeThaiIdCard() });
    const transport = await openCcidTransport(device);
    expect(toHex(transport.atr)).toBe(toHex(ATR_TH_NID));
    const card = await readThaiIdCard(transport);
    await transport.close();
    expect(card.firstNameTh).toBe('สมหญิง');
    expect(device.sent.slice(0, 3)).toEqual([0x65, 0x62, 0x6f]);
    expect(device.sent.at(-1)).toBe(0x63);
    expect(device.opened).toBe(false);
  });
  it('sends SetParameters to a reader that does not configure itself (ACR38U-like)', async () => {
    const device = new FakeUsbDevice({ model: 'acr38u', card: new FakeThaiIdCard() });
    const card = await readThaiIdCard(await openCcidTransport(device));
    expect(device.sent.slice(0, 3)).toEqual([0x65, 0x62, 0x61]);
    expect(card.lastNameTh).toBe('ตั้งใจเรียน');
  });
  it('reads through an APDU-level reader (Feitian bR301-like), 3B 67 card included', async () => {
    const device = new FakeUsbDevice({
      model: 'br301',
      card: new FakeThaiIdCard({ atr: ATR_3B67, data: SECOND_CARD }),
    });
    const card = await readThaiIdCard(await openCcidTransport(device));
    expect(card.firstNameTh).toBe('ก้องภพ');
    expect(device.sent).not.toContain(0x61);
  });
  it('reports an empty reader', async () => {
    await expect(openCcidTransport(new FakeUsbDevice({ card: null }))).rejects.toMatchObject({ code: 'no_card' });
  });
  it('reports a card pulled out mid-read', async () => {
    const device = new FakeUsbDevice({ card: new FakeThaiIdCard({ removeAfter: 6 }) });
    await expect(readThaiIdCard(await openCcidTransport(device))).rejects.toMatchObject({ code: 'card_removed' });
  });
  it('notices a removal announced on the interrupt pipe before the next command', async () => {
    const device = new FakeUsbDevice({ card: new FakeThaiIdCard() });
    const transport = await openCcidTransport(device);
    device.setCard(null);
    await new Promise((r) => setTimeout(r, 0));
    await expect(transport.transmit(Uint8Array.from([0x00, 0xa4, 0x04, 0x00]))).rejects.toMatchObject({
      code: 'card_removed',
    });
  });
  it('refuses a card that is not a Thai ID', async () => {
    const device = new FakeUsbDevice({ card: new FakeThaiIdCard({ other: true }) });
    await expect(readThaiIdCard(await openCcidTransport(device))).rejects.toMatchObject({ code: 'not_thai_id' });
  });
  it("explains the browser's protected-class refusal", async () => {
    const device = new FakeUsbDevice({ card: new FakeThaiIdCard(), claim: 'protected' });
    await expect(openCcidTransport(device)).rejects.toMatchObject({ code: 'usb_blocked' });
  });
  it('reports a reader held by another program', async () => {
    const device = new FakeUsbDevice({ card: new FakeThaiIdCard(), claim: 'busy' });
    await expect(openCcidTransport(device)).rejects.toMatchObject({ code: 'reader_busy' });
  });
});
