/**
 * A PostgreSQL that cannot start ends the start within seconds with the cause and the fix (the
 * child's `error` and `exit` end the wait), and the run's closing line says so.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import { startPostgres, type PostgresBinaries } from '../../sim/postgres.js';
import { skipLine, timeLine } from '../helpers/tools-reporter.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pg-start-'));
  // As root the server runs as the postgres user, who must reach these scripts.
  await chmod(dir, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function script(name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

/** The start's error and how long it took to come. */
async function failedStart(
  binaries: PostgresBinaries,
  deadlineMs?: number,
): Promise<{ message: string; ms: number }> {
  const started = performance.now();
  const error = await startPostgres({ binaries, ...(deadlineMs ? { deadlineMs } : {}) }).then(
    async (pg) => {
      await pg.stop();
      throw new Error('PostgreSQL started');
    },
    (e: unknown) => e as Error,
  );
  return { message: error.message, ms: performance.now() - started };
}

describe('a PostgreSQL that cannot start', () => {
  it('initdb that cannot be spawned: the child’s error ends the wait', async () => {
    const { message, ms } = await failedStart({ initdb: dir, postgres: dir });
    expect(message).toMatch(/^PostgreSQL could not start: initdb: spawn .* EACCES/);
    expect(message).toMatch(/Fix: .*DATABASE_URL=/);
    expect(ms).toBeLessThan(10_000);
  });

  it('initdb that fails: its exit code and stderr', async () => {
    const initdb = await script('initdb', 'echo "initdb: cannot write here" >&2; exit 1');
    const { message, ms } = await failedStart({ initdb, postgres: initdb });
    expect(message).toMatch(/initdb exited with 1: initdb: cannot write here/);
    expect(ms).toBeLessThan(10_000);
  });

  it('a server that cannot be spawned: the child’s error ends the wait', async () => {
    const { message, ms } = await failedStart({ initdb: '/bin/true', postgres: dir });
    expect(message).toMatch(/^PostgreSQL could not start: postgres: spawn .* EACCES/);
    expect(ms).toBeLessThan(10_000);
  });

  it('a server that exits: the exit ends the wait, with the end of its stderr', async () => {
    const postgres = await script(
      'postgres',
      'echo "FATAL:  could not create lock file" >&2; exit 3',
    );
    const { message, ms } = await failedStart({ initdb: '/bin/true', postgres });
    expect(message).toMatch(/postgres exited with 3.*FATAL: {2}could not create lock file/);
    expect(ms).toBeLessThan(10_000);
  });

  it('a server that never says it is ready: the deadline ends the wait', async () => {
    const postgres = await script('postgres', 'exec sleep 60');
    const { message, ms } = await failedStart({ initdb: '/bin/true', postgres }, 500);
    expect(message).toMatch(/postgres was not ready within 500 ms/);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('the closing line of a run whose PostgreSQL cannot start', () => {
  it('counts the tests that could not run and says why; other tests are unaffected', async () => {
    const vitest = await createVitest('test', {
      config: false,
      watch: false,
      include: ['test/unit/fixtures/postgres-unstartable.fixture.ts'],
      reporters: [{}],
    });
    try {
      await vitest.start();
      const modules = vitest.state.getTestModules();
      const line = skipLine(modules);
      expect(line).toMatch(
        /^2 tests could not run: PostgreSQL could not start: initdb: spawn .* EACCES.* Fix: /,
      );
      expect(line).not.toMatch(/other test/);
      expect(timeLine(modules, 65_000)).toMatch(
        /^Wall time 1\.1 min; slowest files: test\/unit\/fixtures\/postgres-unstartable\.fixture\.ts \d+\.\d s$/,
      );
    } finally {
      await vitest.close();
    }
  });
});
