// Children counted by two schools in different districts, found in SQL with the district check's rule codes
// and its twin-safe rules (src/domain/duplicates/find.ts): the same valid ID; or, for IDs that differ or are
// missing, the same birth date and normalised full name, or the same birth date, sex and normalised first
// name with surnames one edit apart. Siblings with other first names are never paired.
import type { DuckDBConnection } from '@duckdb/node-api';

export interface NationalDuplicate {
  rule: 'id.duplicate' | 'person.possible_duplicate';
  idNo: string;
  schools: [string, string];
  districts: [string, string];
  reason: string;
}
export interface NationalDuplicates {
  students: number;
  distinctStudents: number;
  duplicates: NationalDuplicate[];
}

export const PAIRS = `
  WITH c AS (SELECT * FROM counted_students),
  by_id AS (
    SELECT 'id.duplicate' AS rule, a.id_no, a.student_id AS student_a, b.student_id AS student_b, a.school AS school_a, b.school AS school_b, a.district AS district_a,
           b.district AS district_b, 'same-id' AS why, a.academic_year, a.round
    FROM c a JOIN c b ON a.id_no = b.id_no AND a.academic_year = b.academic_year AND a.round = b.round
    WHERE a.id_valid AND a.district < b.district),
  -- Two equi-joins, never a join on the birth date alone: 6.5 million children share about 5,000 birth dates,
  -- which would pair billions of rows before any name is compared.
  same_name AS (
    SELECT 'person.possible_duplicate' AS rule, a.id_no, a.student_id AS student_a, b.student_id AS student_b, a.school AS school_a, b.school AS school_b,
           a.district AS district_a, b.district AS district_b, 'same-name' AS why, a.academic_year, a.round
    FROM c a JOIN c b ON a.birth_date = b.birth_date AND a.name_key = b.name_key AND a.academic_year = b.academic_year AND a.round = b.round
    WHERE a.birth_date <> '' AND a.district < b.district AND NOT (a.id_valid AND a.id_no = b.id_no)),
  close_surname AS (
    SELECT 'person.possible_duplicate' AS rule, a.id_no, a.student_id AS student_a, b.student_id AS student_b, a.school AS school_a, b.school AS school_b,
           a.district AS district_a, b.district AS district_b, 'close-surname' AS why, a.academic_year, a.round
    FROM c a JOIN c b ON a.birth_date = b.birth_date AND a.sex = b.sex AND a.first_key = b.first_key AND a.academic_year = b.academic_year AND a.round = b.round
    WHERE a.birth_date <> '' AND a.district < b.district AND NOT (a.id_valid AND a.id_no = b.id_no)
      AND a.name_key <> b.name_key AND levenshtein(a.last_key, b.last_key) <= 1),
  by_person AS (SELECT * FROM same_name UNION ALL SELECT * FROM close_surname)
  SELECT * FROM by_id UNION ALL SELECT * FROM by_person
  ORDER BY academic_year, round, rule, district_a, district_b, school_a, school_b, id_no`;

export const REASONS: Record<string, string> = {
  'same-id': 'เลขประจำตัวเดียวกัน นับในสองเขตพื้นที่ (the same ID, counted in two districts)',
  'same-name': 'ชื่อ-นามสกุลและวันเกิดเดียวกัน (the same name and birth date)',
  'close-surname':
    'ชื่อ วันเกิด และเพศเดียวกัน นามสกุลต่างกันหนึ่งตัวอักษร (same first name, birth date and sex; surnames one letter apart)',
};

export async function nationalDuplicates(c: DuckDBConnection): Promise<NationalDuplicates> {
  const totals = await c.runAndReadAll(`
    SELECT count(*)::INTEGER AS students,
           (count(DISTINCT CASE WHEN id_valid THEN id_no END) + count(*) FILTER (WHERE NOT id_valid))::INTEGER AS distinct_students
    FROM counted_students`);
  const [row] = totals.getRowObjects() as { students: number; distinct_students: number }[];
  const pairs = (await c.runAndReadAll(PAIRS)).getRowObjects() as Record<string, string>[];
  return {
    students: row?.students ?? 0,
    // Counted once by a valid ID; children without one count each (a possible duplicate is not proof).
    distinctStudents: row?.distinct_students ?? 0,
    duplicates: pairs.map((p) => ({
      rule: p['rule'] as NationalDuplicate['rule'],
      idNo: p['id_no']!,
      schools: [p['school_a']!, p['school_b']!],
      districts: [p['district_a']!, p['district_b']!],
      reason: REASONS[p['why']!]!,
    })),
  };
}

/** Hive-partitioned Parquet of the counted students (academic_year=/round=/district=), schema in docs/national.md. */
export async function exportParquet(c: DuckDBConnection, dir: string): Promise<number> {
  const n = await c.runAndReadAll('SELECT count(*)::INTEGER AS n FROM counted_students');
  const escaped = dir.replaceAll("'", "''");
  await c.run(`COPY (SELECT academic_year, round, district, school, student_id, id_type, id_no, id_valid, prefix, first_name,
    last_name, sex, birth_date, grade, status, entered_on FROM counted_students)
    TO '${escaped}' (FORMAT parquet, PARTITION_BY (academic_year, round, district), OVERWRITE_OR_IGNORE)`);
  return (n.getRowObjects()[0] as { n: number }).n;
}
