import type { nationalTh } from './national.th';

export const nationalEn: Record<keyof typeof nationalTh, string> = {
  'above.title': 'Forward to the national or province office',
  'above.hint':
    "Every school's accepted bundle of this round, exactly as the school sent it (unchanged, so each school's signature still verifies at the other end), with the district's acknowledgements and findings, signed with the district key.",
  'above.national_key': 'Encrypted data can be opened only with the key of {name} (fingerprint {fingerprint}).',
  'above.no_national_key':
    'No national or province office key is enrolled: get its public key file, check the fingerprint with the sender by phone, then enrol the key file on the schools page.',
  'above.make': 'Make the file to forward',
  'above.reading': 'Reading bundle {done} of {total}…',
  'above.signing': 'Signing with the district key…',
  'above.made':
    'File made: {schools} schools, {submissions} bundles, {findings} findings files of the district (number {sequence})',
  'above.next': 'send this file to the national or province office',
  'above.problem.dexport.signed_out': 'Please sign in first.',
  'above.problem.dexport.no_key': 'This device has no district key yet: make or restore the district key first.',
  'above.problem.dexport.no_submissions': 'No bundle has been accepted for this round yet.',
  'above.problem.dexport.no_national_key':
    'Some bundles are encrypted to the district, but no national or province office key is enrolled, so they could not be read there.',
  'above.problem.dexport.key_cannot_open':
    'The district key on this device cannot open some bundles (they are encrypted to another district key).',
  'nfind.title': 'Findings from the national or province office: students another district counts too',
  'nfind.pick': 'Import a findings file from the national or province office',
  'nfind.reading': 'Checking the file…',
  'nfind.imported': 'Imported {n} findings (number {sequence})',
  'nfind.duplicate': 'This file was imported already: nothing changed.',
  'nfind.none': 'No findings from the national or province office for this round yet.',
  'nfind.empty': 'No student of this district is counted by another district too.',
  'nfind.col.school': 'Our school',
  'nfind.col.student': 'Student',
  'nfind.col.other': 'Also counted at (another district)',
  'nfind.col.reason': 'To check',
  'nfind.problem.nfind.no_profile': 'This device is not set up as a district office.',
  'nfind.problem.nfind.damaged': 'This file is damaged or was changed after it was signed, so it is not imported.',
  'nfind.problem.nfind.wrong_kind':
    'This is not a findings file from the national or province office (it is another kind of Tabian file).',
  'nfind.problem.nfind.untrusted':
    'This file is signed with a key not enrolled here: check its fingerprint with the office by phone and enrol its key file first.',
  'nfind.problem.nfind.other_district': "This file holds another district's findings.",
  'nfind.problem.nfind.chain':
    'An earlier findings file has not been imported, or a different file with the same number was: contact the sender.',
} as const;
