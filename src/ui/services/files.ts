// One place for handing a file over to the user: share it to another app where the browser can (Web Share
// with files: LINE, e-mail, Drive), else save it where the user chooses (File System Access), else
// download it. Share and the save picker need a tap (user activation), so a screen offers them as buttons
// and downloads at once only where nothing better exists. The browser's APIs come in as an environment,
// so tests hand in fakes.
import { blobBytes } from '../../db/blob-bytes';
import { download } from './export.service';

export type HandOverWay = 'share' | 'save' | 'download';
export type HandOverOutcome = 'done' | 'cancelled';

export interface OutFile {
  bytes: Uint8Array;
  name: string;
  type: string;
}

interface Writable {
  write(data: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
}
interface SavePickerOptions {
  suggestedName: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}

export interface FileEnv {
  canShare: ((data: { files: File[] }) => boolean) | null;
  share: ((data: { files: File[]; title: string }) => Promise<void>) | null;
  showSaveFilePicker: ((opts: SavePickerOptions) => Promise<{ createWritable(): Promise<Writable> }>) | null;
  download: (bytes: Uint8Array, name: string, type: string) => void;
}

type PickerWindow = { showSaveFilePicker?: FileEnv['showSaveFilePicker'] };

export function browserFileEnv(): FileEnv {
  const nav = typeof navigator === 'undefined' ? null : navigator;
  const win = (typeof window === 'undefined' ? {} : window) as PickerWindow;
  return {
    canShare: typeof nav?.canShare === 'function' ? (d) => nav.canShare(d) : null,
    share: typeof nav?.share === 'function' ? (d) => nav.share(d) : null,
    showSaveFilePicker: typeof win.showSaveFilePicker === 'function' ? (o) => win.showSaveFilePicker!(o) : null,
    download,
  };
}

const asFile = (f: OutFile): File => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: f.type });

/** The ways this browser can hand the file over, best first; download is always there. */
export function waysFor(file: OutFile, env: FileEnv = browserFileEnv()): HandOverWay[] {
  const ways: HandOverWay[] = [];
  try {
    if (env.share && env.canShare?.({ files: [asFile(file)] })) ways.push('share');
  } catch {
    // canShare throws on some browsers for unknown types: no sharing there.
  }
  if (env.showSaveFilePicker) ways.push('save');
  ways.push('download');
  return ways;
}

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/**
 * Hands the file over one way. The user closing the share sheet or the picker is `cancelled`; a share
 * or save that fails otherwise falls back to a download, so the file is never lost.
 */
export async function handOver(
  file: OutFile,
  way: HandOverWay,
  env: FileEnv = browserFileEnv(),
): Promise<{ way: HandOverWay; outcome: HandOverOutcome }> {
  try {
    if (way === 'share' && env.share) {
      await env.share({ files: [asFile(file)], title: file.name });
      return { way, outcome: 'done' };
    }
    if (way === 'save' && env.showSaveFilePicker) {
      const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.')) : '';
      const handle = await env.showSaveFilePicker({
        suggestedName: file.name,
        types: ext ? [{ description: file.name, accept: { [file.type]: [ext] } }] : undefined,
      });
      const writable = await handle.createWritable();
      await writable.write(file.bytes as Uint8Array<ArrayBuffer>);
      await writable.close();
      return { way, outcome: 'done' };
    }
  } catch (e) {
    if (isAbort(e)) return { way, outcome: 'cancelled' };
  }
  env.download(file.bytes, file.name, file.type);
  return { way: 'download', outcome: 'done' };
}

/** The message key saying what happened and what to do next, in one sentence. */
export function handOverMessage(r: {
  way: HandOverWay;
  outcome: HandOverOutcome;
}): 'files.shared' | 'files.saved' | 'files.downloaded' | 'files.cancelled' {
  if (r.outcome === 'cancelled') return 'files.cancelled';
  return r.way === 'share' ? 'files.shared' : r.way === 'save' ? 'files.saved' : 'files.downloaded';
}

/** A stored file's bytes: as they are, or read from the Blob. */
export async function bytesOf(file: Blob | Uint8Array): Promise<Uint8Array> {
  return ArrayBuffer.isView(file) ? file : new Uint8Array(await blobBytes(file));
}
