// The class picker (students list, measure, move students) names grades in the interface language: "P1" in
// English, not the Thai "ป.1".
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import ClassPicker from '../../../../src/ui/screens/students/ClassPicker.svelte';
import { i18n, loadLocale } from '../../../../src/ui/i18n/i18n.svelte';

const rooms = [{ grade: '04' as const, room: '1', students: 4 }];

afterEach(() => {
  cleanup();
  i18n.set('th');
});

describe('the class picker', () => {
  it('names the grades in Thai', () => {
    render(ClassPicker, { rooms, grade: '', room: '' });
    expect(screen.getByLabelText('ชั้น')).toHaveTextContent('ป.1');
  });

  it('names the grades in English', async () => {
    await loadLocale('en');
    i18n.set('en');
    render(ClassPicker, { rooms, grade: '', room: '' });
    const select = screen.getByLabelText('Grade');
    expect(select).toHaveTextContent('P1');
    expect(select).not.toHaveTextContent('ป.1');
  });
});
