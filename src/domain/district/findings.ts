// What one school is told about the cross-school pairs it is part of: its own student, the other
// school's code and name, and a reason that says nothing of the other school's student.
import { payloadFile } from '../bundle/payloads';
import type { Contents } from '../bundle/contents';
import { formatCitizenId, normaliseIdInput } from '../ids';
import { formatThaiDate } from '../thai-date';
import type { Message } from '../validation/catalogue';
import type { DistrictPair, SchoolRef } from './cross-check';
import type { Acknowledgement, FindingRecord } from './findings-payload';

function schoolReason(pair: DistrictPair, own: DistrictPair['sides'][0], other: SchoolRef, asOf: string): Message {
  const th = `${other.name} (รหัส ${other.code})`;
  const en = `${other.name} (${other.code})`;
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

/** The findings for the school with code `schoolCode`, one per pair it is part of. */
export function findingsFor(pairs: readonly DistrictPair[], schoolCode: string, asOf: string): FindingRecord[] {
  const out: FindingRecord[] = [];
  const seen = new Map<string, number>();
  for (const pair of pairs) {
    const i = pair.sides.findIndex((s) => s.school.code === schoolCode);
    if (i < 0) continue;
    const own = pair.sides[i]!;
    const other = pair.sides[1 - i]!.school;
    const [studentId, , idNo, prefix, firstName, lastName] = own.row;
    // Named by the school's own record and the other school, never by the other school's record.
    const base = `${pair.rule}:${studentId}:${other.code}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({
      id: n === 1 ? base : `${base}:${n}`, studentId, rule: pair.rule, match: pair.match,
      student: { idNo, prefix, firstName, lastName }, otherSchool: { code: other.code, name: other.name },
      reason: schoolReason(pair, own, other, asOf), asOf,
    });
  }
  return out;
}

/** A findings bundle's payload: the findings, and the acknowledgement when the district gives one. */
export function findingsContents(findings: readonly FindingRecord[], acknowledgement: Acknowledgement | null): Contents {
  const files = [payloadFile('payload/findings.jsonl', 'finding/1', findings)];
  if (acknowledgement) files.push(payloadFile('payload/acknowledgement.json', 'acknowledgement/1', [acknowledgement]));
  return { files, counts: { findings: findings.length, acknowledged: acknowledgement !== null } };
}
