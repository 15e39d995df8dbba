/**
 * Each test file removes the folders it made with sim/scratch-folders.ts when it ends: the
 * RUNNER_TEMP folders its bundle runs left (reports the test has read by then; a test run makes
 * over a thousand), rehearsal workspaces, certificates.
 */
import { afterAll } from 'vitest';
import { removeScratchFolders } from '../../sim/scratch-folders.js';

afterAll(removeScratchFolders);
