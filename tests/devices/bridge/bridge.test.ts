// @vitest-environment node
// The bridge over a real WebSocket on loopback, with a fake PC/SC behind it and the app's client in front.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridge, type Bridge, type PairingLimits } from '../../../src/devices/bridge/server';
import { memoryTokenStore, TOKEN_LIFETIME_MS } from '../../../src/devices/bridge/tokens';
import {
  checkBridge,
  openBridgeTransport,
  pairBridge,
  type BridgeTarget,
  type SocketLike,
} from '../../../src/devices/smartcard/bridge-client';
import { readThaiIdCard } from '../../../src/devices/smartcard/thai-id-applet';
import { FakeThaiIdCard } from '../../../src/devices/smartcard/fake/fake-card';
import { FakePcsc } from '../../../src/devices/smartcard/fake/fake-pcsc';

const APP = 'http://127.0.0.1:4173';
let bridge: Bridge | null = null;
let logs: string[] = [];

const OTHER_APP = 'http://localhost:4173';
let clock = 1_800_000_000_000;
const LIMITS: PairingLimits = { maxFailures: 4, firstDelayMs: 40, maxDelayMs: 200 };

async function start(pcsc = new FakePcsc({ 'ACS ACR39U ICC Reader 00 00': new FakeThaiIdCard() })): Promise<Bridge> {
  logs = [];
  bridge = await startBridge({
    port: 0,
    origins: [APP, OTHER_APP],
    pcsc,
    tokens: memoryTokenStore(),
    log: (l) => logs.push(l),
    now: () => clock,
    limits: LIMITS,
  });
  return bridge;
}
const wrongOf = (code: string) => code.replace(/^./, (d) => (d === '0' ? '1' : '0'));
const from = (origin: string, port: number, token: string | null = null): BridgeTarget => ({
  port,
  token,
  socket: (url) => new WebSocket(url, { origin }) as unknown as SocketLike,
});

afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

describe('card bridge', () => {
  it('pairs with the printed code, then reads the card with the token', async () => {
    const b = await start();
    const firstCode = b.code;
    const token = await pairBridge(from(APP, b.port), firstCode);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(b.code).not.toBe(firstCode);
    const transport = await openBridgeTransport(from(APP, b.port, token));
    const card = await readThaiIdCard(transport);
    await transport.close();
    expect(card.citizenId).toBe('1101700012344');
    expect(logs.join('\n')).not.toContain('1101700012344');
    expect(logs.join('\n')).not.toContain('สมหญิง');
  });
  it('refuses a wrong pairing code and a made-up token', async () => {
    const b = await start();
    // 15 digits: 10^15 > 2^49, the issue asked for at least 40 bits.
    expect(b.code).toMatch(/^\d{15}$/);
    await expect(pairBridge(from(APP, b.port), wrongOf(b.code))).rejects.toMatchObject({ code: 'bridge_unpaired' });
    await expect(checkBridge(from(APP, b.port, 'ab'.repeat(32)))).rejects.toMatchObject({ code: 'bridge_unpaired' });
  });
  it('slows every guess after a wrong one, doubling the wait, and compares no code meanwhile', async () => {
    const b = await start();
    const started = performance.now();
    await expect(pairBridge(from(APP, b.port), wrongOf(b.code))).rejects.toMatchObject({ code: 'bridge_unpaired' });
    // The wrong attempt's own connection was held for the first delay before it was closed.
    expect(performance.now() - started).toBeGreaterThanOrEqual(LIMITS.firstDelayMs - 5);
    // Even the right code is not looked at until the back-off has passed (here: on the bridge's clock).
    await expect(pairBridge(from(APP, b.port), b.code)).rejects.toMatchObject({ code: 'bridge_unpaired' });
    clock += LIMITS.firstDelayMs;
    await expect(pairBridge(from(APP, b.port), wrongOf(b.code))).rejects.toMatchObject({ code: 'bridge_unpaired' });
    clock += LIMITS.firstDelayMs;
    await expect(pairBridge(from(APP, b.port), b.code)).rejects.toMatchObject({ code: 'bridge_unpaired' });
    clock += LIMITS.firstDelayMs;
    expect(await pairBridge(from(APP, b.port), b.code)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('stops pairing after the allowed wrong codes until it is restarted', async () => {
    const b = await start();
    for (let i = 0; i < LIMITS.maxFailures; i++) {
      await pairBridge(from(APP, b.port), wrongOf(b.code)).catch(() => undefined);
      clock += LIMITS.maxDelayMs;
    }
    expect(b.pairingOpen).toBe(false);
    await expect(pairBridge(from(APP, b.port), b.code)).rejects.toMatchObject({ code: 'bridge_unpaired' });
    expect(logs.join('\n')).toMatch(/pairing is off until the bridge is restarted/);
  });
  it('binds a token to the origin that paired, and lets it expire', async () => {
    const b = await start();
    const token = await pairBridge(from(APP, b.port), b.code);
    await expect(checkBridge(from(OTHER_APP, b.port, token))).rejects.toMatchObject({ code: 'bridge_unpaired' });
    await expect(checkBridge(from(APP, b.port, token))).resolves.not.toThrow();
    clock += TOKEN_LIFETIME_MS;
    await expect(checkBridge(from(APP, b.port, token))).rejects.toMatchObject({ code: 'bridge_unpaired' });
  });
  it('refuses a foreign origin even with the right code', async () => {
    const b = await start();
    await expect(pairBridge(from('https://evil.example', b.port), b.code)).rejects.toMatchObject({
      code: 'bridge_origin',
    });
    await expect(pairBridge(from('http://127.0.0.1:5000', b.port), b.code)).rejects.toMatchObject({
      code: 'bridge_origin',
    });
    expect(logs.join('\n')).toContain('evil.example');
  });
  it('refuses a client that sends anything before pairing', async () => {
    const b = await start();
    const socket = new WebSocket(`ws://127.0.0.1:${b.port}/`, { origin: APP });
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ type: 'connect' }));
    const [code] = await new Promise<[number]>((r) => socket.once('close', (c) => r([c])));
    expect(code).toBe(4401);
  });
  it('says when the bridge is not running', async () => {
    const b = await start();
    const port = b.port;
    await b.close();
    bridge = null;
    await expect(checkBridge(from(APP, port, 'ab'.repeat(32)))).rejects.toMatchObject({ code: 'bridge_unreachable' });
  });
  it.each([
    ['no reader', new FakePcsc({}), 'no_reader'],
    ['no card', new FakePcsc({ 'Reader 0': null }), 'no_card'],
    ['a busy reader', new FakePcsc({ 'Reader 0': new FakeThaiIdCard() }, { busy: true }), 'reader_busy'],
  ])('reports %s', async (_, pcsc, code) => {
    const b = await start(pcsc);
    const token = await pairBridge(from(APP, b.port), b.code);
    await expect(openBridgeTransport(from(APP, b.port, token))).rejects.toMatchObject({ code });
  });
  it('reports a card that is not a Thai ID, and one pulled out mid-read', async () => {
    for (const [card, code] of [
      [new FakeThaiIdCard({ other: true }), 'not_thai_id'],
      [new FakeThaiIdCard({ removeAfter: 7 }), 'card_removed'],
    ] as const) {
      const b = await start(new FakePcsc({ 'Reader 0': card }));
      const token = await pairBridge(from(APP, b.port), b.code);
      await expect(readThaiIdCard(await openBridgeTransport(from(APP, b.port, token)))).rejects.toMatchObject({ code });
      await b.close();
      bridge = null;
    }
  });
});
