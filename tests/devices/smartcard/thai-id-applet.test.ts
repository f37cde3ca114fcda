import { describe, expect, it } from 'vitest';
import { exchange, getResponseApdu } from '../../../src/devices/smartcard/apdu';
import { cutAfterJpegEnd, readThaiIdCard } from '../../../src/devices/smartcard/thai-id-applet';
import { decodeTis620, encodeTis620 } from '../../../src/devices/smartcard/tis620';
import { CardError, fromHex, toHex, type CardTransport } from '../../../src/devices/smartcard/transport';
import {
  ATR_3B67,
  FakeThaiIdCard,
  SAMPLE_CARD,
  SECOND_CARD,
  directTransport,
} from '../../../src/devices/smartcard/fake/fake-card';

/** Records every APDU on its way to the card. */
function traced(card: FakeThaiIdCard): CardTransport & { log: string[] } {
  const inner = directTransport(card);
  const log: string[] = [];
  return { atr: inner.atr, log, close: inner.close, transmit: (apdu) => (log.push(toHex(apdu)), inner.transmit(apdu)) };
}

describe('TIS-620', () => {
  it('decodes the known synthetic sample', () => {
    expect(decodeTis620(fromHex('b9 d2 c2 23 ca c1 aa d2 c2 23 23 e3 a8 b4 d5'))).toBe('นาย#สมชาย##ใจดี');
  });
  it('round-trips Thai and ASCII', () => {
    expect(toHex(encodeTis620('นาย#สมชาย##ใจดี'))).toBe('b9d2c223cac1aad2c22323e3a8b4d5');
    expect(decodeTis620(encodeTis620('99/1 หมู่ที่ 3'))).toBe('99/1 หมู่ที่ 3');
  });
});

describe('readThaiIdCard', () => {
  it('reads every field of the sample card', async () => {
    const card = await readThaiIdCard(directTransport(new FakeThaiIdCard()));
    expect(card).toEqual({
      citizenId: '1101700012344',
      prefixTh: 'ด.ญ.',
      firstNameTh: 'สมหญิง',
      middleNameTh: '',
      lastNameTh: 'ตั้งใจเรียน',
      prefixEn: 'Miss',
      firstNameEn: 'Somying',
      middleNameEn: '',
      lastNameEn: 'Tangjairian',
      birthDate: '2019-03-20',
      sex: 'F',
      address: {
        houseNo: '99/1',
        moo: '3',
        soi: '',
        road: '',
        subdistrict: 'ศรีภูมิ',
        district: 'เมืองเชียงใหม่',
        province: 'เชียงใหม่',
        raw: SAMPLE_CARD.address,
      },
      issueDate: '2023-04-01',
      expiryDate: '2032-03-19',
      issuer: 'ท้องถิ่นอำเภอเมืองเชียงใหม่/เชียงใหม่',
    });
  });
  it('sends SELECT, then READ + GET RESPONSE (P2 00) for each field', async () => {
    const t = traced(new FakeThaiIdCard());
    await readThaiIdCard(t);
    expect(t.log.slice(0, 4)).toEqual(['00a4040008a000000054480001', '00c000000a', '80b0000402000d', '00c000000d']);
    expect(t.log).toContain('80b01579020064');
    expect(t.log.length).toBe(2 + 9 * 2);
  });
  it('uses P2 = 01 in GET RESPONSE for a card whose ATR starts 3B 67', async () => {
    const t = traced(new FakeThaiIdCard({ atr: ATR_3B67, data: SECOND_CARD }));
    const card = await readThaiIdCard(t);
    expect(t.log[1]).toBe('00c000010a');
    expect(card.birthDate).toBe('2017-00-00');
    expect(card.expiryDate).toBeNull();
    expect(card.address).toMatchObject({
      houseNo: '12',
      soi: 'สุขุมวิท 22',
      road: 'สุขุมวิท',
      subdistrict: 'คลองตัน',
      district: 'คลองเตย',
      province: 'กรุงเทพมหานคร',
    });
  });
  it('reads the photo in 20 chunks of 255 bytes and cuts it after FF D9', async () => {
    const t = traced(new FakeThaiIdCard());
    const card = await readThaiIdCard(t, { photo: true });
    expect(toHex(card.photo!)).toBe(toHex(SAMPLE_CARD.photo!));
    expect(t.log).toContain('80b0017b0200ff');
    expect(t.log).toContain(`80b0${(0x17b + 19 * 255).toString(16).padStart(4, '0')}0200ff`);
  });
  it('reports progress', async () => {
    const seen: number[] = [];
    await readThaiIdCard(directTransport(new FakeThaiIdCard()), {
      onProgress: (done, total) => seen.push(done / total),
    });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toHaveLength(9);
  });
  it('refuses a card without the Thai ID applet', async () => {
    await expect(readThaiIdCard(directTransport(new FakeThaiIdCard({ other: true })))).rejects.toMatchObject({
      code: 'not_thai_id',
    });
  });
  it('says the card was pulled out mid-read', async () => {
    await expect(readThaiIdCard(directTransport(new FakeThaiIdCard({ removeAfter: 5 })))).rejects.toMatchObject({
      code: 'card_removed',
    });
  });
  it('refuses a card whose citizen ID fails the check digit', async () => {
    const bad = new FakeThaiIdCard({ data: { ...SAMPLE_CARD, citizenId: '1101700012345' } });
    await expect(readThaiIdCard(directTransport(bad))).rejects.toEqual(
      new CardError('invalid_card_data', 'citizen_id.invalid'),
    );
  });
});

describe('exchange', () => {
  it('resends with the length a 6C xx names', async () => {
    const card = new FakeThaiIdCard();
    const t = traced(card);
    await exchange(t, fromHex('00a4040008a000000054480001'));
    t.log.length = 0;
    card.transmit(fromHex('80b0000402000d'));
    const r = await exchange(t, getResponseApdu(0, 0));
    expect(t.log).toEqual(['00c0000000', '00c000000d']);
    expect(new TextDecoder().decode(r.data)).toBe('1101700012344');
    expect(r.sw).toBe(0x9000);
  });
  it('cuts the photo after the last end marker only', () => {
    expect(toHex(cutAfterJpegEnd(fromHex('ffd8 01 ffd9 0000')))).toBe('ffd801ffd9');
  });
});
