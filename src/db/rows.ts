// Every stored row's type, in one file that imports no repository: the database (database.ts) and the
// repositories both depend on it, never on each other for a type (issue 19). Records kept as the domain
// defines them (User, Movement, Measurement …) are stored as they are and have no row type of their own.
import type { Key } from '../domain/bundle/keys';
import type { Building, Site } from '../domain/assets/schema';
import type { WrappedKey } from '../domain/bundle/key-wrap';
import type { PinWrappedKey } from '../domain/bundle/pin-key-wrap';
import type { Act, KeyEntry, Kind, Role } from '../domain/bundle/statement';
import type { Operation } from '../domain/bundle/operation';
import type { TrustedKey } from '../domain/bundle/trust';
import type { HeldKey } from '../domain/vault/held-key';
import type { RoundId } from '../domain/calendar';
import type { GradeCode } from '../domain/codes';
import type { CorrectionRequest, Evidence } from '../domain/corrections/request';
import type { FindingReply } from '../domain/district/finding-reply';
import type { FindingRecord } from '../domain/district/findings-payload';
import type { IncomingReason } from '../domain/district/incoming';
import type { DistrictSchool } from '../domain/district/school-list';
import type { Photo } from '../domain/photo/schema';
import type { Screening } from '../domain/screening/schema';
import type { Staff } from '../domain/staff/schema';
import type { Student } from '../domain/student/schema';
import type { RoundRecord } from '../domain/year/round';
import type { YearStart } from '../domain/year/new-year';

export interface ProfileRow {
  key: 'device';
  value: unknown;
}
export interface SettingRow {
  key: string;
  value: unknown;
}
/** A student document as stored: the schema's fields plus when and how often it was saved. */
export type StudentRow = Student & { updatedAt: string; revision: number };
export interface RoomRow {
  key: string;
  grade: GradeCode;
  room: string;
}
export interface DismissedPairRow {
  key: string;
  at: string;
  userId: string;
}
/** A column mapping saved for a spreadsheet layout (src/io/spreadsheet/presets.ts checks the fields when used). */
/** A saved column mapping; `target` says which records it fills (none: students, as before staff could be imported). */
export interface ImportPresetRow {
  id: string;
  name: string;
  headers: string[];
  headerRow: number;
  columns: Record<string, string>;
  savedAt: string;
  target?: 'staff';
}
/** An ID-correction request with its evidence files' bytes (ArrayBuffers store alike in every browser). */
export type CorrectionRow = Omit<CorrectionRequest, 'evidence'> & { evidence: (Evidence & { bytes: ArrayBuffer })[] };
/** The rounds store holds each year's rounds and the record of the year's start ("2570/start"). */
export type RoundRow = RoundRecord | YearStart;

export interface KeyRow {
  keyid: string;
  role: Role;
  /** The user a person's key belongs to; null for a device's or the district's key. */
  userId: string | null;
  name: string;
  /** base64 SPKI of the public half. */
  spki: string;
  createdAt: string;
  /** Earlier releases only: a bare non-extractable ECDSA key (readable from the profile's files); null now. */
  signKey: Key | null;
  /** Earlier releases only: the district key's ECDH half, bare; null now. */
  decryptKey: Key | null;
  /** A device's or district's private key sealed under the data key (decision 26); absent on older rows. */
  held?: HeldKey | null;
  /** The private key wrapped by its owner's PIN key (or, before decision 20, PBKDF2 of a PIN); null for device keys. */
  wrapped: WrappedKey | PinWrappedKey | null;
  /** Set when a newer key replaced this one; kept so older bundles can still be opened. */
  retiredAt: string | null;
}

/** `file-unchecked`: a school's key file enrolled on the officer's word without comparing its fingerprint. */
export type TrustSource = 'file' | 'file-unchecked' | 'bundle' | 'list';

export type TrustRow = TrustedKey & {
  enrolledAt: string;
  /** Who enrolled it (a user's name), for the record. */
  enrolledBy: string;
  /** A key file, a first bundle after comparing fingerprints by phone, or an imported trust list. */
  source: TrustSource;
  revokedAt: string | null;
};

export type BundleStatus = 'accepted' | 'held' | 'rejected' | 'made';

export interface BundleRow {
  /** The statement's SHA-256 for a readable bundle; `file:<SHA-256 of the file>` for a rejected one. */
  id: string;
  bundleId: string | null;
  /** The statement's school code ('' when unreadable); for a rejected file, only what it claims. */
  school: string;
  smis: string;
  schoolName: string;
  kind: Kind | '';
  direction: 'in' | 'out';
  status: BundleStatus;
  /** chainKeyOf(statement): school|kind, plus the device key for sync. */
  chain: string;
  sequence: number | null;
  previous: string | null;
  academicYear: number | null;
  round: RoundId | null;
  asOf: string | null;
  createdAt: string | null;
  /** Signing keys (statement entries), so trust can be checked again after an enrolment. */
  keys: KeyEntry[];
  acts: Act[];
  reason: IncomingReason | null;
  detail: string | null;
  fileName: string;
  fileSha256: string;
  size: number;
  /**
   * The whole .tabian file: a Blob, so listing rows never loads the bytes (a district holds hundreds);
   * its bytes where personal data is sealed (a school's few bundles), since a cipher cannot read a Blob
   * inside a transaction. Read it with bundleFile().
   */
  file: Blob | Uint8Array;
  receivedAt: string;
  /** What the receiving side derived from the payload (district: a summary; school: an acknowledgement). */
  summary: unknown;
  /** The district's cross-check projection (JSON text); null elsewhere. */
  roster: Blob | null;
  /** A school's own submission: when and by whom it was marked as sent (a user's statement; absent before). */
  sent?: { at: string; by: string } | null;
}

export type DistrictSchoolRow = DistrictSchool & {
  /** A spreadsheet of the district's schools, or the first bundle of a school not on the list. */
  source: 'list' | 'bundle';
  updatedAt: string;
};

export type FindingRow = FindingRecord & {
  /** The findings bundle's statement SHA-256 (its bundles row). */
  bundleId: string;
  academicYear: number;
  round: RoundId | null;
  receivedAt: string;
  /** The school's answer (decision 18); kept when a newer findings bundle lists the same finding again. */
  reply?: FindingReply | null;
};

/** A stored operation: its fields plus a stable id (device, clock, field), so the same op twice is one row. */
export type OpRow = Operation & { id: string };

/** A photo as stored: the record plus its size in bytes (indexed, for totals without opening rows). */
export type PhotoRow = Photo & { size: number };
/** A screening as stored: the record plus when and by whom it was last saved. */
export type ScreeningRow = Screening & { updatedAt: string; updatedBy: string };
/** The school site as surveyed in one academic year (BE). */
export interface SiteRow {
  year: number;
  site: Site;
  updatedAt: string;
}
/** One building in one survey year; key "year/id". */
export interface BuildingRow {
  key: string;
  year: number;
  building: Building;
  updatedAt: string;
}
/** A roster record as stored: the schema's fields plus who saved it last and when. */
export type StaffRow = Staff & { updatedAt: string; updatedBy: string };
