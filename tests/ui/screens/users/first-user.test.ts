// The first user of a district office is a district officer, in the district's words: no teacher, no
// director, no school.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import FirstUser from '../../../../src/ui/screens/users/FirstUser.svelte';

afterEach(() => cleanup());

describe('the first-user form', () => {
  it('uses district words in a district office', () => {
    render(FirstUser, { district: true, oncreated: () => {} });
    const form = screen.getByTestId('first-user');
    expect(form).toHaveTextContent('เจ้าหน้าที่ของสำนักงานเขตพื้นที่');
    expect(form).toHaveTextContent('เจ้าหน้าที่สำนักงานเขตพื้นที่ (รับ ตรวจ และรับทราบข้อมูลของโรงเรียน)');
    expect(form.textContent).not.toMatch(/ผู้อำนวยการ|ครู|โรงเรียน \(|ทั้งโรงเรียน/);
    expect(screen.getAllByRole('radio')).toHaveLength(1);
  });

  it("keeps the school's words in a school", () => {
    render(FirstUser, { oncreated: () => {} });
    expect(screen.getByTestId('first-user')).toHaveTextContent('ผู้อำนวยการ');
    expect(screen.getAllByRole('radio')).toHaveLength(2);
  });
});
