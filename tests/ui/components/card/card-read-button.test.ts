import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import CardReadButton from '../../../../src/ui/components/card/CardReadButton.svelte';
import { newStudent, type Student } from '../../../../src/domain/student/schema';
import type { FakeCardHook } from '../../../../src/devices/smartcard/fake/hook';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';

// A port where nothing listens, so the bridge check fails fast and never meets a real bridge.
beforeEach(() => {
  localStorage.setItem('tabian.cardBridge', JSON.stringify({ port: 9, token: null }));
  i18n.set('th');
});
afterEach(() => {
  cleanup();
  globalThis.__tabianFakeCard = undefined;
  localStorage.clear();
});

function setup(student: Student, hook: FakeCardHook) {
  globalThis.__tabianFakeCard = hook;
  const onapply = vi.fn<(s: Student) => void>();
  render(CardReadButton, { student, onapply });
  return onapply;
}

const SAMPLE_FILLED = {
  idType: 'I',
  idNo: '1101700012344',
  prefix: 'เด็กหญิง',
  firstName: 'สมหญิง',
  lastName: 'ตั้งใจเรียน',
  firstNameEn: 'Somying',
  lastNameEn: 'Tangjairian',
  sex: 'F',
  birthDate: '2019-03-20',
};

describe('the read-card button', () => {
  it('fills a new record from the card, the address matched to DOPA codes', async () => {
    for (const hook of [
      { api: 'smart-card' },
      { api: 'usb', reader: 'acr39u' },
      { api: 'usb', reader: 'br301' },
    ] as FakeCardHook[]) {
      const onapply = setup(newStudent('new-1'), hook);
      await fireEvent.click(screen.getByTestId('read-card'));
      await waitFor(() => expect(onapply).toHaveBeenCalledOnce(), { timeout: 4000 });
      const filled = onapply.mock.calls[0]![0];
      expect(filled).toMatchObject(SAMPLE_FILLED);
      expect(filled.addresses.registered).toMatchObject({
        houseNo: '99/1',
        moo: '3',
        provinceCode: 50,
        districtCode: 5001,
        subdistrictCode: 500101,
        postcode: '50200',
      });
      expect(screen.queryByTestId('card-dialog')).toBeNull();
      cleanup();
    }
  });

  it('shows what differs for an existing record and takes only the chosen values', async () => {
    const existing = newStudent('s-1', {
      ...SAMPLE_FILLED,
      idType: 'I',
      sex: 'F',
      firstName: 'สมหญิ่ง',
      lastName: 'ตั้งใจ',
    } as Partial<Student>);
    const onapply = setup(existing, { api: 'smart-card' });
    await fireEvent.click(screen.getByTestId('read-card'));
    const diff = await screen.findByTestId('card-diff', {}, { timeout: 4000 });
    expect(
      within(diff)
        .getAllByRole('group')
        .map((g) => g.dataset.testid),
    ).toEqual(['card-diff-firstName', 'card-diff-lastName', 'card-diff-address']);
    expect(screen.getByTestId('card-diff-firstName')).toHaveTextContent('สมหญิง');
    expect(screen.getByTestId('card-diff-firstName')).toHaveTextContent('สมหญิ่ง');
    expect(screen.getByTestId('card-diff-address')).toHaveTextContent('99/1 หมู่ 3 ศรีภูมิ เมืองเชียงใหม่ เชียงใหม่ 50200');
    await fireEvent.click(within(screen.getByTestId('card-diff-firstName')).getByLabelText(/คงค่าเดิม/));
    await fireEvent.click(screen.getByTestId('card-apply'));
    const next = onapply.mock.calls[0]![0];
    expect(next).toMatchObject({ firstName: 'สมหญิ่ง', lastName: 'ตั้งใจเรียน' });
    expect(next.addresses.registered.subdistrictCode).toBe(500101);
  });

  it('notes a birth date without day and month, and leaves it to the user', async () => {
    const onapply = setup(newStudent('new-2'), { api: 'usb', card: 'second' });
    await fireEvent.click(screen.getByTestId('read-card'));
    expect(await screen.findByTestId('card-note', {}, { timeout: 4000 })).toHaveTextContent('ระบุเพียงปี พ.ศ. 2560');
    const filled = onapply.mock.calls[0]![0];
    expect(filled).toMatchObject({ prefix: 'เด็กชาย', firstName: 'ก้องภพ', sex: 'M', birthDate: null });
    expect(filled.addresses.registered).toMatchObject({
      road: 'ซอยสุขุมวิท 22 ถนนสุขุมวิท',
      provinceCode: 10,
      districtCode: 1033,
      subdistrictCode: 103302,
    });
  });

  it.each([
    [{ api: 'smart-card', fault: 'no_reader' }, 'ไม่พบเครื่องอ่านบัตร'],
    [{ api: 'usb', fault: 'no_reader' }, 'ไม่พบเครื่องอ่านบัตร'],
    [{ api: 'smart-card', card: 'none' }, 'ไม่พบบัตรในเครื่องอ่าน'],
    [{ api: 'usb', card: 'none' }, 'ไม่พบบัตรในเครื่องอ่าน'],
    [{ api: 'smart-card', card: 'other' }, 'ไม่ใช่บัตรประจำตัวประชาชนไทย'],
    [{ api: 'usb', card: 'other', reader: 'br301' }, 'ไม่ใช่บัตรประจำตัวประชาชนไทย'],
    [{ api: 'smart-card', fault: 'pulled' }, 'บัตรถูกดึงออกระหว่างอ่าน'],
    [{ api: 'usb', fault: 'pulled' }, 'บัตรถูกดึงออกระหว่างอ่าน'],
    [{ api: 'smart-card', fault: 'busy' }, 'ถูกโปรแกรมอื่นใช้อยู่'],
    [{ api: 'usb', fault: 'busy' }, 'ถูกโปรแกรมอื่นใช้อยู่'],
    [{ api: 'usb', fault: 'protected' }, 'เบราว์เซอร์ไม่อนุญาตให้หน้าเว็บใช้เครื่องอ่านบัตรทาง USB'],
  ] as [FakeCardHook, string][])('%j ends in a Thai message and no change', async (hook, message) => {
    const onapply = setup(newStudent('new-3'), hook);
    await fireEvent.click(screen.getByTestId('read-card'));
    expect(await screen.findByTestId('card-error', {}, { timeout: 4000 })).toHaveTextContent(message);
    expect(onapply).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('card-type-instead'));
    expect(screen.queryByTestId('card-dialog')).toBeNull();
  });

  it('says so when no way to a reader works here', async () => {
    const onapply = vi.fn();
    render(CardReadButton, { student: newStudent('new-4'), onapply });
    await fireEvent.click(screen.getByTestId('read-card'));
    expect(await screen.findByTestId('card-error', {}, { timeout: 4000 })).toHaveTextContent('ตั้งค่า → เครื่องอ่านบัตร');
    expect(onapply).not.toHaveBeenCalled();
  });
});
