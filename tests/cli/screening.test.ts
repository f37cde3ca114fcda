// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo } from '../factories/io';
import { screeningCommand } from '../../src/cli/commands/screening';

const dir = mkdtempSync(join(tmpdir(), 'tabian-screening-'));
const base = { studentId: 's', academicYear: 2569, formVersion: 'ฉบับปรับปรุง 6 มีนาคม 2569' };

describe('tabian screening assess', () => {
  it('prints the contract per household, matching hand-computed results', async () => {
    // A: 3 members, 2,400 + 1,500 + 600 = 4,500 → 1,500 a person, under the line.
    // B: 2 members, 7,000 + 0 → 3,500 a person, over it.
    const a = {
      ...base,
      id: 'A',
      members: [{ income: { wages: 2400 } }, { income: { farming: 1500 } }, { income: { welfare: 600 } }],
      household: { floor: ['earth'], toilet: false },
      student: { familyStatus: '02', livesWith: '02' },
      gps: { lat: 18.8, lon: 98.98, accuracyM: 12, source: 'device' },
      photos: { outside: 'p1', inside: 'p2' },
      consent: { pdpa: true },
    };
    const b = { ...base, id: 'B', members: [{ income: { wages: 7000 } }, {}] };
    const file = join(dir, 'homes.jsonl');
    writeFileSync(file, `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    const io = fakeIo();
    expect(await screeningCommand.run(['assess', file], io)).toBe(0);
    expect(io.outLines.map((l) => JSON.parse(l))).toEqual([
      {
        id: 'A',
        members: 3,
        incomeTotal: 4500,
        incomePerPerson: 1500,
        underIncomeLine: true,
        statusItems: ['floor.earth', 'toilet.none'],
        problems: ['signature.teacher', 'signature.guardian', 'signature.official'],
      },
      {
        id: 'B',
        members: 2,
        incomeTotal: 7000,
        incomePerPerson: 3500,
        underIncomeLine: false,
        statusItems: [],
        problems: [
          'student.family_status',
          'student.lives_with',
          'photos.missing',
          'gps.missing',
          'consent.missing',
          'signature.teacher',
          'signature.guardian',
          'signature.official',
        ],
      },
    ]);
    expect(Object.keys(JSON.parse(io.outLines[0]!))).toEqual([
      'id',
      'members',
      'incomeTotal',
      'incomePerPerson',
      'underIncomeLine',
      'statusItems',
      'problems',
    ]);
  });
  it('names a record that is not a screening and exits 1; reads a single object too', async () => {
    const file = join(dir, 'one.json');
    writeFileSync(file, JSON.stringify([{ ...base, id: 'C' }, { id: 'D' }]));
    const io = fakeIo();
    expect(await screeningCommand.run(['assess', file], io)).toBe(1);
    expect(io.outLines).toHaveLength(1);
    expect(io.errLines[0]).toMatch(/record 2 is not a screening/);
  });
  it('says how to use it', async () => {
    expect(await screeningCommand.run(['assess'], fakeIo())).toBe(2);
    expect(await screeningCommand.run(['assess', join(dir, 'none.json')], fakeIo())).toBe(2);
    expect(await screeningCommand.run(['other'], fakeIo())).toBe(2);
  });
});
