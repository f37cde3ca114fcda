// Reduces a name to a key that ignores the spelling noise of typed Thai: spaces and zero-width
// characters, a prefix typed into the name field, repeated characters, the order of stacked marks.
import { prefixes } from '../codes';

const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Above and below vowels, maitaikhu, tone marks, thanthakhat, nikhahit, yamakkan.
const MARK_RUN = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]{2,}/g;
const SARA_AM = '\u0E33';
const NIKHAHIT_AA = '\u0E4D\u0E32';

// Canonical order on one consonant: vowel mark, then tone mark or thanthakhat, then nikhahit (of sara am).
const markClass = (c: string): number => (c === '\u0E4D' ? 2 : c >= '\u0E48' ? 1 : 0);
const sortMarks = (run: string): string => [...run].sort((a, b) => markClass(a) - markClass(b)).join('');

// Words that never begin a given name go as they stand; short ones only when a space follows.
// Longest first, so นางสาว wins over นาง.
const byLength = (words: string[]): string[] => words.filter((w) => w !== '').sort((a, b) => b.length - a.length);
const alwaysPrefix = byLength([
  ...prefixes.flatMap((p) => [p.label, p.short ?? '']).filter((w) => w.length >= 5 || w.includes('.')),
  'mr.',
  'mrs.',
  'ms.',
  'miss.',
]);
const spacedPrefix = byLength([
  ...prefixes.flatMap((p) => [p.label, (p.short ?? '').replace(/\./g, '')]),
  'mr',
  'mrs',
  'ms',
  'miss',
  'master',
]).map((w) => w + ' ');

function stripPrefix(name: string): string {
  const lower = name.toLowerCase();
  const word = alwaysPrefix.find((w) => lower.startsWith(w)) ?? spacedPrefix.find((w) => lower.startsWith(w));
  return word ? name.slice(word.length) : name;
}

// A name of Thai letters only, with nothing below for the steps to change: the key is the name itself.
// Most names are like this, and a district normalises 200,000 of them per check.
const THAI_ONLY = /^[\u0E01-\u0E7F]*$/;
const NEEDS_WORK = /\u0E33|\u0E4D|[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]{2}|\u0E40\u0E40|(.)\1/;
const alreadyKey = (name: string): boolean =>
  THAI_ONLY.test(name) && !NEEDS_WORK.test(name) && !alwaysPrefix.some((w) => name.startsWith(w));

/** "ด.ช. สม ชาย", "สมชายย", "นํ้าฝน" / "น้ำฝน" → one key each; for comparing, never for display. */
export function normaliseThaiName(name: string): string {
  if (alreadyKey(name)) return name;
  return (
    stripPrefix(name.replace(ZERO_WIDTH, '').trim())
      .toLowerCase()
      .replace(/[\s.]/g, '')
      .replace(/\u0E33([\u0E48-\u0E4B])/g, `$1${SARA_AM}`)
      .replaceAll(SARA_AM, NIKHAHIT_AA)
      .replace(MARK_RUN, sortMarks)
      .replaceAll(NIKHAHIT_AA, SARA_AM)
      // Two sara e typed for sara ae look identical on screen.
      .replace(/\u0E40\u0E40/g, '\u0E41')
      .replace(/(.)\1+/gu, '$1')
  );
}
