/**
 * `apprunner-ops diagnose <environment>` as a person runs it (the built command line, a real
 * process, the sim's endpoints in its environment): one table of the database diagnostics, exit
 * 1 when one fails, the blocking pid named and no query text printed.
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
import { runnerNode } from '../../sim/runner-node.js';

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

it('prints one table, names the pid that blocks a waiting query, prints no query text, exits 1', async ({
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
  await holder.query('BEGIN');
  await holder.query("UPDATE users SET email = 'secret-ada@example.com' WHERE id = 1");
  const blocked = waiter
    .query("UPDATE users SET email = 'secret-grace@example.com' WHERE id = 1")
    .catch(() => undefined);
  // blocking reports waits longer than 30 s by default: a real wait, the command has no clock hook.
  await new Promise((resolve) => setTimeout(resolve, 31_000));
  const run = await cli(['diagnose', 'production', '--config', 'apprunner-ops.yml'], dir, {
    ...s.env,
    OPS_DATABASE_URL: s.database('drop-db').masterUrl,
  });
  await holder.query('ROLLBACK');
  await blocked;
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toMatch(/connections/);
  expect(run.stdout).toMatch(/long-queries/);
  expect(run.stdout).toMatch(
    new RegExp(`waits \\d+s on pid ${holderPid} \\(\\w+\\), idle in transaction`),
  );
  expect(run.stderr).toMatch(/FAILED: database diagnostics of production/);
  expect(run.stdout + run.stderr).not.toContain('secret-');
}, 120_000);
