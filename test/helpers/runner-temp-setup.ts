/**
 * Each test file removes the RUNNER_TEMP folders its bundle runs left (reports the test has
 * read by then): a test run makes over a thousand of them.
 */
import { afterAll } from 'vitest';
import { removeRunnerTemps } from '../../sim/run-action.js';

afterAll(removeRunnerTemps);
