import { beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { enrolKeys } from '../../../src/db/trust-repo';
import type { PublicKeyFile } from '../../../src/domain/bundle/trust';
import { asBytes } from '../../../src/domain/bundle/bytes';
import { inspectBundle } from '../../../src/domain/bundle/verify';
import { getStudent, saveStudent } from '../../../src/db/student-repo';
import {
  deviceId,
  devicePublicKeyFile,
  exportSync,
  importSync,
  markConflictsSeen,
  syncConflicts,
} from '../../../src/ui/services/sync.service';
import { certifiedSchool } from './certified-school';

const edit = async (fields: Record<string, string>, who: string, now: Date) => {
  const s = (await getStudent(appDb(), 's1'))!;
  await saveStudent(
    appDb(),
    { ...s, ...fields },
    { userId: who, userName: who, now, newId: () => crypto.randomUUID() },
  );
};
/** What the seed wrote is the register both devices start from: not the tablet's to send. */
const inStep = async () =>
  appDb().settings.put({ key: 'sync.exported', value: (await appDb().settings.get('sync.clock'))!.value });
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);
const enrol = async (f: PublicKeyFile) => {
  const { format: _format, fingerprint: _fp, ...key } = f;
  await enrolKeys(appDb(), [key], { now: new Date(), by: 'test', source: 'file' });
};

beforeEach(async () => {
  await certifiedSchool();
});

describe('sync over the ops store', () => {
  it('exports a tablet’s operations, holds them until its key is enrolled, merges them and lists a conflict', async () => {
    // The tablet: two edits, exported once; nothing new afterwards.
    const t0 = new Date('2026-06-12T02:00:00Z');
    await inStep();
    await edit({ firstName: 'มาลีวรรณ', room: '2' }, 'ครูสมใจ', t0);
    const tabletKey = (await devicePublicKeyFile(t0))!;
    const tablet = await deviceId();
    const out = await exportSync(t0, { save: false });
    if (!out.ok) throw new Error(out.problem);
    expect(out).toMatchObject({ operations: 2, fileName: '1050130001-2569-sync-1.tabian' });
    expect((await inspectBundle(asBytes(out.bytes))).statement).toMatchObject({
      kind: 'sync',
      round: null,
      attestations: [{ role: 'device', act: 'export' }],
    });
    expect(await exportSync(t0, { save: false })).toEqual({ ok: false, problem: 'sync.nothing' });

    // The school's main device: another database, another device key.
    await certifiedSchool();
    await markConflictsSeen();
    const t1 = new Date('2026-06-12T03:00:00Z');
    const file = fileOf(out.bytes, out.fileName);
    const held = await importSync(file, t1);
    expect(held).toMatchObject({
      outcome: 'held',
      reason: 'key.untrusted',
      operations: 0,
      unknownKeys: [tabletKey.fingerprint],
    });
    await enrol(tabletKey);
    expect(await importSync(file, t1)).toMatchObject({ outcome: 'accepted', operations: 2 });
    expect(await importSync(file, t1)).toMatchObject({ outcome: 'duplicate', operations: 0 });
    expect(await appDb().ops.count()).toBe(2);
    expect(await getStudent(appDb(), 's1')).toMatchObject({ firstName: 'มาลีวรรณ', room: '2' });

    await edit({ room: '3' }, 'นายสมปอง', t1);
    const conflicts = await syncConflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ recordId: 's1', field: 'room', winner: { value: '3', by: 'นายสมปอง' } });
    expect((await getStudent(appDb(), 's1'))!.room).toBe('3');
    expect(conflicts[0]!.edits.map((e) => [e.hlc.device === tablet, e.value])).toEqual([
      [false, '3'],
      [true, '2'],
    ]);
    await markConflictsSeen();
    expect(await syncConflicts()).toEqual([]);
  }, 60_000);
});
