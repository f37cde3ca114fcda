// A record entered twice, merged on one tablet while other tablets still edit it: whatever order their sync
// bundles reach the school's main device, the merged record stays gone (a tombstone outranks every edit of
// it, older or newer) and the survivor keeps both the merge and the edits made to it.
import { describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { mergeStudents } from '../../../src/db/removal-repo';
import { getStudent, saveStudent } from '../../../src/db/student-repo';
import { anActor } from '../../factories/actors';
import { recordMeasurement, saveSession } from '../../../src/db/measurement-repo';
import { enrolKeys } from '../../../src/db/trust-repo';
import type { PublicKeyFile } from '../../../src/domain/bundle/trust';
import { devicePublicKeyFile, exportSync, importSync } from '../../../src/ui/services/sync.service';
import { certifiedSchool } from './certified-school';
import { seed, pupils } from '../screens/confirm/school';

const at = (hhmm: string) => new Date(`2026-06-12T${hhmm}:00.000Z`);
const actor = (name: string, now: Date) => anActor(name, now);

/** The certified school plus s4, มานะ typed a second time after the round (with his student number). */
async function school(): Promise<void> {
  await certifiedSchool();
  await seed([{ ...pupils()[1]!, id: 's4', studentNo: '2401' }]);
}
async function tablet(): Promise<void> {
  await school();
  const clock = await appDb().settings.get('sync.clock');
  await appDb().settings.put({ key: 'sync.exported', value: clock!.value });
}
async function edit(id: string, fields: Record<string, unknown>, who: string, now: Date) {
  const s = (await getStudent(appDb(), id))!;
  await saveStudent(appDb(), { ...s, ...fields }, actor(who, now));
}

interface Sent {
  file: File;
  key: PublicKeyFile;
}
async function send(now: Date): Promise<Sent> {
  const out = await exportSync(now, { save: false });
  if (!out.ok) throw new Error(out.problem);
  return {
    file: new File([out.bytes as Uint8Array<ArrayBuffer>], out.fileName),
    key: (await devicePublicKeyFile(now))!,
  };
}
const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1
    ? [xs]
    : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

async function register() {
  const students = (await appDb().students.orderBy('id').toArray()).map(({ updatedAt: _u, revision: _r, ...s }) => s);
  return { students, measurements: await appDb().measurements.orderBy('id').toArray() };
}

describe('a merge travelling by sync', () => {
  it('keeps the merged record gone in every arrival order, beating older and newer edits of it', async () => {
    await tablet();
    await edit('s4', { firstName: 'มานะชัย' }, 'ครูเอ', at('10:00')); // before the merge
    await edit('s2', { lastName: 'ขยันยิ่ง' }, 'ครูเอ', at('10:05'));
    const before = await send(at('10:10'));

    await tablet();
    await mergeStudents(appDb(), 's2', 's4', {}, '', actor('นายสมปอง', at('10:30')));
    const merge = await send(at('10:40'));

    await tablet();
    await edit('s4', { room: '2' }, 'ครูซี', at('11:00')); // a tablet that had not heard of the merge
    await saveSession(
      appDb(),
      {
        id: 'C',
        date: '2026-06-12',
        grade: '01',
        room: '1',
        userId: 'ครูซี',
        userName: 'ครูซี',
        startedAt: at('11:01').toISOString(),
      },
      at('11:01'),
    );
    await recordMeasurement(
      appDb(),
      {
        id: 'C/s4',
        studentId: 's4',
        sessionId: 'C',
        measuredOn: '2026-06-12',
        weightKg: 21,
        heightCm: 115,
        by: 'ครูซี',
        at: at('11:02').toISOString(),
      },
      actor('ครูซี', at('11:02')),
    );
    const after = await send(at('11:10'));

    const results = [];
    for (const order of permutations([before, merge, after])) {
      await school();
      for (const t of [before, merge, after]) {
        const { format: _f, fingerprint: _p, ...key } = t.key;
        await enrolKeys(appDb(), [key], { now: at('12:00'), by: 'test', source: 'file' });
      }
      for (const t of order)
        expect(await importSync(t.file, at('12:00'))).toMatchObject({ outcome: 'accepted', applied: { skipped: [] } });
      expect(await getStudent(appDb(), 's4')).toBeNull();
      results.push(await register());
    }
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    const s2 = (await getStudent(appDb(), 's2'))!;
    expect([s2.lastName, s2.studentNo]).toEqual(['ขยันยิ่ง', '2401']);
    expect(results[0]!.students.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    // Measured for the dropped record on the tablet that had not heard: it is the survivor's.
    expect(results[0]!.measurements.map((m) => [m.id, m.studentId])).toEqual([['C/s4', 's2']]);
  }, 180_000);
});
