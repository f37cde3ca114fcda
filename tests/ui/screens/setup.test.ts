import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/svelte';
import Setup from '../../../src/ui/screens/setup/Setup.svelte';
import { i18n } from '../../../src/ui/i18n/i18n.svelte';
import { appDb, resetAppDb } from '../../../src/db/database';
import { loadProfile } from '../../../src/db/profile-repo';

beforeEach(async () => {
  i18n.set('th');
  resetAppDb();
  await appDb().delete();
  resetAppDb();
});
afterEach(() => cleanup());

describe('first set-up', () => {
  it('asks one question: school or district office', () => {
    render(Setup, { onsaved: vi.fn() });
    expect(screen.getByRole('heading', { name: 'เครื่องนี้ใช้ที่ไหน' })).toBeInTheDocument();
    expect(screen.getByTestId('kind-school')).toHaveTextContent('โรงเรียน');
    expect(screen.getByTestId('kind-district')).toHaveTextContent('สำนักงานเขตพื้นที่การศึกษา (สพท.)');
  });

  it('does not save a school with a 9-digit code and says why in Thai', async () => {
    const onsaved = vi.fn();
    render(Setup, { onsaved });
    await fireEvent.click(screen.getByTestId('kind-school'));
    await fireEvent.input(screen.getByLabelText('รหัสโรงเรียน (10 หลัก)'), { target: { value: '123456789' } });
    await fireEvent.click(screen.getByTestId('save-profile'));
    expect(await screen.findByText('รหัสโรงเรียนต้องเป็นตัวเลข 10 หลัก')).toBeInTheDocument();
    expect(screen.getByText('เลือกระดับที่เปิดสอนอย่างน้อยหนึ่งระดับ')).toBeInTheDocument();
    // Each error is tied to its field, said once (one alert, not one per field), and focus goes to the first.
    const code = screen.getByLabelText('รหัสโรงเรียน (10 หลัก)');
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription('รหัสโรงเรียนต้องเป็นตัวเลข 10 หลัก');
    await vi.waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(onsaved).not.toHaveBeenCalled();
    expect(await loadProfile(appDb())).toBeNull();
  });

  it('saves a district office and hands the stored profile back', async () => {
    const onsaved = vi.fn();
    render(Setup, { onsaved });
    await fireEvent.click(screen.getByTestId('kind-district'));
    await fireEvent.input(screen.getByLabelText('รหัสสำนักงานเขตพื้นที่การศึกษา'), { target: { value: '1050' } });
    await fireEvent.input(screen.getByLabelText('ชื่อสำนักงานเขตพื้นที่การศึกษา'), { target: { value: 'สพป.ทดสอบ เขต 1' } });
    await fireEvent.click(screen.getByTestId('save-profile'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    const saved = await loadProfile(appDb());
    expect(saved).toMatchObject({ kind: 'district', code: '1050', name: 'สพป.ทดสอบ เขต 1', version: 1 });
    expect(onsaved.mock.calls[0]![0]).toEqual(saved);
  });
});
