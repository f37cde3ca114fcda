import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import PinPad from '../../../../src/ui/screens/users/PinPad.svelte';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';

afterEach(() => cleanup());

function pad(disabled = false) {
  i18n.set('th');
  const onsubmit = vi.fn();
  render(PinPad, { label: 'PIN', onsubmit, disabled });
  return onsubmit;
}
const typed = () => screen.getByTestId('pin-dots').querySelectorAll('.filled').length;

describe('PinPad', () => {
  it('types from the number row and numpad, and submits on Enter from outside the keys', async () => {
    const onsubmit = pad();
    for (const key of ['2', '5', '6', 'Backspace', '6', '9', 'Enter']) await fireEvent.keyDown(document.body, { key });
    expect(onsubmit).toHaveBeenCalledWith('2569');
    expect(typed()).toBe(0);
  });

  it('never sends a partial PIN: Enter after three digits says so and keeps them', async () => {
    const onsubmit = pad();
    for (const key of ['2', '5', '6', 'Enter']) await fireEvent.keyDown(document.body, { key });
    await fireEvent.click(screen.getByTestId('pin-ok'));
    expect(onsubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('pin-short')).toHaveTextContent('ยังไม่ครบ');
    expect(typed()).toBe(3);
  });

  it('leaves Enter on a focused key to that key (the browser clicks it), so it never submits', async () => {
    const onsubmit = pad();
    for (const key of ['1', '2', '3', '4']) await fireEvent.keyDown(document.body, { key });
    await fireEvent.keyDown(screen.getByRole('button', { name: '5' }), { key: 'Enter' });
    expect(onsubmit).not.toHaveBeenCalled();
    expect(typed()).toBe(4);
  });

  it('keeps its keys focusable but idle while busy', async () => {
    const onsubmit = pad(true);
    const five = screen.getByRole('button', { name: '5' });
    expect(five).not.toBeDisabled();
    expect(five).toHaveAttribute('aria-disabled', 'true');
    await fireEvent.click(five);
    await fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(typed()).toBe(0);
    expect(onsubmit).not.toHaveBeenCalled();
  });
});
