import { describe, expect, it } from 'vitest';
import { compareCanary, figuresOf } from '../../../core/health/canary-compare.js';

const minute = (requests: number, errors: number, p99?: number) => ({
  at: 0,
  requests,
  errors,
  ...(p99 !== undefined ? { p99 } : {}),
});

describe('canary analysis: the new target group against the old one', () => {
  it('adds up the window: requests, errors, their rate and the highest p99', () => {
    expect(figuresOf([minute(100, 2, 180), minute(50, 1, 240)])).toEqual({
      requests: 150,
      errors: 3,
      errorRate: 0.02,
      p99Ms: 240,
    });
  });

  it('passes a canary within twice the old error rate or one point above it', () => {
    const old = figuresOf([minute(1000, 5, 200)]);
    expect(compareCanary(figuresOf([minute(100, 1, 210)]), old).kind).toBe('pass');
  });

  it('names the metric and both values on a breach', () => {
    const old = figuresOf([minute(1000, 0, 200)]);
    const errors = compareCanary(figuresOf([minute(100, 8, 200)]), old);
    expect(errors).toEqual({
      kind: 'breach',
      metric: 'error rate',
      line: 'error rate 8.0 % on the new group (8/100) against 0.0 % on the old one (0/1000); the limit was 1.0 %',
    });
    const slow = compareCanary(figuresOf([minute(100, 0, 1640)]), old);
    expect(slow).toMatchObject({ kind: 'breach', metric: 'p99' });
    expect(slow.line).toBe(
      'p99 1640 ms on the new group against 200 ms on the old one; the limit was 300 ms',
    );
  });

  it('gives no verdict on too few requests: one error in ten is neither a pass nor a breach', () => {
    const old = figuresOf([minute(1000, 0, 200)]);
    const few = compareCanary(figuresOf([minute(10, 1, 200)]), old);
    expect(few).toEqual({
      kind: 'too-few',
      line: 'too few requests to judge: 10 on the new group and 1000 on the old one in the window, and each needs 100 (canary.min-requests)',
    });
    expect(
      compareCanary(figuresOf([minute(60, 0, 200)]), figuresOf([minute(40, 0, 200)])).kind,
    ).toBe('too-few');
    // Enough requests on both: judged.
    expect(compareCanary(figuresOf([minute(100, 1, 200)]), old).kind).toBe('pass');
  });

  it('is no-data, never a pass, when the new group had no requests', () => {
    expect(compareCanary(figuresOf([]), figuresOf([minute(1000, 0, 200)])).kind).toBe('no-data');
  });
});
