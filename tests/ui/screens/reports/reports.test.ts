import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import * as XLSX from '@e965/xlsx';
import ReportsPlace from '../../../../src/ui/screens/reports/ReportsPlace.svelte';
import { appDb } from '../../../../src/db/database';
import { saveCertification, saveConfirmation } from '../../../../src/db/round-repo';
import { saveMovement } from '../../../../src/db/movement-repo';
import { saveStudent } from '../../../../src/db/student-repo';
import { buildMovement } from '../../../../src/domain/year/movement-draft';
import { freeze } from '../../../../src/domain/year/snapshot';
import { session } from '../../../../src/ui/state/session.svelte';
import { aStudent } from '../../../factories/students';
import { aUser, freshDb, pupils, seed } from '../confirm/school';

const by = { userId: 'u1', userName: 'นายสมปอง' };
const draft = {
  effectiveOn: '2026-08-01',
  cause: null,
  reason: 'ย้ายตามผู้ปกครอง',
  school: 'โรงเรียนบ้านนา',
  districtConsultedOn: null,
};

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 5, 9, 0)); // 5 November 2026: term 2 of 2569 is open
  await freshDb();
  await seed();
  session.signIn(await aUser('u1', 'officer'));
  // Term 1 certified with all three; then one left, one arrived, one was renamed.
  const attest = {
    userId: 'u1',
    userName: 'นายสมปอง',
    role: 'officer' as const,
    at: '2026-06-09T03:00:00.000Z',
    asOf: '2026-06-10',
    snapshot: freeze(pupils()),
  };
  await saveConfirmation(appDb(), 2569, 'term1', attest);
  await saveCertification(appDb(), 2569, 'term1', { ...attest, userName: 'นางสมศรี', role: 'director' });
  const [s1, , s3] = pupils();
  await saveMovement(
    appDb(),
    buildMovement({ ...draft, kind: 'transfer-out' }, s3!, s3!, { id: 'm1', at: '2026-08-01T03:00:00.000Z', by }),
    session.actor(),
  );
  const newcomer = aStudent('s4', { prefix: 'เด็กชาย', sex: 'M', firstName: 'ฟ้า', lastName: 'ใส' });
  await saveMovement(
    appDb(),
    buildMovement({ ...draft, kind: 'transfer-in', effectiveOn: '2026-07-01' }, newcomer, null, {
      id: 'm2',
      at: '2026-07-01T03:00:00.000Z',
      by,
    }),
    session.actor(),
  );
  await saveStudent(appDb(), { ...s1!, firstName: 'มาลิน' }, session.actor());
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const text = (id: string) => screen.getByTestId(id).textContent!.replace(/\s+/g, ' ').trim();
// A table row as its cells' texts, blanks left out.
const cells = (id: string) =>
  [...screen.getByTestId(id).children]
    .map((c) => c.textContent!.trim())
    .filter(Boolean)
    .join(' ');

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}

describe('round report', () => {
  it("counts term 2 from today's data by room, grade, level and school, and compares it with certified term 1", async () => {
    render(ReportsPlace);
    await screen.findByTestId('round-report');
    expect(text('report-status')).toBe('ยังไม่ได้รับรอง: ตัวเลขนับจากข้อมูลปัจจุบัน');
    expect(cells('line-04-1')).toBe('ป.1/1 2 1 3');
    expect(cells('line-g04')).toBe('รวม ป.1 2 1 3 1');
    expect(cells('line-primary')).toBe('รวมระดับประถมศึกษา 2 1 3 1');
    expect(screen.queryByTestId('line-g09')).toBeNull();
    expect(text('comparison-summary')).toBe('รอบก่อน 3 คน · เข้ามา 1 · ออกไป 1 · หายไปโดยไม่มีการจำหน่าย 0 · รอบนี้ 3 คน');
    expect(screen.getByTestId('comparison')).toHaveTextContent(
      /เข้ามาเด็กชายฟ้า ใสป\.1\/11 ก\.ค\. 2569รับย้ายเข้า โรงเรียนบ้านนา/,
    );
    expect(screen.getByTestId('comparison')).toHaveTextContent(/ออกไปเด็กหญิงชูใจ สดใสป\.6\/11 ส\.ค\. 2569ย้ายโรงเรียน/);
  });

  it('shows a certified round as certified, with a note that records changed since', async () => {
    render(ReportsPlace);
    await screen.findByTestId('round-report');
    await fireEvent.change(screen.getByLabelText('รอบข้อมูล'), { target: { value: '2569/term1' } });
    await vi.waitFor(() => expect(text('report-status')).toMatch(/^รับรองโดย นางสมศรี/));
    expect(cells('line-total')).toBe('รวมทั้งโรงเรียน 1 2 3 2');
    expect(screen.getByText(/มีการแก้ไขข้อมูลหลังการรับรอง/)).toBeInTheDocument();
  });

  it('exports the same figures as an .xlsx workbook', async () => {
    let blob: Blob | null = null;
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: (b: Blob) => ((blob = b), 'blob:report'), revokeObjectURL: () => {} }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(ReportsPlace);
    await screen.findByTestId('round-report');
    await fireEvent.click(screen.getByTestId('export-xlsx'));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    const wb = XLSX.read(await bytesOf(blob!), { type: 'array' });
    expect(wb.SheetNames).toEqual(['จำนวนนักเรียน', 'เปรียบเทียบรอบก่อน']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['จำนวนนักเรียน']!, { header: 1, defval: null });
    expect(rows.at(-1)).toEqual(['รวมทั้งโรงเรียน', 2, 1, 0, 3, 1]);
    vi.unstubAllGlobals();
  });
});
