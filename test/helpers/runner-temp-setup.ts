/**
 * Each test file removes the RUNNER_TEMP folders its bundle runs left (reports the test has
 * read by then): a test run makes over a thousand of them. And the folders it made with
 * sim/scratch-folders.ts (workspaces, certificates).
 */
import { afterAll } from 'vitest';
import { removeRunnerTemps } from '../../sim/run-action.js';
import { removeScratchFolders } from '../../sim/scratch-folders.js';

afterAll(() => Promise.all([removeRunnerTemps(), removeScratchFolders()]));
