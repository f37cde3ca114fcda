// @vitest-environment node
// The district's services over the real repositories (fake IndexedDB), the worker engine run in the page:
// key, keys of schools, import, board, cross-check, acknowledgement, and the school reading its findings.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { appDb, resetAppDb } from '../../../src/db/database';
import { saveProfile } from '../../../src/db/profile-repo';
import { fromBase64 } from '../../../src/domain/bundle/bytes';
import type { User } from '../../../src/domain/access/users';
import type { DistrictProfile } from '../../../src/domain/school';
import { saveUser } from '../../../src/db/user-repo';
import { session } from '../../../src/ui/state/session.svelte';
import { testPinHash } from '../../fixtures/pins';
import {
  generatedStudent,
  makeSchool,
  makeSchools,
  plantCases,
  submissionOf,
  trustOf,
  type TestSchool,
} from '../../factories/district';
import { schoolProfile } from './certified-school';
import { openTestDataKey } from '../../fixtures/data-key';

const downloads: { bytes: Uint8Array; name: string }[] = [];
vi.mock('../../../src/ui/services/export.service', () => ({
  download: (bytes: Uint8Array, name: string) => downloads.push({ bytes, name }),
}));

const { createDistrictKey, districtPublicKeyFile } = await import('../../../src/ui/services/keys.service');
const { enrolKeyFile } = await import('../../../src/ui/services/trust.service');
const { importBundleFiles } = await import('../../../src/ui/services/bundles-in.service');
const { crossCheckRound, knownRounds } = await import('../../../src/ui/services/district.service');
const { loadBoard } = await import('../../../src/ui/services/district-board.service');
const { acknowledge, sendNewFindings } = await import('../../../src/ui/services/district-findings.service');
const { importFindingsFile, roundAcknowledgement } = await import('../../../src/ui/services/findings.service');
const { answerFinding, loadDistrictFindings } = await import('../../../src/ui/services/finding-model.service');

