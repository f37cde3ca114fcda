// What one school is told about the cross-school pairs it is part of: its own student, a reason that says
// nothing of the other school's student, and the other school's code and name only for a pair whose key the
// officer chose to reveal (decision 18): else "another school in this district", so that submitting a
// child's ID never tells a school where that child is enrolled.
import { payloadFile } from '../bundle/payloads';
import type { Contents } from '../bundle/contents';
import { formatCitizenId, normaliseIdInput } from '../ids';
import { formatThaiDate } from '../thai-date';
import type { Message } from '../validation/catalogue';
import type { DistrictPair, SchoolRef } from './cross-check';
import type { Acknowledgement, FindingRecord } from './findings-payload';

function schoolReason(
  pair: DistrictPair,
  own: DistrictPair['sides'][0],
  other: SchoolRef | null,
  asOf: string,
): Message {
  const th = other ? `${other.name} (รหัส ${other.code})` : 'โรงเรียนอื่นในเขตพื้นที่นี้';
  const en = other ? `${other.name} (${other.code})` : 'Another school in this district';
  const [thDate, enDate] = [formatThaiDate(asOf, 'th'), formatThaiDate(asOf, 'en')];
  if (pair.match === 'same-id') {
    const no = formatCitizenId(normaliseIdInput(own.row[2]));
    return {
      th: `${th} ก็นับนักเรียนเลขประจำตัว ${no} เป็นนักเรียนของตน ณ วันที่ ${thDate}: ตรวจว่าพิมพ์เลขผิด หรือนักเรียนย้ายไปแล้วแต่ยังไม่ได้บันทึกย้ายออก แล้วแจ้งเขต`,
      en: `${en} also counts a student with ID ${no} on ${enDate}: check for a typing error, or a transfer not yet recorded, and tell the district`,
    };
  }
  if (pair.match === 'close-surname') {
    return {
      th: `${th} นับนักเรียนที่มีวันเกิด เพศ และชื่อตรงกับคนนี้ นามสกุลต่างกัน 1 ตัวอักษร แต่เลขประจำตัวต่างกัน ณ วันที่ ${thDate}: อาจเป็นคนเดียวกัน ตรวจกับเอกสาร`,
      en: `${en} counts a student with the same birth date, sex and first name, a surname one letter apart and another ID on ${enDate}: possibly the same child; check the documents`,
    };
  }
  return {
    th: `${th} นับนักเรียนที่มีวันเกิดและชื่อ-นามสกุลตรงกับคนนี้ แต่เลขประจำตัวต่างกัน ณ วันที่ ${thDate}: อาจเป็นคนเดียวกันที่มีสองเลข ตรวจกับเอกสาร`,
    en: `${en} counts a student with the same birth date and name but another ID on ${enDate}: possibly the same child under two IDs; check the documents`,
  };
}

// FNV-1a, twice with different offsets: a stable tag for a pair that neither names the other school nor
// lets anyone recover the other school's record id (a random UUID) from it.
function tag(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The id a finding of `pair` has for the school `schoolCode`: stable from one findings bundle to the next. */
export const findingIdOf = (pair: DistrictPair, studentId: string): string =>
  `${pair.rule}:${studentId}:${tag(pair.key)}`;

/**
 * The findings for the school with code `schoolCode`, one per pair it is part of. `revealed`: the pair keys
 * whose other school the officer chose to name (nothing is named by default).
 */
export function findingsFor(
  pairs: readonly DistrictPair[],
  schoolCode: string,
  asOf: string,
  revealed: ReadonlySet<string> = new Set(),
): FindingRecord[] {
  const out: FindingRecord[] = [];
  for (const pair of pairs) {
    const i = pair.sides.findIndex((s) => s.school.code === schoolCode);
    if (i < 0) continue;
    const own = pair.sides[i]!;
    const other = revealed.has(pair.key) ? pair.sides[1 - i]!.school : null;
    const [studentId, , idNo, prefix, firstName, lastName] = own.row;
    out.push({
      id: findingIdOf(pair, studentId),
      studentId,
      rule: pair.rule,
      match: pair.match,
      student: { idNo, prefix, firstName, lastName },
      otherSchool: other && { code: other.code, name: other.name },
      reason: schoolReason(pair, own, other, asOf),
      asOf,
    });
  }
  return out;
}

/** A findings bundle's payload: the findings, and the acknowledgement when the district gives one. */
export function findingsContents(
  findings: readonly FindingRecord[],
  acknowledgement: Acknowledgement | null,
): Contents {
  const files = [payloadFile('payload/findings.jsonl', 'finding/1', findings)];
  if (acknowledgement) files.push(payloadFile('payload/acknowledgement.json', 'acknowledgement/1', [acknowledgement]));
  return { files, counts: { findings: findings.length, acknowledged: acknowledgement !== null } };
}
