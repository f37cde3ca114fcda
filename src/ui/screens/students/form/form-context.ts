import { getContext, setContext } from 'svelte';
import type { MessageKey } from '../../../i18n/th';

/** What every field of the student form asks of the form it sits in. */
export interface StudentFormContext {
  /** The message to show beside a field now, or null. */
  errorFor(path: string): string | null;
  /** The user left a field: its problems show from now on. */
  leave(path: string): void;
  /** What a file wrote in this field that fitted no value, while the field is still blank, or null. */
  kept(path: string): string | null;
  /** A field holds text that cannot be stored (a date or number not understood), or no longer. */
  setBad(path: string, problem: MessageKey | null): void;
}

const KEY = Symbol('student-form');
export const setFormContext = (ctx: StudentFormContext): StudentFormContext => setContext(KEY, ctx);
export const formContext = (): StudentFormContext => getContext<StudentFormContext>(KEY);

/** The element id of a record path: "health.weightKg" → "f-health-weightKg". */
export const fieldId = (path: string): string => `f-${path.replace(/\./g, '-')}`;
