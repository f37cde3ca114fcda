import { describe, it, expect } from 'vitest';
import { withinOneEdit } from '../../../src/domain/duplicates/similarity';

describe('withinOneEdit', () => {
  it.each([
    ['ใจดี', 'ใจดี'],
    ['ใจดี', 'ใจดีย'],
    ['ใจดีย', 'ใจดี'],
    ['ใจดี', 'ใจด'],
    ['ใจดี', 'ใจดื'],
    ['ใจดี', 'ใจีด'],
    ['', 'ก'],
  ])('%s ~ %s', (a, b) => expect(withinOneEdit(a, b)).toBe(true));
  it.each([
    ['ใจดี', 'ใจดีมาก'],
    ['ใจดี', 'ใจร้าย'],
    ['ใจดี', 'จใีด'],
    ['abcd', 'badc'],
    ['', 'กข'],
    ['ab', 'ba-'],
  ])('%s ≁ %s', (a, b) => expect(withinOneEdit(a, b)).toBe(false));
});
