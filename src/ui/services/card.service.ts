// Reading a card for one student: find the way that works, read, close the reader, match the address.
// Card data lives only in the returned value; nothing here stores or logs it.
import type { AreaIndex } from '../../domain/areas/areas';
import { loadAreaIndex } from '../../domain/areas/load';
import {
  cardDifferences,
  cardToPatch,
  isBlankForCard,
  type CardField,
  type CardNote,
  type CardPatch,
} from '../../domain/card/to-student';
import type { Student } from '../../domain/student/schema';
import { toBuddhistYear } from '../../domain/thai-date';
import { DEFAULT_BRIDGE_PORT } from '../../devices/bridge/protocol';
import { cardEnv as devicesCardEnv } from '../../devices/environment';
import { pairBridge } from '../../devices/smartcard/bridge-client';
import {
  bestWay,
  detectWays,
  openWay,
  type CardEnv,
  type CardWay,
  type WayReport,
} from '../../devices/smartcard/detect';
import { readThaiIdCard } from '../../devices/smartcard/thai-id-applet';
import { CardError, toCardError } from '../../devices/smartcard/transport';
import type { MessageKey } from '../i18n/th';

export type { CardWay, WayReport };

const KEY = 'tabian.cardBridge';

/** Where the bridge listens and the token it gave this browser: UI-side state, not register data. */
export interface BridgeSettings {
  port: number;
  token: string | null;
}

export function loadBridgeSettings(): BridgeSettings {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<BridgeSettings> | null;
    const port = Number.isInteger(v?.port) && v!.port! > 0 && v!.port! < 65536 ? v!.port! : DEFAULT_BRIDGE_PORT;
    return { port, token: typeof v?.token === 'string' ? v.token : null };
  } catch {
    return { port: DEFAULT_BRIDGE_PORT, token: null };
  }
}

export function saveBridgeSettings(settings: BridgeSettings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
}

export const cardEnv = (): Promise<CardEnv> => devicesCardEnv(loadBridgeSettings());

export async function detectCardWays(): Promise<{ report: WayReport; demo: boolean }> {
  const env = await cardEnv();
  return { report: await detectWays(env), demo: env.demo };
}

/** Pairs with the code the bridge shows and keeps the token. */
export async function pairCardBridge(port: number, code: string): Promise<void> {
  const token = await pairBridge({ port, token: null }, code);
  saveBridgeSettings({ port, token });
}

export interface CardReading {
  way: CardWay;
  patch: CardPatch;
  notes: CardNote[];
  /** Only for the notes' wording: the Buddhist Era year of a partial birth date, and the card's own prefix. */
  birthYearBe: number | null;
  cardPrefix: string;
  differences: CardField[];
  /** The record held none of the card's fields: the form takes the card whole. */
  blank: boolean;
  areas: AreaIndex;
}

export async function readCardFor(
  student: Student,
  onWay?: (way: CardWay, demo: boolean) => void,
): Promise<CardReading> {
  const env = await cardEnv();
  const way = bestWay(await detectWays(env, { probeUnpaired: false }));
  if (!way) throw new CardError('no_way');
  onWay?.(way, env.demo);
  const transport = await openWay(way, env);
  try {
    const [card, areas] = await Promise.all([readThaiIdCard(transport), loadAreaIndex()]);
    const { patch, notes } = cardToPatch(card, areas);
    const birthYearBe = card.birthDate ? toBuddhistYear(Number(card.birthDate.slice(0, 4))) : null;
    return {
      way,
      patch,
      notes,
      birthYearBe,
      cardPrefix: card.prefixTh,
      differences: cardDifferences(student, patch),
      blank: isBlankForCard(student),
      areas,
    };
  } finally {
    await transport.close();
  }
}

/** The message key for any failure while reading or pairing. */
export const cardErrorKey = (error: unknown): MessageKey => `card.error.${toCardError(error).code}`;
