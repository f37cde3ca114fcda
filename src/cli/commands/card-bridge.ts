import { homedir } from 'node:os';
import { join } from 'node:path';
import { normaliseOrigin, showCode, startBridge, type Bridge } from '../../devices/bridge/server';
import { installHelp, loadPcsclite } from '../../devices/bridge/pcsclite';
import { DEFAULT_BRIDGE_PORT } from '../../devices/bridge/protocol';
import type { PcscService } from '../../devices/bridge/pcsc';
import { fileTokenStore } from '../../devices/bridge/tokens';
import { FakeThaiIdCard } from '../../devices/smartcard/fake/fake-card';
import { FakePcsc } from '../../devices/smartcard/fake/fake-pcsc';
import { parseCommandArgs, UsageError } from '../args';
import { defineCommand, type Command } from '../command';

/** Where `npm start` serves the app; production origins join this list when the app has a home. */
export const DEFAULT_ORIGINS = ['http://127.0.0.1:4173', 'http://localhost:4173'] as const;

const usage = [
  'Usage: tabian card-bridge [--port N] [--origin URL]... [--demo] [--tokens FILE]',
  "Lets the Tabian app in a browser on this computer read Thai ID cards through the operating system's",
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

interface Options {
  port: number;
  origins: string[];
  demo: boolean;
  tokens: string | null;
}

function options(args: readonly string[]): Options {
  const { values } = parseCommandArgs(
    args,
    {
      port: { type: 'string' },
      origin: { type: 'string', multiple: true },
      demo: { type: 'boolean' },
      tokens: { type: 'string' },
    },
    false,
  );
  const port = values.port ?? String(DEFAULT_BRIDGE_PORT);
  if (!/^\d+$/.test(port) || Number(port) >= 65536)
    throw new UsageError(
      `--port ต้องเป็นเลขพอร์ต 0–65535 ไม่ใช่ "${port}"`,
      `--port wants a port number 0–65535, got "${port}"`,
    );
  const origins: string[] = [...DEFAULT_ORIGINS];
  for (const value of values.origin ?? []) {
    try {
      origins.push(normaliseOrigin(value));
    } catch {
      throw new UsageError(
        `"${value}" ไม่ใช่ origin (เช่น https://tabian.example.go.th)`,
        `not an origin: "${value}" (e.g. https://tabian.example.go.th)`,
      );
    }
  }
  return { port: Number(port), origins, demo: values.demo ?? false, tokens: values.tokens ?? null };
}

export function createCardBridgeCommand(deps: CardBridgeDeps): Command {
  return defineCommand({
    name: 'card-bridge',
    summary: 'let the app on this computer read Thai ID cards (PC/SC over a local WebSocket)',
    usage,
    async run(args, io) {
      const opts = options(args);
      const pcsc = opts.demo
        ? new FakePcsc({ 'Tabian demo reader': new FakeThaiIdCard() })
        : await deps.loadPcsc(io.err);
      if (!pcsc) {
        io.err(installHelp);
        return 1;
      }
      let bridge: Bridge;
      try {
        bridge = await startBridge({
          port: opts.port,
          origins: opts.origins,
          pcsc,
          tokens: fileTokenStore(opts.tokens ?? deps.tokenFile),
          log: io.out,
        });
      } catch (e) {
        pcsc.close();
        const inUse = (e as { code?: string }).code === 'EADDRINUSE';
        io.err(
          inUse
            ? `พอร์ต ${opts.port} ถูกใช้อยู่ (มีโปรแกรมเชื่อมเปิดอยู่แล้ว?) / port ${opts.port} is in use (is the bridge already running?)`
            : String(e),
        );
        return 1;
      }
      io.out(
        [
          'Tabian card bridge — โปรแกรมเชื่อมเครื่องอ่านบัตร' + (opts.demo ? ' (สาธิต / demo)' : ''),
          `ฟังที่ / listening on ws://127.0.0.1:${bridge.port} (เครื่องนี้เท่านั้น / this computer only)`,
          `แอปที่อนุญาต / allowed app origins: ${opts.origins.join(', ')}`,
          `รหัสจับคู่ / pairing code: ${showCode(bridge.code)}`,
          'ใส่รหัสผิดได้ 10 ครั้งต่อการเปิดโปรแกรมหนึ่งครั้ง / 10 wrong codes stop pairing until the bridge is restarted',
          'พิมพ์รหัสในแอป: ตั้งค่า → เครื่องอ่านบัตร / type it in the app: Settings → Card reader',
          'กด Ctrl+C เพื่อหยุด / press Ctrl+C to stop',
        ].join('\n'),
      );
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
  until: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
