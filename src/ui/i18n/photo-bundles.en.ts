import type { photoBundlesTh } from './photo-bundles.th';

export const photoBundlesEn: Record<keyof typeof photoBundlesTh, string> = {
  'pbundle.sync_exported':
    'Saved {files} {files:file|files} ({n} edits, {photos} {photos:photo|photos}). Give every file to the main device, in order',
  'pbundle.sync_accepted': 'Received {n} edits and {photos} {photos:photo|photos}',
  'pbundle.sync_import_many': 'You may pick several files; they are imported in the order of their numbers',

  'pbundle.title': 'Full records for the district (when it asks)',
  'pbundle.intro':
    'The district normally receives only the screening counts and building thumbnails. Make this file only when the district asks for the full records',
  'pbundle.pick_screenings':
    'All poor-student screenings of academic year {year!ce}: {n} {n:student|students}, with {photos} {photos:photo|photos}',
  'pbundle.pick_buildings':
    'Full-size photos of buildings and the site: {photos} {photos:photo|photos} ({n} {n:building|buildings})',
  'pbundle.size': 'Many photos are split into several files of at most 16 MB each; send the district every file',
  'pbundle.make': 'Make the full-records file for the district…',
  'pbundle.warn_title': 'This will leave the school',
  'pbundle.warn_screenings':
    'Names, citizen ID numbers, household members’ incomes, home addresses and GPS, signatures and home photos of {n} {n:student|students}',
  'pbundle.warn_buildings': 'Full-size photos of the school’s buildings and site: {photos}',
  'pbundle.warn_key':
    'The file is encrypted so that only the district key (fingerprint {fingerprint}) opens it, and it is signed by the officer and the director, like a round submission',
  'pbundle.agree': 'I understand, make the file',
  'pbundle.pin_staff': 'PIN of {name} (confirms)',
  'pbundle.pin_director': 'PIN of {name} (director, certifies)',
  'pbundle.building': 'Making and encrypting the file…',
  'pbundle.done': 'Saved {n} {n:file|files}: {names}. Send every file to the district',
  'pbundle.problem.full.no_profile': 'The school is not set up yet',
  'pbundle.problem.full.no_district':
    'The district key is not enrolled yet, so no file can be encrypted to the district (Settings → keys)',
  'pbundle.problem.full.no_director': 'A director must be a user on this device to certify the file',
  'pbundle.problem.full.nothing': 'There are no screenings or building photos this year yet',

  'pbundle.d_title': 'Full records sent by schools (screenings and photos)',
  'pbundle.d_none':
    'No school has sent full records yet. Import their files on the Import page, like round submissions',
  'pbundle.d_line': '{name}, academic year {year!ce} ({parts} {parts:file|files})',
  'pbundle.d_view': 'View screenings and photos',
  'pbundle.d_hide': 'Close',
  'pbundle.d_opening': 'Decrypting and opening…',
  'pbundle.d_unreadable': '{n} {n:file|files} could not be opened (no matching district key)',
  'pbundle.d_screenings': 'Screenings: {n} {n:student|students}',
  'pbundle.d_student': 'Student',
  'pbundle.d_members': 'Members',
  'pbundle.d_per_person': 'Income a person a month (baht)',
  'pbundle.d_under': 'At most 3,000 baht',
  'pbundle.d_photos': 'Photos',
  'pbundle.d_buildings': 'Buildings: {n}',
  'pbundle.d_site': 'Site',
  'pbundle.d_link': 'View the full-size building photos schools sent',
  'pbundle.d_photo_alt': '{owner}: {slot}, taken {date}',
  'pbundle.yes': 'Yes',
  'pbundle.no': 'No',
};
