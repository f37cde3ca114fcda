// @vitest-environment node
// Every submission of a round with its state, read from the stored bundles; "marked as sent" recorded;
// the district's acknowledgement (from its findings bundle) moves the submission and the round on.
import { beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { getUser } from '../../../src/db/user-repo';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { createBundle } from '../../../src/domain/bundle/create';
import { generateSigningKey, type SigningKey } from '../../../src/domain/bundle/keys';
import { publicKeyFile } from '../../../src/domain/bundle/trust';
import { roundStatus } from '../../../src/domain/calendar';
import { findingsContents } from '../../../src/domain/district/findings';
import { importFindingsFile } from '../../../src/ui/services/findings.service';
import { unlockPersonKey } from '../../../src/ui/services/signing.service';
import { makeSubmission, type MadeSubmission } from '../../../src/ui/services/submission.service';
import {
  currentWorkingRound,
  listSubmissions,
  markSubmissionSent,
  roundJourneys,
} from '../../../src/ui/services/submissions.service';
import { enrolKeyText, readDistrictKey } from '../../../src/ui/services/trust.service';
import { session } from '../../../src/ui/state/session.svelte';
import { certifiedSchool, schoolProfile } from './certified-school';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

async function submit(encrypt: boolean, now: Date): Promise<MadeSubmission> {
  const staff = await unlockPersonKey((await getUser(appDb(), 'u1'))!, '2569');
  const director = await unlockPersonKey((await getUser(appDb(), 'd1'))!, '7531');
  if (!staff.ok || !director.ok) throw new Error('keys');
  const r = await makeSubmission(2569, 'term1', { staff: staff.key, director: director.key }, { encrypt }, now);
  if ('ok' in r) throw new Error(r.problem);
  return r;
}

async function districtKey(): Promise<{ key: SigningKey; text: string }> {
  const key = await generateSigningKey(true);
  const file = publicKeyFile({
    keyid: key.keyid,
    alg: 'ES256',
    spki: toBase64(key.spki),
    role: 'district',
    name: 'สพป.เชียงใหม่ เขต 1',
    school: null,
  });
  return { key: { privateKey: key.privateKey, spki: key.spki, keyid: key.keyid }, text: JSON.stringify(file) };
}

/** The district's findings bundle acknowledging `made`, as the district office would send it. */
async function acknowledgement(key: SigningKey, made: MadeSubmission): Promise<File> {
  const at = '2026-06-20T03:00:00.000Z';
  const ack = {
    submission: {
      bundleId: made.statement.bundleId,
      sequence: made.statement.sequence,
      statementSha256: made.statementSha256,
    },
    academicYear: 2569,
    round: 'term1' as const,
    asOf: '2026-06-10',
    students: 3,
    findings: 0,
    officer: 'นายเขต ตรวจดี',
    at,
  };
  const created = await createBundle(
    {
      kind: 'findings',
      bundleId: crypto.randomUUID(),
      createdAt: at,
      app: { name: 'tabian', version: 'test' },
      school: { code: schoolProfile.moeCode, smis: schoolProfile.smisCode, name: schoolProfile.nameTh },
      district: { code: '5001', name: 'สพป.เชียงใหม่ เขต 1' },
      academicYear: 2569,
      round: 'term1',
      asOf: '2026-06-10',
      sequence: 1,
      previous: null,
      ...findingsContents([], ack),
      signers: [{ key, role: 'district', name: ack.officer, act: 'acknowledge', at }],
      encryptTo: null,
    },
    random,
  );
  return new File([created.bytes as Uint8Array<ArrayBuffer>], 'ack.tabian');
}

beforeEach(async () => {
  const { officer } = await certifiedSchool();
  session.signIn(officer);
});

describe('the submissions of a round', () => {
  it('lists each file made, newest first, with its number, time, encryption and state; made → sent → acknowledged', async () => {
    expect(await listSubmissions(2569, 'term1')).toEqual([]);
    await submit(true, new Date('2026-06-09T04:00:00.000Z'));
    const district = await districtKey();
    // The key comes from its file or QR (the same text); the fingerprint is shown before it is trusted.
    expect(await readDistrictKey(district.text)).toMatchObject({
      keyid: district.key.keyid,
      name: 'สพป.เชียงใหม่ เขต 1',
    });
    expect(await readDistrictKey(JSON.stringify({ ...JSON.parse(district.text), role: 'staff' }))).toBeNull();
    expect((await enrolKeyText(district.text, null)).ok).toBe(true);
    const second = await submit(true, new Date('2026-06-09T05:00:00.000Z'));

    let list = await listSubmissions(2569, 'term1');
    expect(list.map((s) => [s.fileName, s.sequence, s.encrypted, s.state, s.madeAt])).toEqual([
      ['1050130001-2569-term1-2.tabian', 2, true, 'made', '2026-06-09T05:00:00.000Z'],
      ['1050130001-2569-term1-1.tabian', 1, false, 'made', '2026-06-09T04:00:00.000Z'],
    ]);
    expect(await listSubmissions(2569, 'term2')).toEqual([]);
    const today = new Date('2026-06-09T06:00:00.000Z');
    const status = roundStatus('2026-06-09');
    expect((await roundJourneys(status, today)).get('2569/term1')).toBe('certified');

    expect(await markSubmissionSent(list[0]!.id, new Date('2026-06-09T06:00:00.000Z'))).toBe(true);
    list = await listSubmissions(2569, 'term1');
    expect(list[0]).toMatchObject({ state: 'sent', sent: { at: '2026-06-09T06:00:00.000Z', by: session.user!.name } });
    expect(list[1]!.state).toBe('made');
    expect((await roundJourneys(status, today)).get('2569/term1')).toBe('sent');

    expect(await importFindingsFile(await acknowledgement(district.key, second))).toMatchObject({ status: 'imported' });
    list = await listSubmissions(2569, 'term1');
    expect(list.map((s) => s.state)).toEqual(['acknowledged', 'made']);
    expect((await roundJourneys(status, today)).get('2569/term1')).toBe('acknowledged');
  }, 60_000);

  it('a certified round not sent by its deadline is missed, and stays the working round until sent', async () => {
    const july = new Date('2026-07-15T03:00:00.000Z');
    const status = roundStatus('2026-07-15');
    expect((await roundJourneys(status, july)).get('2569/term1')).toBe('missed');
    expect(await currentWorkingRound(status, july)).toEqual({ academicYear: 2569, round: 'term1' });
    const made = await submit(false, july);
    await markSubmissionSent(made.statementSha256, july);
    expect((await roundJourneys(status, july)).get('2569/term1')).toBe('sent');
    expect(await currentWorkingRound(status, july)).toEqual({ academicYear: 2569, round: 'term2' });
  }, 60_000);
});
