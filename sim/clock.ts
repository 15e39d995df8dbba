/**
 * Time in the sim. Timestamps are wall-clock (plus an offset a test may advance), so a
 * client comparing a snapshot's time with its own clock agrees with the sim; durations of
 * lifecycles are multiplied by `timeScale`, so a 3-minute deployment with timeScale 0.01
 * takes 1.8 s of real time.
 *
 * Lifecycles are events on a scheduler that runs lazily: every request (AWS, sample app,
 * control, handle accessor) first runs the events that are due. No timers are left behind
 * when the sim stops, and an event applies at its own scheduled time, not when observed.
 */
export class SimClock {
  private offsetMs = 0;
  /** A fault: the sim's clock differs from the client's by this much (see faults.ts). */
  private skewMs = 0;
  private readonly events: { at: number; seq: number; run: (at: number) => void }[] = [];
  private seq = 0;
  /** Offset plus skew from each real instant on (simTimeAt maps a real time back). */
  private readonly shifts: { fromReal: number; shift: number }[] = [];
  /**
   * Pacing (see pace()): modelled time does not pass `ceiling` until the next tick raises it.
   * `stepMs` is real ms under the time scale.
   */
  private pacing: { stepMs: number; ceiling: number; holds: () => boolean } | undefined;

  constructor(readonly timeScale: number) {
    if (!(timeScale > 0)) throw new Error(`sim: timeScale must be > 0, got ${timeScale}`);
  }

  now(): number {
    const now = Date.now() + this.offsetMs + this.skewMs;
    if (this.pacing === undefined || now <= this.pacing.ceiling) return now;
    if (!this.pacing.holds()) {
      // Not held now: the ceiling follows, so a hold starts from here, never behind.
      this.pacing.ceiling = now;
      return now;
    }
    // Held at the ceiling: the time past it is taken back, so the clock goes on from the
    // ceiling when the next tick raises it (it never jumps, never runs backwards).
    this.offsetMs -= now - this.pacing.ceiling;
    this.recordShift(false);
    return this.pacing.ceiling;
  }

  /**
   * Ties modelled time to a test's own pace: from now until `unpace()`, while `holds()` (a
   * phase the test needs requests in), the clock moves at most `simMs` of modelled time per
   * `tick()` (a request the test's traffic made), however slowly a loaded machine makes them;
   * where the ticks come faster, or outside the phase, it runs as usual. So a phase holds its
   * share of requests on a busy machine too: it lasts longer in real time instead of passing
   * between two requests. `holds` reads state only (it runs inside now()).
   */
  pace(simMs: number, holds: () => boolean = () => true): void {
    if (!(simMs > 0)) throw new Error(`sim: a pace must be > 0 modelled ms per tick, got ${simMs}`);
    const stepMs = this.scaled(simMs);
    this.pacing = { stepMs, ceiling: this.now() + stepMs, holds };
  }

  /** One step of a paced clock: it may run `simMs` (of pace()) past where it is now. */
  tick(): void {
    if (this.pacing === undefined) return;
    this.pacing.ceiling = Math.max(this.pacing.ceiling, this.now() + this.pacing.stepMs);
  }

  /** The clock runs with the wall clock again (from where it is: it does not catch up). */
  unpace(): void {
    this.pacing = undefined;
  }

  /** Sets the skew; pending events keep their place in modelled time. */
  setSkew(ms: number): void {
    const delta = ms - this.skewMs;
    for (const e of this.events) e.at += delta;
    if (this.pacing) this.pacing.ceiling += delta;
    this.skewMs = ms;
    this.recordShift();
  }

  /**
   * Starts the new shift at a millisecond that no earlier reading of the wall clock shares.
   * Date.now() is whole milliseconds, PostgreSQL's timestamps are microseconds: a write that
   * committed just before an advance, in the same millisecond, would otherwise fall on the new
   * side of the boundary (and a point-in-time restore would drop it). Waiting for the next
   * millisecond (at most one) makes the boundary exact: everything that happened before the
   * call is before `fromReal`, everything after it returns is at or after it.
   *
   * A paced clock held at its ceiling shifts on every look (`exact` false): it does not wait,
   * and one entry per millisecond is enough. Nor does a Date that stands (a test's fake
   * timers): after 5 ms of real time the boundary is the next millisecond without waiting.
   */
  private recordShift(exact = true): void {
    const called = Date.now();
    let fromReal = called;
    if (exact) {
      const started = performance.now();
      while (fromReal <= called && performance.now() - started < 5) fromReal = Date.now();
      fromReal = Math.max(fromReal, called + 1);
    }
    const shift = this.offsetMs + this.skewMs;
    const last = this.shifts.at(-1);
    if (last !== undefined && last.fromReal >= fromReal) last.shift = shift;
    else this.shifts.push({ fromReal, shift });
  }

  /**
   * The sim time it was at real (wall-clock) time `realMs`, fractions of a millisecond kept:
   * what a commit timestamp PostgreSQL took meant in the sim (sim/rds-history.ts,
   * sim/rds-roles.ts). The shift of an advance applies from the first millisecond after the
   * call (recordShift), so a time before the call maps with the shift before it.
   */
  simTimeAt(realMs: number): number {
    let shift = 0;
    for (const s of this.shifts) if (s.fromReal <= realMs) shift = s.shift;
    return realMs + shift;
  }

  /** Real milliseconds that `simMs` of modelled time takes. */
  scaled(simMs: number): number {
    return simMs * this.timeScale;
  }

  /** Runs `run` once `simMs` of modelled time has passed (the event sees its own time). */
  after(simMs: number, run: (at: number) => void): void {
    this.at(this.now() + this.scaled(simMs), run);
  }

  at(at: number, run: (at: number) => void): void {
    this.events.push({ at, seq: this.seq++, run });
  }

  /** Jumps the clock forward (real ms), e.g. to finish a lifecycle without waiting. */
  advance(ms: number): void {
    if (this.pacing) this.pacing.ceiling += ms;
    this.offsetMs += ms;
    this.recordShift();
    this.runDue();
  }

  /** Runs every event due by now, in time order; events may schedule further events. */
  runDue(): void {
    for (let guard = 0; guard < 10_000; guard++) {
      const now = this.now();
      let next = -1;
      for (let i = 0; i < this.events.length; i++) {
        const e = this.events[i]!;
        if (e.at > now) continue;
        const best = next >= 0 ? this.events[next]! : undefined;
        if (!best || e.at < best.at || (e.at === best.at && e.seq < best.seq)) next = i;
      }
      if (next < 0) return;
      const [event] = this.events.splice(next, 1);
      event!.run(event!.at);
    }
    throw new Error('sim: more than 10000 events due at once (an event reschedules itself?)');
  }

  /** The time of the next pending event, if any (lets waits sleep exactly long enough). */
  nextEventAt(): number | undefined {
    let min: number | undefined;
    for (const e of this.events) if (min === undefined || e.at < min) min = e.at;
    return min;
  }

  clear(): void {
    this.events.length = 0;
  }
}
