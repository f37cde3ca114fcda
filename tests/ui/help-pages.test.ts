import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The IT helper's page carries the commands Settings no longer shows, in Thai and English.
describe('public/help/card-bridge.html', () => {
  const html = readFileSync(resolve(__dirname, '../../public/help/card-bridge.html'), 'utf8');
  it('has every set-up command', () => {
    for (const cmd of [
      'npm install --no-save @pokusew/pcsclite',
      'sudo apt-get install pcscd libpcsclite-dev',
      'npm run tabian -- card-bridge',
    ]) {
      expect(html.split(cmd).length - 1).toBe(2);
    }
  });
  it('is Thai first, then English', () => {
    expect(html).toMatch(/<html lang="th">/);
    expect(html.indexOf('ผู้ดูแลคอมพิวเตอร์')).toBeLessThan(html.indexOf('lang="en"'));
  });
});
