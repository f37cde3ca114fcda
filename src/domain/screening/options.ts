// The screening form's option lists (form-2569.json): one data file per form version, so next year's form is a
// data change. Codes are what records store; the zod enums below derive from the file.
import { z } from 'zod';
import form from './form-2569.json';

export type ScreeningListName = keyof typeof form.lists;

export const SCREENING_FORM = { version: form.version, source: form.source } as const;
/** Baht a month a person: the line the form compares per-person income with (≤ counts as under it). */
export const INCOME_LINE_PER_PERSON = form.incomeLinePerPerson;

const codesOf = (name: ScreeningListName): [string, ...string[]] =>
  form.lists[name].map(([code]) => code!) as [string, ...string[]];

/** A zod enum of one list's codes. */
export const screeningCode = (name: ScreeningListName) => z.enum(codesOf(name));

/** The form's label of a code, or the code itself for one the list does not have. */
export function screeningLabel(name: ScreeningListName, code: string): string {
  return form.lists[name].find(([c]) => c === code)?.[1] ?? code;
}

export const screeningOptions = (name: ScreeningListName): { code: string; label: string }[] =>
  form.lists[name].map(([code, label]) => ({ code: code!, label: label! }));
