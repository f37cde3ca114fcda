import { homedir } from 'node:os';
import { join } from 'node:path';
import { normaliseOrigin, showCode, startBridge, type Bridge } from '../../devices/bridge/server';
import { installHelp, loadPcsclite } from '../../devices/bridge/pcsclite';
import { DEFAULT_BRIDGE_PORT } from '../../devices/bridge/protocol';
import type { PcscService } from '../../devices/bridge/pcsc';
import { fileTokenStore } from '../../devices/bridge/tokens';
import { FakeThaiIdCard } from '../../devices/smartcard/fake/fake-card';
import { FakePcsc } from '../../devices/smartcard/fake/fake-pcsc';
import { defineCommand, type Command } from '../command';

/** Where `npm start` serves the app; production origins join this list when the app has a home. */
export const DEFAULT_ORIGINS = ['http://127.0.0.1:4173', 'http://localhost:4173'] as const;

const usage = [
  'Usage: tabian card-bridge [--port N] [--origin URL]... [--demo] [--tokens FILE]',
  'Lets the Tabian app in a browser on this computer read Thai ID cards through the operating system\'s',
  'card service (PC/SC). Listens on 127.0.0.1 only, answers only the allowed app origins, and only after',
  'the pairing code it prints has been typed into the app (Settings → Card reader) once.',
  `  --port N      port to listen on (default ${DEFAULT_BRIDGE_PORT})`,
  `  --origin URL  also allow this app origin (default: ${DEFAULT_ORIGINS.join(', ')})`,
  '  --demo        a made-up card in a made-up reader, no PC/SC needed',
  '  --tokens FILE where pairings are remembered (default ~/.tabian/card-bridge.json)',
].join('\n');

export interface CardBridgeDeps {
  loadPcsc: (log: (line: string) => void) => Promise<PcscService | null>;
  tokenFile: string;
  /** Resolves when the bridge should stop (Ctrl+C in the real command). */
  until: (bridge: Bridge) => Promise<void>;
}

interface Options { port: number; origins: string[]; demo: boolean; tokens: string | null }

function parseArgs(args: string[]): Options | string {
  const o: Options = { port: DEFAULT_BRIDGE_PORT, origins: [...DEFAULT_ORIGINS], demo: false, tokens: null };
  for (let i = 0; i < args.length; i++) {
    const [arg, value] = [args[i], args[i + 1]];
    if (arg === '--demo') {
      o.demo = true;
      continue;
    }
    if (arg === '--port' && value !== undefined && /^\d+$/.test(value) && Number(value) < 65536) o.port = Number(value);
    else if (arg === '--tokens' && value) o.tokens = value;
    else if (arg === '--origin' && value) {
      try {
        o.origins.push(normaliseOrigin(value));
      } catch {
        return `not an origin: "${value}" (e.g. https://tabian.example.go.th)`;
      }
    } else return `unexpected argument "${arg}"`;
    i++;
  }
  return o;
}

export function createCardBridgeCommand(deps: CardBridgeDeps): Command {
  return defineCommand({
    name: 'card-bridge',
    summary: 'let the app on this computer read Thai ID cards (PC/SC over a local WebSocket)',
    usage,
    async run(args, io) {
      const options = parseArgs(args);
      if (typeof options === 'string') {
        io.err(`tabian card-bridge: ${options}\n\n${usage}`);
        return 2;
      }
      const pcsc = options.demo ? new FakePcsc({ 'Tabian demo reader': new FakeThaiIdCard() }) : await deps.loadPcsc(io.err);
      if (!pcsc) {
        io.err(installHelp);
        return 1;
      }
      let bridge: Bridge;
      try {
        bridge = await startBridge({ port: options.port, origins: options.origins, pcsc, tokens: fileTokenStore(options.tokens ?? deps.tokenFile), log: io.out });
      } catch (e) {
        pcsc.close();
        const inUse = (e as { code?: string }).code === 'EADDRINUSE';
        io.err(inUse ? `พอร์ต ${options.port} ถูกใช้อยู่ (มีโปรแกรมเชื่อมเปิดอยู่แล้ว?) / port ${options.port} is in use (is the bridge already running?)` : String(e));
        return 1;
      }
      io.out([
        'Tabian card bridge — โปรแกรมเชื่อมเครื่องอ่านบัตร' + (options.demo ? ' (สาธิต / demo)' : ''),
        `ฟังที่ / listening on ws://127.0.0.1:${bridge.port} (เครื่องนี้เท่านั้น / this computer only)`,
        `แอปที่อนุญาต / allowed app origins: ${options.origins.join(', ')}`,
        `รหัสจับคู่ / pairing code: ${showCode(bridge.code)}`,
        'ใส่รหัสผิดได้ 10 ครั้งต่อการเปิดโปรแกรมหนึ่งครั้ง / 10 wrong codes stop pairing until the bridge is restarted',
        'พิมพ์รหัสในแอป: ตั้งค่า → เครื่องอ่านบัตร / type it in the app: Settings → Card reader',
        'กด Ctrl+C เพื่อหยุด / press Ctrl+C to stop',
      ].join('\n'));
      await deps.until(bridge);
      await bridge.close();
      pcsc.close();
      return 0;
    },
  });
}

export const cardBridgeCommand = createCardBridgeCommand({
  loadPcsc: (log) => loadPcsclite(log),
  tokenFile: join(homedir(), '.tabian', 'card-bridge.json'),
  until: () => new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  }),
});
