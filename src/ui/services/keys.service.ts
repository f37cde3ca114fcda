// The district's own key pair: made once on this PC, kept sealed under the data key (it signs and opens
// submissions only while an officer is signed in, decision 26), backed up under a passphrase at that
// moment, handed to schools as a public key file (tabian-public-key/1). A key stored by an earlier release
// as a bare CryptoKey keeps working (`bare`) until it is brought back from that backup: same key, same fingerprint.
import { appDb } from '../../db/database';
import { activeKey, createDeviceKey, isBare, restoreDistrictKey, type KeyRow } from '../../db/key-repo';
import { loadProfile } from '../../db/profile-repo';
import { fingerprintOf } from '../../domain/bundle/keys';
import { wrappedKeySchema, type WrappedKey } from '../../domain/bundle/key-wrap';
import { publicKeyFile, type PublicKeyFile } from '../../domain/bundle/trust';
import { download } from './export.service';

const JSON_TYPE = 'application/json';
/** Long enough that the backup file alone does not give the key away; the app says so beside the field. */
export const MIN_PASSPHRASE = 10;

/** `bare`: stored by an earlier release as a readable CryptoKey; restoring it from its backup file protects it. */
export interface DistrictKeyInfo {
  keyid: string;
  fingerprint: string;
  spki: string;
  name: string;
  createdAt: string;
  bare: boolean;
}

const infoOf = (row: KeyRow): DistrictKeyInfo => ({
  keyid: row.keyid,
  fingerprint: fingerprintOf(row.keyid),
  spki: row.spki,
  name: row.name,
  createdAt: row.createdAt,
  bare: isBare(row),
});

async function districtName(): Promise<{ code: string; name: string }> {
  const profile = await loadProfile(appDb());
  if (profile?.kind !== 'district') throw new Error('this device is not set up as a district office');
  return { code: profile.code, name: profile.name };
}

export async function districtKeyInfo(): Promise<DistrictKeyInfo | null> {
  const row = await activeKey(appDb(), 'district');
  return row ? infoOf(row) : null;
}

const fileBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n');

/** Makes the district key and downloads its passphrase-wrapped backup, the only copy that can ever exist. */
export async function createDistrictKey(passphrase: string, now: Date = new Date()): Promise<DistrictKeyInfo> {
  if (passphrase.length < MIN_PASSPHRASE) throw new RangeError('passphrase too short');
  const { code, name } = await districtName();
  const { row, backup } = await createDeviceKey(appDb(), { role: 'district', name, now, backupSecret: passphrase });
  download(fileBytes(backup), `กุญแจเขต-${code}-สำรอง-เก็บเป็นความลับ.json`, JSON_TYPE);
  return infoOf(row);
}

export type RestoreProblem = 'backup.format' | 'backup.passphrase';

export async function restoreFromBackup(
  file: Blob,
  passphrase: string,
  now: Date = new Date(),
): Promise<{ ok: true; key: DistrictKeyInfo } | { ok: false; problem: RestoreProblem }> {
  let backup: WrappedKey;
  try {
    backup = wrappedKeySchema.parse(JSON.parse(await file.text()));
  } catch {
    return { ok: false, problem: 'backup.format' };
  }
  const { name } = await districtName();
  const row = await restoreDistrictKey(appDb(), backup, passphrase, { name, now });
  return row ? { ok: true, key: infoOf(row) } : { ok: false, problem: 'backup.passphrase' };
}

/** The file schools import to encrypt to the district and to trust its findings. */
export async function districtPublicKeyFile(): Promise<PublicKeyFile | null> {
  const row = await activeKey(appDb(), 'district');
  if (!row) return null;
  // The office's code and name travel with the key: a school that enrols it fills them into its submissions.
  const profile = await loadProfile(appDb());
  const office = profile?.kind === 'district' ? { code: profile.code, name: profile.name } : undefined;
  return publicKeyFile(
    { keyid: row.keyid, alg: 'ES256', spki: row.spki, role: 'district', name: row.name, school: null },
    office,
  );
}

export async function downloadPublicKeyFile(): Promise<string | null> {
  const file = await districtPublicKeyFile();
  if (!file) return null;
  const { code } = await districtName();
  const name = `กุญแจสาธารณะเขต-${code}.tabian-key.json`;
  download(fileBytes(file), name, JSON_TYPE);
  return name;
}
