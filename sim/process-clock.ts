/**
 * The environment that puts a child process (the built command line, a bundle) on the sim's
 * clock: `spawn(node, [bin, …], { env: { …sim.env, …simClockEnv(sim) } })`. Without it a
 * process started after `sim.advance()` judges ages with the wall clock, behind the sim's.
 * See sim/bin/sim-clock.mjs.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SimHandle } from './index.js';

const PRELOAD = path.join(import.meta.dirname, 'bin', 'sim-clock.mjs');

export function simClockEnv(sim: Pick<SimHandle, 'now'>): Record<string, string> {
  return {
    NODE_OPTIONS: `--import=${pathToFileURL(PRELOAD).href}`,
    SIM_CLOCK_OFFSET_MS: String(sim.now() - Date.now()),
  };
}
