import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { listBundles } from '../../../src/db/bundle-repo';
import { enrolKeys } from '../../../src/db/trust-repo';
import { getUser } from '../../../src/db/user-repo';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import {
  exportPrivateJwk,
  fingerprintOf,
  generateSigningKey,
  keyParams,
  type SigningKey,
} from '../../../src/domain/bundle/keys';
import { TRUST_FORMAT, type TrustList } from '../../../src/domain/bundle/trust';
import { verifyBundle } from '../../../src/domain/bundle/verify';
import { listPersonKeys, personPublicKeyFile, unlockPersonKey } from '../../../src/ui/services/signing.service';
import {
  certifiedStudents,
  makeSubmission,
  planSubmission,
  type MadeSubmission,
} from '../../../src/ui/services/submission.service';
import { certifiedSchool, schoolProfile } from './certified-school';

const root = process.cwd();

async function keysOf(): Promise<{ staff: SigningKey; director: SigningKey; trust: TrustList }> {
  const staff = await unlockPersonKey((await getUser(appDb(), 'u1'))!, '2569');
  const director = await unlockPersonKey((await getUser(appDb(), 'd1'))!, '7531');
  if (!staff.ok || !director.ok) throw new Error('keys');
  const entry = (k: SigningKey, role: 'staff' | 'director', name: string) => ({
    keyid: k.keyid,
    alg: 'ES256' as const,
    spki: toBase64(k.spki),
    role,
    name,
    school: schoolProfile.moeCode,
  });
  return {
    staff: staff.key,
    director: director.key,
    trust: {
      format: TRUST_FORMAT,
      keys: [entry(staff.key, 'staff', 'นายสมปอง'), entry(director.key, 'director', 'นางสมศรี')],
    },
  };
}

function made(r: Awaited<ReturnType<typeof makeSubmission>>): MadeSubmission {
  if ('ok' in r) throw new Error(r.problem);
  return r;
}

beforeEach(async () => {
  await certifiedSchool();
});

describe('signing keys', () => {
  it('makes a PIN-wrapped key the first time, opens it again with the PIN, and refuses a wrong PIN', async () => {
    const user = (await getUser(appDb(), 'd1'))!;
    const first = await unlockPersonKey(user, '7531');
    expect(first).toMatchObject({ ok: true, created: true, info: { role: 'director', userId: 'd1' } });
    const again = await unlockPersonKey((await getUser(appDb(), 'd1'))!, '7531');
    expect(again).toMatchObject({ ok: true, created: false });
    if (!first.ok || !again.ok) throw new Error('unlock');
    expect(again.key.keyid).toBe(first.key.keyid);
    expect(first.info.fingerprint).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    expect(await unlockPersonKey((await getUser(appDb(), 'd1'))!, '0000')).toEqual({
      ok: false,
      problem: 'wrong-pin',
      attemptsLeft: 4,
    });
    const row = (await appDb().keys.get(first.key.keyid))!;
    expect(row.signKey).toBeNull();
    // Wrapped under the director's PIN key: no KDF of its own, so no cheaper to attack than the PIN hash (decision 20).
    expect(row.wrapped).toMatchObject({ alg: 'PIN-KEY+A256GCM' });
    expect(row.wrapped).not.toHaveProperty('iterations');
    expect(await listPersonKeys()).toHaveLength(1);
    expect(await personPublicKeyFile(first.key.keyid)).toMatchObject({
      format: 'tabian-public-key/1',
      role: 'director',
      school: '1050130001',
      fingerprint: first.info.fingerprint,
    });
  }, 60_000);
});

