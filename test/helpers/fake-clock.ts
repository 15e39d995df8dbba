import type { Clock } from '../../core/util/clock.js';

/** A clock whose sleeps pass instantly and advance its time; records every sleep. */
export function fakeClock(
  start = Date.UTC(2026, 10, 22, 12, 0, 0),
): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => void (now += ms),
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}
