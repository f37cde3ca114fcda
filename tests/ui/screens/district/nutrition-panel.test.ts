// The district's nutrition report over real imported submissions (fake IndexedDB, the worker engine in the
// page): counts by category and sex, schools without measurements or stored before, one school's follow-up
// list read from its bundle, and workbooks that never mix schools.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import * as XLSX from '@e965/xlsx';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { appDb, resetAppDb } from '../../../../src/db/database';
import { saveProfile } from '../../../../src/db/profile-repo';
import { enrolKeys } from '../../../../src/db/trust-repo';
import type { DistrictProfile } from '../../../../src/domain/school';
import { session } from '../../../../src/ui/state/session.svelte';
import { makeSchools, measureSchool, submissionOf, trustOf, type TestSchool } from '../../../factories/district';

// Bundles are stored and read back as Blobs: Node's, which read their bytes (jsdom's cannot).
vi.stubGlobal('Blob', NodeBlob);
vi.stubGlobal('File', NodeFile);

const downloads: { bytes: Uint8Array; name: string }[] = [];
vi.mock('../../../../src/ui/services/export.service', () => ({
  download: (bytes: Uint8Array, name: string) => downloads.push({ bytes, name }),
}));

const { importBundleFiles } = await import('../../../../src/ui/services/bundles-in.service');
const { loadReport } = await import('../../../../src/ui/services/district-reports.service');
const { default: NutritionPanel } = await import('../../../../src/ui/screens/district/reports/NutritionPanel.svelte');

const profile: DistrictProfile = {
  kind: 'district',
  version: 1,
  code: '1050',
  name: 'สพป.ทดสอบ เขต 1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};
const officer = {
  id: 'u1',
  name: 'นายสมปอง ข้อมูลดี',
  role: 'officer' as const,
  rooms: [],
  pin: { alg: 'PBKDF2-SHA256' as const, iterations: 100_000, salt: 'x'.repeat(16), hash: 'x'.repeat(32) },
  failedAttempts: 0,
  lockedUntil: null,
  active: true,
  createdAt: '2026-05-01T00:00:00.000Z',
};
const ref = { academicYear: 2569, round: 'term1' as const };
let schools: TestSchool[];

beforeAll(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await saveProfile(appDb(), profile);
  session.signIn(officer);
  schools = await makeSchools(4, 10);
  // School 1: everyone measured; school 2: every fifth student not; school 3: no measurements; school 4: stored before.
  measureSchool(schools[0]!, '2026-05-25');
  measureSchool(schools[1]!, '2026-05-26', 5);
  measureSchool(schools[3]!, '2026-05-27');
  await enrolKeys(appDb(), trustOf(schools).keys, {
    now: new Date('2026-06-01T00:00:00Z'),
    by: officer.name,
    source: 'list',
  });
  const made = await Promise.all(schools.map((s) => submissionOf(s)));
  await importBundleFiles(
    made.map((m, i) => new File([m.bytes], `${schools[i]!.code}.tabian`)),
    () => {},
  );
  // A row stored by the version before: its summary has no nutrition part.
  const old = (await appDb().bundles.toArray()).find((r) => r.school === schools[3]!.code)!;
  const { nutrition: _n, ...summary } = old.summary as Record<string, unknown>;
  await appDb().bundles.put({ ...old, summary, file: new NodeBlob([made[3]!.bytes]) as Blob });
}, 60_000);

const rows = (testid: string): string[][] =>
  within(screen.getByTestId(testid))
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim()));

