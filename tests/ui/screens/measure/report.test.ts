// The nutrition report in the measure place: counts by category and sex, share measured, the previous
// period, the children to follow up, scopes, and the growth chart of one of them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import MeasurePlace from '../../../../src/ui/screens/measure/MeasurePlace.svelte';
import { measurePlace } from '../../../../src/ui/screens/measure/measure-place.svelte';
import { periodOf, previousPeriod } from '../../../../src/domain/measure/periods';
import { todayIso } from '../../../../src/ui/services/clock';
import { user } from '../students/factory';
import { session } from '../../../../src/ui/state/session.svelte';
import { earlier, freshMeasure, kid } from './factory';

const now = periodOf(todayIso()).from;
const before = previousPeriod(periodOf(todayIso())).from;
// Born 8 years 8 months before the period starts, whenever the test runs, so the categories stay the same.
const d = new Date(`${now}T00:00:00Z`);
const born = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 104, d.getUTCDate())).toISOString().slice(0, 10);

beforeEach(async () => {
  // jsdom has no layout: the chart's bind:clientWidth needs a ResizeObserver that never fires.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  await freshMeasure(
    [
      kid('1001', 'กมลา'),
      kid('1002', 'ขวัญใจ'),
      kid('1003', 'คมสัน', { sex: 'M', prefix: 'เด็กชาย' }),
      kid('1004', 'งามตา'),
      kid('2001', 'จันทร์เพ็ญ', { room: '2' }),
      kid('2002', 'ฉวี', { room: '2' }),
    ].map((s) => ({ ...s, birthDate: born })),
  );
  session.signIn(user()); // the registrar sees the whole school
  measurePlace.claim(user().id);
  await earlier('1002', before, 22, 126);
  for (const [id, w, h] of [
    ['1001', 24, 128],
    ['1002', 18, 128],
    ['1003', 26, 130],
    ['2001', 45, 128],
    ['2002', 24, 112],
  ] as const) {
    await earlier(id, now, w, h);
  }
  measurePlace.show('report');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const cells = (testid: string) =>
  [...screen.getByTestId(testid).querySelectorAll('td')].map((td) => td.textContent!.trim());

describe('nutrition report', () => {
  it('counts the whole school by category and sex, with the share measured and the period before', async () => {
    render(MeasurePlace);
    await screen.findByTestId('growth-report');
    expect(screen.getByTestId('measured-share')).toHaveTextContent('วัดแล้ว 5 จาก 6 คน (83.3%)');
    expect(screen.getByTestId('measured-share')).toHaveTextContent('ครั้งก่อนวัด 1 คน');
    // ชาย หญิง รวม ร้อยละ ครั้งก่อน
    expect(cells('nutrition-thin')).toEqual(['0', '1', '1', '20', '0']);
    expect(cells('nutrition-normal')).toEqual(['1', '2', '3', '60', '1']);
    expect(cells('nutrition-obese')).toEqual(['0', '1', '1', '20', '0']);
    expect(cells('nutrition-good')).toEqual(['1', '1', '2', '40', '1']);
    expect(cells('height-short')).toEqual(['0', '1', '1', '20', '0']);
    expect(cells('height-normal')).toEqual(['1', '3', '4', '80', '1']);
    expect(cells('room-line-04-1')).toEqual(['3/4 (75%)', '1', '0', '0', '2']);
    expect(cells('room-line-04-2')).toEqual(['2/2 (100%)', '0', '1', '1', '0']);
    expect(screen.getByTestId('growth-report')).toHaveTextContent('คำนวณจากเกณฑ์อ้างอิงขององค์การอนามัยโลก');
    expect(screen.getByTestId('growth-report')).toHaveTextContent('ไม่ใช่กราฟน้ำหนักตามเกณฑ์ส่วนสูงของกรมอนามัย');
  });

  it('lists the children to follow up with their status before', async () => {
    render(MeasurePlace);
    const list = await screen.findByTestId('follow-up');
    expect(list).toHaveTextContent('นักเรียนที่ควรติดตาม (3 คน)');
    const rows = within(list).getAllByTestId('follow-up-row');
    expect(rows.map((r) => r.querySelector('strong')!.textContent)).toEqual([
      'เด็กหญิงขวัญใจ ใจดี',
      'เด็กหญิงจันทร์เพ็ญ ใจดี',
      'เด็กหญิงฉวี ใจดี',
    ]);
    expect(rows[0]).toHaveTextContent('ผอม');
    expect(rows[0]).toHaveTextContent('ครั้งก่อน: สมส่วน · สูงตามเกณฑ์');
    expect(rows[1]).toHaveTextContent('เริ่มอ้วน/อ้วน');
    expect(rows[2]).toHaveTextContent('เตี้ย');
    await fireEvent.click(within(rows[0]!).getByRole('button'));
    expect(await screen.findByTestId('student-growth')).toHaveTextContent('เด็กหญิงขวัญใจ ใจดี');
    expect(await screen.findByTestId('growth-chart-bmi')).toBeInTheDocument();
    expect(screen.getAllByTestId('growth-row')).toHaveLength(2);
    expect(document.querySelectorAll('[data-testid="growth-chart-bmi"] circle')).toHaveLength(2);
    await fireEvent.click(screen.getByTestId('growth-back'));
    expect(await screen.findByTestId('growth-report')).toBeInTheDocument();
  });

  it('narrows to one room', async () => {
    render(MeasurePlace);
    await screen.findByTestId('growth-report');
    await fireEvent.change(screen.getByTestId('mr-grade'), { target: { value: '04' } });
    await fireEvent.change(screen.getByTestId('mr-room'), { target: { value: '2' } });
    expect(screen.getByTestId('measured-share')).toHaveTextContent('วัดแล้ว 2 จาก 2 คน (100%)');
    expect(cells('nutrition-obese')).toEqual(['0', '1', '1', '50', '0']);
    expect(screen.queryByTestId('room-table')).toBeNull();
    expect(within(screen.getByTestId('follow-up')).getAllByTestId('follow-up-row')).toHaveLength(2);
  });
});
