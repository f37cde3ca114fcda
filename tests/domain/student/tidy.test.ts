import { describe, expect, it } from 'vitest';
import { newStudent } from '../../../src/domain/student/schema';
import { renamedFrom, tidyStudent, tidyText } from '../../../src/domain/student/tidy';

describe('tidying a typed student record', () => {
  it('leaves one space between words and none around them', () => {
    expect(tidyText('  มาลี \t  ใจดี ')).toBe('มาลี ใจดี');
    expect(tidyText('')).toBe('');
  });

  it('keeps the ID as digits only and tidies the names, room and number, nothing else', () => {
    const typed = newStudent('s1', {
      idNo: '1-1120-34563-56-2',
      prefix: ' เด็กหญิง',
      firstName: ' มาลี ',
      lastName: 'ใจ  ดี',
      firstNameEn: ' Malee ',
      lastNameEn: 'Jaidee ',
      room: ' 1 ',
      studentNo: ' 12',
    });
    const tidied = tidyStudent(typed);
    expect(tidied).toMatchObject({
      idNo: '1112034563562',
      firstName: 'มาลี',
      lastName: 'ใจ ดี',
      firstNameEn: 'Malee',
      lastNameEn: 'Jaidee',
      room: '1',
      studentNo: '12',
    });
    expect(tidied.prefix).toBe(' เด็กหญิง');
    expect(typed.firstName).toBe(' มาลี ');
  });
});

describe('a change of name', () => {
  const stored = newStudent('s1', { prefix: 'นางสาว', firstName: 'มาลี', lastName: 'ใจดี' });

  it('is the stored name when the prefix, first or last name differs', () => {
    expect(renamedFrom(stored, { ...stored, lastName: 'ศรีสุข' })).toBe('นางสาวมาลี ใจดี');
    expect(renamedFrom(stored, { ...stored, prefix: 'นาง' })).toBe('นางสาวมาลี ใจดี');
  });

  it('is nothing for a new record or the same name', () => {
    expect(renamedFrom(null, stored)).toBeNull();
    expect(renamedFrom(stored, { ...stored })).toBeNull();
  });
});
