import type { photosTh } from './photos.th';

export const photosEn: Record<keyof typeof photosTh, string> = {
  'photos.take': 'Take a photo',
  'photos.retake': 'Take again',
  'photos.choose': 'Choose a file',
  'photos.delete': 'Delete photo',
  'photos.deleted': 'Photo deleted',
  'photos.undo': 'Undo',
  'photos.compressing': 'Making the photo smaller…',
  'photos.thumb_alt': '{label}, taken {date}',
  'photos.not_a_picture':
    'This file cannot be opened as a picture. Take the photo again, or choose a JPEG or PNG file.',
  'photos.compress_failed': 'The photo could not be made smaller. Please try again.',
  'photos.storage_full':
    "The device's storage is full, so this photo is not saved yet, but it is kept on this page. Delete files or apps you do not use, then tap “Save the photo again” (do not close this page).",
  'photos.retry': 'Save the photo again',
  'photos.drop': 'Do not use this photo',
  'photos.usage': '{count} {count:photo|photos} use {size}',
  'photos.usage_none': 'No photos on this device yet',
};
