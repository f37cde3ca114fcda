// CCID rev 1.1 bulk messages: a 10-byte header (type, dwLength LE, slot, seq, 3 message-specific bytes) + data.
import { CardError } from '../transport';

export const PC_TO_RDR = {
  SetParameters: 0x61,
  IccPowerOn: 0x62,
  IccPowerOff: 0x63,
  GetSlotStatus: 0x65,
  XfrBlock: 0x6f,
} as const;
export const RDR_TO_PC = { DataBlock: 0x80, SlotStatus: 0x81, Parameters: 0x82, NotifySlotChange: 0x50 } as const;
export const HEADER = 10;

/** bError values worth telling apart (CCID §6.2.6). */
export const CCID_ERROR = { ICC_MUTE: 0xfe, HW_ERROR: 0xfb, SLOT_BUSY: 0xe0 } as const;

export function ccidMessage(
  type: number,
  slot: number,
  seq: number,
  data: Uint8Array = new Uint8Array(0),
  specific = [0, 0, 0],
): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(HEADER + data.length);
  const view = new DataView(out.buffer);
  out[0] = type;
  view.setUint32(1, data.length, true);
  out[5] = slot;
  out[6] = seq;
  out.set(specific.slice(0, 3), 7);
  out.set(data, HEADER);
  return out;
}

export interface CcidReply {
  type: number;
  slot: number;
  seq: number;
  /** bStatus: bits 0–1 ICC status, bits 6–7 command status. */
  status: number;
  error: number;
  data: Uint8Array;
}

// Value 3 is reserved in both fields; a reader sending it is treated as absent / failed.
export const iccStatus = (status: number): 'active' | 'inactive' | 'absent' =>
  (['active', 'inactive'] as const)[status & 0x03] ?? 'absent';
export const commandStatus = (status: number): 'ok' | 'failed' | 'time_extension' =>
  (['ok', 'failed', 'time_extension'] as const)[(status >> 6) & 0x03] ?? 'failed';

/** Length of the whole message announced by a header, or null while fewer than 10 bytes are in. */
export const announcedLength = (bytes: Uint8Array): number | null =>
  bytes.length < HEADER ? null : HEADER + new DataView(bytes.buffer, bytes.byteOffset).getUint32(1, true);

export function parseReply(bytes: Uint8Array): CcidReply {
  const total = announcedLength(bytes);
  if (total === null || bytes.length < total) throw new CardError('card_failed', 'short CCID reply');
  return {
    type: bytes[0]!,
    slot: bytes[5]!,
    seq: bytes[6]!,
    status: bytes[7]!,
    error: bytes[8]!,
    data: bytes.slice(HEADER, total),
  };
}

/**
 * SetParameters data for T=0 (abProtocolDataStructure, CCID §6.1.7): Fi/Di from the ATR's TA1 when it
 * has one (else 11, the default), guard time from TC1, waiting integer 10, no clock stop.
 */
export function t0Parameters(atr: Uint8Array): Uint8Array {
  const t0 = atr[1] ?? 0;
  let at = 2;
  const ta1 = t0 & 0x10 ? atr[at++]! : 0x11;
  if (t0 & 0x20) at++;
  const tc1 = t0 & 0x40 ? atr[at]! : 0x00;
  return Uint8Array.from([ta1, 0x00, tc1, 0x0a, 0x00]);
}

/** RDR_to_PC_NotifySlotChange: two bits per slot, bit 0 present, bit 1 changed. */
export function slotChange(bytes: Uint8Array, slot: number): 'inserted' | 'removed' | null {
  if (bytes[0] !== RDR_TO_PC.NotifySlotChange) return null;
  const bits = ((bytes[1 + (slot >> 2)] ?? 0) >> ((slot & 3) * 2)) & 0x03;
  if (!(bits & 0x02)) return null;
  return bits & 0x01 ? 'inserted' : 'removed';
}
