/**
 * Preloaded (`node --import`) into a child process that should live on the sim's clock: its
 * Date.now() and `new Date()` read the wall clock plus SIM_CLOCK_OFFSET_MS, the distance the
 * sim's clock had run ahead when the process started (sim.advance, a clock fault). A runner's
 * clock agrees with AWS's and with the database server's; in the sim those are the sim's
 * clock and PostgreSQL's wall clock mapped by SimClock.simTimeAt, so a process started after
 * `sim.advance(10 min)` sees a session that went idle before the advance as 10 minutes idle,
 * as the sim's own history does (sim/rds-history.ts). Timers and performance.now are left as
 * they are: waits still take real time. sim/process-clock.ts builds the environment.
 */
const offset = Number(process.env.SIM_CLOCK_OFFSET_MS ?? '0');
if (!Number.isFinite(offset))
  throw new Error(
    `SIM_CLOCK_OFFSET_MS must be a number of milliseconds, got ${process.env.SIM_CLOCK_OFFSET_MS}`,
  );
if (offset !== 0) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  class SimDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + offset);
      else super(...args);
    }
    static now() {
      return realNow() + offset;
    }
  }
  globalThis.Date = SimDate;
}
