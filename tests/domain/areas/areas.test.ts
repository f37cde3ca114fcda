import { describe, it, expect } from 'vitest';
import { createAreaIndex, toDmcCode, type AreaData } from '../../../src/domain/areas/areas';
import { loadAreaIndex } from '../../../src/domain/areas/load';

const index = await loadAreaIndex();

describe('the shipped area table', () => {
  it('holds every province, district and subdistrict', () => {
    expect(index.provinces()).toHaveLength(77);
    const districts = index.provinces().flatMap((p) => index.districtsOf(p.code));
    expect(districts).toHaveLength(928);
    expect(districts.flatMap((d) => index.subdistrictsOf(d.code))).toHaveLength(7436);
  });
  it('names its source and licence', () => {
    expect(index.source).toContain(
      'thailand-geography-data/thailand-geography-json@c76e019fe7a2d51cafd40be8261f59b10310f9d1',
    );
    expect(index.source).toContain('MIT');
  });
  it('finds a known subdistrict, its district, province and postcode', () => {
    expect(index.subdistrict(810803)).toEqual({
      code: 810803,
      districtCode: 8108,
      nameTh: 'คลองขนาน',
      nameEn: 'Khlong Khanan',
      postcode: 81130,
    });
    expect(index.district(8108)?.provinceCode).toBe(81);
    expect(index.province(81)?.nameTh).toBe('กระบี่');
    expect(index.postcodeOf(810803)).toBe(81130);
    expect(index.postcodeOf(999999)).toBeUndefined();
  });
  it('trims stray spaces from the source names', () => {
    expect(index.subdistrict(104801)?.nameEn).toBe('Thawi Watthana');
  });
  it('sorts provinces in Thai order, leading vowels after their consonant', () => {
    const names = index.provinces().map((p) => p.nameTh);
    expect(names[0]).toBe('กระบี่');
    expect(names.at(-1)).toBe('อุบลราชธานี');
    // เชียงใหม่ files under ช, so it follows ชัยภูมิ.
    expect(names.indexOf('เชียงใหม่')).toBeGreaterThan(names.indexOf('ชัยภูมิ'));
    expect(names.indexOf('เชียงใหม่')).toBeLessThan(names.indexOf('ตรัง'));
  });
  it('lists the districts of one province only', () => {
    const krabi = index.districtsOf(81);
    expect(krabi).toHaveLength(8);
    expect(krabi.every((d) => d.provinceCode === 81)).toBe(true);
    expect(index.districtsOf(99)).toEqual([]);
  });
});

describe('DMC area codes', () => {
  it('pads DOPA codes on the right to 8 digits', () => {
    expect(toDmcCode(810803)).toBe('81080300');
    expect(toDmcCode('8108')).toBe('81080000');
    expect(index.toDmcCode(81)).toBe('81000000');
  });
  it('refuses codes that are not 2, 4 or 6 digits', () => {
    expect(() => toDmcCode(81080)).toThrow(RangeError);
    expect(() => toDmcCode(81080300)).toThrow(RangeError);
  });
  it('reads a DMC code back to the DOPA code of a known area', () => {
    expect(index.fromDmcCode('81080300')).toBe(810803);
    expect(index.fromDmcCode('81080000')).toBe(8108);
    expect(index.fromDmcCode('81000000')).toBe(81);
    expect(index.fromDmcCode('81089900')).toBeNull();
    expect(index.fromDmcCode('810803')).toBeNull();
    expect(index.fromDmcCode('00000000')).toBeNull();
  });
});

describe('createAreaIndex', () => {
  it('works on any table of the same shape', () => {
    const tiny: AreaData = {
      source: 'test',
      provinces: [
        [2, 'ขอนแก่น', 'B'],
        [1, 'กระบี่', 'A'],
      ],
      districts: [[101, 1, 'เมือง', 'M', 10000]],
      subdistricts: [[10101, 101, 'ใน', 'N', 10001]],
    };
    const small = createAreaIndex(tiny);
    expect(small.provinces().map((p) => p.code)).toEqual([1, 2]);
    expect(small.subdistrictsOf(101)).toEqual([
      { code: 10101, districtCode: 101, nameTh: 'ใน', nameEn: 'N', postcode: 10001 },
    ]);
    expect(small.postcodeOf(10101)).toBe(10001);
  });
});
