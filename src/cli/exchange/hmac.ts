// node:crypto's HMAC-SHA256 behind the exchange encoder's synchronous interface (decision 41): the same tokens
// as WebCrypto's, without a promise per hash.
import { createHmac } from 'node:crypto';
import type { SyncHmacSha256 } from '../../domain/exchange/tokens';

export const nodeHmacSha256: SyncHmacSha256 = (key, message) => createHmac('sha256', key).update(message).digest();
