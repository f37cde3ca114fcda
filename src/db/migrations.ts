import type { Transaction } from 'dexie';

/**
 * Every schema version the database has had, oldest first. Additive only:
 * a store or index name, once released, is never reused for something else.
 */
export interface Migration {
  version: number;
  /** Dexie store definitions that this version adds or changes (null deletes a store). */
  stores: Record<string, string | null>;
  /** Rewrites rows written by the version before; runs inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
  why: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    why: 'first release: the device profile and key-value settings',
    stores: {
      // 'profile' holds one row, key 'device': the school's or district's set-up.
      profile: 'key',
      // Small per-device settings (locale, when persistence was asked, ...).
      settings: 'key',
    },
  },
  {
    version: 2,
    why: 'the student register: students, rooms, users with PINs, the audit log and dismissed duplicate pairs',
    stores: {
      // Whole student documents (schema student/1) plus bookkeeping; indexes serve the class list and ID look-ups.
      students: 'id, idNo, [grade+room], status',
      // Rooms exist before they have students; key is "grade/room".
      rooms: 'key, grade',
      users: 'id',
      // Written in the same transaction as the change it records.
      audit: 'id, recordId, at',
      // Pairs a user marked "not the same person".
      dismissedPairs: 'key',
    },
  },
  {
    version: 3,
    why: 'the school year and spreadsheets: movements, rounds, attendance, results, incoming list, import presets, ID corrections',
    stores: {
      // Transfers, withdrawals, dropouts, deaths, graduations: each dated and reversible.
      movements: 'id, studentId, effectiveOn, kind',
      // One row per academic year and round ("2569/term1"): window overrides, confirmation, certification, frozen snapshot.
      rounds: 'key, academicYear',
      // Present/absent marks per room on a round's as-of date ("2569/term1/04/1").
      attendance: 'key, [academicYear+round]',
      // Year-end result per student ("2569/<studentId>").
      results: 'key, academicYear, studentId',
      // Applicants for the next academic year, kept out of the year-end data.
      incoming: 'id, academicYear',
      // Column mappings the user saved for spreadsheets of an unknown layout.
      importPresets: 'id',
      // ID-correction requests to the district, with their evidence files.
      corrections: 'id, studentId, status',
    },
  },
  {
    version: 4,
    why: 'measurement days, signing keys and trust, bundles in and out, sync operations, the district office',
    stores: {
      // One weight/height reading of one student on one measurement session.
      measurements: 'id, studentId, sessionId, measuredOn',
      // A measurement day in one room: date, who measured, on which device.
      measureSessions: 'id, date',
      // This device's own key pairs (device, users, district); private keys non-extractable or PIN-wrapped.
      keys: 'keyid, role, userId',
      // Public keys this device trusts (tabian-trust/1 entries), per school.
      trust: 'keyid, school',
      // Bundles written or accepted, kept whole: one row per bundle, never one per student.
      bundles: 'id, [school+kind], direction, status',
      // The district's list of schools.
      districtSchools: 'code, smis',
      // Field-level edit operations with hybrid logical clocks, for tablet-to-school sync.
      ops: 'id, recordId, hlc',
      // What a district flagged about this school's students, from findings bundles.
      findings: 'id, studentId, bundleId',
    },
  },
  {
    version: 5,
    why: 'encryption at rest: no index may hold personal data, so the students store loses its ID-number index',
    stores: {
      // ID numbers are sealed with the rest of the record; look-ups by ID run over the opened register.
      students: 'id, [grade+room], status',
    },
  },
  {
    version: 6,
    why: 'photos (the shared store of screenings, buildings and sites) and poor-student screenings',
    stores: {
      // One picture with its thumbnail; only the owner and the size are clear (decision 0028).
      photos: 'id, [owner.kind+owner.id], size',
      // One แบบ นร./กสศ.01 per student per academic year (id "2569/<studentId>", decision 0029).
      screenings: 'id, academicYear, studentId',
    },
  },
  {
    version: 7,
    why: 'the staff roster (EMIS personnel, sealed: it holds personal data) and the school technology records',
    stores: {
      // One person a row (staff/1); only the key is clear, everything else sealed with the vault.
      staff: 'id',
      // One technology/1 record per as-of date; counts and connections, no personal data.
      technology: 'asOf',
    },
  },
  {
    version: 8,
    why: 'land, buildings and equipment (B-OBEC / OBEC-Asset survey and the ครุภัณฑ์ counts), each survey confirmed and certified',
    stores: {
      // The school site as surveyed in each academic year (key: the year, BE).
      sites: 'year',
      // One row per building per survey year ("2569/<id>"): last year's rows stay as the survey's "before".
      buildings: 'key, year',
      // One equipment/1 count per count date.
      equipmentCounts: 'countedOn',
      // Confirmation and certification of each survey ("2569/buildings", "equipment/2026-10-01").
      assetSurveys: 'key',
    },
  },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
