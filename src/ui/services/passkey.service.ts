// Settings → passkey (decision 26): an optional second factor. A passkey whose authenticator has the
// WebAuthn PRF extension gives 32 secret bytes for a fixed input; mixed with the PIN key (HKDF), they wrap
// the user's copy of the data key, so a copied database plus a guessed PIN opens nothing without the
// passkey. Never required; removed with the PIN and the passkey, or by an administrator's new PIN.
import { appDb } from '../../db/database';
import { getUser } from '../../db/user-repo';
import { addUserWrap, loadVaultSetting, type PasskeyPrompt } from '../../db/vault-repo';
import { openKey } from '../../db/vault';
import { checkPin } from '../../domain/access/pin';
import { fromBase64, toBase64 } from '../../domain/bundle/bytes';
import { passkeyOf, unwrapDataKey, type PasskeyRequest } from '../../domain/vault/data-key';
import { session } from '../state/session.svelte';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const TIMEOUT = 120_000;

/** What the browser's types do not spell yet: the PRF extension's inputs and outputs. */
interface PrfOutputs {
  prf?: { enabled?: boolean; results?: { first?: BufferSource } };
}
const prfInput = (salt: Uint8Array) =>
  ({ prf: { eval: { first: salt as Uint8Array<ArrayBuffer> } } }) as AuthenticationExtensionsClientInputs;
const prfOf = (cred: Credential | null): Uint8Array | null => {
  const first = ((cred as PublicKeyCredential | null)?.getClientExtensionResults() as PrfOutputs | undefined)?.prf
    ?.results?.first;
  if (!first) return null;
  return first instanceof ArrayBuffer
    ? new Uint8Array(first)
    : new Uint8Array(first.buffer, first.byteOffset, first.byteLength);
};

/**
 * Whether this browser may offer a passkey with PRF: WebAuthn is there and, where the browser can say,
 * it has the PRF extension. (Whether the chosen authenticator has it shows only when one is made.)
 */
export async function passkeySupported(): Promise<boolean> {
  if (typeof PublicKeyCredential === 'undefined' || !navigator.credentials || !window.isSecureContext) return false;
  const caps = (PublicKeyCredential as unknown as { getClientCapabilities?: () => Promise<Record<string, boolean>> })
    .getClientCapabilities;
  if (!caps) return true;
  try {
    return (await caps())['extension:prf'] !== false;
  } catch {
    return true;
  }
}

/** The PRF output of the passkey a wrap names; null when the user cancels or the passkey gives none. */
export const askPasskey: PasskeyPrompt = async (request: PasskeyRequest) => {
  const [id, salt] = [fromBase64(request.credentialId), fromBase64(request.prfSalt)];
  if (!id || !salt || !navigator.credentials) return null;
  try {
    const cred = await navigator.credentials.get({
      publicKey: {
        challenge: random(32),
        timeout: TIMEOUT,
        userVerification: 'preferred',
        allowCredentials: [{ type: 'public-key', id }],
        extensions: prfInput(salt),
      },
    });
    return prfOf(cred);
  } catch {
    return null;
  }
};

export interface PasskeyState {
  supported: boolean;
  enrolled: boolean;
}

export async function passkeyState(): Promise<PasskeyState> {
  const id = session.user?.id;
  const setting = await loadVaultSetting(appDb());
  return { supported: await passkeySupported(), enrolled: !!id && passkeyOf(setting?.wraps[id]) !== null };
}

export type PasskeyChange =
  | { ok: true }
  | { ok: false; problem: 'passkey.wrong_pin' | 'passkey.no_prf' | 'passkey.cancelled' | 'passkey.locked' };

async function pinKeyOf(pin: string): Promise<{ userId: string; name: string; pinKey: Uint8Array } | null> {
  const id = session.user?.id;
  const user = id ? await getUser(appDb(), id) : null;
  const match = user && (await checkPin(pin, user.pin));
  return user && match && 'pinKey' in match ? { userId: user.id, name: user.name, pinKey: match.pinKey } : null;
}

/** Makes a passkey for the signed-in user and rewraps their data key under the PIN and it. */
export async function addPasskey(pin: string): Promise<PasskeyChange> {
  const who = await pinKeyOf(pin);
  if (!who) return { ok: false, problem: 'passkey.wrong_pin' };
  const open = openKey();
  if (!open) return { ok: false, problem: 'passkey.locked' };
  open.fill(0);
  const prfSalt = random(32);
  let created: Credential | null;
  try {
    created = await navigator.credentials.create({
      publicKey: {
        rp: { name: 'Tabian' },
        user: { id: random(16), name: who.name, displayName: who.name },
        challenge: random(32),
        timeout: TIMEOUT,
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { userVerification: 'preferred', residentKey: 'discouraged' },
        extensions: prfInput(prfSalt),
      },
    });
  } catch {
    return { ok: false, problem: 'passkey.cancelled' };
  }
  if (!created) return { ok: false, problem: 'passkey.cancelled' };
  const request = {
    credentialId: toBase64(new Uint8Array((created as PublicKeyCredential).rawId)),
    prfSalt: toBase64(prfSalt),
  };
  // Some authenticators give the PRF output only when the passkey is used, not when it is made.
  const prf = prfOf(created) ?? (await askPasskey(request));
  if (!prf) return { ok: false, problem: 'passkey.no_prf' };
  await addUserWrap(appDb(), who.userId, who.pinKey, { ...request, prf });
  return { ok: true };
}

/** Back to the PIN alone: the PIN and the passkey must both open the current wrap first. */
export async function removePasskey(pin: string, prompt: PasskeyPrompt = askPasskey): Promise<PasskeyChange> {
  const who = await pinKeyOf(pin);
  if (!who) return { ok: false, problem: 'passkey.wrong_pin' };
  const wrap = (await loadVaultSetting(appDb()))?.wraps[who.userId];
  const request = passkeyOf(wrap);
  if (!wrap || !request) return { ok: true };
  const prf = await prompt(request);
  const key = prf && (await unwrapDataKey(wrap, { pin, pinKey: who.pinKey, prf }));
  if (!key) return { ok: false, problem: 'passkey.cancelled' };
  key.fill(0);
  await addUserWrap(appDb(), who.userId, who.pinKey);
  return { ok: true };
}
