import { describe, expect, it } from 'vitest';
import { notCounted } from '../../../src/domain/district/not-counted';

const list = [
  { code: '3', name: 'ซี' },
  { code: '1', name: 'เอ' },
  { code: '2', name: 'บี' },
  { code: '4', name: 'ดี' },
];

describe('who a district report does not count', () => {
  it("lists held schools and the list's schools that sent nothing, never a counted school", () => {
    const out = notCounted(
      new Set(['1']),
      [
        { code: '2', name: 'ชื่อในไฟล์' },
        { code: '1', name: 'เอ' },
        { code: '9', name: 'นอกรายชื่อ' },
      ],
      list,
    );
    expect(out.held).toEqual([
      { code: '2', name: 'บี' },
      { code: '9', name: 'นอกรายชื่อ' },
    ]);
    expect(out.notSubmitted).toEqual([
      { code: '3', name: 'ซี' },
      { code: '4', name: 'ดี' },
    ]);
  });

  it('is empty when every school of the list is counted', () => {
    expect(notCounted(new Set(['1', '2', '3', '4']), [], list)).toEqual({ held: [], notSubmitted: [] });
  });
});