describe('submission', () => {
  it('plans the file name and signers of a certified round', async () => {
    const plan = await planSubmission(2569, 'term1');
    expect(plan).toMatchObject({
      ok: true,
      fileName: '1050130001-2569-term1-1.tabian',
      sequence: 1,
      students: 3,
      district: null,
      staff: { id: 'u1' },
      director: { id: 'd1' },
    });
    expect(await planSubmission(2569, 'term2')).toEqual({ ok: false, problem: 'submit.not_certified' });
  });

  it('builds a plain submission that verifyBundle accepts, chained to the next one', async () => {
    const { staff, director, trust } = await keysOf();
    const first = made(await makeSubmission(2569, 'term1', { staff, director }, { encrypt: true }));
    expect(first.fileName).toBe('1050130001-2569-term1-1.tabian');
    expect(first.encrypted).toBe(false);
    const r = await verifyBundle(first.bytes, { trust, chain: [] });
    expect([r.valid, r.reason]).toEqual([true, null]);
    expect(r.statement?.attestations.map((a) => [a.role, a.act])).toEqual([
      ['staff', 'confirm-existence'],
      ['director', 'certify'],
    ]);
    expect(r.statement?.files.map((f) => [f.path, f.records])).toEqual([
      ['payload/measurements.jsonl', 0],
      ['payload/movements.jsonl', 0],
      ['payload/school.json', 1],
      ['payload/students.jsonl', 3],
    ]);
    const second = made(await makeSubmission(2569, 'term1', { staff, director }, { encrypt: false }));
    expect(second.statement).toMatchObject({ sequence: 2, previous: first.statementSha256 });
    expect(second.fileName).toBe('1050130001-2569-term1-2.tabian');
    const out = await listBundles(appDb(), { school: '1050130001', kind: 'submission', direction: 'out' });
    expect(out.map((b) => b.sequence).sort()).toEqual([1, 2]);
  }, 60_000);

  it('encrypts to the enrolled district key, and the command line verifies and opens it', async () => {
    const { staff, director, trust } = await keysOf();
    const district = await generateSigningKey(true);
    await enrolKeys(
      appDb(),
      [
        {
          keyid: district.keyid,
          alg: 'ES256',
          spki: toBase64(district.spki),
          role: 'district',
          name: 'สพป.เชียงใหม่ เขต 1',
          school: null,
        },
      ],
      { now: new Date(), by: 'test', source: 'file' },
    );
    expect(await planSubmission(2569, 'term1')).toMatchObject({
      district: { keyid: district.keyid, fingerprint: fingerprintOf(district.keyid) },
    });
    const sub = made(await makeSubmission(2569, 'term1', { staff, director }, { encrypt: true }));
    expect(sub.encrypted).toBe(true);
    expect(sub.statement.encryption?.recipient).toBe(district.keyid);
    const jwk = await exportPrivateJwk(district.privateKey);
    const { algorithm, usages } = keyParams('decrypt');
    const privateKey = await crypto.subtle.importKey('jwk', jwk, algorithm, false, usages);
    const r = await verifyBundle(sub.bytes, { trust, decryptionKey: { keyid: district.keyid, privateKey } });
    expect([r.valid, r.reason]).toEqual([true, null]);
    expect((await verifyBundle(sub.bytes, { trust })).reason).toBe('decrypt.key-missing');

    const dir = mkdtempSync(join(tmpdir(), 'tabian-submission-'));
    writeFileSync(join(dir, sub.fileName), sub.bytes);
    writeFileSync(join(dir, 'trust.json'), JSON.stringify(trust));
    writeFileSync(join(dir, 'district.jwk'), JSON.stringify(jwk));
    const stdout = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'bundle',
        'verify',
        join(dir, sub.fileName),
        '--trust',
        join(dir, 'trust.json'),
        '--key',
        join(dir, 'district.jwk'),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      valid: true,
      reason: null,
      statement: { kind: 'submission', sequence: 1, round: 'term1' },
    });
  }, 60_000);

  it('lays the certified fields over the current records and notices a missing student', () => {
    const now = { id: 's1', firstName: 'มาลีใหม่', room: '2' } as never;
    const row = {
      id: 's1',
      idNo: '1',
      prefix: 'เด็กหญิง',
      firstName: 'มาลี',
      lastName: 'ใจดี',
      sex: null,
      birthDate: null,
      grade: null,
      room: '1',
    };
    const { students, missing } = certifiedStudents([row, { ...row, id: 's9' }], [now]);
    expect(students[0]).toMatchObject({ firstName: 'มาลี', room: '1' });
    expect(missing).toEqual(['s9']);
  });
});
