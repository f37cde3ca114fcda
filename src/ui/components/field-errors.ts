import { getContext, setContext, tick } from 'svelte';

// How a form tells the user what to fix: each error is tied to its field (aria-invalid, aria-describedby
// pointing at the message <Field> shows), the form says once that something is wrong, and focus goes to the
// first bad field, which then reads out its own message.

/** The attributes that tie a control to the message or hint its <Field> shows (ids `${id}-error`, `${id}-hint`). */
export const fieldAria = (id: string, error: string | null | undefined, hint?: string) => ({
  'aria-invalid': error ? ('true' as const) : undefined,
  'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

const QUIET = Symbol('quiet-field-errors');

/** A form that announces its errors itself, once, keeps its fields' messages from each interrupting. */
export const quietFieldErrors = (quiet: () => boolean): void => void setContext(QUIET, quiet);
export const fieldErrorsQuiet = (): (() => boolean) | undefined => getContext<(() => boolean) | undefined>(QUIET);

/** After a refused save: focus (and scroll to) the first field marked invalid in the form. */
export async function focusFirstInvalid(form: HTMLElement | undefined): Promise<void> {
  await tick();
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.scrollIntoView?.({ block: 'center' });
  first?.focus();
}