const profile: DistrictProfile = {
  kind: 'district',
  version: 1,
  code: '1050',
  name: 'สพป.ทดสอบ เขต 1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};
const officer: User = {
  id: 'u1',
  name: 'นายสมปอง ข้อมูลดี',
  role: 'officer',
  rooms: [],
  pin: { alg: 'PBKDF2-SHA256' as const, iterations: 100_000, salt: 'x'.repeat(16), hash: 'x'.repeat(32) },
  failedAttempts: 0,
  lockedUntil: null,
  active: true,
  createdAt: '2026-05-01T00:00:00.000Z',
};
const ref = { academicYear: 2569, round: 'term1' as const };
let schools: TestSchool[];
let planted: ReturnType<typeof plantCases>;
let files: File[];

async function fresh(): Promise<void> {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
}

const PIN = '256901';

beforeAll(async () => {
  await fresh();
  await saveProfile(appDb(), profile);
  // รับทราบ signs with the district key once the officer's PIN is checked, like every other signature.
  officer.pin = await testPinHash(PIN);
  await saveUser(appDb(), officer);
  session.signIn(officer);
  await openTestDataKey();
  schools = await makeSchools(3, 12);
  planted = plantCases(schools[0]!, schools[1]!, schools[2]!);
});

describe('district services', () => {
  it("makes the district key with its backup, and enrols the schools' keys from a trust list", async () => {
    const key = await createDistrictKey('สำรอง-กุญแจ-2569', new Date('2026-06-01T00:00:00Z'));
    expect(downloads.map((d) => d.name)).toEqual(['กุญแจเขต-1050-สำรอง-เก็บเป็นความลับ.json']);
    expect((await districtPublicKeyFile())!.keyid).toBe(key.keyid);
    const enrolled = await enrolKeyFile(new Blob([JSON.stringify(trustOf(schools))]));
    expect(enrolled).toMatchObject({ ok: true, enrolment: { added: expect.any(Array), conflicts: [] } });
    expect(await enrolKeyFile(new Blob([JSON.stringify(trustOf(schools))]), '1059999999')).toMatchObject({ ok: true });
  }, 30_000);

  it('imports encrypted submissions, in any order, and again without effect', async () => {
    const key = (await districtPublicKeyFile())!;
    const to = { keyid: key.keyid, spki: fromBase64(key.spki)! };
    files = [];
    for (const s of schools)
      files.push(new File([(await submissionOf(s, { encryptTo: to })).bytes], `${s.code}.tabian`));
    const seen: number[] = [];
    const run = await importBundleFiles(files, (_r, done) => seen.push(done));
    expect(seen).toEqual([1, 2, 3]);
    expect(run.results.map((r) => [r.outcome, r.students])).toEqual([
      ['accepted', 11],
      ['accepted', 15],
      ['accepted', 15],
    ]);
    expect((await importBundleFiles(files, () => {})).results.map((r) => r.outcome)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect((await knownRounds(new Date('2026-06-20T03:00:00Z'))).find((r) => r.round === 'term1')).toMatchObject({
      academicYear: 2569,
      schools: 3,
    });
  }, 30_000);

  it('shows the board, finds the planted pairs, and acknowledges with a signed findings bundle', async () => {
    expect((await loadBoard(ref)).rows.map((r) => r.status)).toEqual(['certified', 'certified', 'certified']);
    const check = (await crossCheckRound(ref))!;
    expect(check).toMatchObject({ asOf: '2026-06-10', schools: 3, students: 41 });
    expect(check.pairs.map((p) => p.sides[0].row[2]).sort()).toEqual(planted.pairs.map((p) => p.idNo).sort());
    expect(await crossCheckRound(ref)).toBe(check);
    const wrong = await acknowledge(ref, schools[0]!.code, '111111', new Date('2026-06-20T03:00:00.000Z'));
    expect(wrong).toMatchObject({ ok: false, problem: 'ack.wrong_pin', attemptsLeft: 4 });
    expect((await loadBoard(ref)).rows[0]!.status).toBe('certified');
    const done = await acknowledge(ref, schools[0]!.code, PIN, new Date('2026-06-20T03:00:00.000Z'));
    expect(done).toEqual({
      ok: true,
      fileName: `ผลการตรวจจากเขต-${schools[0]!.code}-2569-term1-1.tabian`,
      findings: 4,
      sequence: 1,
    });
    const board = await loadBoard(ref);
    expect(board.rows.map((r) => r.status)).toEqual(['acknowledged', 'certified', 'certified']);
    expect(board.rows[0]!.series).toMatchObject({ open: 4, fresh: [], acknowledged: true, sent: [{ sequence: 1 }] });
    expect(board.rows[1]!.series).toMatchObject({ open: 2, acknowledged: false });

    // A late school duplicates a child of the acknowledged school: its series asks for findings file no. 2.
    const late = await makeSchool(9, [
      generatedStudent(50_000),
      { ...generatedStudent(50_001), idNo: schools[0]!.students[8]!.idNo },
    ]);
    await enrolKeyFile(new Blob([JSON.stringify(trustOf([late]))]));
    const key = (await districtPublicKeyFile())!;
    const bytes = (await submissionOf(late, { encryptTo: { keyid: key.keyid, spki: fromBase64(key.spki)! } })).bytes;
    expect((await importBundleFiles([new File([bytes], 'late.tabian')], () => {})).results[0]!.outcome).toBe(
      'accepted',
    );
    const after = (await loadBoard(ref)).rows[0]!;
    expect(after.series).toMatchObject({ open: 5, acknowledged: true });
    expect(after.series!.fresh).toHaveLength(1);
    const second = await sendNewFindings(ref, schools[0]!.code, PIN, new Date('2026-06-21T03:00:00.000Z'));
    expect(second).toEqual({
      ok: true,
      fileName: `ผลการตรวจจากเขต-${schools[0]!.code}-2569-term1-2.tabian`,
      findings: 5,
      sequence: 2,
    });
    const sent = (await loadBoard(ref)).rows[0]!;
    expect(sent.series).toMatchObject({ fresh: [], sent: [{ sequence: 1 }, { sequence: 2 }] });
    expect(sent.sentRows.map((r) => r.fileName)).toEqual(
      [1, 2].map((n) => `ผลการตรวจจากเขต-${schools[0]!.code}-2569-term1-${n}.tabian`),
    );
    session.lock();
    expect(await acknowledge(ref, schools[1]!.code, PIN)).toEqual({ ok: false, problem: 'ack.signed_out' });
  }, 30_000);

  it("lets the school read its findings once it trusts the district key, and nothing from another school's", async () => {
    const [first, second] = downloads
      .filter((d) => d.name.startsWith('ผลการตรวจ'))
      .map((d) => new File([d.bytes as Uint8Array<ArrayBuffer>], d.name));
    const findings = first!;
    const publicKey = (await districtPublicKeyFile())!;
    await fresh();
    await saveProfile(appDb(), schoolProfile);
    const untrusted = await importFindingsFile(findings);
    expect(untrusted).toMatchObject({
      status: 'untrusted',
      keys: [{ keyid: publicKey.keyid, role: 'district', fingerprint: publicKey.fingerprint }],
    });
    expect(await enrolKeyFile(new Blob([JSON.stringify(publicKey)]), null)).toMatchObject({ ok: true });
    const imported = await importFindingsFile(findings, new Date('2026-06-21T03:00:00.000Z'));
    expect(imported).toMatchObject({
      status: 'imported',
      findings: 4,
      academicYear: 2569,
      round: 'term1',
      acknowledgement: { officer: officer.name, students: 11 },
    });
    expect(await importFindingsFile(findings)).toEqual({ status: 'already' });
    expect(await importFindingsFile(second!, new Date('2026-06-21T04:00:00.000Z'))).toMatchObject({
      status: 'imported',
      findings: 5,
      acknowledgement: null,
    });
    // The acknowledgement of the round is still file no. 1's.
    expect(await roundAcknowledgement(2569, 'term1')).toMatchObject({ sequence: 1 });
    const views = await loadDistrictFindings();
    expect(views.map((v) => v.row.rule).sort()).toEqual([
      'id.duplicate',
      'id.duplicate',
      'id.duplicate',
      'person.possible_duplicate',
      'person.possible_duplicate',
    ]);
    // Nobody chose to name the other schools: the school is told "another school in this district".
    expect(views.every((v) => v.row.otherSchool === null && v.row.reason.th.startsWith('โรงเรียนอื่นในเขตพื้นที่นี้'))).toBe(
      true,
    );
    expect(views.map((v) => [v.state, v.sequence, v.district, v.foundOn])).toEqual(
      views.map(() => ['open', 2, schoolProfile.districtOffice.name, '2026-06-21']),
    );
    session.signIn(officer);
    await answerFinding(views[0]!, 'studies-here', 'มาเรียนทุกวัน', new Date('2026-06-22T03:00:00.000Z'));
    const answered = await loadDistrictFindings(views[0]!.row.studentId);
    expect(answered[0]).toMatchObject({
      state: 'answered',
      row: { reply: { answer: 'studies-here', findingId: views[0]!.findingId, findingsSequence: 2, by: officer.name } },
    });
    expect(await roundAcknowledgement(2569, 'term1')).toMatchObject({ by: officer.name, sequence: 1 });
    await saveProfile(appDb(), { ...schoolProfile, moeCode: '1050130002' });
    expect(await importFindingsFile(findings)).toEqual({
      status: 'other-school',
      school: { code: schools[0]!.code, name: schools[0]!.name },
    });
    expect(await importFindingsFile(files[1]!)).toEqual({ status: 'not-findings' });
  }, 30_000);
});
