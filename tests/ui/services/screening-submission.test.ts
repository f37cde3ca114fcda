// Issue 20's "the district sees counts only": a school that screened a household (five members, incomes,
// GPS, two photos) sends a submission whose only trace of it is payload/screening-counts.json — numbers, no
// name, income, position or picture anywhere in the file.
import { beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { savePhoto } from '../../../src/db/photo-repo';
import { saveScreening } from '../../../src/db/screening-repo';
import { getUser } from '../../../src/db/user-repo';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { TRUST_FORMAT } from '../../../src/domain/bundle/trust';
import { readZip } from '../../../src/domain/bundle/zip-read';
import { readIncoming } from '../../../src/domain/district/incoming';
import { SCREENING_FORM } from '../../../src/domain/screening/options';
import { unlockPersonKey } from '../../../src/ui/services/signing.service';
import { makeSubmission } from '../../../src/ui/services/submission.service';
import { certifiedSchool, schoolProfile } from './certified-school';

const MEMBERS = [
  { name: 'เด็กหญิงมาลี ใจดี', relation: 'นักเรียน' },
  { name: 'นายสมชาย รักเรียน', relation: 'พ่อ', income: { wages: 4517 } },
  { name: 'นางสมหญิง รักเรียน', relation: 'แม่', income: { wages: 2003 } },
  { name: 'นายทองดี รักเรียน', relation: 'ปู่', income: { farming: 1211 } },
  { name: 'นางบุญมา รักเรียน', relation: 'ย่า', income: { welfare: 809 } },
];
const picture = new Uint8Array(2048).map((_, i) => (i * 37 + 11) % 251);

beforeEach(async () => {
  await certifiedSchool();
});

describe('a submission after a home visit', () => {
  it('carries the screening counts and nothing personal of the household', async () => {
    const db = appDb();
    const id = '2569/s1';
    for (const slot of ['outside', 'inside']) {
      await savePhoto(db, {
        id: `photo-${slot}`,
        owner: { kind: 'screening', id },
        slot,
        takenAt: '2026-06-08T09:30:00',
        width: 64,
        height: 48,
        mime: 'image/jpeg',
        bytes: picture,
        thumb: { width: 32, height: 24, mime: 'image/jpeg', bytes: picture },
      });
    }
    await saveScreening(
      db,
      {
        id,
        studentId: 's1',
        academicYear: 2569,
        formVersion: SCREENING_FORM.version,
        members: MEMBERS,
        household: { floor: ['earth'], toilet: false },
        gps: { lat: 18.812345, lon: 98.954321, accuracyM: null, source: 'manual' },
        photos: { outside: 'photo-outside', inside: 'photo-inside' },
      },
      { userName: 'ครูสมใจ', now: new Date('2026-06-08T03:00:00Z') },
    );
    const staff = await unlockPersonKey((await getUser(db, 'u1'))!, '2569');
    const director = await unlockPersonKey((await getUser(db, 'd1'))!, '7531');
    if (!staff.ok || !director.ok) throw new Error('keys');
    const made = await makeSubmission(2569, 'term1', { staff: staff.key, director: director.key }, { encrypt: false });
    if ('ok' in made) throw new Error(made.problem);

    const zip = readZip(made.bytes);
    if (!zip.ok) throw new Error(zip.reason);
    const text = [...zip.entries.values()].map((b) => new TextDecoder().decode(b)).join('\n');
    expect(JSON.parse(new TextDecoder().decode(zip.entries.get('payload/screening-counts.json')!))).toEqual({
      academicYear: 2569,
      formVersion: SCREENING_FORM.version,
      screened: 0,
      partly: 1,
      notNeeded: 0,
      underIncomeLine: 0,
      // Status items are counted for complete screenings only; this one still lacks signatures.
      statusItems: {},
    });
    for (const secret of [
      'สมชาย',
      'บุญมา',
      'ทองดี',
      '4517',
      '2003',
      '1211',
      '809',
      '18.812345',
      '98.954321',
      'photo-outside',
      'photo-inside',
    ]) {
      expect(text).not.toContain(secret);
    }
    // The district's reading of the file keeps the counts in the school's summary, and only them.
    const entry = (k: typeof staff.key, role: 'staff' | 'director') => ({
      keyid: k.keyid,
      alg: 'ES256' as const,
      spki: toBase64(k.spki),
      role,
      name: role,
      school: schoolProfile.moeCode,
    });
    const read = await readIncoming(made.bytes, {
      trust: { format: TRUST_FORMAT, keys: [entry(staff.key, 'staff'), entry(director.key, 'director')] },
      decryptionKeys: [],
      kinds: ['submission'],
    });
    expect(read.valid).toBe(true);
    expect(read.summary?.screening).toMatchObject({ screened: 0, partly: 1, underIncomeLine: 0 });
    expect(JSON.stringify(read.summary)).not.toMatch(/สมชาย|บุญมา|4517|18\.812345/);
    // The pupil is in the register's own file, as every submission carries her: not from the screening.
    expect([...zip.entries.keys()].filter((k) => k.startsWith('payload/')).sort()).toEqual([
      'payload/measurements.jsonl',
      'payload/movements.jsonl',
      'payload/school.json',
      'payload/screening-counts.json',
      'payload/students.jsonl',
    ]);
  }, 60_000);
});
