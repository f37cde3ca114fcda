// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkChain, type ChainLink } from '../../../src/domain/bundle/chain';

const h = (c: string) => c.repeat(64);
const accepted: ChainLink[] = [
  { sequence: 1, statementSha256: h('1'), previous: null },
  { sequence: 2, statementSha256: h('2'), previous: h('1') },
];

describe('checkChain', () => {
  it('accepts the first bundle of a school and kind', () => {
    expect(checkChain({ sequence: 1, previous: null, statementSha256: h('1') }, [])).toEqual({ status: 'follows' });
  });
  it('accepts the next one when it names the last as previous', () => {
    expect(checkChain({ sequence: 3, previous: h('2'), statementSha256: h('3') }, accepted)).toEqual({
      status: 'follows',
    });
  });
  it('calls the same statement again a duplicate, at any sequence', () => {
    expect(checkChain({ sequence: 1, previous: null, statementSha256: h('1') }, accepted)).toEqual({
      status: 'duplicate',
    });
    expect(checkChain({ sequence: 2, previous: h('1'), statementSha256: h('2') }, accepted)).toEqual({
      status: 'duplicate',
    });
  });
  it('calls other bytes at a known sequence a fork', () => {
    expect(checkChain({ sequence: 2, previous: h('1'), statementSha256: h('9') }, accepted).status).toBe('fork');
  });
  it('calls a next bundle that names another previous a fork', () => {
    expect(checkChain({ sequence: 3, previous: h('9'), statementSha256: h('3') }, accepted).status).toBe('fork');
  });
  it('reports the missing sequence numbers of a gap', () => {
    expect(checkChain({ sequence: 5, previous: h('4'), statementSha256: h('5') }, accepted)).toEqual({
      status: 'gap',
      missing: { from: 3, to: 4 },
    });
  });
  it('checks both neighbours of a bundle that fills a hole', () => {
    const holey: ChainLink[] = [accepted[0]!, { sequence: 3, statementSha256: h('3'), previous: h('2') }];
    expect(checkChain({ sequence: 2, previous: h('1'), statementSha256: h('2') }, holey)).toEqual({
      status: 'follows',
    });
    expect(checkChain({ sequence: 2, previous: h('1'), statementSha256: h('8') }, holey).status).toBe('fork');
  });
  it('does not depend on the order of the accepted list', () => {
    expect(checkChain({ sequence: 3, previous: h('2'), statementSha256: h('3') }, [...accepted].reverse())).toEqual({
      status: 'follows',
    });
  });
});
