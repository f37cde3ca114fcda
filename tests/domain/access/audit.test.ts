import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../../src/domain/access/audit';

describe('audit differences', () => {
  it('lists each changed field with dotted paths, old → new', () => {
    const before = { firstName: 'สมชาย', room: '1', father: { firstName: 'สมศักดิ์', income: 9000 }, updatedAt: 'a' };
    const after = { firstName: 'สมชาย', room: '2', father: { firstName: 'สมศักดิ์', income: 12000 }, updatedAt: 'b' };
    expect(diffRecords(before, after)).toEqual([
      { field: 'room', from: '1', to: '2' },
      { field: 'father.income', from: 9000, to: 12000 },
    ]);
  });

  it('treats a new record as every field set from null, and compares arrays whole', () => {
    expect(diffRecords(null, { a: 1, list: [1, 2] })).toEqual([
      { field: 'a', from: null, to: 1 },
      { field: 'list', from: null, to: [1, 2] },
    ]);
    expect(diffRecords({ list: [1, 2] }, { list: [1, 2] })).toEqual([]);
    expect(diffRecords({ list: [1, 2] }, { list: [2, 1] })).toHaveLength(1);
  });
});
