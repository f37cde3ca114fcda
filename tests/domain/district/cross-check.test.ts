// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { crossCheck } from '../../../src/domain/district/cross-check';
import { toRoster } from '../../../src/domain/district/roster';
import { generatedStudent } from '../../factories/district';

const A = { code: '1050130001', name: 'โรงเรียนเอ' };
const B = { code: '1050130002', name: 'โรงเรียนบี' };
const AS_OF = '2026-06-10';
const move = (studentId: string, kind: 'transfer-in' | 'transfer-out', effectiveOn: string, school: string) => ({
  studentId,
  kind,
  effectiveOn,
  school,
  reversedAt: null,
});

describe('crossCheck', () => {
  it("keeps pairs across schools only: a pair inside one school is that school's own check", () => {
    const s = generatedStudent(1);
    const twiceInA = [s, { ...s, id: 'copy-in-a' }];
    const result = crossCheck(
      [
        { school: A, rows: toRoster(twiceInA, []).rows },
        { school: B, rows: toRoster([generatedStudent(2)], []).rows },
      ],
      AS_OF,
    );
    expect(result.pairs).toEqual([]);
    expect(result).toMatchObject({ schools: 2, students: 3 });
  });

  it('puts the lower school code first and explains the pair', () => {
    const s = generatedStudent(3);
    const result = crossCheck(
      [
        { school: B, rows: toRoster([s], []).rows },
        { school: A, rows: toRoster([{ ...s, id: 'in-a' }], []).rows },
      ],
      AS_OF,
    );
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]).toMatchObject({ rule: 'id.duplicate', match: 'same-id', note: null });
    expect(result.pairs[0]!.sides.map((x) => x.school.code)).toEqual([A.code, B.code]);
    expect(result.pairs[0]!.reason.th).toContain('เลขประจำตัวเดียวกัน');
  });

  it('is no pair when A let the student go before the as-of date and B took them in', () => {
    const s = generatedStudent(4);
    const inB = { ...s, id: 'in-b', enteredOn: '2026-06-01' };
    const result = crossCheck(
      [
        {
          school: A,
          rows: toRoster([{ ...s, status: 'transferred-out' }], [move(s.id, 'transfer-out', '2026-06-01', B.name)])
            .rows,
        },
        { school: B, rows: toRoster([inB], [move(inB.id, 'transfer-in', '2026-06-01', A.name)]).rows },
      ],
      AS_OF,
    );
    expect(result.pairs).toEqual([]);
  });

  it('flags a transfer whose dates disagree, and says what each school recorded', () => {
    const s = generatedStudent(5);
    const inB = { ...s, id: 'in-b', enteredOn: '2026-06-01' };
    const result = crossCheck(
      [
        {
          school: A,
          rows: toRoster([{ ...s, status: 'transferred-out' }], [move(s.id, 'transfer-out', '2026-06-20', B.name)])
            .rows,
        },
        { school: B, rows: toRoster([inB], [move(inB.id, 'transfer-in', '2026-06-01', A.name)]).rows },
      ],
      AS_OF,
    );
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]!.note!.th).toBe(
      `${A.name} บันทึกย้ายออก มีผล 20 มิ.ย. 2569; ${B.name} บันทึกรับย้ายเข้า มีผล 1 มิ.ย. 2569: วันที่ไม่สอดคล้องกัน ณ วันที่ข้อมูล 10 มิ.ย. 2569 ทั้งสองโรงเรียนยังนับนักเรียนคนนี้`,
    );
  });

  it('never pairs twins across schools, and skips a dismissed possible duplicate', () => {
    const s = generatedStudent(6);
    const twin = { ...s, id: 'twin', idNo: '', firstName: 'แฝดน้อง' };
    expect(
      crossCheck(
        [
          { school: A, rows: toRoster([s], []).rows },
          { school: B, rows: toRoster([twin], []).rows },
        ],
        AS_OF,
      ).pairs,
    ).toEqual([]);
    const other = { ...s, id: 'other-id', idNo: generatedStudent(7).idNo };
    const rosters = [
      { school: A, rows: toRoster([s], []).rows },
      { school: B, rows: toRoster([other], []).rows },
    ];
    const found = crossCheck(rosters, AS_OF).pairs;
    expect(found.map((p) => p.match)).toEqual(['same-name']);
    expect(crossCheck(rosters, AS_OF, new Set([found[0]!.key])).pairs).toEqual([]);
  });
});
