import { describe, expect, it } from 'vitest';
import { nextDelay } from './live';

describe('reconnecting the live stream', () => {
  it('backs off by doubling, up to 30 s', () => {
    expect(nextDelay(1000)).toBe(2000);
    expect(nextDelay(16_000)).toBe(30_000);
    expect(nextDelay(30_000)).toBe(30_000);
  });
});
