// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCardBridgeCommand, type CardBridgeDeps } from '../../src/cli/commands/card-bridge';
import type { Bridge } from '../../src/devices/bridge/server';
import { pairBridge, type SocketLike } from '../../src/devices/smartcard/bridge-client';
import { fakeIo } from '../factories/io';

function deps(
  until: (b: Bridge) => Promise<void>,
  loadPcsc: CardBridgeDeps['loadPcsc'] = async () => null,
): CardBridgeDeps {
  return { loadPcsc, until, tokenFile: join(mkdtempSync(join(tmpdir(), 'tabian-bridge-')), 'tokens.json') };
}

describe('card-bridge', () => {
  it('says in Thai and English how to install PC/SC when the binding is missing', async () => {
    const io = fakeIo();
    const code = await createCardBridgeCommand(deps(async () => undefined)).run(['--port', '0'], io);
    expect(code).toBe(1);
    const text = io.errLines.join('\n');
    expect(text).toContain('ไม่พบโมดูล PC/SC');
    expect(text).toContain('npm install --no-save @pokusew/pcsclite');
    expect(text).toContain('sudo apt-get install pcscd libpcsclite-dev');
  });
  it('serves the demo card, prints a pairing code that works for an allowed --origin, remembers the pairing', async () => {
    const io = fakeIo();
    const d = deps(async (bridge) => {
      const code = /pairing code: (\d{5} \d{5} \d{5})/.exec(io.outLines.join('\n'))![1]!.replace(/ /g, '');
      const origin = 'https://tabian.example.go.th';
      await pairBridge(
        { port: bridge.port, token: null, socket: (url) => new WebSocket(url, { origin }) as unknown as SocketLike },
        code,
      );
    });
    const exit = await createCardBridgeCommand(d).run(
      ['--demo', '--port', '0', '--origin', 'https://tabian.example.go.th/app/'],
      io,
    );
    expect(exit).toBe(0);
    const text = io.outLines.join('\n');
    expect(text).toMatch(/listening on ws:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('http://127.0.0.1:4173, http://localhost:4173, https://tabian.example.go.th');
    expect(text).toContain('paired with https://tabian.example.go.th');
    // Stored as a hash, bound to the origin that paired, with an expiry.
    expect(JSON.parse(readFileSync(d.tokenFile, 'utf8')).tokens).toEqual([
      {
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        origin: 'https://tabian.example.go.th',
        expiresAt: expect.any(Number),
      },
    ]);
  });
  it('rejects bad arguments with usage and exit 2', async () => {
    for (const args of [['--port', 'x'], ['--origin', 'not a url'], ['--what']]) {
      const io = fakeIo();
      expect(await createCardBridgeCommand(deps(async () => undefined)).run(args, io)).toBe(2);
      expect(io.errLines.join('\n')).toContain('Usage: tabian card-bridge');
    }
  });
});
