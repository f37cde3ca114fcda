// Measurement day on three tablets: whatever order their sync bundles reach the school's main device,
// the register ends the same, field by field the latest edit by clock.
import { describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { recordMeasurement, saveSession } from '../../../src/db/measurement-repo';
import { getStudent, saveStudent } from '../../../src/db/student-repo';
import { anActor } from '../../factories/actors';
import { enrolKeys } from '../../../src/db/trust-repo';
import type { PublicKeyFile } from '../../../src/domain/bundle/trust';
import { measurementId } from '../../../src/domain/measure/measurement';
import {
  devicePublicKeyFile,
  exportSync,
  importSync,
  markConflictsSeen,
  syncConflicts,
} from '../../../src/ui/services/sync.service';
import { certifiedSchool } from './certified-school';

const at = (hhmm: string) => new Date(`2026-06-12T${hhmm}:00.000Z`);
const actor = (name: string, now: Date) => anActor(name, now);

/** A tablet that starts from the school's register: nothing of the seed is its own to send. */
async function tablet(): Promise<void> {
  await certifiedSchool();
  const clock = await appDb().settings.get('sync.clock');
  await appDb().settings.put({ key: 'sync.exported', value: clock!.value });
}

async function edit(id: string, fields: Record<string, unknown>, who: string, now: Date) {
  const s = (await getStudent(appDb(), id))!;
  await saveStudent(appDb(), { ...s, ...fields }, actor(who, now));
}

async function measure(
  sessionId: string,
  studentId: string,
  weightKg: number,
  heightCm: number,
  who: string,
  now: Date,
) {
  await saveSession(
    appDb(),
    {
      id: sessionId,
      date: '2026-06-12',
      grade: '01',
      room: '1',
      userId: who,
      userName: who,
      startedAt: now.toISOString(),
    },
    now,
  );
  await recordMeasurement(
    appDb(),
    {
      id: measurementId(sessionId, studentId),
      studentId,
      sessionId,
      measuredOn: '2026-06-12',
      weightKg,
      heightCm,
      by: who,
      at: now.toISOString(),
    },
    actor(who, now),
  );
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

/** The register as it matters: records without their local bookkeeping. */
async function register() {
  const db = appDb();
  const students = (await db.students.orderBy('id').toArray()).map(({ updatedAt: _u, revision: _r, ...s }) => s);
  return {
    students,
    measurements: await db.measurements.orderBy('id').toArray(),
    sessions: await db.measureSessions.orderBy('id').toArray(),
  };
}

describe('three tablets merged on the school device', () => {
  it('gives the same register in every order, the latest edit winning each field', async () => {
    await tablet();
    await measure('A', 's1', 20.5, 115.0, 'ครูเอ', at('10:00'));
    await edit('s2', { firstName: 'มานะชัย' }, 'ครูเอ', at('10:05'));
    const a = await send(at('10:30'));

    await tablet();
    await edit('s3', { room: '2' }, 'ครูบี', at('10:01'));
    await edit('s2', { firstName: 'มานพ' }, 'ครูบี', at('10:07'));
    const b = await send(at('10:30'));

    await tablet();
    await edit('s3', { room: '3' }, 'ครูซี', at('09:59'));
    await measure('C', 's1', 21.0, 115.4, 'ครูซี', at('10:03'));
    await edit('s2', { lastName: 'ขยันดี' }, 'ครูซี', at('10:04'));
    const c = await send(at('10:30'));

    const results = [];
    for (const order of permutations([a, b, c])) {
      await certifiedSchool();
      await markConflictsSeen(); // the register the tablets started from
      for (const t of [a, b, c]) {
        const { format: _f, fingerprint: _p, ...key } = t.key;
        await enrolKeys(appDb(), [key], { now: at('11:00'), by: 'test', source: 'file' });
      }
      for (const t of order)
        expect(await importSync(t.file, at('11:00'))).toMatchObject({ outcome: 'accepted', applied: { skipped: [] } });
      results.push(await register());
    }
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);

    const s1 = (await getStudent(appDb(), 's1'))!;
    const s2 = (await getStudent(appDb(), 's2'))!;
    expect(s1.health).toMatchObject({ weightKg: 21.0, heightCm: 115.4, measuredOn: '2026-06-12' });
    expect([s2.firstName, s2.lastName]).toEqual(['มานพ', 'ขยันดี']);
    expect((await getStudent(appDb(), 's3'))!.room).toBe('2');
    expect(results[0]!.measurements.map((m) => [m.id, m.weightKg])).toEqual([
      ['A/s1', 20.5],
      ['C/s1', 21.0],
    ]);
    expect(results[0]!.sessions.map((s) => s.id)).toEqual(['A', 'C']);

    // Both values of every field two tablets edited are shown to the officer.
    const conflicts = await syncConflicts();
    const firstName = conflicts.find((x) => x.recordId === 's2' && x.field === 'firstName')!;
    expect(firstName.edits.map((e) => e.value)).toEqual(['มานพ', 'มานะชัย']);
    expect(conflicts.some((x) => x.recordId === 's3' && x.field === 'room')).toBe(true);
  }, 120_000);
});
