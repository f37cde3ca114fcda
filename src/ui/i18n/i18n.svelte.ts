import type { CodeListName } from '../../domain/codes';
import { toGregorianYear } from '../../domain/thai-date';
import { th, type MessageKey } from './th';

export type Locale = 'th' | 'en';
// Thai is the app's language and always here; English is a chunk of its own, loaded when chosen.
const catalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { th };
// Code-list labels in languages other than Thai (the lists' own labels are Thai).
type CodeLabels = Partial<Record<CodeListName, Record<string, string>>>;
const codeLabels: Partial<Record<Locale, CodeLabels>> = {};

/** Makes a catalogue available (tests register English up front). */
export function registerCatalog(locale: Locale, messages: Record<MessageKey, string>, codes: CodeLabels = {}): void {
  catalogs[locale] = messages;
  codeLabels[locale] = codes;
}

/** Loads a language's catalogue if it is not here yet; call before i18n.set. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !catalogs.en) {
    const english = await import('./en');
    registerCatalog('en', english.en, english.codeLabelsEn);
  }
}

/**
 * "{n}" is the parameter; "{n:student|students}" is the word for that count (English needs it; Thai has
 * no plural, so its catalogue never uses it); "{year!ce}" writes a Buddhist Era year (2569) in the Common
 * Era (2026), so that an English sentence whose dates are Gregorian keeps to one calendar.
 */
export function interpolate(text: string, params: Record<string, string | number>): string {
  return text
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, name: string, one: string, other: string) =>
      name in params ? (Number(params[name]) === 1 ? one : other) : m,
    )
    .replace(/\{(\w+)!ce\}/g, (m, name: string) => (name in params ? String(toGregorianYear(Number(params[name]))) : m))
    .replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m));
}

/** The interface language; components read `i18n.t(...)`, so a switch re-renders them. */
class I18n {
  locale = $state<Locale>('th');

  t = (key: MessageKey, params?: Record<string, string | number>): string => {
    const text = (catalogs[this.locale] ?? th)[key];
    return params ? interpolate(text, params) : text;
  };

  /** A code's label in the interface language; `thai` (the list's own label) where none is known. */
  codeLabel = (list: CodeListName, code: string, thai: string): string =>
    this.locale === 'th' ? thai : (codeLabels[this.locale]?.[list]?.[code] ?? thai);

  set(locale: Locale): void {
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}

export const i18n = new I18n();
export const t = i18n.t;

/** The message for a validation rule code; an unknown code still says something useful. */
export function ruleMessage(rule: string): string {
  const key = `rule.${rule}`;
  return key in th ? i18n.t(key as MessageKey) : i18n.t('rule.invalid');
}

export type Sender = 'school' | 'district' | 'device';

/** What to do about a received file's reason code (bundle-v1's or the receiver's), in the person's words. */
export function reasonMessage(reason: string, sender: Sender): string {
  const key = `reason.${reason}`;
  const who = i18n.t(`reason.sender.${sender}`);
  return key in th ? i18n.t(key as MessageKey, { sender: who }) : i18n.t('reason.zip.malformed', { sender: who });
}

/** The same as one line of text, with the code (and detail) after it for support. */
export function reasonText(reason: string, detail: string | null, sender: Sender): string {
  return `${reasonMessage(reason, sender)} (${i18n.t('reason.support')}: ${reason}${detail ? ` · ${detail}` : ''})`;
}
export type { MessageKey };
