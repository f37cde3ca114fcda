// Entry names a bundle may hold: relative, '/'-separated, nothing that could climb out of a folder
// or mean something else on Windows when a user unpacks the file by hand.

/** Why a name is unsafe, or null. A trailing '/' (a folder entry) passes here and is an extra entry later. */
export function unsafeNameReason(name: string): string | null {
  if (name === '') return 'empty name';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'leading /';
  // Control characters hide parts of a name; ':' names a Windows drive or stream.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x3a) return 'control character or colon';
  }
  const segments = name.split('/');
  if (segments.at(-1) === '') segments.pop();
  for (const s of segments) {
    if (s === '..') return '..';
    if (s === '' || s === '.') return 'empty or "." segment';
  }
  return null;
}

/** Two names that one file system could store as the same file (case, Unicode form) collide. */
export const collisionKey = (name: string): string => name.normalize('NFC').toLowerCase();
