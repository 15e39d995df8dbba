/**
 * A memory file system for throw-away files: the test PostgreSQL servers' data (sim/postgres.ts).
 * On this project's test machine /tmp is ext4 on a virtual disk, where each file created is a
 * journal write: initdb (a thousand files) took 1.1–1.3 s of CPU there and 0.5 s in memory.
 * Most Linux machines have /dev/shm (tmpfs, mode 1777); a container's is often 64 MB, too small,
 * and then the callers keep to the disk.
 */
import { constants } from 'node:fs';
import { access, readdir, readFile, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';

export const MEMORY_FOLDER = '/dev/shm';
export const TMPFS_MAGIC = 0x01021994;

/** Whether `folder` is on a memory file system (tmpfs). */
export async function inMemory(folder: string): Promise<boolean> {
  try {
    return (await statfs(folder)).type === TMPFS_MAGIC;
  } catch {
    return false;
  }
}

/** `folder` when it is a writable memory file system with `minFree` bytes free, else undefined. */
export async function roomyMemoryFolder(
  minFree: number,
  folder = MEMORY_FOLDER,
): Promise<string | undefined> {
  try {
    const fs = await statfs(folder);
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < minFree) return undefined;
    await access(folder, constants.W_OK);
    return folder;
  } catch {
    return undefined;
  }
}

/** Whether a process `pid` runs (one of another user's counts). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The PID on the first line of `file`, if it holds one. */
export async function pidIn(file: string): Promise<number | undefined> {
  const pid = Number((await readFile(file, 'utf8').catch(() => '')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Removes what killed processes left in `folder` (memory is freed only by removing it): each
 * `prefix*` folder older than `minAgeMs` whose owner, the PID on the first line of its
 * `pidFile`, is gone. A folder without the file counts as its owner gone (a folder being made
 * has none yet, but is younger).
 */
export async function sweepLeftFolders(
  folder: string,
  prefix: string,
  pidFile: string,
  minAgeMs: number,
): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.startsWith(prefix));
  } catch {
    return [];
  }
  const before = Date.now() - minAgeMs;
  const removed: string[] = [];
  for (const name of names) {
    const dir = path.join(folder, name);
    try {
      if ((await stat(dir)).mtimeMs > before) continue;
      const pid = await pidIn(path.join(dir, pidFile));
      if (pid !== undefined && isAlive(pid)) continue;
      await rm(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another process removed it first, or it is not ours to remove.
    }
  }
  return removed;
}
