import { th, type MessageKey } from './th';

export type Locale = 'th' | 'en';
// Thai is the app's language and always here; English is a chunk of its own, loaded when chosen.
const catalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { th };

/** Makes a catalogue available (tests register English up front). */
export function registerCatalog(locale: Locale, messages: Record<MessageKey, string>): void {
  catalogs[locale] = messages;
}

/** Loads a language's catalogue if it is not here yet; call before i18n.set. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !catalogs.en) registerCatalog('en', (await import('./en')).en);
}

/** The interface language; components read `i18n.t(...)`, so a switch re-renders them. */
class I18n {
  locale = $state<Locale>('th');

  t = (key: MessageKey, params?: Record<string, string | number>): string => {
    const text = (catalogs[this.locale] ?? th)[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };

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
