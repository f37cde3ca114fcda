import type { reasonsTh } from './reasons.th';

export const reasonsEn: Record<keyof typeof reasonsTh, string> = {
  'reason.sender.school': 'the school',
  'reason.sender.district': 'the district office',
  'reason.sender.device': 'the device that sent it',
  'reason.support': 'Code for support',
  'reason.zip.malformed': 'The file was damaged on the way or arrived incomplete: ask {sender} for a new copy',
  'reason.zip.limits':
    'The file is larger than a bundle can be, so it was not opened: ask {sender} for a new copy; if it happens again, tell support',
  'reason.zip.path':
    'The file holds an unsafe file name, so it was not opened: it was not made by Tabian; ask {sender} and tell support',
  'reason.zip.duplicate':
    'The file holds two copies of the same data and there is no telling which is real: ask {sender} for a new copy',
  'reason.envelope.missing': 'The file has no signed statement: ask {sender} for a file exported straight from Tabian',
  'reason.envelope.malformed':
    "The file's signed statement cannot be read; the file may be damaged: ask {sender} for a new copy",
  'reason.envelope.type': 'This is not a Tabian bundle: check you chose the right file, or ask {sender} for a new copy',
  'reason.statement.malformed':
    "The file's statement cannot be read; the file may be damaged: ask {sender} for a new copy",
  'reason.statement.format':
    'The file comes from a newer Tabian than this one: update the app (reload the page while online) and import it again',
  'reason.statement.schema':
    "The file's statement lacks required data: ask {sender} to export it again from the latest Tabian",
  'reason.key.invalid': "A signer's key in the file is unusable: ask {sender} for a new copy and tell support",
  'reason.signature.invalid':
    'A signature does not match the content: the file was changed after signing or is damaged. Not imported; ask {sender} for a new copy and whether anyone edited the file',
  'reason.attestation.unsigned':
    'An attestation is not signed by its own signer: ask {sender} to sign and send it again',
  'reason.attestation.role':
    'A signer attested in a role they do not hold (such as a teacher for the director): ask {sender} to have the right person sign and send it again',
  'reason.attestation.missing':
    "The teacher's confirmation or the director's certification is missing: ask {sender} to complete both and send it again",
  'reason.file.missing': 'Part of the data is missing from the file: ask {sender} for a new copy',
  'reason.file.size': 'The data in the file is incomplete or was changed after signing: ask {sender} for a new copy',
  'reason.file.hash':
    'The data in the file was changed after signing or is damaged. Not imported; ask {sender} for a new copy',
  'reason.file.extra': 'The file holds data that was not signed. Not imported; ask {sender} for a new copy',
  'reason.decrypt.key-missing':
    'The file is encrypted and this computer has no district key yet: create or restore the district key, then import it again',
  'reason.decrypt.recipient':
    "The file is encrypted to another key than this computer's district key: ask {sender} to import the district's latest public key and send it again",
  'reason.decrypt.failed': 'The file cannot be decrypted; it is damaged or was changed: ask {sender} for a new copy',
  'reason.file.schema':
    'The file holds data of a kind this version does not know: update the app and try again, or ask {sender} for a new copy',
  'reason.record.schema':
    'Some records in the file are malformed: ask {sender} to check the data in Tabian and send it again',
  'reason.record.count': 'The file holds a different number of records than it signed: ask {sender} for a new copy',
  'reason.key.untrusted':
    "The signer's key is not known here yet, so the file is held, not imported: phone {sender} on the number you already have, have them read the key's fingerprint, and enrol the key when it matches",
  'reason.chain.gap':
    'An earlier file from {sender} has not arrived, so this one is held: ask for the missing file and import it; this one follows by itself',
  'reason.chain.fork':
    'A different file with the same sequence was already imported. Not imported; phone {sender} to ask which file is right',
  'reason.kind.unexpected': 'This bundle is of another kind than is used here: check you chose the right file',
};
