// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { districtCommand } from '../../src/cli/commands/district';
import { commands } from '../../src/cli/commands/index';
import { exportPrivateJwk, generateSigningKey } from '../../src/domain/bundle/keys';
import { editEntries } from '../domain/bundle/tamper-kit';
import { makeSchools, plantCases, submissionOf, trustOf } from '../factories/district';
import { fakeIo } from '../factories/io';

async function run(...args: string[]) {
  const io = fakeIo();
  const code = await districtCommand.run(args, io);
  const line = io.outLines.length === 1 ? io.outLines[0]! : '';
  return { code, io, report: line.startsWith('{') ? JSON.parse(line) : null };
}

describe('tabian district merge', () => {
  it('is registered, and prints exactly schools, rejected, duplicates and forks for a folder of bundles', async () => {
    expect(commands.map((c) => c.name)).toContain('district');
    const dir = mkdtempSync(join(tmpdir(), 'tabian-district-'));
    const schools = await makeSchools(3, 12);
    const planted = plantCases(schools[0]!, schools[1]!, schools[2]!);
    const district = await generateSigningKey(true);
    for (const s of schools)
      writeFileSync(join(dir, `${s.code}.tabian`), (await submissionOf(s, { encryptTo: district })).bytes);
    const tampered = editEntries((await submissionOf(schools[0]!)).bytes, (e) =>
      e.set('statement.dsse.json', new TextEncoder().encode('{}')),
    );
    writeFileSync(join(dir, 'zz-tampered.tabian'), tampered);
    writeFileSync(join(dir, 'notes.txt'), 'not a bundle');
    writeFileSync(join(dir, 'trust.json'), JSON.stringify(trustOf(schools)));
    writeFileSync(join(dir, 'district.jwk'), JSON.stringify(await exportPrivateJwk(district.privateKey)));

    const { code, report, io } = await run(
      'merge',
      dir,
      '--trust',
      join(dir, 'trust.json'),
      '--key',
      join(dir, 'district.jwk'),
      '--lang',
      'en',
    );
    expect(code).toBe(1);
    expect(Object.keys(report)).toEqual([
      'schools',
      'rejected',
      'duplicates',
      'forks',
      'totalStudents',
      'distinctStudents',
    ]);
    // Each planted pair is one child counted by two schools: counted once, the district has that many fewer.
    expect(report.totalStudents).toBe(schools.reduce((n, s) => n + s.students.length, 0) - 1);
    expect(report.distinctStudents).toBe(report.totalStudents - planted.pairs.length);
    // A's student who left before the as-of date is not counted; everyone B and C took in is.
    expect(report.schools).toEqual(
      schools.map((s, i) => ({ code: s.code, status: 'certified', students: s.students.length - (i === 0 ? 1 : 0) })),
    );
    expect(report.rejected).toEqual([{ file: join(dir, 'zz-tampered.tabian'), reason: 'envelope.malformed' }]);
    expect(report.duplicates).toHaveLength(planted.pairs.length);
    expect(report.duplicates[0]).toEqual({
      rule: expect.any(String),
      idNo: expect.any(String),
      schools: [expect.any(String), expect.any(String)],
      reason: expect.any(String),
    });
    expect(report.duplicates.find((d: { idNo: string }) => d.idNo === planted.pairs[0]!.idNo).reason).toMatch(
      /^same ID number/,
    );
    expect(io.errLines[0]).toMatch(/4 files, 3 schools, 1 rejected, 4 cross-school duplicates/);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await run('merge', '/nowhere')).code).toBe(2);
    expect((await run('merge', '/nowhere', '--trust', '/nowhere.json')).io.errLines[0]).toMatch(
      /^tabian district merge: cannot read/,
    );
    expect((await run('merge', '.', '--trust', 'x.json', '--as-of', '10/06/2569')).code).toBe(2);
    expect((await run('other')).code).toBe(2);
    expect((await run('merge', '--help')).io.outLines[0]).toMatch(/^Usage: tabian district merge/);
  });
});
