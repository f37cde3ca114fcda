// The card bridge's wire protocol: JSON text frames over a WebSocket on 127.0.0.1. Shared by the bridge
// (Node) and the app's bridge transport (browser), so it imports nothing from either side.
import { z } from 'zod';
import { CARD_ERROR_CODES } from '../smartcard/transport';

export const BRIDGE_PROTOCOL = 1;
/** The bridge's port unless told otherwise (`--port`); the app keeps its own copy in its settings. */
export const DEFAULT_BRIDGE_PORT = 47811;

/** Close codes the app turns into messages; 4000–4999 is the range RFC 6455 leaves to applications. */
export const CLOSE = { BAD_MESSAGE: 4400, UNPAIRED: 4401, ORIGIN: 4403, TIMEOUT: 4408 } as const;

const hex = z.string().regex(/^([0-9a-f]{2})*$/);

export const clientMessageSchema = z.discriminatedUnion('type', [
  // First message of every connection: a pairing code typed by the user once, or the token it earned.
  z.object({
    type: z.literal('hello'),
    v: z.literal(BRIDGE_PROTOCOL),
    code: z
      .string()
      .regex(/^\d{15}$/)
      .optional(),
    token: hex.optional(),
  }),
  z.object({ type: z.literal('connect') }),
  z.object({ type: z.literal('transmit'), id: z.number().int().nonnegative(), apdu: hex.max(2 * 261 + 2) }),
  z.object({ type: z.literal('disconnect') }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), v: z.literal(BRIDGE_PROTOCOL), token: hex }),
  z.object({ type: z.literal('connected'), reader: z.string(), atr: hex }),
  z.object({ type: z.literal('response'), id: z.number(), data: hex }),
  z.object({
    type: z.literal('error'),
    id: z.number().optional(),
    code: z.enum(CARD_ERROR_CODES),
    message: z.string().optional(),
  }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** One parse for every frame from the other side: a message, or null for anything malformed. */
export function parseFrame<T>(schema: z.ZodType<T>, frame: unknown): T | null {
  if (typeof frame !== 'string' || frame.length > 4096) return null;
  try {
    const r = schema.safeParse(JSON.parse(frame));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