describe('the district nutrition report', () => {
  it("sums the measured schools, names the others, lists one school's children and exports without mixing schools", async () => {
    let loaded = await loadReport(ref, 'รวมทั้งเขต');
    const { rerender } = render(NutritionPanel, { loaded, onrefresh: () => {} });
    // 10 + 8 measured of every student of the four submissions (the school that sent none counts too).
    expect(screen.getByTestId('nutrition-measured')).toHaveTextContent('ทั้งเขต วัดแล้ว 18 จาก 40 คน (45%)');
    // The school without measurements is named at the top, inside the printed frame.
    expect(within(screen.getByTestId('nutrition-frame')).getByTestId('nutrition-no-data')).toHaveTextContent(
      schools[2]!.name,
    );
    expect(screen.getByTestId('nutrition-period')).toHaveTextContent('ภาคเรียนที่ 1/2569 ครั้งที่ 1');
    expect(
      rows('dn-nutrition-table')
        .find((r) => r[0] === 'ผอม')!
        .slice(1, 4),
    ).toEqual(['2', '2', '4']);
    expect(screen.getByTestId('nutrition-follow-up-counts')).toHaveTextContent(
      'นักเรียนที่ควรติดตาม 12 คน: ผอม 4 · เตี้ย 4 · เริ่มอ้วน/อ้วน 4',
    );
    expect(rows('dn-schools').map((r) => r.slice(0, 2))).toEqual([
      ['โรงเรียน', 'วัดแล้ว'],
      [schools[0]!.name, '10/10 (100%)'],
      [schools[1]!.name, '8/10 (80%)'],
      ['รวมทั้งเขต', '18/20 (90%)'],
    ]);
    expect(screen.getByTestId('nutrition-no-data')).toHaveTextContent(schools[2]!.name);
    expect(screen.getByTestId('nutrition-not-summarised')).toHaveTextContent(schools[3]!.name);
    expect(screen.getByText(/ไม่ใช่กราฟน้ำหนักตามเกณฑ์ส่วนสูงของกรมอนามัย/)).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId('nutrition-export'));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const wb = XLSX.read(downloads[0]!.bytes, { type: 'array' });
    const text = JSON.stringify(wb.SheetNames.map((n) => XLSX.utils.sheet_to_json(wb.Sheets[n]!, { header: 1 })));
    expect(text).toContain(schools[0]!.name);
    expect(text).toContain('ทั้งเขต วัดแล้ว 18 จาก 40 คน (45%)');
    expect(text).toContain(`ชุดข้อมูลไม่มีผลการชั่งน้ำหนักวัดส่วนสูง: ${schools[2]!.name}`);
    for (const s of schools) for (const k of s.students) expect(text).not.toContain(k.lastName);

    // One school: its own counts, and its children read from its bundle.
    await fireEvent.change(screen.getByTestId('nutrition-scope'), { target: { value: schools[1]!.code } });
    expect(screen.getByTestId('nutrition-measured')).toHaveTextContent('วัดแล้ว 8 จาก 10 คน (80%)');
    await fireEvent.click(screen.getByTestId('nutrition-show-follow-up'));
    await vi.waitFor(() => expect(screen.getAllByTestId('follow-up-row')).toHaveLength(6), { timeout: 10_000 });
    await fireEvent.click(screen.getByTestId('nutrition-export'));
    await vi.waitFor(() => expect(downloads).toHaveLength(2));
    const one = XLSX.read(downloads[1]!.bytes, { type: 'array' });
    const own = JSON.stringify(one.SheetNames.map((n) => XLSX.utils.sheet_to_json(one.Sheets[n]!, { header: 1 })));
    expect(own).toContain(schools[1]!.students[1]!.lastName);
    for (const s of [schools[0]!, schools[2]!, schools[3]!])
      for (const k of s.students) expect(own).not.toContain(k.lastName);

    // The bundle stored before is summarised from its file for this session.
    await fireEvent.click(screen.getByTestId('nutrition-summarise'));
    await vi.waitFor(
      async () => {
        loaded = await loadReport(ref, 'รวมทั้งเขต');
        expect(loaded.nutrition.notSummarised).toEqual([]);
      },
      { timeout: 10_000 },
    );
    await rerender({ loaded, onrefresh: () => {} });
    await fireEvent.change(screen.getByTestId('nutrition-scope'), { target: { value: '' } });
    expect(screen.getByTestId('nutrition-measured')).toHaveTextContent('ทั้งเขต วัดแล้ว 28 จาก 40 คน');
    cleanup();
  }, 60_000);
});
