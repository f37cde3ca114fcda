// What the Thai national ID card says about its holder, parsed from the applet's decoded text fields.
// The one gate for card data: everything the devices layer reads passes through parseCardText.
import { isValidCitizenId } from '../ids';
import type { SexCode } from '../codes';
import { splitCardAddress, type CardAddress } from './address';
import { parseCardDate } from './card-date';

export type { CardAddress } from './address';

export interface ThaiIdCard {
  citizenId: string;
  prefixTh: string;
  firstNameTh: string;
  middleNameTh: string;
  lastNameTh: string;
  prefixEn: string;
  firstNameEn: string;
  middleNameEn: string;
  lastNameEn: string;
  /** Gregorian 'YYYY-MM-DD'; an unknown month or day is 00 ("2012-00-00"), see cardDateParts. */
  birthDate: string | null;
  sex: SexCode;
  address: CardAddress;
  issueDate: string | null;
  /** null on a life-long card. */
  expiryDate: string | null;
  issuer: string;
  /** JPEG bytes, only when the photo was asked for. */
  photo?: Uint8Array;
}

/** The applet's fields as decoded text (TIS-620 already turned into Unicode). */
export interface CardText {
  citizenId: string;
  nameTh: string;
  nameEn: string;
  birthDate: string;
  sex: string;
  issuer: string;
  issueDate: string;
  expiryDate: string;
  address: string;
}

export type CardProblem = 'citizen_id.invalid' | 'sex.unknown' | 'name.missing';
export type CardParse = { ok: true; card: ThaiIdCard } | { ok: false; problems: CardProblem[] };

// Fields are padded with spaces (and sometimes NULs) to their fixed length.
const clean = (s: string): string => s.replace(/\0/g, ' ').replace(/\s+/g, ' ').trim();

/** "นาย#สมชาย##ใจดี" → prefix, first, middle, last. */
function splitName(text: string): [string, string, string, string] {
  const [prefix = '', first = '', middle = '', last = ''] = text.split('#').map(clean);
  return [prefix, first, middle, last];
}

export function parseCardText(text: CardText): CardParse {
  const problems: CardProblem[] = [];
  const citizenId = clean(text.citizenId);
  // A card is no excuse to skip the check digit: a misread must not reach a record.
  if (!isValidCitizenId(citizenId)) problems.push('citizen_id.invalid');
  const sexDigit = clean(text.sex);
  const sex: SexCode | null = sexDigit === '1' ? 'M' : sexDigit === '2' ? 'F' : null;
  if (!sex) problems.push('sex.unknown');
  const [prefixTh, firstNameTh, middleNameTh, lastNameTh] = splitName(text.nameTh);
  const [prefixEn, firstNameEn, middleNameEn, lastNameEn] = splitName(text.nameEn);
  if (!firstNameTh) problems.push('name.missing');
  if (problems.length > 0 || !sex) return { ok: false, problems };
  return {
    ok: true,
    card: {
      citizenId,
      prefixTh,
      firstNameTh,
      middleNameTh,
      lastNameTh,
      prefixEn,
      firstNameEn,
      middleNameEn,
      lastNameEn,
      birthDate: parseCardDate(text.birthDate),
      sex,
      address: splitCardAddress(text.address.replace(/\0/g, ' ')),
      issueDate: parseCardDate(text.issueDate),
      expiryDate: parseCardDate(text.expiryDate),
      issuer: clean(text.issuer),
    },
  };
}
