// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo } from '../factories/io';
import { staffCommand } from '../../src/cli/commands/staff';
import { headcountOn } from '../../src/domain/staff/headcount';
import { staffSchema } from '../../src/domain/staff/schema';

const dir = mkdtempSync(join(tmpdir(), 'tabian-staff-'));
const roster = [
  {
    id: 'a',
    firstName: 'มาลี',
    lastName: 'ศรีสุข',
    sex: 'F',
    personnelType: 'civil-teacher',
    standing: 'k2',
    startedAtSchoolOn: '2016-05-16',
  },
  {
    id: 'b',
    firstName: 'ปรีชา',
    lastName: 'ย้ายไป',
    sex: 'M',
    personnelType: 'civil-teacher',
    standing: 'k3',
    movements: [{ id: 'm1', kind: 'move-out', effectiveOn: '2026-06-01' }],
  },
  {
    id: 'c',
    firstName: 'สายใจ',
    lastName: 'มาใหม่',
    sex: 'F',
    personnelType: 'contract-teacher',
    funding: 'school-income',
    startedAtSchoolOn: '2026-06-10',
  },
  {
    id: 'd',
    firstName: 'สมศรี',
    lastName: 'ใจดี',
    sex: 'F',
    personnelType: 'administrator',
    position: 'director',
    standing: 'k3',
  },
];

describe('tabian staff headcount', () => {
  it("counts the newcomer of 10 June and not the leaver of 1 June, the same as the app's table", async () => {
    const file = join(dir, 'roster.jsonl');
    writeFileSync(file, roster.map((r) => JSON.stringify(r)).join('\n'));
    const io = fakeIo();
    expect(await staffCommand.run(['headcount', file, '--as-of', '2026-06-10'], io)).toBe(0);
    const out = JSON.parse(io.outLines[0]!);
    expect(Object.keys(out)).toEqual(['asOf', 'rows', 'total']);
    expect(out.total).toEqual({ M: 0, F: 3, total: 3 });
    expect(out.rows.find((r: { key: string }) => r.key === 'temporary-employee')).toEqual({
      key: 'temporary-employee',
      M: 0,
      F: 1,
      total: 1,
    });
    expect(out.rows.find((r: { key: string }) => r.key === 'teacher.k3').total).toBe(0);
    expect(out).toEqual(
      JSON.parse(
        JSON.stringify(
          headcountOn(
            roster.map((r) => staffSchema.parse(r)),
            '2026-06-10',
          ),
        ),
      ),
    );
  });
  it('names a line that is not a staff record', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify(roster[0])}\n{"id":"x"}\n`);
    const io = fakeIo();
    expect(await staffCommand.run(['headcount', file, '--as-of', '2026-06-10'], io)).toBe(1);
    expect(io.errLines[0]).toMatch(/line 2 is not a staff record/);
  });
  it('says how to use it', async () => {
    expect(await staffCommand.run(['headcount'], fakeIo())).toBe(2);
    expect(await staffCommand.run(['headcount', 'x.jsonl', '--as-of', '10/06/2569'], fakeIo())).toBe(2);
  });
});
