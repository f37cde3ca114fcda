// What a sealed row looks like from outside, without the cipher (src/domain/vault/seal.ts), so that code
// which only recognises sealed rows does not carry the cipher into the app's first screen.
export const SEALED = '$sealed';

export class VaultError extends Error {
  constructor(
    readonly problem: 'vault.damaged' | 'vault.unsealable',
    detail: string,
  ) {
    super(detail);
    this.name = 'VaultError';
  }
}
