import { describe, expect, it } from 'vitest';
import { createAreaIndex, type AreaData } from '../../../src/domain/areas/areas';
import areaData from '../../../src/domain/areas/thai-admin.json';
import { matchCardAddress, splitCardAddress } from '../../../src/domain/card/address';
import { parseCardText, type CardText } from '../../../src/domain/card/card';
import { cardDateParts, completeCardDate, parseCardDate } from '../../../src/domain/card/card-date';
import { applyCardPatch, cardDifferences, cardToPatch, isBlankForCard } from '../../../src/domain/card/to-student';
import { newStudent } from '../../../src/domain/student/schema';

const areas = createAreaIndex(areaData as AreaData);
const text: CardText = {
  citizenId: '1101700012344',
  nameTh: 'ด.ญ.#สมหญิง##ตั้งใจเรียน   ',
  nameEn: 'Miss#Somying##Tangjairian',
  birthDate: '25620320',
  sex: '2',
  issuer: 'ท้องถิ่นอำเภอเมืองเชียงใหม่',
  issueDate: '25660401',
  expiryDate: '25750319',
  address: '99/1#หมู่ที่ 3####ตำบลศรีภูมิ#อำเภอเมืองเชียงใหม่#จังหวัดเชียงใหม่     ',
};

describe('card dates (Buddhist Era, YYYYMMDD)', () => {
  it('converts to Gregorian ISO and keeps unknown month/day as 00', () => {
    expect(parseCardDate('25620320')).toBe('2019-03-20');
    expect(parseCardDate('25550000')).toBe('2012-00-00');
    expect(parseCardDate('25550300')).toBe('2012-03-00');
    expect(cardDateParts('2012-00-00')).toEqual({ year: 2012, month: null, day: null });
    expect(completeCardDate('2012-03-00')).toBeNull();
    expect(completeCardDate('2019-03-20')).toBe('2019-03-20');
  });
  it('rejects non-dates: life-long expiry, a day without a month, 30 February', () => {
    for (const s of ['99999999', '        ', '25550030', '25630230', '2562032']) expect(parseCardDate(s)).toBeNull();
  });
});

describe('card addresses', () => {
  it('splits house number, moo, soi, road and the three areas, Bangkok included', () => {
    expect(splitCardAddress('12/3#หมู่ที่ ๕#ตรอกวัด#ซอยสุขุมวิท 22#ถนนสุขุมวิท#แขวงคลองตัน#เขตคลองเตย#กรุงเทพมหานคร')).toEqual({
      houseNo: '12/3',
      moo: '5',
      soi: 'ตรอกวัด สุขุมวิท 22',
      road: 'สุขุมวิท',
      subdistrict: 'คลองตัน',
      district: 'คลองเตย',
      province: 'กรุงเทพมหานคร',
      raw: '12/3#หมู่ที่ ๕#ตรอกวัด#ซอยสุขุมวิท 22#ถนนสุขุมวิท#แขวงคลองตัน#เขตคลองเตย#กรุงเทพมหานคร',
    });
  });
  it('matches names to DOPA codes within their province and district', () => {
    expect(matchCardAddress(splitCardAddress(text.address), areas)).toEqual({
      provinceCode: 50,
      districtCode: 5001,
      subdistrictCode: 500101,
      postcode: '50200',
    });
    // ศรีภูมิ exists in three provinces; the district decides.
    expect(matchCardAddress(splitCardAddress('1#ตำบลศรีภูมิ#อำเภอท่าวังผา#จังหวัดน่าน'), areas).subdistrictCode).toBe(550606);
    expect(matchCardAddress(splitCardAddress('1#ตำบลศรีภูมิ#อำเภอเมือง#จังหวัดเชียงใหม่'), areas).districtCode).toBe(5001);
    expect(matchCardAddress(splitCardAddress('1#ตำบลไม่มีจริง#อำเภอเมืองเชียงใหม่#จังหวัดเชียงใหม่'), areas)).toEqual({
      provinceCode: 50,
      districtCode: 5001,
      subdistrictCode: null,
      postcode: '',
    });
  });
});

describe('parseCardText', () => {
  it('splits names and trims the padding', () => {
    const r = parseCardText(text);
    expect(r.ok && r.card).toMatchObject({
      prefixTh: 'ด.ญ.',
      firstNameTh: 'สมหญิง',
      lastNameTh: 'ตั้งใจเรียน',
      sex: 'F',
      expiryDate: '2032-03-19',
    });
  });
  it('lists every problem: a failing check digit, an unknown sex, no name', () => {
    expect(parseCardText({ ...text, citizenId: '1101700012345', sex: '3', nameTh: '###' })).toEqual({
      ok: false,
      problems: ['citizen_id.invalid', 'sex.unknown', 'name.missing'],
    });
  });
});

describe('card → student', () => {
  const parsed = parseCardText(text);
  if (!parsed.ok) throw new Error('the sample text must parse');
  const card = parsed.card;
  it('maps the card prefix to the DMC word and keeps middle names with the first name', () => {
    const { patch } = cardToPatch({ ...card, middleNameTh: 'มณี' }, areas);
    expect(patch).toMatchObject({ prefix: 'เด็กหญิง', firstName: 'สมหญิง มณี', birthDate: '2019-03-20' });
  });
  it('notes what it could not fill', () => {
    const { patch, notes } = cardToPatch({ ...card, prefixTh: 'ว่าที่ ร.ต.', birthDate: '2012-00-00' }, null);
    expect(notes).toEqual(['prefix.unknown', 'birth_date.partial', 'address.unmatched']);
    expect(patch.birthDate).toBeNull();
  });
  it('lists differences, applies only the chosen ones, and never erases with a blank', () => {
    const { patch } = cardToPatch(card, areas);
    const blank = newStudent('a');
    expect(isBlankForCard(blank)).toBe(true);
    const full = applyCardPatch(blank, patch, [
      'idNo',
      'prefix',
      'firstName',
      'lastName',
      'firstNameEn',
      'lastNameEn',
      'sex',
      'birthDate',
      'address',
    ]);
    expect(cardDifferences(full, patch)).toEqual([]);
    const renamed = {
      ...full,
      lastName: 'ใจดี',
      addresses: { ...full.addresses, registered: { ...full.addresses.registered, phone: '0812345678' } },
    };
    expect(cardDifferences(renamed, patch)).toEqual(['lastName']);
    expect(applyCardPatch(renamed, { ...patch, birthDate: null }, ['birthDate', 'address']).birthDate).toBe(
      '2019-03-20',
    );
    expect(applyCardPatch(renamed, patch, ['address']).addresses.registered.phone).toBe('0812345678');
  });
});
