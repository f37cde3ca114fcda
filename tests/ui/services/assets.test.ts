import { beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { getUser } from '../../../src/db/user-repo';
import { savePhoto } from '../../../src/db/photo-repo';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { TRUST_FORMAT } from '../../../src/domain/bundle/trust';
import { buildingSchema, siteSchema } from '../../../src/domain/assets/schema';
import { readIncoming } from '../../../src/domain/district/incoming';
import {
  certifySurvey,
  confirmSurvey,
  loadSurvey,
  saveBuildingOf,
  saveSiteOf,
} from '../../../src/ui/services/assets.service';
import { loadCount, saveEquipmentCount } from '../../../src/ui/services/equipment.service';
import { unlockPersonKey } from '../../../src/ui/services/signing.service';
import { makeSubmission } from '../../../src/ui/services/submission.service';
import { session } from '../../../src/ui/state/session.svelte';
import { certifiedSchool, schoolProfile } from './certified-school';

// 7 December 2026 in Bangkok: academic year 2569, buildings as of 30 October 2569.
const now = new Date('2026-12-07T03:00:00.000Z');

beforeEach(async () => {
  const { officer } = await certifiedSchool();
  session.signIn(officer);
});

describe('the land and buildings survey', () => {
  it("is confirmed, certified by the director's PIN and travels in the next submission, where the district reads it", async () => {
    let view = await loadSurvey(now);
    expect(view).toMatchObject({
      academicYear: 2569,
      asOf: '2026-10-30',
      carriedFrom: null,
      confirmBlockers: ['survey.empty'],
    });
    await saveSiteOf(
      view,
      siteSchema.parse({
        electricity: 'การไฟฟ้าส่วนภูมิภาค',
        land: { kind: 'royal-property', area: { rai: 5, ngan: 1, wa: 20 } },
      }),
    );
    const thumb = {
      width: 320,
      height: 240,
      mime: 'image/jpeg' as const,
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    };
    await savePhoto(appDb(), {
      id: 'ph1',
      owner: { kind: 'building', id: '2569/x' },
      slot: 'front',
      takenAt: '2026-12-07T09:30:00',
      width: 1600,
      height: 1200,
      mime: 'image/jpeg',
      bytes: new Uint8Array(5000).fill(7),
      thumb,
    });
    await saveBuildingOf(
      view,
      buildingSchema.parse({
        id: 'x',
        kind: 'b01',
        name: 'อาคาร 1',
        roomsActual: 1,
        condition: 'poor',
        photos: { front: { id: 'ph1', takenOn: '2026-12-07' } },
      }),
    );
    view = await loadSurvey(now);
    // ป.1/1 and ป.6/1 each need a room; the building's one actual room leaves the school a room short.
    expect(view.supply).toMatchObject({ needed: 2, available: 1, shortage: 1 });
    expect(view.lines[0]).toMatchObject({ changes: 'new', problems: [] });

    view = await loadSurvey(now);
    await confirmSurvey(view.record, view.confirmBlockers, now);
    const director = (await getUser(appDb(), 'd1'))!;
    expect((await certifySurvey((await loadSurvey(now)).record, director, '0000', now)).ok).toBe(false);
    expect((await certifySurvey((await loadSurvey(now)).record, director, '7531', now)).ok).toBe(true);
    expect((await loadSurvey(now)).record.certification).toMatchObject({ userId: 'd1', asOf: '2026-10-30' });

    const count = await loadCount(now);
    count.count.items.find((i) => i.code === '22001')!.usable = 40;
    await saveEquipmentCount(count.count);
    expect((await loadCount(now)).changes).toEqual([
      { code: '22001', name: 'โต๊ะเก้าอี้นักเรียนประถมศึกษา', field: 'usable', from: 0, to: 40 },
    ]);

    const staff = await unlockPersonKey((await getUser(appDb(), 'u1'))!, '2569');
    const dir = await unlockPersonKey(director, '7531');
    if (!staff.ok || !dir.ok) throw new Error('keys');
    const sub = await makeSubmission(2569, 'term1', { staff: staff.key, director: dir.key }, { encrypt: false });
    if ('ok' in sub) throw new Error(sub.problem);
    // The count is not certified, so it stays home; the certified buildings go.
    expect(sub.statement.files.map((f) => [f.path, f.records])).toEqual(
      expect.arrayContaining([
        ['payload/asset-survey.json', 1],
        ['payload/buildings.jsonl', 1],
        ['payload/equipment.jsonl', 0],
        ['payload/asset-photos.jsonl', 1],
      ]),
    );
    // The thumbnail travels, the full picture does not.
    expect(sub.statement.files.find((f) => f.path === 'payload/asset-photos.jsonl')!.bytes).toBeLessThan(1000);
    const entry = (k: typeof staff.key, role: 'staff' | 'director') => ({
      keyid: k.keyid,
      alg: 'ES256' as const,
      spki: toBase64(k.spki),
      role,
      name: role,
      school: schoolProfile.moeCode,
    });
    const read = await readIncoming(sub.bytes, {
      trust: { format: TRUST_FORMAT, keys: [entry(staff.key, 'staff'), entry(dir.key, 'director')] },
      decryptionKeys: [],
      kinds: ['submission'],
    });
    expect(read.valid).toBe(true);
    expect(read.summary?.assets).toMatchObject({
      academicYear: 2569,
      asOf: '2026-10-30',
      buildings: 1,
      byCondition: { poor: 1 },
      withoutRecentPhotos: 0,
      classrooms: { needed: 2, available: 1, shortage: 1 },
      equipmentCountedOn: null,
    });
  }, 120_000);
});
