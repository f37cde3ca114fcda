// @vitest-environment node
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installHelp, loadPcsclite, pcscError } from '../../../src/devices/bridge/pcsclite';
import { readThaiIdCard } from '../../../src/devices/smartcard/thai-id-applet';
import { FakeThaiIdCard } from '../../../src/devices/smartcard/fake/fake-card';

/** A stand-in for @pokusew/pcsclite's objects, driven by a FakeThaiIdCard. */
function nativeModule(card: FakeThaiIdCard, failConnect?: string) {
  const pcsc = Object.assign(new EventEmitter(), { close: () => undefined });
  const reader = Object.assign(new EventEmitter(), {
    name: 'ACS ACR39U ICC Reader 00 00',
    SCARD_STATE_PRESENT: 0x20,
    SCARD_SHARE_SHARED: 2,
    SCARD_PROTOCOL_T0: 1,
    SCARD_PROTOCOL_T1: 2,
    SCARD_LEAVE_CARD: 0,
    connect: (_o: unknown, cb: (e: Error | null, p: number) => void) =>
      cb(failConnect ? new Error(failConnect) : null, 1),
    transmit: (data: Buffer, _len: number, _p: number, cb: (e: Error | null, d?: Buffer) => void) => {
      try {
        cb(null, Buffer.from(card.transmit(new Uint8Array(data))));
      } catch {
        cb(new Error('SCardTransmit error: Card was removed.(0x80100069)'));
      }
    },
    disconnect: (_d: number, cb: (e: Error | null) => void) => cb(null),
  });
  setTimeout(() => {
    pcsc.emit('reader', reader);
    reader.emit('status', { state: 0x22, atr: Buffer.from(card.atr) });
  }, 0);
  return { default: () => pcsc };
}

describe('the @pokusew/pcsclite adapter', () => {
  it('lists readers, connects shared and transmits', async () => {
    const pcsc = (await loadPcsclite(
      () => undefined,
      async () => nativeModule(new FakeThaiIdCard()),
    ))!;
    await new Promise((r) => setTimeout(r, 5));
    expect(await pcsc.readers()).toEqual([{ name: 'ACS ACR39U ICC Reader 00 00', cardPresent: true }]);
    const card = await readThaiIdCard(await pcsc.connect('ACS ACR39U ICC Reader 00 00'));
    expect(card.lastNameTh).toBe('ตั้งใจเรียน');
  });
  it('maps PC/SC messages to card errors', async () => {
    const pcsc = (await loadPcsclite(
      () => undefined,
      async () => nativeModule(new FakeThaiIdCard(), 'SCardConnect error: Sharing violation.(0x8010000b)'),
    ))!;
    await new Promise((r) => setTimeout(r, 5));
    await expect(pcsc.connect('ACS ACR39U ICC Reader 00 00')).rejects.toMatchObject({ code: 'reader_busy' });
    expect(pcscError(new Error('SCardConnect error: No smart card inserted.(0x8010000c)')).code).toBe('no_card');
    expect(pcscError(new Error('SCardTransmit error: Card was removed.(0x80100069)')).code).toBe('card_removed');
  });
  it('is null when the binding is not installed, and says how to install it', async () => {
    const missing = Object.assign(new Error("Cannot find package '@pokusew/pcsclite'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(
      await loadPcsclite(
        () => undefined,
        async () => Promise.reject(missing),
      ),
    ).toBeNull();
    expect(await loadPcsclite(() => undefined)).toBeNull();
    expect(installHelp).toContain('npm install --no-save @pokusew/pcsclite');
    expect(installHelp).toContain('apt-get install pcscd libpcsclite-dev');
  });
});
