import { th, type MessageKey } from './th';
import { en } from './en';

export type Locale = 'th' | 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { th, en };

/** The interface language; components read `i18n.t(...)`, so a switch re-renders them. */
class I18n {
  locale = $state<Locale>('th');

  t = (key: MessageKey, params?: Record<string, string | number>): string => {
    const text = catalogs[this.locale][key];
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
export type { MessageKey };
