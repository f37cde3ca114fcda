// Labels of the catalogue's codes in the interface language: the catalogue's own Thai, English typed here.
import { catalogue } from '../../../domain/assets/schema';
import type { Condition } from '../../../domain/assets/schema';
import { i18n } from '../../i18n/i18n.svelte';

const KIND_EN: Record<string, string> = {
  b01: 'Classroom building',
  b02: 'Multi-purpose hall / canteen / workshop / assembly hall',
  b04: 'Teacher / student / janitor housing',
  b05: 'Toilets',
  b06: 'Library',
  b08: 'Playground',
  b15: 'Sports field',
  b16: 'Water tank',
  b27: 'Fence',
  road: 'Road / drainage',
  nursery: 'Plant nursery',
  well: 'Shallow well',
  fishpond: 'Fish pond',
  other: 'Other',
};
const CATEGORY_EN: Record<string, string> = {
  desks: 'Student desks and chairs',
  teaching: 'Teaching equipment',
  office: 'Office / school equipment',
  electrical: 'Electrical and radio',
  kitchen: 'Household and kitchen',
  vehicles: 'Vehicles',
};

const thai = (list: readonly (readonly string[])[], code: string): string =>
  list.find(([c]) => c === code)?.[1] ?? code;
const pick = (en: Record<string, string>, th: string, code: string): string =>
  i18n.locale === 'th' ? th : (en[code] ?? th);

export const kindLabel = (code: string): string => pick(KIND_EN, thai(catalogue.buildingKinds, code), code);
export const categoryLabel = (code: string): string =>
  pick(CATEGORY_EN, thai(catalogue.equipmentCategories, code), code);
export const conditionLabel = (code: Condition | null): string => (code ? i18n.t(`assets.condition.${code}`) : '—');
