import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import NumericKeypad from '../../../../src/ui/components/growth/NumericKeypad.svelte';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';

afterEach(() => cleanup());

function pad(props: { disabled?: boolean; decimal?: boolean } = {}) {
  i18n.set('th');
  const onkey = vi.fn();
  const view = render(NumericKeypad, { onkey, ...props });
  return { onkey, view };
}

describe('NumericKeypad', () => {
  it('sends each key it is tapped with, the point, delete and next', async () => {
    const { onkey } = pad();
    for (const id of ['key-2', 'key-4', 'key-point', 'key-5', 'key-delete', 'key-ok', 'key-0'])
      await fireEvent.click(screen.getByTestId(id));
    expect(onkey.mock.calls.map((c) => c[0])).toEqual(['2', '4', '.', '5', 'delete', 'ok', '0']);
    expect(screen.getByRole('group', { name: 'แป้นตัวเลข' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'จุดทศนิยม' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ถัดไป' })).toBeInTheDocument();
  });

  it('takes the device keyboard too: digits, . or , Backspace and Enter', async () => {
    const { onkey } = pad();
    for (const key of ['3', ',', '.', '7', 'Backspace', 'Enter', 'a', 'F5']) await fireEvent.keyDown(window, { key });
    expect(onkey.mock.calls.map((c) => c[0])).toEqual(['3', '.', '.', '7', 'delete', 'ok']);
  });

  it('leaves Enter on a focused key to press that key, not "next", and steps aside for a dialog', async () => {
    const { onkey } = pad();
    await fireEvent.keyDown(screen.getByTestId('key-5'), { key: 'Enter' });
    expect(onkey).not.toHaveBeenCalled();
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    await fireEvent.keyDown(dialog, { key: '5' });
    dialog.remove();
    expect(onkey).not.toHaveBeenCalled();
  });

  it('leaves typing in a real field to that field, and shortcuts alone', async () => {
    const { onkey } = pad();
    const input = document.body.appendChild(document.createElement('input'));
    await fireEvent.keyDown(input, { key: '5' });
    await fireEvent.keyDown(window, { key: '5', ctrlKey: true });
    input.remove();
    expect(onkey).not.toHaveBeenCalled();
  });

  it('does nothing while disabled or inside a locked (inert) screen', async () => {
    const { onkey } = pad({ disabled: true });
    await fireEvent.keyDown(window, { key: '5' });
    expect(screen.getByTestId('key-5')).toBeDisabled();
    cleanup();
    const locked = document.body.appendChild(document.createElement('div'));
    locked.setAttribute('inert', '');
    const onkey2 = vi.fn();
    render(NumericKeypad, { target: locked, props: { onkey: onkey2 } });
    await fireEvent.keyDown(window, { key: '5' });
    locked.remove();
    expect(onkey).not.toHaveBeenCalled();
    expect(onkey2).not.toHaveBeenCalled();
  });

  it('can leave out the decimal point', async () => {
    const { onkey } = pad({ decimal: false });
    expect(screen.getByTestId('key-point')).toBeDisabled();
    await fireEvent.keyDown(window, { key: '.' });
    expect(onkey).not.toHaveBeenCalled();
  });
});
