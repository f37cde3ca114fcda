// @vitest-environment node
// The card bridge talks only to the app's own origin: what tests/devices/bridge/bridge.test.ts does not
// already show (a foreign origin, a neighbouring port) — a missing Origin, "null", a look-alike, a
// DNS-rebinding Host, and plain HTTP — all refused before any message is read.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridge, type Bridge } from '../../src/devices/bridge/server';
import { memoryTokenStore } from '../../src/devices/bridge/tokens';
import { FakeThaiIdCard } from '../../src/devices/smartcard/fake/fake-card';
import { FakePcsc } from '../../src/devices/smartcard/fake/fake-pcsc';

const APP = 'http://127.0.0.1:4173';
let bridge: Bridge | null = null;
let logs: string[] = [];

async function start(): Promise<Bridge> {
  logs = [];
  const pcsc = new FakePcsc({ 'ACS ACR39U ICC Reader 00 00': new FakeThaiIdCard() });
  bridge = await startBridge({ port: 0, origins: [APP], pcsc, tokens: memoryTokenStore(), log: (l) => logs.push(l) });
  return bridge;
}

afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

/** Opens a socket with exactly these headers and says how it was closed, and whether any message came. */
function connect(
  port: number,
  headers: Record<string, string>,
  hello?: object,
): Promise<{ code: number; messages: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/`, { headers });
    let messages = 0;
    socket.on('open', () => hello && socket.send(JSON.stringify(hello)));
    socket.on('message', () => messages++);
    socket.on('close', (code) => resolve({ code, messages }));
    socket.on('error', () => resolve({ code: -1, messages }));
  });
}

describe('card bridge origin checks', () => {
  it.each([
    ['no Origin header at all (a native program or curl)', {}],
    ['Origin "null" (a sandboxed frame or a file:// page)', { Origin: 'null' }],
    ['a look-alike origin', { Origin: 'http://127.0.0.1:4173.evil.example' }],
    ['https instead of http', { Origin: 'https://127.0.0.1:4173' }],
    ['localhost for 127.0.0.1 (another origin to a browser)', { Origin: 'http://localhost:4173' }],
  ])('refuses %s before reading anything, even with the right code', async (_what, headers) => {
    const b = await start();
    const r = await connect(b.port, headers, { type: 'hello', code: b.code });
    expect(r.messages).toBe(0);
    expect(r.code).not.toBe(1000);
    expect(logs.join('\n')).toMatch(/refused/);
  });

  it('refuses the right Origin arriving through a DNS-rebinding host name', async () => {
    const b = await start();
    const r = await connect(
      b.port,
      { Origin: APP, Host: `rebind.evil.example:${b.port}` },
      { type: 'hello', code: b.code },
    );
    expect(r.messages).toBe(0);
    expect(logs.join('\n')).toContain('rebind.evil.example');
  });

  it('answers no plain HTTP request (a page cannot fetch() the card)', async () => {
    const b = await start();
    const status = await new Promise<number>((resolve) => {
      http
        .get({ host: '127.0.0.1', port: b.port, path: '/', headers: { Origin: APP } }, (res) =>
          resolve(res.statusCode ?? 0),
        )
        .on('error', () => resolve(-1));
    });
    expect(status === -1 || status >= 400).toBe(true);
  });
});
