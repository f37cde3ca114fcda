import { describe, expect, it } from 'vitest';
import { readThaiIdCard } from '../../../src/devices/smartcard/thai-id-applet';
import { openWebSmartCard } from '../../../src/devices/smartcard/web-smart-card';
import { ATR_3B67, FakeThaiIdCard, SECOND_CARD } from '../../../src/devices/smartcard/fake/fake-card';
import { FakeSmartCardApi } from '../../../src/devices/smartcard/fake/fake-smart-card-api';

describe('Web Smart Card API transport', () => {
  it('connects to the reader that holds a card and reads it', async () => {
    const api = new FakeSmartCardApi({
      readers: { 'Empty Reader': null, 'ACS ACR39U 00': new FakeThaiIdCard({ atr: ATR_3B67, data: SECOND_CARD }) },
    });
    const transport = await openWebSmartCard(api);
    expect(Array.from(transport.atr.subarray(0, 2))).toEqual([0x3b, 0x67]);
    const card = await readThaiIdCard(transport);
    await transport.close();
    expect(card).toMatchObject({ citizenId: '1100600123453', prefixTh: 'ด.ช.', sex: 'M', birthDate: '2017-00-00' });
  });
  it.each([
    ['no reader', new FakeSmartCardApi({ readers: {} }), 'no_reader'],
    ['no card', new FakeSmartCardApi({ readers: { R: null } }), 'no_card'],
    ['a busy reader', new FakeSmartCardApi({ readers: { R: new FakeThaiIdCard() }, busy: true }), 'reader_busy'],
  ])('reports %s', async (_, api, code) => {
    await expect(openWebSmartCard(api)).rejects.toMatchObject({ code });
  });
  it('reports a foreign card and a card pulled out mid-read', async () => {
    const other = new FakeSmartCardApi({ readers: { R: new FakeThaiIdCard({ other: true }) } });
    await expect(readThaiIdCard(await openWebSmartCard(other))).rejects.toMatchObject({ code: 'not_thai_id' });
    const pulled = new FakeSmartCardApi({ readers: { R: new FakeThaiIdCard({ removeAfter: 3 }) } });
    await expect(readThaiIdCard(await openWebSmartCard(pulled))).rejects.toMatchObject({ code: 'card_removed' });
  });
});
