// The district's panel of building surveys, from the summaries stored with each school's accepted submission:
// who sent, buildings by condition, classrooms short, buildings without recent photos, and its workbook.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import * as XLSX from '@e965/xlsx';
import { appDb, resetAppDb } from '../../../../src/db/database';
import { saveSchools } from '../../../../src/db/district-school-repo';
import { summarise } from '../../../../src/domain/district/summary';
import { assetsSummary } from '../../../../src/domain/assets/district';
import { buildingSchema } from '../../../../src/domain/assets/schema';
import { districtRound } from '../../../../src/ui/screens/district/round.svelte';

const downloads: { bytes: Uint8Array; name: string }[] = [];
vi.mock('../../../../src/ui/services/export.service', () => ({
  download: (bytes: Uint8Array, name: string) => downloads.push({ bytes, name }),
}));
const { default: AssetsPanel } = await import('../../../../src/ui/screens/district/assets/AssetsPanel.svelte');

const row = (school: string, name: string, assets: ReturnType<typeof assetsSummary> | null) => ({
  id: school.padEnd(64, 'a'),
  bundleId: crypto.randomUUID(),
  school,
  smis: school.slice(2),
  schoolName: name,
  kind: 'submission',
  direction: 'in',
  status: 'accepted',
  chain: `${school}|submission`,
  sequence: 1,
  previous: null,
  academicYear: 2569,
  round: 'term2',
  asOf: '2026-11-10',
  createdAt: '2026-11-10T09:00:00+07:00',
  keys: [],
  acts: ['confirm-existence', 'certify'],
  reason: null,
  detail: null,
  fileName: 'x.tabian',
  fileSha256: 'd'.repeat(64),
  size: 3,
  file: null,
  receivedAt: '2026-11-12T02:00:00.000Z',
  summary: { ...summarise([], null, 2569, '2026-11-10'), ...(assets ? { assets } : {}) },
  roster: null,
});

beforeAll(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  const b = (id: string, condition: 'good' | 'poor', roomsActual: number) =>
    buildingSchema.parse({ id, kind: 'b01', condition, roomsActual });
  const surveyed = assetsSummary({
    academicYear: 2569,
    asOf: '2026-10-30',
    certifiedAt: '2026-10-30T03:00:00.000Z',
    buildings: [b('1', 'good', 3), b('2', 'poor', 1)],
    grades: [
      { grade: '04', students: 130, roomsOpen: 3 },
      { grade: '05', students: 40, roomsOpen: 1 },
    ],
    equipment: [{ countedOn: '2026-10-01' }],
  });
  await appDb().bundles.bulkPut([
    row('1050130001', 'โรงเรียนบ้านนา', surveyed),
    row('1050130002', 'โรงเรียนบ้านดอน', null),
  ] as never);
  await saveSchools(
    appDb(),
    [
      { code: '1050130001', smis: '50130001', name: 'โรงเรียนบ้านนา' },
      { code: '1050130002', smis: '50130002', name: 'โรงเรียนบ้านดอน' },
      { code: '1050130003', smis: '50130003', name: 'โรงเรียนบ้านเหนือ' },
    ],
    'list',
    new Date(),
  );
  districtRound.selected = { academicYear: 2569, round: 'term2' };
});
afterEach(cleanup);

describe("the district's building survey panel", () => {
  it('shows who sent, condition, shortage and photos, and exports one row per school', async () => {
    render(AssetsPanel);
    await expect
      .poll(() => screen.queryByTestId('dassets-surveyed')?.textContent)
      .toContain('ส่งข้อมูลอาคารแล้ว 1 จาก 3 โรงเรียน');
    expect(screen.getByTestId('dassets-surveyed')).toHaveTextContent('โรงเรียนที่ขาดห้องเรียน 1 โรงเรียน');
    // 130 in ป.1 need 4 rooms at 40 a room, ป.2 one: five needed against four.
    const line = within(screen.getByTestId('dassets-1050130001'));
    const cells = [...line.getAllByRole('rowheader'), ...line.getAllByRole('cell')].map((c) => c.textContent!.trim());
    expect(cells.slice(0, 9)).toEqual(['โรงเรียนบ้านนา', '2', '1', '0', '1', '2', '5', '4', '1']);
    expect(screen.getByTestId('dassets-1050130002')).toHaveTextContent('ยังไม่ส่ง');
    expect(screen.getByTestId('dassets-1050130003')).toHaveTextContent('ยังไม่ส่ง');
    await fireEvent.click(screen.getByTestId('dassets-export'));
    await expect.poll(() => downloads.length).toBe(1);
    expect(downloads[0]!.name).toBe('อาคาร-2569-term2.xlsx');
    const sheet = XLSX.read(downloads[0]!.bytes).Sheets['อาคารและห้องเรียน']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(rows[2]).toEqual([
      '1050130001',
      'โรงเรียนบ้านนา',
      '2026-10-30',
      '2026-10-30',
      2,
      1,
      0,
      1,
      0,
      2,
      5,
      4,
      1,
      '2026-10-01',
    ]);
    expect(rows[3]).toEqual(['1050130002', 'โรงเรียนบ้านดอน', 'ยังไม่ส่ง']);
  });
});
