/**
 * The sim clock's pacing (sim/clock.ts): while a phase holds, modelled time moves at most a
 * step per tick of the test's traffic, so a slow machine stretches the phase in real time
 * instead of letting it pass between two requests; outside the phase, or with fast ticks,
 * the clock follows the wall clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimClock } from '../../sim/clock.js';

describe('SimClock pacing', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds a phase to one step per tick, so its events wait for the requests', () => {
    // ×0.01: a modelled minute is 600 ms real; a step of 3 modelled s is 30 ms.
    const clock = new SimClock(0.01);
    let mixed = false;
    const seen: string[] = [];
    clock.pace(3_000, () => mixed);
    const start = clock.now();
    // Outside the phase the clock runs with the wall clock, ticks or not.
    vi.advanceTimersByTime(100);
    expect(clock.now()).toBe(start + 100);
    mixed = true;
    clock.after(60_000, () => seen.push('phase ends'));
    // A slow machine: 5 s of real time, no request. The clock stands at one step.
    vi.advanceTimersByTime(5_000);
    clock.runDue();
    expect(clock.now()).toBe(start + 100);
    expect(seen).toEqual([]);
    // Each request lets it run one step (30 ms real) further: the phase's modelled minute
    // (600 ms real) takes 20 requests, however long they take.
    for (let i = 0; i < 19; i++) {
      clock.tick();
      vi.advanceTimersByTime(1_000);
      clock.runDue();
    }
    expect(seen).toEqual([]);
    expect(clock.now()).toBe(start + 100 + 19 * 30);
    clock.tick();
    vi.advanceTimersByTime(1_000);
    clock.runDue();
    expect(seen).toEqual(['phase ends']);
    // Time never ran backwards, and goes on from where it stood once unpaced.
    const held = clock.now();
    clock.unpace();
    vi.advanceTimersByTime(50);
    expect(clock.now()).toBe(held + 50);
  });

  it('does not hold back ticks that come faster than the step', () => {
    const clock = new SimClock(0.01);
    clock.pace(3_000);
    const start = clock.now();
    for (let i = 0; i < 10; i++) {
      clock.tick();
      vi.advanceTimersByTime(10);
    }
    expect(clock.now()).toBe(start + 100);
  });
});
