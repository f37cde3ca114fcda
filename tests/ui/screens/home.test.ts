import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, cleanup } from '@testing-library/svelte';
import Home from '../../../src/ui/screens/home/Home.svelte';
import { i18n } from '../../../src/ui/i18n/i18n.svelte';
import { schoolPlaces } from '../../../src/ui/state/router.svelte';
import type { DistrictProfile } from '../../../src/domain/school';

const profile: DistrictProfile = {
  kind: 'district',
  version: 1,
  code: '1050',
  name: 'สพป.ทดสอบ เขต 1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  i18n.set('th');
});

describe('home screen', () => {
  it('shows the open round and the days left to its deadline, in the Buddhist Era', () => {
    vi.setSystemTime(new Date(2026, 5, 1, 9, 0)); // 1 June 2026, local time
    render(Home, { profile, places: schoolPlaces, onpick: vi.fn() });
    expect(screen.getByTestId('next-deadline')).toHaveTextContent('ภาคเรียนที่ 1 ปีการศึกษา 2569 ส่งภายใน 10 มิถุนายน 2569');
    expect(screen.getByTestId('next-deadline')).toHaveTextContent('เหลืออีก 9 วัน');
    expect(screen.getByTestId('round-term1')).toHaveTextContent('กำลังเก็บข้อมูล');
    expect(screen.getByTestId('round-term2')).toHaveTextContent('ยังไม่ถึง');
  });

  it('says "due today" on the deadline and speaks English when asked', () => {
    vi.setSystemTime(new Date(2026, 10, 10, 9, 0)); // 10 November 2026
    i18n.set('en');
    render(Home, { profile, places: schoolPlaces, onpick: vi.fn() });
    expect(screen.getByTestId('next-deadline')).toHaveTextContent('Term 2, academic year 2026: due 10 November 2026');
    expect(screen.getByTestId('next-deadline')).toHaveTextContent('Due today');
  });
});
