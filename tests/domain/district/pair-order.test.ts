// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { byCertainty, crossCheck } from '../../../src/domain/district/cross-check';
import { toRoster } from '../../../src/domain/district/roster';
import { generatedStudent } from '../../factories/district';

const A = { code: '1050130001', name: 'โรงเรียนเอ' };
const B = { code: '1050130002', name: 'โรงเรียนบี' };

describe('the order of cross-school pairs', () => {
  it('puts the more certain pairs first: the same ID, then the same name and birth date, then a close surname', () => {
    const close = generatedStudent(21);
    const named = generatedStudent(22);
    const same = generatedStudent(23);
    const inB = [
      { ...close, id: 'close-b', idNo: generatedStudent(31).idNo, lastName: close.lastName.slice(0, -1) + 'ณ' },
      { ...named, id: 'named-b', idNo: generatedStudent(32).idNo },
      { ...same, id: 'same-b', firstName: 'อื่น' },
    ];
    const { pairs } = crossCheck(
      [
        { school: A, rows: toRoster([close, named, same], []).rows },
        { school: B, rows: toRoster(inB, []).rows },
      ],
      '2026-06-10',
    );
    expect(pairs.map((p) => p.match)).toEqual(['same-id', 'same-name', 'close-surname']);
    expect([...pairs].reverse().sort(byCertainty)).toEqual(pairs);
  });
});
