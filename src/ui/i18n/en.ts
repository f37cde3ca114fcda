import type { MessageKey } from './th';
import { studentsEn } from './students.en';
import { usersEn } from './users.en';
import { movementsEn } from './movements.en';
import { confirmEn } from './confirm.en';
import { reportsEn } from './reports.en';
import { exchangeEn } from './exchange.en';
import { measureEn } from './measure.en';
import { districtEn } from './district.en';
import { cardEn } from './card.en';
import { bundlesEn } from './bundles.en';
import { reasonsEn } from './reasons.en';
import { districtReportsEn } from './district-reports.en';
import { nationalEn } from './national.en';
import { vaultEn } from './vault.en';
import { safetyEn } from './safety.en';
import { mergeEn } from './merge.en';
import { journeyEn } from './journey.en';
import { findingsEn } from './findings.en';
import { transferEn } from './transfer.en';
import { assetsEn } from './assets.en';
import { photosEn } from './photos.en';
import { screeningEn } from './screening.en';
import { staffEn } from './staff.en';
import { photoBundlesEn } from './photo-bundles.en';
import { sheetsEn } from './sheets.en';

// English is the second locale; a missing or extra key fails the type check.
const coreEn = {
  'app.name': 'Tabian',
  'app.tagline': 'Individual student register that works without internet',
  'app.loading': 'Opening the app…',
  'app.screen_loading': 'Opening this page…',
  'app.screen_failed': 'This page could not be opened. Please reload; everything saved is intact.',
  'app.skip': 'Skip to content',

  'setup.title': 'First-time set-up of this device',
  'setup.question': 'Where is this device used?',
  'setup.school': 'School',
  'setup.school.hint': 'Keep student records, confirm, certify and submit to the district office',
  'setup.district': 'District office (ESA)',
  'setup.district.hint': 'Receive school bundles, verify, merge and find duplicated students',
  'setup.back': 'Back',
  'setup.save': 'Save',
  'setup.saving': 'Saving…',
  'setup.fix_errors': 'Please correct the marked fields before saving',

  'school.section.identity': 'School',
  'school.section.address': 'School location',
  'school.moe_code': 'School code (10 digits)',
  'school.smis_code': 'SMIS code (8 digits)',
  'school.name_th': 'School name (Thai)',
  'school.name_en': 'School name (English)',
  'school.district_office': 'Educational service area office',
  'school.district_office.placeholder': 'e.g. Chiang Mai Primary ESA 1',
  'school.district_office_code': 'District office code (if known)',
  'school.director': "Director's name",
  'school.levels': 'Levels taught',
  'level.kindergarten': 'Kindergarten',
  'level.primary': 'Primary',
  'level.lower-secondary': 'Lower secondary',
  'level.upper-secondary': 'Upper secondary',
  'level.vocational': 'Vocational certificate',
  'address.house_no': 'Number',
  'address.moo': 'Moo',
  'address.road': 'Road/Soi',
  'address.province': 'Province',
  'address.district': 'District',
  'address.subdistrict': 'Subdistrict',
  'address.postcode': 'Postcode',
  'address.choose': '— choose —',
  'address.loading': 'Loading provinces, districts and subdistricts…',
  'gps.title': 'Location (GPS)',
  'gps.lat': 'Latitude',
  'gps.lon': 'Longitude',
  'gps.use_device': "Use this device's location",
  'gps.locating': 'Finding location…',
  'gps.from_device': 'From the device, accurate to about {m} m',
  'gps.denied': 'Location permission refused: please type the coordinates',
  'gps.unavailable': 'Location is unavailable now: please type the coordinates',
  'gps.optional': 'Optional: leave empty if not known yet',

  'district.code': 'District office code',
  'district.name': 'District office name',
  'district.name.placeholder': 'e.g. Chiang Mai Primary Educational Service Area Office 1',

  'rule.school.moe_code': 'The school code must be 10 digits',
  'rule.school.smis_code': 'The SMIS code must be 8 digits',
  'rule.school.name_th': 'Enter the school name in Thai',
  'rule.school.district_office': 'Enter the district office the school belongs to',
  'rule.school.director': "Enter the director's name",
  'rule.school.levels': 'Choose at least one level',
  'rule.address.province_missing': 'Choose the province',
  'rule.address.district_missing': 'Choose the district',
  'rule.address.subdistrict_missing': 'Choose the subdistrict',
  'rule.address.postcode': 'The postcode must be 5 digits',
  'rule.gps.outside_thailand': 'These coordinates are outside Thailand (latitude 5–21, longitude 97–106)',
  'rule.gps.incomplete': 'Enter both latitude and longitude, or leave both empty',
  'rule.district.code': 'The district office code must be 2–10 digits',
  'rule.district.name': 'Enter the district office name',
  'rule.invalid': 'This value is not valid',

  'nav.home': 'Home',
  'nav.students': 'Students',
  'nav.movements': 'Movements',
  'nav.measure': 'Weight & height',
  'nav.confirm': 'Confirm & certify',
  'nav.exchange': 'Export & import',
  'nav.reports': 'Reports',
  'nav.settings': 'Settings',
  'nav.schools': 'Schools',
  'nav.import': 'Import school bundles',
  'nav.duplicates': 'Duplicated students',
  'nav.menu': 'Menu',

  'notyet.title': 'Not available yet',
  'notyet.body':
    '“{place}” is still being built. Nothing on this page works yet; data saved elsewhere is not affected.',

  'home.year': 'Academic year {year!ce}',
  'home.rounds': 'DMC reporting rounds',
  'home.as_of': 'Data as of {date}',
  'home.window': 'Collection {opens} – {deadline}',
  'home.state.past': 'Past',
  'home.state.open': 'Collecting now',
  'home.state.upcoming': 'Upcoming',
  'home.next_deadline': 'Next deadline',
  'home.days_left': '{n} {n:day|days} left',
  'home.due_today': 'Due today',
  'home.today': 'Today {date}',
  'home.deadline_of': '{round}, academic year {year!ce}: due {date}',

  'settings.language': 'Language / ภาษา',
  'settings.storage': 'Storage on this device',
  'settings.persisted': 'The browser has promised not to delete the data by itself',
  'settings.not_persisted':
    'The browser has not promised to keep the data; it may delete it when the device runs low on space. Back up regularly.',
  'settings.persist_unknown': 'This browser does not report persistence',
  'settings.ask_persist': 'Ask to keep data permanently',
  'settings.usage': '{used} used of about {quota} the browser allows',
  'settings.usage_unknown': 'This browser does not report storage use',
  'settings.profile': 'This device',
  'settings.edit_profile': 'Edit school profile',
  'settings.device_kind': 'Used as',
  'settings.version': 'App version {version}',
  'settings.refresh': 'Check again',
  'settings.updated': 'Last saved {date}',

  'update.ready': 'A new version of the app is ready',
  'update.reload': 'Load new version',
  'update.later': 'Later',
  'update.unsaved': 'There is unsaved input: save it first, then load the new version',
  'offline.ready': 'The app now works offline',

  'ios.title': 'On iPhone/iPad: install the app before entering data',
  'ios.body':
    'Safari may delete the data of a site that is not installed after 7 days without use, and the installed app keeps its data apart from Safari. Tap “Share”, then “Add to Home Screen”, and open Tabian from its icon.',
  'ios.dismiss': 'Understood',

  'error.storage.full':
    "The device's storage is full, so this was not saved. Everything saved earlier is intact. Free some space and try again.",
  'error.storage.newer_version':
    'The data on this device was written by a newer version of the app. This version will not open it, to avoid damage. Reload the page to get the latest version.',
  'error.storage.unavailable':
    'The browser does not allow storing data (private mode?). Open the app in a normal window.',
  'error.storage.failed':
    'Reading or saving data on this device failed. Everything saved earlier is intact. Please try again.',
  'error.retry': 'Try again',

  'kind.school': 'School',
  'kind.district': 'District office',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.cancel': 'Cancel',
};

export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...studentsEn,
  ...usersEn,
  ...movementsEn,
  ...confirmEn,
  ...reportsEn,
  ...exchangeEn,
  ...cardEn,
  ...measureEn,
  ...districtEn,
  ...bundlesEn,
  ...vaultEn,
  ...safetyEn,
  ...mergeEn,
  ...journeyEn,
  ...findingsEn,
  ...transferEn,
  ...reasonsEn,
  ...districtReportsEn,
  ...photosEn,
  ...nationalEn,
  ...assetsEn,
  ...screeningEn,
  ...staffEn,
  ...photoBundlesEn,
  ...sheetsEn,
};
export { codeLabelsEn } from './codes.en';
