// A key file someone hands over: one public key (tabian-public-key/1) or a whole trust list
// (tabian-trust/1). Each key is checked to be a P-256 key named by its own SHA-256 before it is enrolled.
import { fromBase64 } from '../bundle/bytes';
import { importPublicKey, keyIdOf } from '../bundle/keys';
import { publicKeyFileSchema, trustListSchema, type KeyOffice, type TrustedKey } from '../bundle/trust';

export type KeyFileProblem = 'keyfile.not_json' | 'keyfile.format' | 'keyfile.mismatch';
/** `office`: the district office named in a district key's file (decision 0025); null in older files. */
export type KeyFileRead =
  | { ok: true; keys: TrustedKey[]; kind: 'public-key' | 'trust-list'; office: KeyOffice | null }
  | { ok: false; problem: KeyFileProblem };

async function genuine(key: TrustedKey): Promise<boolean> {
  const spki = fromBase64(key.spki);
  if (!spki || (await keyIdOf(spki)) !== key.keyid) return false;
  return importPublicKey(spki, 'verify').then(
    () => true,
    () => false,
  );
}

export async function readKeyFile(text: string): Promise<KeyFileRead> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'keyfile.not_json' };
  }
  const one = publicKeyFileSchema.safeParse(json);
  const list = one.success ? null : trustListSchema.safeParse(json);
  let keys: TrustedKey[];
  if (one.success) {
    const { format: _format, fingerprint: _fingerprint, office: _office, ...key } = one.data;
    keys = [key];
  } else if (list?.success) keys = list.data.keys;
  else return { ok: false, problem: 'keyfile.format' };
  for (const key of keys) if (!(await genuine(key))) return { ok: false, problem: 'keyfile.mismatch' };
  const office = one.success && one.data.role === 'district' ? (one.data.office ?? null) : null;
  return { ok: true, keys, kind: one.success ? 'public-key' : 'trust-list', office };
}
