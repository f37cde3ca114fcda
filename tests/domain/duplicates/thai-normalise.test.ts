import { describe, it, expect } from 'vitest';
import { normaliseThaiName } from '../../../src/domain/duplicates/thai-normalise';

const same = (a: string, b: string) => expect(normaliseThaiName(a)).toBe(normaliseThaiName(b));

describe('normaliseThaiName', () => {
  it('drops spaces, dots and zero-width characters', () => {
    expect(normaliseThaiName(' สม ชาย ')).toBe('สมชาย');
    same('สม\u200Bชาย', 'สมชาย');
    same('สม\u00A0ชาย', 'สมชาย');
  });
  it('drops a prefix typed into the name, full or abbreviated', () => {
    for (const typed of [
      'เด็กชายสมชาย',
      'เด็กชาย สมชาย',
      'ด.ช.สมชาย',
      'ด.ช. สมชาย',
      'ดช สมชาย',
      'นาย สมชาย',
      'Mr. สมชาย',
    ])
      same(typed, 'สมชาย');
    same('นางสาวสมหญิง', 'สมหญิง');
    same('นาง สมศรี', 'สมศรี');
  });
  it('keeps names that merely begin like a short prefix', () => {
    expect(normaliseThaiName('นางนวล')).toBe('นางนวล');
    expect(normaliseThaiName('นายิกา')).toBe('นายิกา');
  });
  it('collapses repeated characters, doubled marks included', () => {
    same('สมชายย', 'สมชาย');
    same('มาลี\u0E35', 'มาลี');
  });
  it('puts a tone mark after an above or below vowel', () => {
    // ที่ typed as ท + mai ek + sara ii
    same('ท\u0E48\u0E35', 'ที่');
    same('กุ\u0E49ง', 'กุ้ง');
  });
  it('treats the three ways of typing sara am with a tone mark as one', () => {
    const canonical = 'น\u0E49\u0E33ฝน'; // น้ำฝน
    same('น\u0E4D\u0E49\u0E32ฝน', canonical); // nikhahit, tone, sara aa
    same('น\u0E49\u0E4D\u0E32ฝน', canonical); // tone, nikhahit, sara aa
    same('น\u0E33\u0E49ฝน', canonical); // sara am, then tone
  });
  it('reads two sara e as sara ae', () => {
    same('\u0E40\u0E40ก้ว', 'แก้ว');
  });
  it('ignores letter case in Latin names', () => {
    same('John SMITH', 'johnsmith');
  });
  it('keeps different names different', () => {
    expect(normaliseThaiName('สมชาย')).not.toBe(normaliseThaiName('สมหญิง'));
    expect(normaliseThaiName('ธนากร')).not.toBe(normaliseThaiName('ธนากรณ์'));
    expect(normaliseThaiName('ไก่')).not.toBe(normaliseThaiName('ไก้'));
  });
});
