import { describe, expect, it } from 'vitest';
import { handOver, handOverMessage, waysFor, type FileEnv } from '../../../src/ui/services/files';

const file = {
  bytes: new Uint8Array([1, 2, 3]),
  name: '1050130001-2569-term1-1.tabian',
  type: 'application/vnd.tabian.bundle',
};

/** A browser with the given APIs; every call is recorded. */
function fakeEnv(has: { share?: 'ok' | 'abort' | 'fail' | 'refuse'; save?: 'ok' | 'abort' | 'fail' }) {
  const calls: string[] = [];
  const written: Uint8Array[] = [];
  const abort = () => Object.assign(new Error('cancelled'), { name: 'AbortError' });
  const env: FileEnv = {
    canShare: has.share ? (d) => has.share !== 'refuse' && d.files[0]!.name === file.name : null,
    share: has.share
      ? async (d) => {
          calls.push(`share:${d.files[0]!.name}`);
          if (has.share === 'abort') throw abort();
          if (has.share === 'fail') throw new Error('NotAllowedError');
        }
      : null,
    showSaveFilePicker: has.save
      ? async (o) => {
          calls.push(`pick:${o.suggestedName}`);
          if (has.save === 'abort') throw abort();
          if (has.save === 'fail') throw new Error('disk full');
          return {
            createWritable: async () => ({
              write: async (b: Uint8Array) => void written.push(b),
              close: async () => void calls.push('close'),
            }),
          };
        }
      : null,
    download: (bytes, name) => void calls.push(`download:${name}:${bytes.length}`),
  };
  return { env, calls, written };
}

describe('handing a file over', () => {
  it('offers share, then save, then download, as far as the browser can', () => {
    expect(waysFor(file, fakeEnv({ share: 'ok', save: 'ok' }).env)).toEqual(['share', 'save', 'download']);
    expect(waysFor(file, fakeEnv({ save: 'ok' }).env)).toEqual(['save', 'download']);
    // A browser with Web Share that cannot share files (canShare says no) does not offer it.
    expect(waysFor(file, fakeEnv({ share: 'refuse' }).env)).toEqual(['download']);
    expect(waysFor(file, fakeEnv({}).env)).toEqual(['download']);
  });

  it('shares the file itself, by its name, and says so', async () => {
    const { env, calls } = fakeEnv({ share: 'ok', save: 'ok' });
    const r = await handOver(file, 'share', env);
    expect(r).toEqual({ way: 'share', outcome: 'done' });
    expect(calls).toEqual([`share:${file.name}`]);
    expect(handOverMessage(r)).toBe('files.shared');
  });

  it('writes the bytes where the user chose', async () => {
    const { env, calls, written } = fakeEnv({ save: 'ok' });
    const r = await handOver(file, 'save', env);
    expect(r).toEqual({ way: 'save', outcome: 'done' });
    expect(calls).toEqual([`pick:${file.name}`, 'close']);
    expect(written).toEqual([file.bytes]);
    expect(handOverMessage(r)).toBe('files.saved');
  });

  it('a closed share sheet or picker is cancelled, with nothing downloaded', async () => {
    for (const env of [fakeEnv({ share: 'abort' }), fakeEnv({ save: 'abort' })]) {
      const r = await handOver(file, env.env.share ? 'share' : 'save', env.env);
      expect(r.outcome).toBe('cancelled');
      expect(handOverMessage(r)).toBe('files.cancelled');
      expect(env.calls.some((c) => c.startsWith('download'))).toBe(false);
    }
  });

  it('a share or save that fails downloads instead, so the file is never lost', async () => {
    for (const env of [fakeEnv({ share: 'fail' }), fakeEnv({ save: 'fail' })]) {
      const r = await handOver(file, env.env.share ? 'share' : 'save', env.env);
      expect(r).toEqual({ way: 'download', outcome: 'done' });
      expect(env.calls.at(-1)).toBe(`download:${file.name}:3`);
      expect(handOverMessage(r)).toBe('files.downloaded');
    }
  });
});
