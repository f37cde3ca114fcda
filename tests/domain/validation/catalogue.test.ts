import { describe, it, expect } from 'vitest';
import {
  blocksConfirmation,
  countByRule,
  finding,
  RULES,
  type RuleCode,
} from '../../../src/domain/validation/catalogue';

const required: RuleCode[] = [
  'id.missing',
  'id.format',
  'id.checksum',
  'gcode.format',
  'id.duplicate',
  'person.possible_duplicate',
  'name.missing',
  'name.invalid_chars',
  'prefix.sex_mismatch',
  'prefix.age_mismatch',
  'sex.missing',
  'birthdate.missing',
  'birthdate.invalid',
  'birthdate.future',
  'age.grade_mismatch',
  'grade.unknown',
  'room.missing',
  'weight.implausible',
  'height.implausible',
  'address.unknown_area',
];

describe('the rules catalogue', () => {
  it('holds every rule the issue names, each with a severity, fields and a message in Thai and English', () => {
    expect(Object.keys(RULES)).toEqual(expect.arrayContaining(required));
    for (const [code, spec] of Object.entries(RULES)) {
      expect(code).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(['error', 'warning']).toContain(spec.severity);
      expect(spec.fields.length).toBeGreaterThan(0);
      expect(spec.message.th).toMatch(/[\u0E01-\u0E5B]/);
      expect(spec.message.en).toMatch(/^[A-Z]/);
      // Every message tells the user what to do after the colon.
      expect(spec.message.th).toContain(':');
      expect(spec.message.en).toContain(':');
    }
  });

  it('blocks confirmation only for errors', () => {
    expect(RULES['age.grade_mismatch'].severity).toBe('warning');
    expect(RULES['person.possible_duplicate'].severity).toBe('warning');
    expect(RULES['id.duplicate'].severity).toBe('error');
    expect(blocksConfirmation([finding('age.grade_mismatch', 's1')])).toBe(false);
    expect(blocksConfirmation([finding('age.grade_mismatch', 's1'), finding('room.missing', 's1')])).toBe(true);
    expect(blocksConfirmation([])).toBe(false);
  });

  it('builds a finding with the catalogue field unless told another', () => {
    expect(finding('id.checksum', 's1')).toEqual({
      rule: 'id.checksum',
      severity: 'error',
      field: 'idNo',
      message: RULES['id.checksum'].message,
      studentId: 's1',
    });
    expect(finding('name.missing', 's1', 'lastName').field).toBe('lastName');
  });

  it('counts failing rules in catalogue order', () => {
    const found = [finding('room.missing', 'a'), finding('id.missing', 'a'), finding('room.missing', 'b')];
    expect(countByRule(found)).toEqual([
      { rule: 'id.missing', severity: 'error', count: 1 },
      { rule: 'room.missing', severity: 'error', count: 2 },
    ]);
  });
});
