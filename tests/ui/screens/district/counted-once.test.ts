// District reports count each child once beside the count as submitted (the same child in two schools is
// one child), the subsidy estimate says which count it uses, and the printout carries dates and signatures.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import * as XLSX from '@e965/xlsx';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { appDb, resetAppDb } from '../../../../src/db/database';
import { saveProfile } from '../../../../src/db/profile-repo';
import { enrolKeys } from '../../../../src/db/trust-repo';
import type { DistrictProfile } from '../../../../src/domain/school';
import { districtReportSheets } from '../../../../src/io/district/reports';
import { xlsxBytes } from '../../../../src/io/export/book';
import { session } from '../../../../src/ui/state/session.svelte';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { makeSchools, plantCases, submissionOf, trustOf } from '../../../factories/district';

vi.stubGlobal('Blob', NodeBlob);
vi.stubGlobal('File', NodeFile);
vi.mock('../../../../src/ui/services/export.service', () => ({ download: () => {} }));

const { importBundleFiles } = await import('../../../../src/ui/services/bundles-in.service');
const { loadReport, reportSheetWords } = await import('../../../../src/ui/services/district-reports.service');
const { default: CountedOncePanel } =
  await import('../../../../src/ui/screens/district/reports/CountedOncePanel.svelte');
const { default: SubsidyPanel } = await import('../../../../src/ui/screens/district/reports/SubsidyPanel.svelte');
const { default: PrintFooter } = await import('../../../../src/ui/screens/district/reports/PrintFooter.svelte');

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
const table = {
  academicYear: 2569,
  source: 'หนังสือทดสอบ',
  rates: [{ item: 'ค่าหนังสือ', level: 'primary' as const, bahtPerHead: 100 }],
  enteredAt: '2026-06-20T00:00:00Z',
  enteredBy: 'x',
};
let pairs = 0;

beforeAll(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await saveProfile(appDb(), profile);
  session.signIn(officer);
  const schools = await makeSchools(3, 10);
  pairs = plantCases(schools[0]!, schools[1]!, schools[2]!).pairs.length;
  await enrolKeys(appDb(), trustOf(schools).keys, {
    now: new Date('2026-06-01T00:00:00Z'),
    by: officer.name,
    source: 'list',
  });
  const files = [];
  for (const s of schools) files.push(new File([(await submissionOf(s)).bytes], `${s.code}.tabian`));
  await importBundleFiles(files as unknown as globalThis.File[], () => {});
}, 60_000);

describe('reports count each child once', () => {
  it('gives the count as submitted and the distinct children, lists the open pairs, and says which the subsidy uses', async () => {
    const loaded = await loadReport(ref, 'รวมทั้งเขต');
    const submitted = loaded.report.total.total.M + loaded.report.total.total.F + loaded.report.total.total.unknown;
    expect(loaded.once).toMatchObject({ submitted, distinct: submitted - pairs });
    expect(loaded.once!.pairs).toHaveLength(pairs);

    render(CountedOncePanel, { once: loaded.once });
    expect(screen.getByTestId('once-submitted')).toHaveTextContent(`จำนวนตามที่โรงเรียนส่ง ${submitted} คน`);
    expect(screen.getByTestId('once-distinct')).toHaveTextContent(
      `นักเรียนไม่ซ้ำหลังตรวจข้ามโรงเรียน ${submitted - pairs} คน`,
    );
    expect(screen.getByTestId('once-pairs').querySelectorAll('li')).toHaveLength(pairs);

    render(SubsidyPanel, { academicYear: 2569, report: loaded.report, table, once: loaded.once, onsaved: () => {} });
    expect(screen.getByTestId('subsidy-basis')).toHaveTextContent(
      `ใช้จำนวนตามที่โรงเรียนส่ง (${submitted} คน) ซึ่งนับนักเรียน ${pairs} คนซ้ำสองโรงเรียน`,
    );

    const wb = XLSX.read(
      xlsxBytes(districtReportSheets(loaded.report, loaded.title, table, loaded.once, reportSheetWords(loaded))),
      { type: 'array' },
    );
    const counts = XLSX.utils
      .sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: null })
      .map((r) => r.filter((c) => c !== null));
    expect(counts).toContainEqual(['จำนวนตามที่โรงเรียนส่ง', submitted]);
    expect(counts).toContainEqual(['นักเรียนไม่ซ้ำหลังตรวจข้ามโรงเรียน', submitted - pairs]);
    const subsidy = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames.at(-1)!]!, { header: 1, defval: null });
    expect(subsidy.flat()).toContain(
      `ใช้จำนวนตามที่โรงเรียนส่ง ${submitted} คน ซึ่งนับซ้ำ ${pairs} คน (นักเรียนไม่ซ้ำ ${submitted - pairs} คน)`,
    );
  }, 60_000);

  it("titles the report in the language of the screen: no Thai words but the office's name in English", async () => {
    i18n.set('en');
    try {
      const loaded = await loadReport(ref, 'District total');
      expect(loaded.title).toMatch(/^สพป\.ทดสอบ เขต 1 Term 1, academic year 2026, as of /);
      expect(loaded.title.replace(profile.name, '')).not.toMatch(/[\u0E00-\u0E7F]/);
    } finally {
      i18n.set('th');
    }
    expect((await loadReport(ref, 'รวมทั้งเขต')).title).toMatch(/^สพป\.ทดสอบ เขต 1 ภาคเรียนที่ 1 ปีการศึกษา 2569 ข้อมูล ณ /);
  }, 60_000);

  it('prints the local date in the Buddhist Era, the as-of date and signature lines', () => {
    // Half past midnight on the device's own calendar: the local date, whatever UTC says.
    render(PrintFooter, { asOf: '2026-06-10', now: new Date(2026, 5, 1, 0, 30) });
    const footer = screen.getByTestId('print-footer');
    expect(footer).toHaveTextContent('พิมพ์เมื่อ 1 มิถุนายน 2569');
    expect(footer).toHaveTextContent('ข้อมูล ณ วันที่ 10 มิถุนายน 2569');
    expect(footer).toHaveTextContent('ผู้จัดทำ');
    expect(footer).toHaveTextContent('ผู้รับรอง');
  });
});
