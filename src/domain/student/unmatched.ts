// Texts a file brought that fit no field value (student.unmatched): kept beside the blank field until the
// field holds a value again, whoever fills it (the form, a later import).
import type { Student } from './schema';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function valueAt(s: Student, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), s);
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** The kept texts of fields still blank, or undefined when none is left. */
export function stillUnmatched(
  kept: Readonly<Record<string, string>> | undefined,
  s: Student,
): Record<string, string> | undefined {
  if (!kept) return undefined;
  const left = Object.entries(kept).filter(([path]) => isBlank(valueAt(s, path)));
  return left.length > 0 ? Object.fromEntries(left) : undefined;
}

/** The record without kept texts for fields that now hold a value (picking a code settles its text). */
export function settleUnmatched(s: Student): Student {
  if (!s.unmatched) return s;
  const left = stillUnmatched(s.unmatched, s);
  const { unmatched: _dropped, ...rest } = s;
  return left ? { ...rest, unmatched: left } : rest;
}
