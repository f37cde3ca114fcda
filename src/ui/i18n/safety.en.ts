import type { safetyTh } from './safety.th';

export const safetyEn: Record<keyof typeof safetyTh, string> = {
  'safety.label': 'Data safety',
  'safety.persisted': 'Storage is persistent',
  'safety.not_persisted': 'Data may be cleared',
  'safety.persist_unknown': 'Storage status unknown',
  'safety.persisted_hint': 'The browser will not clear the data on this device by itself',
  'safety.not_persisted_hint':
    'The browser may clear the data on this device when space runs low, so always keep a backup',
  'safety.last_backup': 'Last backup {date}',
  'safety.never': 'Never backed up',
  'safety.usage': '{percent}% of storage used',
  'safety.go_backup': 'Go to backup',
  'safety.more': 'More',
  'safety.less': 'Less',
  'safety.reminder.storage-full':
    'Storage on this device is full: new data cannot be saved. Everything saved so far is intact. Please back up, then free some space on the device',
  'safety.reminder.storage-nearly-full':
    'Storage is nearly full ({percent}% used). Please back up and free some space before saving a lot of data',
  'safety.reminder.not-persisted':
    'The browser may clear the data on this device when space runs low. Always keep a backup',
  'safety.reminder.never-backed-up': 'Never backed up, and {n} {n:record|records} are saved. Please make a backup',
  'safety.reminder.deadline':
    '{days} {days:day|days} to the {round} deadline of academic year {year!ce}. Please back up first',
  'safety.reminder.deadline_today': 'Today is the {round} deadline of academic year {year!ce}. Please back up first',
  'safety.reminder.many-changes': '{n} {n:change|changes} since the last backup. Please back up',
  'safety.reminder.backup-old': 'The last backup was {days} {days:day|days} ago and data changed since. Please back up',
};
