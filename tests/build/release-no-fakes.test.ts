// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import type { ConfigEnv, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import config, { releaseHasNoFakes } from '../../vite.config';

const configFor = (mode: string) => (config as (env: ConfigEnv) => UserConfig)({ mode, command: 'build' });

function guard(bundle: Record<string, unknown>): void {
  const hook = releaseHasNoFakes.generateBundle as unknown as (
    this: unknown,
    o: unknown,
    b: unknown,
    w: boolean,
  ) => void;
  hook.call(
    {
      error: (message: string) => {
        throw new Error(message);
      },
    },
    {},
    bundle,
    false,
  );
}

const chunk = (code: string, modules: string[]) => ({
  type: 'chunk',
  fileName: 'assets/x.js',
  code,
  modules: Object.fromEntries(modules.map((m) => [m, {}])),
});

describe('no fake device in the release build', () => {
  it('the release differs from the e2e build by one constant, and only the release is guarded', () => {
    const release = configFor('production');
    const e2e = configFor('e2e');
    expect(release.define?.__TABIAN_FAKES__).toBe('false');
    expect(e2e.define?.__TABIAN_FAKES__).toBe('true');
    expect(release.plugins).toContain(releaseHasNoFakes);
    expect(e2e.plugins).not.toContain(releaseHasNoFakes);
  });

  it('fails a release build holding a module from a fake/ folder or a fake hook', () => {
    expect(() => guard({ a: chunk('x', ['/w/src/devices/scale/fake/fake-scale.ts']) })).toThrow(/fake-scale/);
    expect(() => guard({ a: chunk('const n="Fake ACS ACR39U 00 00"', ['/w/src/ui/main.ts']) })).toThrow(/ACR39U/);
    expect(() => guard({ a: chunk('globalThis.__tabianFakeCamera', ['/w/src/ui/main.ts']) })).toThrow(
      /__tabianFakeCamera/,
    );
  });

  it('passes the real drivers', () => {
    expect(() =>
      guard({ a: chunk('export{}', ['/w/src/devices/scale/web-bluetooth.ts', '/w/src/devices/smartcard/detect.ts']) }),
    ).not.toThrow();
  });

  it('looks for what the fakes really hold: every fake lives in a fake/ folder, the reader with its name', () => {
    const fakes = readdirSync('src/devices', { recursive: true, encoding: 'utf8' }).filter(
      (f) => /(^|[/-])fake[-/.]/i.test(f) && f.endsWith('.ts'),
    );
    expect(fakes.length).toBeGreaterThanOrEqual(7);
    for (const f of fakes) expect(f, f).toMatch(/\/fake\//);
    expect(readFileSync('src/devices/smartcard/fake/hook.ts', 'utf8')).toContain('Fake ACS ACR39U');
  });
});
