// Several key files can be chosen at once: trust lists are enrolled and one message sums them; a school's
// key file waits for its fingerprint to be compared, or for a deliberate "enrol without checking".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { fingerprintOf } from '../../../../src/domain/bundle/keys';

const keyid = '868d5dd5eb881456e3201e31814f4be64c4d8d63189eb06977e98d029248a3e1';
const schoolKey = { keyid, alg: 'ES256', spki: 'x', role: 'staff', name: 'ครูสมศรี ทดสอบ', school: '1034560001' };
const readKeyOffer = vi.fn(async (text: string) =>
  text === 'x'
    ? { problem: 'keyfile.format' as const }
    : { text, keys: text === 'key' ? [schoolKey] : [{}, {}], needsCheck: text === 'key' },
);
const enrolKeyText = vi.fn(async () => ({
  ok: true as const,
  enrolment: { added: [{}, {}], unchanged: [], conflicts: [] },
  accepted: [],
}));
vi.mock('../../../../src/ui/services/trust.service', () => ({ readKeyOffer, enrolKeyText }));
const { default: KeyFileButton } = await import('../../../../src/ui/screens/district/schools/KeyFileButton.svelte');

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

// jsdom's File has no text(); the browser's does.
const file = (text: string, name: string): File => Object.assign(new File([text], name), { text: async () => text });

async function choose(files: File[], forSchool?: string) {
  const onenrolled = vi.fn();
  render(KeyFileButton, { label: 'keys', testid: 'keys', onenrolled, forSchool });
  const input = screen.getByTestId('keys') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await fireEvent.change(input);
  return { input, onenrolled };
}

describe('the key file button', () => {
  it('enrols every trust list chosen at once and says what each did', async () => {
    const { input, onenrolled } = await choose([file('{}', 'a.json'), file('{}', 'b.json'), file('x', 'bad.json')]);
    expect(input.multiple).toBe(true);
    await vi.waitFor(() => expect(onenrolled).toHaveBeenCalledOnce());
    expect(enrolKeyText).toHaveBeenCalledTimes(2);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('4');
    expect(status).toHaveTextContent('bad.json');
  });

  it('enrols a school key file only once the fingerprint heard matches', async () => {
    const { onenrolled } = await choose([file('key', 'school.json')], '1034560001');
    const submit = await screen.findByTestId('keycheck-submit');
    expect(enrolKeyText).not.toHaveBeenCalled();
    expect(submit).toBeDisabled();
    await fireEvent.input(screen.getByTestId(`keycheck-heard-${keyid}`), { target: { value: fingerprintOf(keyid) } });
    expect(submit).toBeEnabled();
    await fireEvent.click(submit);
    await vi.waitFor(() => expect(onenrolled).toHaveBeenCalledOnce());
    expect(enrolKeyText).toHaveBeenCalledWith('key', '1034560001', expect.any(Date), {
      heard: { [keyid]: fingerprintOf(keyid) },
    });
    expect(screen.queryByTestId('keycheck-form')).toBeNull();
  });

  it('enrols without checking only after asking first', async () => {
    const { onenrolled } = await choose([file('key', 'school.json')], '1034560001');
    await fireEvent.click(await screen.findByTestId('keycheck-skip'));
    expect(screen.getByTestId('keycheck-ask')).toHaveTextContent('ไม่เทียบลายนิ้วมือ');
    expect(enrolKeyText).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('keycheck-ask-yes'));
    await vi.waitFor(() => expect(onenrolled).toHaveBeenCalledOnce());
    expect(enrolKeyText).toHaveBeenCalledWith('key', '1034560001', expect.any(Date), 'unchecked');
  });
});
