import { describe, expect, it } from 'vitest';
import { bakeConfigSchema, judgeMinutes } from '../../../core/deploy/bake.js';

const minute = (errors: number, p99 = 150) => ({ at: 0, requests: 100, errors, p99 });

describe('bake period judgement', () => {
  const config = bakeConfigSchema.parse({
    'error-rate': 5,
    'consecutive-minutes': 3,
    'latency-p99': 1000,
  });

  it('needs consecutive bad minutes: a good minute in between resets the count', () => {
    expect(
      judgeMinutes([minute(8), minute(8), minute(1), minute(8), minute(8)], config),
    ).toBeUndefined();
    expect(judgeMinutes([minute(1), minute(8), minute(9), minute(8)], config)).toMatch(
      /^3 consecutive bad minutes \(8 % 5xx, 9 % 5xx, 8 % 5xx; limits 5 % 5xx, p99 1000 ms\)$/,
    );
  });

  it('counts a slow minute when latency-p99 is set, and a minute without requests as not bad', () => {
    expect(judgeMinutes([minute(0, 1500), minute(0, 1200), minute(0, 1100)], config)).toMatch(
      /p99 1500 ms/,
    );
    expect(
      judgeMinutes([minute(8), { at: 0, requests: 0, errors: 0 }, minute(8), minute(8)], config),
    ).toBeUndefined();
  });

  it('is exactly at the limit not a breach', () => {
    expect(judgeMinutes([minute(5), minute(5), minute(5)], config)).toBeUndefined();
  });
});
