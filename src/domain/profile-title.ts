// The name a screen titles the device with. Apart from school.ts (its schemas) so the sign-in screen, which
// needs only this, does not load zod before the first paint (decision 42).
import type { DeviceProfile } from './school';

/** A district's name; a school's English name in English when it has one, else its Thai name. */
export const profileTitle = (p: DeviceProfile, locale: 'th' | 'en'): string =>
  p.kind === 'district' ? p.name : locale === 'en' && p.nameEn ? p.nameEn : p.nameTh;
