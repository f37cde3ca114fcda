import { z } from 'zod';

// I = citizen ID, G = G-code, P = passport, A = alien card, O = other or none (see dmc-codes.json idType).
export const idTypeSchema = z.enum(['I', 'G', 'P', 'A', 'O']);
export type IdType = z.infer<typeof idTypeSchema>;

export interface IdCheck {
  input: string;
  valid: boolean;
  idType: 'I' | 'G' | null;
  reason: null | 'format' | 'checksum';
}

/** d13 = (11 − (Σ d_i·(14−i)) mod 11) mod 10 over the first 12 digits. */
export function citizenIdCheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError(`expected 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export function isValidCitizenId(s: string): boolean {
  // A leading 9 is reserved and never issued.
  if (!/^[0-8]\d{12}$/.test(s)) return false;
  return citizenIdCheckDigit(s.slice(0, 12)) === Number(s[12]);
}

/** "G" + 2-digit BE year + 2-digit province + 8-digit running number; no check digit is documented. */
export function isGCode(s: string): boolean {
  return /^G\d{12}$/.test(s);
}

/** What people type or paste: "1-1120-34563-56-2", "g 6442 0000 0001". */
export function normaliseIdInput(s: string): string {
  const compact = s.replace(/[\s\-.\u2010-\u2015]/g, '');
  return compact.startsWith('g') ? 'G' + compact.slice(1) : compact;
}

export function checkId(input: string): IdCheck {
  const id = normaliseIdInput(input);
  if (/^\d{13}$/.test(id)) {
    // 13 digits is clearly meant as a citizen ID, so say so even when it is wrong.
    if (id.startsWith('9')) return { input, valid: false, idType: 'I', reason: 'format' };
    const ok = isValidCitizenId(id);
    return { input, valid: ok, idType: 'I', reason: ok ? null : 'checksum' };
  }
  if (isGCode(id)) return { input, valid: true, idType: 'G', reason: null };
  return { input, valid: false, idType: null, reason: 'format' };
}

/** Display grouping 1-2345-67890-12-3; anything that is not 13 digits comes back unchanged. */
export function formatCitizenId(s: string): string {
  const id = normaliseIdInput(s);
  const m = /^(\d)(\d{4})(\d{5})(\d{2})(\d)$/.exec(id);
  return m ? m.slice(1).join('-') : s;
}

/**
 * The ID type a typed number means: 13 digits are a citizen ID and "G" + 12 digits a G-code, whatever type
 * the record had (an imported record without an ID is type O); anything else keeps the current type.
 */
export function idTypeOfNumber(input: string, current: IdType): IdType {
  const id = normaliseIdInput(input);
  if (/^\d{13}$/.test(id)) return 'I';
  if (/^G\d{12}$/.test(id)) return 'G';
  return current;
}
