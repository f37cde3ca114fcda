// A user of the app for tests: the registrar unless fields say otherwise (the PIN hash is a placeholder).
import type { User } from '../../src/domain/access/users';

export function user(fields: Partial<User> = {}): User {
  return {
    id: 'u-officer',
    name: 'ครูทะเบียน ใจดี',
    role: 'officer',
    rooms: [],
    pin: {
      alg: 'PBKDF2-SHA256',
      iterations: 100_000,
      salt: 'c2FsdHNhbHRzYWx0c2FsdA==',
      hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
    },
    failedAttempts: 0,
    lockedUntil: null,
    active: true,
    createdAt: '2026-05-01T00:00:00.000Z',
    ...fields,
  };
}
