// Settings → การเข้ารหัสข้อมูลส่วนบุคคล: whether personal data is sealed on this device, turning it on or
// off (the signed-in administrator's PIN confirms), and who still needs a new PIN to open it.
import { appDb } from '../../db/database';
import { getUser, listUsers } from '../../db/user-repo';
import { disableVault, enableVault, loadVaultSetting } from '../../db/vault-repo';
import { checkPin } from '../../domain/access/pin';
import { session } from '../state/session.svelte';

export interface VaultInfo {
  enabled: boolean;
  withoutAccess: string[];
}

export async function vaultInfo(): Promise<VaultInfo> {
  const [setting, users] = await Promise.all([loadVaultSetting(appDb()), listUsers(appDb())]);
  if (!setting?.enabled) return { enabled: false, withoutAccess: [] };
  return { enabled: true, withoutAccess: users.filter((u) => u.active && !setting.wraps[u.id]).map((u) => u.name) };
}

export type VaultChange = { ok: true } | { ok: false; problem: 'vault.wrong_pin' };
type Progress = (done: number, total: number) => void;

async function confirmedUser(pin: string) {
  const id = session.user?.id;
  const user = id ? await getUser(appDb(), id) : null;
  const match = user && (await checkPin(pin, user.pin));
  // A signed-in user's PIN was upgraded at sign-in, so a match gives the PIN key.
  return user && match && 'pinKey' in match ? { user, pinKey: match.pinKey } : null;
}

export async function turnVaultOn(pin: string, onProgress?: Progress): Promise<VaultChange> {
  const confirmed = await confirmedUser(pin);
  if (!confirmed) return { ok: false, problem: 'vault.wrong_pin' };
  await enableVault(appDb(), confirmed.user.id, confirmed.pinKey, onProgress);
  return { ok: true };
}

export async function turnVaultOff(pin: string, onProgress?: Progress): Promise<VaultChange> {
  if (!(await confirmedUser(pin))) return { ok: false, problem: 'vault.wrong_pin' };
  await disableVault(appDb(), onProgress);
  return { ok: true };
}
