// @vitest-environment node
// The bridge over a real WebSocket on loopback, with a fake PC/SC behind it and the app's client in front.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridge, type Bridge } from '../../../src/devices/bridge/server';
import { memoryTokenStore } from '../../../src/devices/bridge/tokens';
import { checkBridge, openBridgeTransport, pairBridge, type BridgeTarget, type SocketLike } from '../../../src/devices/smartcard/bridge-client';
import { readThaiIdCard } from '../../../src/devices/smartcard/thai-id-applet';
import { FakeThaiIdCard } from '../../../src/devices/smartcard/fake/fake-card';
import { FakePcsc } from '../../../src/devices/smartcard/fake/fake-pcsc';

const APP = 'http://127.0.0.1:4173';
let bridge: Bridge | null = null;
let logs: string[] = [];

async function start(pcsc = new FakePcsc({ 'ACS ACR39U ICC Reader 00 00': new FakeThaiIdCard() })): Promise<Bridge> {
  logs = [];
  bridge = await startBridge({ port: 0, origins: [APP], pcsc, tokens: memoryTokenStore(), log: (l) => logs.push(l) });
  return bridge;
}
const from = (origin: string, port: number, token: string | null = null): BridgeTarget => ({
  port, token, socket: (url) => new WebSocket(url, { origin }) as unknown as SocketLike,
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
    const wrong = b.code === '000000' ? '000001' : '000000';
    await expect(pairBridge(from(APP, b.port), wrong)).rejects.toMatchObject({ code: 'bridge_unpaired' });
    await expect(checkBridge(from(APP, b.port, 'ab'.repeat(32)))).rejects.toMatchObject({ code: 'bridge_unpaired' });
  });
  it('makes a new code after five wrong guesses', async () => {
    const b = await start();
    const code = b.code;
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) await pairBridge(from(APP, b.port), wrong).catch(() => undefined);
    expect(b.code).not.toBe(code);
    await expect(pairBridge(from(APP, b.port), code)).rejects.toMatchObject({ code: 'bridge_unpaired' });
  });
  it('refuses a foreign origin even with the right code', async () => {
    const b = await start();
    await expect(pairBridge(from('https://evil.example', b.port), b.code)).rejects.toMatchObject({ code: 'bridge_origin' });
    await expect(pairBridge(from('http://127.0.0.1:5000', b.port), b.code)).rejects.toMatchObject({ code: 'bridge_origin' });
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
    for (const [card, code] of [[new FakeThaiIdCard({ other: true }), 'not_thai_id'], [new FakeThaiIdCard({ removeAfter: 7 }), 'card_removed']] as const) {
      const b = await start(new FakePcsc({ 'Reader 0': card }));
      const token = await pairBridge(from(APP, b.port), b.code);
      await expect(readThaiIdCard(await openBridgeTransport(from(APP, b.port, token)))).rejects.toMatchObject({ code });
      await b.close();
      bridge = null;
    }
  });
});
