import { describe, expect, it } from 'vitest';
import { bigrams, SecretTooShortError, tokenEncoder, type LinkagePerson } from '../../src/domain/exchange/tokens';
import { assertComparable, matchTokens, TokensMismatchError } from '../../src/domain/exchange/match';
import { citizenId } from '../factories/students';

const secret = new TextEncoder().encode('ความลับร่วม-สพฐ-สช-2569-ไม่ให้ใครรู้');
const person = (ref: string, over: Partial<LinkagePerson> = {}): LinkagePerson => ({
  ref,
  idNo: null,
  firstName: 'สมชาย',
  lastName: 'ใจดี',
  birthDate: '2019-03-20',
  sex: 'M',
  ...over,
});

describe('exchange tokens', () => {
  it('reveal neither the name nor the ID without the secret', async () => {
    const { encode, header } = await tokenEncoder(secret);
    const id = citizenId(1);
    const line = await encode(person('a1', { idNo: id }));
    const text = JSON.stringify({ header, line });
    expect(text).not.toContain(id);
    expect(text).not.toContain('สมชาย');
    expect(text).not.toContain('ใจดี');
    expect(text).not.toContain('2019');
    // The same child under another secret gives unrelated tokens, so a guessed ID cannot be tested without it.
    const other = await (
      await tokenEncoder(new TextEncoder().encode('another-secret-of-sixteen-bytes'))
    ).encode(person('a1', { idNo: id }));
    expect(other.id).not.toBe(line.id);
    expect(other.bloom).not.toBe(line.bloom);
  });
  it('refuse a short secret', async () => {
    await expect(tokenEncoder(new Uint8Array(8))).rejects.toBeInstanceOf(SecretTooShortError);
  });
  it('make no ID token for an invalid ID and no Bloom filter without a name and birth date', async () => {
    const { encode } = await tokenEncoder(secret);
    const line = await encode(person('x', { idNo: '1234567890123', birthDate: null }));
    expect(line).toMatchObject({ id: null, bloom: null, block: null });
  });
  it('pad name bigrams so the first and last letters count', () => {
    expect(bigrams('ด.ช. ต้น')).toEqual(['_ต', 'ต้', '้น', 'น_']);
  });
});

describe('exchange match', () => {
  async function both(ours: LinkagePerson[], theirs: LinkagePerson[]) {
    const { encode, header } = await tokenEncoder(secret);
    const a = await Promise.all(ours.map(encode));
    const b = await Promise.all(theirs.map(encode));
    return { header, pairs: matchTokens(a, b) };
  }
  it('pairs a child by the ID token', async () => {
    const id = citizenId(2);
    const { pairs } = await both(
      [person('obec-1', { idNo: id })],
      [person('opec-9', { idNo: id, firstName: 'ต่างกัน' })],
    );
    expect(pairs).toEqual([{ ours: 'obec-1', theirs: 'opec-9', rule: 'same-id', dice: null }]);
  });
  it('pairs planted children without an ID: the same name written another way, and a surname typo', async () => {
    const { pairs } = await both(
      [
        person('obec-2', { firstName: 'ด.ช.สมชาย', lastName: 'ใจดีมาก' }),
        person('obec-3', { firstName: 'มานี', lastName: 'บุญมา', sex: 'F', birthDate: '2018-01-02' }),
        person('obec-4', { firstName: 'ปิติ', lastName: 'ทองดี', birthDate: '2018-05-05' }),
      ],
      [
        person('bkk-5', { firstName: 'สมชาย ', lastName: 'ใจดีมาก' }),
        person('bkk-6', { firstName: 'มานี', lastName: 'บุญมี', sex: 'F', birthDate: '2018-01-02' }),
        person('bkk-7', { firstName: 'ปิติ', lastName: 'สุขสม', birthDate: '2018-05-05' }),
      ],
    );
    expect(pairs.map((p) => [p.ours, p.theirs, p.rule])).toEqual([
      ['obec-2', 'bkk-5', 'same-name'],
      ['obec-3', 'bkk-6', 'close-surname'],
    ]);
    expect(pairs[1]!.dice).toBeGreaterThanOrEqual(0.7);
  });
  it('keeps apart other families whose child shares first name, sex and birth date', async () => {
    for (const [a, b] of [
      ['ใจดี', 'มีสุข'],
      ['สุขใจ', 'สุขสม'],
      ['ทองดี', 'ศรีสวัสดิ์'],
    ]) {
      const { pairs } = await both([person('o', { lastName: a! })], [person('t', { lastName: b! })]);
      expect(pairs, `${a} / ${b}`).toEqual([]);
    }
  });
  it('misses twins: same surname, birth date and sex, other first names', async () => {
    const twins = [
      ['ธนา', 'ธนากร'],
      ['สมชาย', 'สมชัย'],
      ['กมล', 'กมลา'],
      ['ปิยะ', 'ปิยะพงษ์'],
      ['อรุณ', 'อรุณี'],
    ];
    for (const [a, b] of twins) {
      const { pairs } = await both([person('t1', { firstName: a! })], [person('t2', { firstName: b! })]);
      expect(pairs, `${a} / ${b}`).toEqual([]);
    }
  });
  it('refuses to compare files made under different secrets', async () => {
    const a = (await tokenEncoder(secret)).header;
    const b = (await tokenEncoder(new TextEncoder().encode('another-secret-of-sixteen-bytes'))).header;
    expect(() => assertComparable(a, b)).toThrow(TokensMismatchError);
    expect(() => assertComparable(a, a)).not.toThrow();
  });
});
