/**
 * Temporary folders that live as long as one test file, or one command: made here, they are
 * removed together by removeScratchFolders(), which each test file calls when it ends (its
 * setup file, test/helpers/runner-temp-setup.ts), and by this process's exit otherwise (the
 * demo, `npm run rehearse`, a bench). Made with a bare mkdtemp, a test run left about seventy
 * folders in /tmp that nothing removed, and every bundle run its RUNNER_TEMP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new folder in the temporary folder, named `prefix` and six random characters. */
export async function scratchFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

export function scratchFolderSync(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder made so far (a test file's, when it ends). */
export async function removeScratchFolders(): Promise<void> {
  const dirs = [...made];
  made.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}
