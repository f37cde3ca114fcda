// Several schools' key files can be chosen at once: each is enrolled and one message sums them.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';

const enrolKeyFile = vi.fn(async (file: Blob & { name?: string }) => (file.name === 'bad.json'
  ? { ok: false as const, problem: 'keyfile.format' as const }
  : { ok: true as const, enrolment: { added: [{}, {}], unchanged: [], conflicts: [] }, accepted: [] }));
vi.mock('../../../../src/ui/services/trust.service', () => ({ enrolKeyFile }));
const { default: KeyFileButton } = await import('../../../../src/ui/screens/district/schools/KeyFileButton.svelte');

describe('the key file button', () => {
  it('enrols every file chosen at once and says what each did', async () => {
    const onenrolled = vi.fn();
    render(KeyFileButton, { label: 'keys', testid: 'keys', onenrolled });
    const input = screen.getByTestId('keys') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    const files = [new File(['{}'], 'a.json'), new File(['{}'], 'b.json'), new File(['x'], 'bad.json')];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    await fireEvent.change(input);
    await vi.waitFor(() => expect(onenrolled).toHaveBeenCalledOnce());
    expect(enrolKeyFile).toHaveBeenCalledTimes(3);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('4');
    expect(status).toHaveTextContent('bad.json');
  });
});
