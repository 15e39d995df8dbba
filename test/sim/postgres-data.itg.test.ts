/**
 * Where the test servers keep their data (sim/postgres.ts): in memory when the machine has a
 * memory file system with room, and what a killed test process left there is swept.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, statfs, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inMemory, isAlive, TMPFS_MAGIC } from '../../sim/memory-folder.js';
import pg from 'pg';
import {
  DATA_PREFIX,
  dataFolder,
  OWNER_FILE,
  startPostgres,
  stopOrphanedServers,
  sweepLeftData,
  TEMPLATE_FOLDER_ENV,
  TEMPLATE_PREFIX,
} from '../../sim/postgres.js';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postgres-data-'));
  folders.push(dir);
  return dir;
}

/** A process id that is not running: a child that has exited and been reaped. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

async function leftData(
  folder: string,
  name: string,
  { pid, ageMinutes }: { pid?: number; ageMinutes: number },
): Promise<void> {
  const dir = path.join(folder, name);
  await mkdir(path.join(dir, 'data'), { recursive: true });
  if (pid !== undefined)
    await writeFile(path.join(dir, 'data', 'postmaster.pid'), `${pid}\n/some/data\n`);
  const at = new Date(Date.now() - ageMinutes * 60_000);
  await utimes(dir, at, at);
}

describe('the data of the test servers', () => {
  it('goes to the memory folder when it is a memory file system with room, else to the base', async () => {
    const base = await scratch();
    const shm = await statfs('/dev/shm').catch(() => undefined);
    // A base in memory already (the test run's own temporary folder) is kept.
    const expected = (await inMemory(base)) ? base : shm?.type === TMPFS_MAGIC ? '/dev/shm' : base;
    expect(await dataFolder(base, undefined, { folder: '/dev/shm', minFree: 0 })).toBe(expected);
    // Not enough room, not a memory file system, no such folder: the base.
    expect(await dataFolder(base, undefined, { folder: '/dev/shm', minFree: Infinity })).toBe(base);
    expect(await dataFolder(base, undefined, { folder: '/proc', minFree: 0 })).toBe(base);
    expect(
      await dataFolder(base, undefined, { folder: path.join(base, 'missing'), minFree: 0 }),
    ).toBe(base);
  });

  it('a killed test process’s leftovers are swept; running and young servers are not', async () => {
    const folder = await scratch();
    await leftData(folder, `${DATA_PREFIX}dead`, { pid: deadPid(), ageMinutes: 20 });
    await leftData(folder, `${DATA_PREFIX}stopped`, { ageMinutes: 20 });
    await leftData(folder, `${DATA_PREFIX}running`, { pid: process.pid, ageMinutes: 20 });
    await leftData(folder, `${DATA_PREFIX}being-made`, { ageMinutes: 1 });
    await leftData(folder, 'somebody-elses', { ageMinutes: 60 });
    await sweepLeftData(folder);
    expect((await readdir(folder)).sort()).toEqual([
      `${DATA_PREFIX}being-made`,
      `${DATA_PREFIX}running`,
      'somebody-elses',
    ]);
  });
});

/** A stand-in postmaster: a process whose command line is `argv0 60` (bash's exec -a). */
function fakeServer(argv0: string): number {
  const child = spawn('bash', ['-c', `exec -a '${argv0}' sleep 60`], { stdio: 'ignore' });
  child.unref();
  return child.pid!;
}

async function serverData(
  folder: string,
  name: string,
  { owner, server }: { owner: number; server: number },
): Promise<string> {
  const dir = path.join(folder, name);
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await writeFile(path.join(dir, OWNER_FILE), `${owner}\n`);
  await writeFile(path.join(dir, 'data', 'postmaster.pid'), `${server}\n${dir}/data\n`);
  return dir;
}

describe('servers whose test process is gone', () => {
  it('are stopped and their data removed; a PID that is now another process is left alone', async () => {
    const folder = await scratch();
    const orphanDir = path.join(folder, `${DATA_PREFIX}orphan`);
    const orphan = fakeServer(`postgres -D ${orphanDir}/data`);
    const stranger = fakeServer('postgres -D /somewhere/else');
    const owned = fakeServer(`postgres -D ${path.join(folder, `${DATA_PREFIX}owned`)}/data`);
    try {
      await serverData(folder, `${DATA_PREFIX}orphan`, { owner: deadPid(), server: orphan });
      // Its owner gone too, but the PID on file now runs something that is not its server.
      await serverData(folder, `${DATA_PREFIX}reused`, { owner: deadPid(), server: stranger });
      await serverData(folder, `${DATA_PREFIX}owned`, { owner: process.pid, server: owned });
      expect(await stopOrphanedServers(folder)).toEqual([`${DATA_PREFIX}orphan`]);
      expect(isAlive(orphan)).toBe(false);
      expect([isAlive(stranger), isAlive(owned)]).toEqual([true, true]);
      expect((await readdir(folder)).sort()).toEqual([
        `${DATA_PREFIX}owned`,
        `${DATA_PREFIX}reused`,
      ]);
    } finally {
      for (const pid of [orphan, stranger, owned]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
    }
  });
});

/** The server's cluster id (initdb makes a new one each time) and whether it has `table`. */
async function look(url: string, table: string): Promise<{ id: string; has: boolean }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const id = await c.query<{ id: string }>(
      'SELECT system_identifier::text AS id FROM pg_control_system()',
    );
    const has = await c.query('SELECT 1 FROM pg_tables WHERE tablename = $1', [table]);
    return { id: id.rows[0]!.id, has: has.rowCount === 1 };
  } finally {
    await c.end();
  }
}

describe('the clusters of the test servers', () => {
  it('in a test run, are copies of one initdb made in the run’s template folder, each on its own', async () => {
    // test/helpers/postgres-template-setup.ts names the folder for every test process.
    const folder = process.env[TEMPLATE_FOLDER_ENV];
    expect(folder).toContain(TEMPLATE_PREFIX);
    const [a, b] = await Promise.all([startPostgres(), startPostgres()]);
    try {
      const c = new pg.Client({ connectionString: a.url });
      await c.connect();
      await c.query('CREATE TABLE only_in_a (id int)');
      await c.end();
      const [seenA, seenB] = await Promise.all([
        look(a.url, 'only_in_a'),
        look(b.url, 'only_in_a'),
      ]);
      // One initdb: the same cluster id; separate data: a table made in one is not in the other.
      expect(seenA).toEqual({ id: seenB.id, has: true });
      expect(seenB.has).toBe(false);
      expect((await readdir(folder!)).filter((n) => n.startsWith('cluster-'))).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('outside a test run, come from initdb each', async () => {
    const folder = process.env[TEMPLATE_FOLDER_ENV];
    delete process.env[TEMPLATE_FOLDER_ENV];
    try {
      const [a, b] = await Promise.all([startPostgres(), startPostgres()]);
      try {
        const [seenA, seenB] = await Promise.all([look(a.url, 'x'), look(b.url, 'x')]);
        expect(seenA.id).not.toBe(seenB.id);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    } finally {
      process.env[TEMPLATE_FOLDER_ENV] = folder;
    }
  });
});
