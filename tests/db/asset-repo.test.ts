import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { TabianDb } from '../../src/db/database';
import { listBuildings, loadSite, saveBuilding, saveSite, startSurvey } from '../../src/db/asset-repo';
import { listCounts, saveCount } from '../../src/db/equipment-repo';
import { getSurvey, saveSurvey } from '../../src/db/asset-survey-repo';
import { buildingSchema, siteSchema } from '../../src/domain/assets/schema';
import { blankSurvey } from '../../src/domain/assets/round';

const names: string[] = [];
const open = () => new TabianDb(names[names.push(`assets-${Math.random()}`) - 1]);
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('the asset repositories', () => {
  it("starts a year's survey from last year's site and standing buildings, once, leaving last year as it was", async () => {
    const db = open();
    expect(await startSurvey(db, 2568)).toBeNull();
    await saveSite(db, 2568, siteSchema.parse({ electricity: 'PEA', classrooms: 6 }));
    await saveBuilding(db, 2568, buildingSchema.parse({ id: 'b1', kind: 'b01', condition: 'good' }));
    await saveBuilding(db, 2568, buildingSchema.parse({ id: 'b2', kind: 'b05', removedOn: '2025-01-01' }));
    expect(await startSurvey(db, 2569)).toBe(2568);
    expect((await listBuildings(db, 2569)).map((b) => b.id)).toEqual(['b1']);
    expect((await loadSite(db, 2569))?.electricity).toBe('PEA');
    await saveBuilding(db, 2569, buildingSchema.parse({ id: 'b1', kind: 'b01', condition: 'poor', note: 'ร้าว' }));
    // A second start (another tablet, a reload) copies nothing again.
    await startSurvey(db, 2569);
    expect((await listBuildings(db, 2569))[0]!.condition).toBe('poor');
    expect((await listBuildings(db, 2568)).find((b) => b.id === 'b1')!.condition).toBe('good');
  });

  it('refuses a building that breaks its schema and keeps counts and survey records', async () => {
    const db = open();
    await expect(saveBuilding(db, 2569, { id: '', kind: 'b01' } as never)).rejects.toThrow();
    await saveCount(db, { schemaVersion: 1, countedOn: '2026-10-01', items: [] });
    await saveCount(db, { schemaVersion: 1, countedOn: '2026-06-01', items: [] });
    expect((await listCounts(db)).map((c) => c.countedOn)).toEqual(['2026-06-01', '2026-10-01']);
    const blank = blankSurvey('buildings', 2569, '2026-10-30');
    expect(await getSurvey(db, blank)).toBe(blank);
    const at = {
      userId: 'u1',
      userName: 'ครู',
      role: 'officer' as const,
      at: '2026-10-30T03:00:00.000Z',
      asOf: '2026-10-30',
    };
    await saveSurvey(db, { ...blank, confirmation: at });
    expect((await getSurvey(db, blank)).confirmation).toEqual(at);
  });
});
