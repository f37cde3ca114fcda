// Messages between the district screens and the district worker. Each request carries an id and is
// answered once (verified, checked or failed) after any number of progress messages.
import type { Kind } from '../../domain/bundle/statement';
import type { TrustList } from '../../domain/bundle/trust';
import type { DecryptionKey } from '../../domain/bundle/verify-files';
import type { CrossCheck, SchoolRef } from '../../domain/district/cross-check';
import type { Incoming, SchoolGrowth } from '../../domain/district/incoming';
import type { SchoolStaff } from '../../domain/staff/district';

export interface VerifyRequest {
  type: 'verify';
  file: Blob;
  trust: TrustList;
  decryptionKeys: DecryptionKey[];
  kinds: Kind[];
}
export interface CrossCheckRequest {
  type: 'cross-check';
  schools: { school: SchoolRef; roster: Blob }[];
  asOf: string;
  dismissed: string[];
}
/** One stored submission read again for its growth report (its follow-up list, or a summary stored before). */
export interface GrowthRequest {
  type: 'growth';
  file: Blob;
  trust: TrustList;
  decryptionKeys: DecryptionKey[];
}
/** One stored submission read again for its staff headcount and ratios (issue 21). */
export interface StaffRequest {
  type: 'staff';
  file: Blob;
  trust: TrustList;
  decryptionKeys: DecryptionKey[];
}
export type Request = (VerifyRequest | CrossCheckRequest | GrowthRequest | StaffRequest) & { id: number };

/** A verified file; the roster travels as JSON text, ready to be stored as a Blob. */
export type Verified = Omit<Incoming, 'roster'> & { roster: string | null };
export type Checked = CrossCheck & { unreadable: string[] };

export type Reply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'verified'; result: Verified }
  | { id: number; type: 'checked'; result: Checked }
  | { id: number; type: 'growth'; result: SchoolGrowth | null }
  | { id: number; type: 'staff'; result: SchoolStaff | null }
  | { id: number; type: 'failed'; message: string };
