// DMC's labels turned into the record's codes before readStudentRecord sees them, with the same domain
// readers it uses (codes.ts, thai-date.ts). A clean row then passes the record schema on the first try,
// which keeps a 3,000-row file fast; anything these readers do not know is passed on unchanged, for
// readStudentRecord to report in its own words.
import { codeFromText, gradeFromLabel, sexFromText, type CodeListName } from '../../domain/codes';
import { parseThaiDate } from '../../domain/thai-date';
import type { FieldKey } from './fields';

const LISTS: Partial<Record<FieldKey, CodeListName>> = {
  bloodGroup: 'bloodGroup',
  religion: 'religion',
  nationality: 'nationality',
  ethnicity: 'nationality',
  'family.father.occupation': 'occupation',
  'family.mother.occupation': 'occupation',
  'family.guardian.occupation': 'occupation',
  'family.guardian.relation': 'guardianRelation',
  'family.parentsMaritalStatus': 'parentsMaritalStatus',
  'welfare.disadvantage': 'disadvantage',
  'welfare.disability': 'disability',
  'welfare.travelMode': 'travelMode',
};

/** The record's own form of a cell's text where a domain reader knows it, else the text itself. */
export function recordValue(key: FieldKey, text: string): string {
  if (text === '') return text;
  if (key === 'sex') return sexFromText(text) ?? text;
  if (key === 'grade') return gradeFromLabel(text)?.code ?? text;
  if (key === 'birthDate') return parseThaiDate(text) ?? text;
  const list = LISTS[key];
  return list ? (codeFromText(list, text) ?? text) : text;
}

/** A number typed as text ("1,200", "35.5"), or the text when it is not one. */
export function numberValue(text: string): number | string {
  const n = Number(text.replace(/,/g, ''));
  return text !== '' && Number.isFinite(n) ? n : text;
}
