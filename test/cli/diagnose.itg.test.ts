/**
 * `apprunner-ops diagnose <environment>` as a person runs it (the built command line, a real
 * process, the sim's endpoints in its environment): one table of the database diagnostics, exit
 * 1 when one fails, a session idle in transaction for 10 minutes and the query it blocks, the
 * blocking pid named and no query text printed. The ten minutes pass on the sim's clock
 * (sim.advance), which the command runs on (sim/process-clock.ts), not in real time.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { expect, it } from 'vitest';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { simClockEnv } from '../../sim/process-clock.js';
import { runnerNode } from '../../sim/runner-node.js';
import { waitFor } from '../sim/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/apprunner-ops.mjs');

function cli(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(runnerNode(), [BIN, ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: os.tmpdir(), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const MINUTE = 60_000;

/** The table's rows, each as one line without its "Took" cell (cells wrap at the width). */
function seen(table: string): string {
  const rows: string[] = [];
  for (const line of table.split('\n')) {
    if (/^\S/.test(line)) rows.push(line.replace(/\s+\d+(?:\.\d+)? ?(?:ms|s)$/, ''));
    else if (line.trim() && rows.length) rows[rows.length - 1] += ` ${line.trim()}`;
  }
  return rows.join('\n');
}

it('prints one table with a session idle in transaction for 10 minutes and the pid that blocks a waiting query, no query text, exits 1', async ({
  onTestFinished,
}) => {
  const s = await startSim({ fixture: withPostgres(loadFixture()), timeScale: 0.01 });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diagnose-'));
  const holder = new pg.Client({ connectionString: s.database('drop-db').masterUrl });
  const waiter = new pg.Client({ connectionString: s.database('drop-db').masterUrl });
  onTestFinished(async () => {
    await holder.end().catch(() => undefined);
    await waiter.end().catch(() => undefined);
    await s.stop();
    await rm(dir, { recursive: true, force: true });
  });
  await writeFile(
    path.join(dir, 'apprunner-ops.yml'),
    `version: 1\nenvironments:\n${environmentYaml(s, 'production', s.service('drop-web').arn)}`,
  );
  await holder.connect();
  await waiter.connect();
  const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!
    .pid;
  const waiterPid = (await waiter.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!
    .pid;
  await holder.query('BEGIN');
  await holder.query("UPDATE users SET email = 'secret-ada@example.com' WHERE id = 1");
  // Blocks on the holder's row lock until the holder's transaction ends.
  const blocked = waiter
    .query("UPDATE users SET email = 'secret-grace@example.com' WHERE id = 1")
    .catch(() => undefined);
  // A real lock wait, seen by PostgreSQL, before the clock moves.
  await waitFor('PostgreSQL to show the waiter blocked by the holder', async () => {
    const rows = (
      await holder.query<{ blockers: number[] }>('SELECT pg_blocking_pids($1) AS blockers', [
        waiterPid,
      ])
    ).rows;
    return rows[0]?.blockers.includes(holderPid) || undefined;
  });
  // Ten minutes pass: the holder stays idle in its transaction, the waiter keeps waiting.
  s.advance(10 * MINUTE);
  const started = Date.now();
  const run = await cli(['diagnose', 'production', '--config', 'apprunner-ops.yml'], dir, {
    ...s.env,
    ...simClockEnv(s),
    OPS_DATABASE_URL: s.database('drop-db').masterUrl,
  });
  const tookMs = Date.now() - started;
  await holder.query('ROLLBACK');
  await blocked;
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toMatch(/connections/);
  expect(run.stdout).toMatch(/long-queries/);
  const rows = seen(run.stdout);
  // connections: idle in transaction longer than the default 5m, for 10 minutes.
  expect(rows).toMatch(
    new RegExp(
      `session\\(s\\) idle in transaction longer than 5m: pid ${holderPid} \\(\\w+\\) for 10 m( \\d+ s)?\\b`,
    ),
  );
  // blocking: the waiter, waiting 10 minutes, and the pid that blocks it.
  expect(rows).toMatch(
    new RegExp(
      `pid ${waiterPid} \\(\\w+\\) waits 10 m( \\d+ s)? on pid ${holderPid} \\(\\w+\\), idle in transaction`,
    ),
  );
  expect(run.stderr).toMatch(/FAILED: database diagnostics of production/);
  expect(run.stdout + run.stderr).not.toContain('secret-');
  expect(run.stdout + run.stderr).not.toMatch(/UPDATE users/);
  // The ten minutes cost no real time: one command line run.
  expect(tookMs).toBeLessThan(30_000);
}, 60_000);
