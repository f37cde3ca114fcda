import type { vaultTh } from './vault.th';

export const vaultEn: Record<keyof typeof vaultTh, string> = {
  'error.storage.locked':
    'Personal data on this device is encrypted and nobody is signed in. Sign in with your PIN and try again. Everything saved is intact.',
  'error.storage.damaged':
    "Some data on this device does not open with the school's key (altered or damaged). Restore the latest backup.",
  'vault.title': 'Encryption of personal data',
  'vault.intro':
    "Students' ID numbers, names, addresses, family data, income and health are stored encrypted (AES-GCM) and open only after sign-in with a PIN. Someone who copies the database without a PIN cannot read personal data.",
  'vault.on': 'Encryption is on',
  'vault.off': 'Not encrypted: personal data is stored readable on this device',
  'vault.pin_hint':
    'Longer PINs are safer: a PIN has at least 6 digits, and 8 digits are a hundred times harder to guess than 6.',
  'vault.enable': 'Turn encryption on',
  'vault.disable': 'Turn encryption off',
  'vault.confirm_pin': 'Enter your PIN to confirm',
  'vault.keep_on': 'Keep encryption on',
  'vault.confirm_disable': 'With encryption off, personal data is stored readable on this device. Turn it off?',
  'vault.working': 'Rewriting data {done} / {total}…',
  'vault.enabled_done': 'Encryption is on',
  'vault.disabled_done': 'Encryption is off',
  'vault.others':
    'Other users ({names}) can sign in once an administrator sets a new PIN for them under “Users” on this page.',
  'vault.wrong_pin': 'Wrong PIN',
  'vault.no_wrap':
    'Data on this device is encrypted and you have not been given access yet. Ask the registrar or the director to set a new PIN for you.',
  'vault.wrong_key': 'This PIN does not open the data key. Ask the registrar or the director to set a new PIN for you.',
  'vault.passkey':
    'The PIN is right, but your passkey did not confirm. Try again and use your passkey when the device asks. If the passkey is lost, ask an administrator to set a new PIN for you.',
  'passkey.title': 'Passkey as a second factor',
  'passkey.intro':
    'Optional: with a passkey, opening the data on this device needs both your PIN and the passkey (fingerprint, face or a USB key). Someone who copies the database and guesses the PIN still cannot open it without the passkey.',
  'passkey.unavailable':
    'This browser or device has no passkey with PRF, so the PIN alone stays in use, protected as described.',
  'passkey.on': 'PIN and passkey in use',
  'passkey.off': 'PIN only',
  'passkey.add': 'Add a passkey',
  'passkey.remove': 'Stop using the passkey',
  'passkey.confirm_pin': 'Enter your PIN, then use your passkey when the device asks',
  'passkey.added': 'Passkey added. From the next sign-in, the device asks for the passkey after the PIN.',
  'passkey.removed': 'Passkey removed. Sign in with the PIN alone.',
  'passkey.lost_hint':
    'Lost the passkey? An administrator sets you a new PIN under “Users”, which removes the passkey.',
  'passkey.wrong_pin': 'Wrong PIN',
  'passkey.no_prf': 'This passkey has no PRF, so it cannot be a second factor. Nothing changed.',
  'passkey.cancelled': 'The passkey did not confirm. Nothing changed.',
  'passkey.locked': 'Please sign in again first, then try again.',
  'vault.sealing': 'Encrypting restored data {done} / {total}…',
  'setup.restore': 'Restore from a backup file',
  'setup.restore.hint': 'A new device, or one that was wiped: bring the school back from a .tabian file',
  'setup.restore.body':
    "Choose the backup file and enter its passphrase. After restoring, sign in with the PIN the user had in the backup. The old device's own signing key does not come along: this device makes its own, to be enrolled with the district again.",
  'users.reset_pin': 'New PIN',
  'users.reset_pin_for': 'New PIN for {name}',
  'users.reset_pin_done': 'New PIN set for {name}',
};
