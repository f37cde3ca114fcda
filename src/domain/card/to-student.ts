// From a read card to a student record: which fields the card fills, what differs from the record, and
// applying the fields the user chose. The card is the registered (house-book) address.
import type { AreaIndex } from '../areas/areas';
import { prefixByLabel, type SexCode } from '../codes';
import type { Address } from '../student/address';
import type { Student } from '../student/schema';
import { matchCardAddress } from './address';
import type { ThaiIdCard } from './card';
import { completeCardDate } from './card-date';

export const CARD_FIELDS = [
  'idNo',
  'prefix',
  'firstName',
  'lastName',
  'firstNameEn',
  'lastNameEn',
  'sex',
  'birthDate',
  'address',
] as const;
export type CardField = (typeof CARD_FIELDS)[number];

export type CardAddressPatch = Pick<
  Address,
  'houseNo' | 'moo' | 'road' | 'subdistrictCode' | 'districtCode' | 'provinceCode' | 'postcode'
>;

export interface CardPatch {
  idNo: string;
  prefix: string;
  firstName: string;
  lastName: string;
  firstNameEn: string;
  lastNameEn: string;
  sex: SexCode;
  birthDate: string | null;
  address: CardAddressPatch;
}

/** Things the user should know: the record keeps its own value where the card cannot say. */
export type CardNote = 'birth_date.partial' | 'address.unmatched' | 'prefix.unknown';

const joined = (...parts: string[]): string => parts.filter((p) => p !== '').join(' ');

/** The card's values in the record's shapes; the area codes need the DOPA lists (null: not yet loaded). */
export function cardToPatch(card: ThaiIdCard, areas: AreaIndex | null): { patch: CardPatch; notes: CardNote[] } {
  const notes: CardNote[] = [];
  // Cards write abbreviations (ด.ช., น.ส.); the record keeps DMC's full word.
  const prefix = prefixByLabel(card.prefixTh)?.label;
  if (!prefix) notes.push('prefix.unknown');
  const birthDate = completeCardDate(card.birthDate);
  if (card.birthDate && !birthDate) notes.push('birth_date.partial');
  const a = card.address;
  const codes = areas
    ? matchCardAddress(a, areas)
    : { provinceCode: null, districtCode: null, subdistrictCode: null, postcode: '' };
  if (codes.subdistrictCode === null) notes.push('address.unmatched');
  const patch: CardPatch = {
    idNo: card.citizenId,
    prefix: prefix ?? card.prefixTh,
    // The record has no middle name: it stays with the first name, as DMC forms write it.
    firstName: joined(card.firstNameTh, card.middleNameTh),
    lastName: card.lastNameTh,
    firstNameEn: joined(card.firstNameEn, card.middleNameEn),
    lastNameEn: card.lastNameEn,
    sex: card.sex,
    birthDate,
    address: {
      houseNo: a.houseNo,
      moo: a.moo,
      road: joined(a.soi && `ซอย${a.soi}`, a.road && `ถนน${a.road}`),
      ...codes,
    },
  };
  return { patch, notes };
}

const addressOf = (s: Student): CardAddressPatch => {
  const { houseNo, moo, road, subdistrictCode, districtCode, provinceCode, postcode } = s.addresses.registered;
  return { houseNo, moo, road, subdistrictCode, districtCode, provinceCode, postcode };
};

/** The record's current value of a card field, in the patch's shape. */
export function recordValue(student: Student, field: CardField): CardPatch[CardField] | null {
  return field === 'address' ? addressOf(student) : student[field];
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === '' || (typeof v === 'object' && Object.values(v as object).every((x) => x === null || x === ''));

const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'object' && a !== null && typeof b === 'object' && b !== null
    ? Object.keys(b).every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
    : a === b;

/** Fields where the card has something and it differs from the record. */
export function cardDifferences(student: Student, patch: CardPatch): CardField[] {
  return CARD_FIELDS.filter((f) => !isEmpty(patch[f]) && !same(recordValue(student, f), patch[f]));
}

/** True when none of the fields the card fills holds anything yet: a new record takes the card whole. */
export function isBlankForCard(student: Student): boolean {
  return CARD_FIELDS.every((f) => isEmpty(recordValue(student, f)));
}

/** A copy of the record with the chosen card fields taken; a card field with no value never erases one. */
export function applyCardPatch(student: Student, patch: CardPatch, take: Iterable<CardField>): Student {
  const next = structuredClone(student);
  for (const f of take) {
    if (isEmpty(patch[f])) continue;
    if (f === 'address') next.addresses.registered = { ...next.addresses.registered, ...patch.address };
    else if (f === 'idNo') Object.assign(next, { idNo: patch.idNo, idType: 'I' });
    else Object.assign(next, { [f]: patch[f] });
  }
  return next;
}
