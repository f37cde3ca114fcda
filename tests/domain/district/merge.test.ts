// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, keyParams } from '../../../src/domain/bundle/keys';
import { mergeBundles, type MergeFile } from '../../../src/domain/district/merge';
import { editEntries } from '../bundle/tamper-kit';
import { makeSchools, plantCases, submissionOf, trustOf, type TestSchool } from '../../factories/district';

let schools: TestSchool[];
let planted: ReturnType<typeof plantCases>;
let files: MergeFile[];

beforeAll(async () => {
  schools = await makeSchools(4, 30);
  planted = plantCases(schools[0]!, schools[1]!, schools[2]!);
  files = await Promise.all(
    schools.map(async (s) => ({ name: `${s.code}.tabian`, bytes: (await submissionOf(s)).bytes })),
  );
});

describe('mergeBundles', () => {
  it('finds every planted cross-school pair, and neither the twin nor the consistent transfer', async () => {
    const { report } = await mergeBundles(files, { trust: trustOf(schools), decryptionKey: null });
    expect(report.rejected).toEqual([]);
    expect(report.schools.map((s) => s.status)).toEqual(['certified', 'certified', 'certified', 'certified']);
    const found = report.duplicates.map((d) => ({ rule: d.rule, schools: d.schools, idNo: d.idNo }));
    expect(found).toEqual(
      expect.arrayContaining(planted.pairs.map(({ rule, schools: s, idNo }) => ({ rule, schools: s, idNo }))),
    );
    expect(found).toHaveLength(planted.pairs.length);
    expect(found.some((d) => d.idNo === planted.twin.idNo || d.idNo === planted.transferred.idNo)).toBe(false);
    // 30, less the student who left before the as-of date (the one who left after it still counts).
    expect(report.schools[0]!.students).toBe(29);
  });

  it('rejects a tampered file and an unknown key for their reasons, and keeps the rest', async () => {
    const tampered = editEntries(files[1]!.bytes, (e) => {
      const data = new Uint8Array(e.get('payload/students.jsonl')!);
      data[50]! ^= 1;
      e.set('payload/students.jsonl', data);
    });
    const stranger = (await makeSchools(1, 5, 50_000))[0]!;
    const unknown = { name: 'stranger.tabian', bytes: (await submissionOf(stranger)).bytes };
    const { report } = await mergeBundles([files[0]!, { name: 'tampered.tabian', bytes: tampered }, unknown], {
      trust: trustOf(schools),
      decryptionKey: null,
    });
    expect(report.rejected).toEqual([
      { file: 'stranger.tabian', reason: 'key.untrusted' },
      { file: 'tampered.tabian', reason: 'file.hash' },
    ]);
    expect(report.schools.map((s) => s.code)).toEqual([schools[0]!.code]);
  });

  it('follows a chain given out of order, and refuses a gap and a fork', async () => {
    const s = schools[3]!;
    const one = await submissionOf(s);
    const two = await submissionOf(s, { sequence: 2, previous: one.statementSha256 });
    const other2 = await submissionOf(s, { sequence: 2, previous: one.statementSha256 });
    const four = await submissionOf(s, { sequence: 4, previous: two.statementSha256 });
    const { report } = await mergeBundles(
      [
        { name: 'b2.tabian', bytes: two.bytes },
        { name: 'b1.tabian', bytes: one.bytes },
        { name: 'b1-again.tabian', bytes: one.bytes },
        { name: 'fork.tabian', bytes: other2.bytes },
        { name: 'b4.tabian', bytes: four.bytes },
      ],
      { trust: trustOf(schools), decryptionKey: null },
    );
    expect(report.rejected).toEqual([
      { file: 'b4.tabian', reason: 'chain.gap' },
      { file: 'fork.tabian', reason: 'chain.fork' },
    ]);
    expect(report.schools).toEqual([{ code: s.code, status: 'certified', students: 30 }]);
  });

  it('keeps the fork received first, not the one whose file name sorts first, and reports both hashes', async () => {
    const s = schools[3]!;
    const one = await submissionOf(s);
    const first = await submissionOf(s, { sequence: 2, previous: one.statementSha256 });
    const second = await submissionOf(s, { sequence: 2, previous: one.statementSha256 });
    const given = [
      { name: 'z-received-first.tabian', bytes: first.bytes },
      { name: 'a-received-second.tabian', bytes: second.bytes },
      { name: 'm-one.tabian', bytes: one.bytes },
    ];
    const { report } = await mergeBundles(given, { trust: trustOf(schools), decryptionKey: null });
    expect(report.rejected).toEqual([{ file: 'a-received-second.tabian', reason: 'chain.fork' }]);
    expect(report.forks).toEqual([
      {
        school: s.code,
        kind: 'submission',
        sequence: 2,
        kept: { file: 'z-received-first.tabian', statementSha256: first.statementSha256 },
        refused: { file: 'a-received-second.tabian', statementSha256: second.statementSha256 },
      },
    ]);
    // An explicit choice wins over the order received.
    const chosen = await mergeBundles(given, {
      trust: trustOf(schools),
      decryptionKey: null,
      keep: [second.statementSha256],
    });
    expect(chosen.report.rejected).toEqual([{ file: 'z-received-first.tabian', reason: 'chain.fork' }]);
    expect(chosen.report.forks[0]!.kept.statementSha256).toBe(second.statementSha256);
  });

  it('opens encrypted submissions with the district key, and counts on the as-of date given', async () => {
    const district = await generateSigningKey(true);
    const pkcs8 = await crypto.subtle.exportKey('pkcs8', district.privateKey);
    const { algorithm, usages } = keyParams('decrypt');
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, usages);
    const sealed = await submissionOf(schools[3]!, { encryptTo: district });
    const without = await mergeBundles([{ name: 'x.tabian', bytes: sealed.bytes }], {
      trust: trustOf(schools),
      decryptionKey: null,
    });
    expect(without.report.rejected).toEqual([{ file: 'x.tabian', reason: 'decrypt.key-missing' }]);
    const opened = await mergeBundles([{ name: 'x.tabian', bytes: sealed.bytes }], {
      trust: trustOf(schools),
      decryptionKey: { keyid: district.keyid, privateKey },
      asOf: '2025-05-01',
    });
    // Everyone entered on 16 May 2025: nobody counts two weeks before.
    expect(opened.report.schools).toEqual([{ code: schools[3]!.code, status: 'certified', students: 0 }]);
  });
});
