// Every reason a received file is refused or held has a sentence in Thai and in English that says what to
// do; the code only ever appears in small print beside it.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { REASON_CODES } from '../../../src/domain/bundle/reasons';
import { RECEIVER_REASONS } from '../../../src/domain/district/incoming';
import { en } from '../../../src/ui/i18n/en';
import { i18n, reasonMessage } from '../../../src/ui/i18n/i18n.svelte';
import { th } from '../../../src/ui/i18n/th';
import ReasonNote from '../../../src/ui/components/ReasonNote.svelte';

const ALL = [...REASON_CODES, ...Object.keys(RECEIVER_REASONS)];
const THAI = /[\u0E00-\u0E7F]/;

afterEach(() => {
  cleanup();
  i18n.set('th');
});

describe('reason sentences', () => {
  it.each(ALL)('%s has a Thai and an English sentence, with no code or English in the Thai', (code) => {
    const key = `reason.${code}` as keyof typeof th;
    expect(th[key], code).toBeTypeOf('string');
    expect(en[key], code).toBeTypeOf('string');
    expect(th[key]).toMatch(THAI);
    expect(th[key]).toMatch(/:\s\S/); // what happened: what to do
    // No reason code, file name or English word in the Thai sentence.
    expect(th[key].replace('{sender}', '')).not.toMatch(/[A-Za-z]/);
    expect(en[key]).not.toMatch(THAI);
  });

  it('names the sender, and says a damaged file is damaged, not dangerous', () => {
    expect(reasonMessage('zip.malformed', 'school')).toBe('ไฟล์เสียระหว่างส่ง หรือได้มาไม่ครบ: ขอไฟล์ใหม่จากโรงเรียน');
    expect(reasonMessage('file.hash', 'district')).toMatch(/ขอไฟล์ใหม่จากเขตพื้นที่$/);
    expect(reasonMessage('zip.malformed', 'school')).not.toMatch(/อันตราย/);
    i18n.set('en');
    expect(reasonMessage('zip.malformed', 'school')).toBe(
      'The file was damaged on the way or arrived incomplete: ask the school for a new copy',
    );
  });

  it('shows the sentence, and the code with its detail only in small print', () => {
    render(ReasonNote, { reason: 'zip.malformed', detail: 'payload.enc: CRC-32 does not match', sender: 'school' });
    expect(screen.getByTestId('reason')).toHaveTextContent('ไฟล์เสียระหว่างส่ง หรือได้มาไม่ครบ: ขอไฟล์ใหม่จากโรงเรียน');
    expect(screen.getByTestId('reason')).not.toHaveTextContent('zip.malformed');
    const code = screen.getByTestId('reason-code');
    expect(code.tagName).toBe('SMALL');
    expect(code).toHaveTextContent('รหัสสำหรับผู้ดูแลระบบ: zip.malformed · payload.enc: CRC-32 does not match');
  });
});
