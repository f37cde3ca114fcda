// Measuring a class in the measure place: keypad taps only, absences, "are you sure?", saved at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import MeasurePlace from '../../../../src/ui/screens/measure/MeasurePlace.svelte';
import { measurePlace } from '../../../../src/ui/screens/measure/measure-place.svelte';
import { appDb } from '../../../../src/db/database';
import { getStudent } from '../../../../src/db/student-repo';
import { earlier, freshMeasure, kid } from './factory';

// The measurement date the teacher picks (the start screen offers today): fixed, so statuses are exact.
const today = '2026-06-10';
beforeEach(async () => {
  await freshMeasure([
    kid('1001', 'กมลา'),
    kid('1002', 'ขวัญใจ'),
    kid('1003', 'จันทร์เพ็ญ'),
    kid('2001', 'ต่างห้อง', { room: '2' }),
  ]);
  await earlier('1003', '2025-11-20', 20, 120);
  measurePlace.date = today;
});
afterEach(() => cleanup());

const tap = async (keys: string) => {
  for (const k of keys)
    await fireEvent.click(screen.getByTestId(k === '.' ? 'key-point' : k === '>' ? 'key-ok' : `key-${k}`));
};
const current = () => screen.getByTestId('current-name').textContent;
const flow = () => measurePlace.flow!;

async function start() {
  render(MeasurePlace);
  const button = await screen.findByTestId('start-measure');
  await waitFor(() => expect(button).toBeEnabled());
  await fireEvent.click(button);
  await screen.findByTestId('current-name');
}

describe('measuring a class', () => {
  it('offers only the rooms the teacher may record, in student-number order', async () => {
    await start();
    expect(current()).toBe('เด็กหญิงกมลา ใจดี');
    expect(flow().entries.map((e) => e.student.id)).toEqual(['1001', '1002', '1003']);
  });

  it('takes weight then height from the keypad, saves at once and moves to the next student', async () => {
    await start();
    await tap('24.5');
    expect(screen.getByTestId('field-height')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('weight-value')).toHaveTextContent('24.5');
    await tap('121.3');
    expect(current()).toBe('เด็กหญิงขวัญใจ ใจดี');
    expect(screen.getByTestId('saved-line')).toHaveTextContent('บันทึกแล้ว กมลา · สมส่วน · สูงตามเกณฑ์ · 24.5 กก. 121.3 ซม.');
    expect(screen.getByTestId('saved-line')).toHaveTextContent('คำนวณจาก WHO 2007');
    await flow().settled();
    const rows = await appDb().measurements.where('measuredOn').equals(today).toArray();
    expect(rows).toMatchObject([
      { studentId: '1001', measuredOn: today, weightKg: 24.5, heightCm: 121.3, by: 'u-teacher' },
    ]);
    expect((await getStudent(appDb(), '1001'))!.health).toEqual({ weightKg: 24.5, heightCm: 121.3, measuredOn: today });
    expect(screen.getByTestId('measure-progress')).toHaveTextContent('วัดแล้ว 1/3');
  });

  it('takes a whole number with the next key, and the delete key', async () => {
    await start();
    await tap('259');
    await fireEvent.click(screen.getByTestId('key-delete'));
    await tap('>');
    expect(screen.getByTestId('weight-value')).toHaveTextContent('25.0');
    await tap('120>');
    expect(current()).toBe('เด็กหญิงขวัญใจ ใจดี');
  });

  it('asks "แน่ใจไหม?" for a weight that jumped, and keeps it only when confirmed', async () => {
    await start();
    flow().goTo(2); // จันทร์เพ็ญ: 20 kg last time
    await tap('30.0');
    const dialog = await screen.findByTestId('sure-dialog');
    expect(dialog).toHaveTextContent('แน่ใจไหม?');
    expect(screen.getByTestId('sure-weight.jump')).toHaveTextContent('ครั้งก่อน (20.0 กก.)');
    // The keypad waits while the question is open.
    expect(screen.getByTestId('key-1')).toBeDisabled();
    await fireEvent.click(screen.getByTestId('sure-fix'));
    expect(screen.queryByTestId('sure-dialog')).toBeNull();
    expect(flow().field).toBe('weight');
    await tap('21.0');
    expect(screen.queryByTestId('sure-dialog')).toBeNull();
    await tap('1.24');
    expect(screen.getByTestId('sure-height.metres')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('sure-fix'));
    await tap('112.0');
    expect(screen.getByTestId('sure-height.shrunk')).toHaveTextContent('ครั้งก่อน (120.0 ซม.)');
    await fireEvent.click(screen.getByTestId('sure-yes'));
    await flow().settled();
    const mine = await appDb().measurements.where('studentId').equals('1003').sortBy('measuredOn');
    expect(mine.map((m) => [m.weightKg, m.heightCm])).toEqual([
      [20, 120],
      [21, 112],
    ]);
  });

  it('marks an absent student with one tap and comes back to absentees at the end', async () => {
    await start();
    await fireEvent.click(screen.getByTestId('mark-absent'));
    expect(current()).toBe('เด็กหญิงขวัญใจ ใจดี');
    await tap('23.0');
    await tap('119.5');
    await tap('21.5');
    await tap('121.0');
    const summary = await screen.findByTestId('measure-summary');
    expect(summary).toHaveTextContent('วัดแล้ว 2 คน จาก 3 คน');
    expect(summary).toHaveTextContent('ขาด 1 คน');
    await flow().settled();
    expect((await appDb().measureSessions.toArray())[0]!.absent).toEqual(['1001']);
    await fireEvent.click(screen.getByTestId('measure-absent'));
    expect(current()).toBe('เด็กหญิงกมลา ใจดี');
    expect(screen.getByText('ขาดวันนี้')).toBeInTheDocument();
    await tap('24.0');
    await tap('122.0');
    expect(await screen.findByTestId('summary-counts')).toHaveTextContent('วัดแล้ว 3 คน จาก 3 คน');
    await flow().settled();
    expect((await appDb().measureSessions.toArray())[0]!.absent).toEqual([]);
  });

  it('loses nothing when the screen goes away mid-class: the session resumes where it was', async () => {
    await start();
    await tap('24.5');
    await tap('121.3');
    await tap('22.0'); // the second student's weight only
    await flow().settled();
    cleanup();
    measurePlace.reset();
    measurePlace.date = today;
    render(MeasurePlace);
    await fireEvent.click(await screen.findByTestId('resume-04-1'));
    await screen.findByTestId('current-name');
    expect(current()).toBe('เด็กหญิงขวัญใจ ใจดี');
    expect(screen.getByTestId('weight-value')).toHaveTextContent('22.0');
    expect(screen.getByTestId('field-height')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('measure-progress')).toHaveTextContent('วัดแล้ว 1/3');
  });

  it('fills the weight from a Bluetooth scale where there is none: the button explains', async () => {
    await start();
    await fireEvent.click(screen.getByTestId('scale-connect'));
    expect(await screen.findByTestId('scale-problem')).toHaveTextContent('เบราว์เซอร์นี้เชื่อมเครื่องชั่งบลูทูธไม่ได้');
  });
});
