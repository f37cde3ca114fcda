// Every district report lists, beside the counted schools, the held schools and the school list's schools
// that sent nothing, marked as not counted; the workbooks' movement headings and titles are the screen's words.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import * as XLSX from '@e965/xlsx';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { appDb, resetAppDb } from '../../../../src/db/database';
import { saveSchools } from '../../../../src/db/district-school-repo';
import { saveProfile } from '../../../../src/db/profile-repo';
import { enrolKeys } from '../../../../src/db/trust-repo';
import type { DistrictProfile } from '../../../../src/domain/school';
import { districtReportSheets } from '../../../../src/io/district/reports';
import { xlsxBytes } from '../../../../src/io/export/book';
import { session } from '../../../../src/ui/state/session.svelte';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { makeSchools, submissionOf, trustOf, type TestSchool } from '../../../factories/district';

vi.stubGlobal('Blob', NodeBlob);
vi.stubGlobal('File', NodeFile);
vi.mock('../../../../src/ui/services/export.service', () => ({ download: () => {} }));

const { importBundleFiles } = await import('../../../../src/ui/services/bundles-in.service');
const { loadReport, reportSheetWords } = await import('../../../../src/ui/services/district-reports.service');
const { nutritionWorkbook } = await import('../../../../src/ui/services/district-nutrition.service');
const { boardWorkbook, loadBoard } = await import('../../../../src/ui/services/district-board.service');
const { default: NotCountedPanel } = await import('../../../../src/ui/screens/district/reports/NotCountedPanel.svelte');
const { default: MovementsTable } = await import('../../../../src/ui/screens/district/reports/MovementsTable.svelte');

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
const sheet = (bytes: Uint8Array, i: number) => {
  const wb = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[i]!]!, { header: 1, defval: null });
};
let schools: TestSchool[] = [];

beforeAll(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await saveProfile(appDb(), profile);
  session.signIn(officer);
  // A and B counted; C sent a file whose key is not enrolled (held); D is on the list and sent nothing.
  schools = await makeSchools(4, 3);
  await saveSchools(
    appDb(),
    schools.map((s) => ({ code: s.code, smis: s.smis, name: s.name })),
    'list',
    new Date('2026-05-02T00:00:00Z'),
  );
  await enrolKeys(appDb(), trustOf(schools.slice(0, 2)).keys, {
    now: new Date('2026-06-01T00:00:00Z'),
    by: officer.name,
    source: 'list',
  });
  const files = [];
  for (const s of schools.slice(0, 3)) files.push(new File([(await submissionOf(s)).bytes], `${s.code}.tabian`));
  await importBundleFiles(files as unknown as globalThis.File[], () => {});
}, 60_000);

describe('schools a report does not count', () => {
  it('lists the held school and the school that sent nothing on screen and in every workbook', async () => {
    const [, , c, d] = schools as [TestSchool, TestSchool, TestSchool, TestSchool];
    const loaded = await loadReport(ref, 'รวมทั้งเขต');
    expect(loaded.report.schools.map((s) => s.code)).toEqual([schools[0]!.code, schools[1]!.code]);
    expect(loaded.notCounted).toEqual({
      held: [{ code: c.code, name: c.name }],
      notSubmitted: [{ code: d.code, name: d.name }],
    });

    render(NotCountedPanel, { notCounted: loaded.notCounted });
    expect(screen.getByTestId(`not-counted-${c.code}`)).toHaveTextContent('ไม่นับ: ไฟล์พักไว้');
    expect(screen.getByTestId(`not-counted-${d.code}`)).toHaveTextContent('ไม่นับ: ยังไม่ส่งข้อมูลรอบนี้');

    const bytes = xlsxBytes(
      districtReportSheets(loaded.report, loaded.title, null, loaded.once, reportSheetWords(loaded)),
    );
    for (const i of [0, 1]) {
      const rows = sheet(bytes, i).map((r) => r.filter((x) => x !== null));
      expect(rows).toContainEqual([c.code, c.name, expect.stringContaining('ไม่นับ: ไฟล์พักไว้')]);
      expect(rows).toContainEqual([d.code, d.name, 'ไม่นับ: ยังไม่ส่งข้อมูลรอบนี้']);
    }
    const nutrition = sheet((await nutritionWorkbook(loaded)).bytes, 0).flat();
    expect(nutrition).toContainEqual(expect.stringContaining(`${d.code} ${d.name}: ไม่นับ: ยังไม่ส่งข้อมูลรอบนี้`));
    expect(nutrition).toContainEqual(expect.stringContaining(`${c.code} ${c.name}: ไม่นับ: ไฟล์พักไว้`));

    const board = sheet((await boardWorkbook(await loadBoard(ref), ref)).bytes, 0);
    expect(board[1]!.at(-1)).toBe('นับในรายงานหรือไม่');
    expect(board.find((r) => r[0] === c.code)!.at(-1)).toMatch(/^ไม่นับ: ไฟล์พักไว้/);
    expect(board.find((r) => r[0] === d.code)!.at(-1)).toBe('ไม่นับ: ยังไม่ส่งข้อมูลรอบนี้');
    expect(board.find((r) => r[0] === schools[0]!.code)!.at(-1)).toBeNull();
  }, 60_000);

  it("heads the movements sheet with the screen's own headings, in Thai and in English", async () => {
    for (const locale of ['th', 'en'] as const) {
      i18n.set(locale);
      try {
        const loaded = await loadReport(ref, 'total');
        const { container, unmount } = render(MovementsTable, { report: loaded.report });
        const onScreen = [...container.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
        unmount();
        const bytes = xlsxBytes(
          districtReportSheets(loaded.report, loaded.title, null, loaded.once, reportSheetWords(loaded)),
        );
        expect(sheet(bytes, 1)[1]!.slice(2)).toEqual(onScreen.slice(1));
      } finally {
        i18n.set('th');
      }
    }
  }, 60_000);

  it("titles the board's workbook and the report's sheets in English in English mode", async () => {
    i18n.set('en');
    try {
      const loaded = await loadReport(ref, 'District total');
      const board = await boardWorkbook(await loadBoard(ref), ref);
      expect(sheet(board.bytes, 0)[0]![0]).toMatch(/^Submission status, Term 1, academic year 2026/);
      expect(board.fileName).not.toMatch(/[\u0E00-\u0E7F]/);
      const bytes = xlsxBytes(
        districtReportSheets(loaded.report, loaded.title, null, loaded.once, reportSheetWords(loaded)),
      );
      for (const i of [0, 1, 2, 3])
        expect(String(sheet(bytes, i)[0]![0]).replace(profile.name, '')).not.toMatch(/[\u0E00-\u0E7F]/);
    } finally {
      i18n.set('th');
    }
  }, 60_000);
});
