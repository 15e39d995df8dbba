import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../sim/run-action.js';
import { runnerNode } from '../../sim/runner-node.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const BIN = path.join(REPO_ROOT, 'bin', 'apprunner-ops.mjs');
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function readUntil(
  proc: ChildProcessWithoutNullStreams,
  marker: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`no "${marker}" within ${timeoutMs} ms; got:\n${out}`)),
      timeoutMs,
    );
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(marker)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before "${marker}":\n${out}`));
    });
    // A child that could not start sends `error` and no `exit`.
    proc.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function exitCode(proc: ChildProcessWithoutNullStreams, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    const timer = setTimeout(
      () => reject(new Error(`did not exit within ${timeoutMs} ms`)),
      timeoutMs,
    );
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    proc.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Runs a script in a fresh node with only the exported variables: SDK clients configured by env alone. */
function runWithEnv(env: Record<string, string>, script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`script failed (${code}): ${err}`));
    });
    proc.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('npm run sim (sim/cli.ts)', () => {
  // How fast it starts and stops is bench/sim-start.bench.ts (`npm run bench sim-start`,
  // target 2 s each): a wall-clock budget here failed whenever other work loaded the cores.
  // The deadlines below only end a sim that never starts or never stops.
  it('starts, prints the exports a shell needs, and stops cleanly on SIGINT', async () => {
    child = spawn(TSX, ['sim/cli.ts', '--time-scale', '0.01'], {
      cwd: REPO_ROOT,
      env: { ...process.env },
    });
    const out = await readUntil(child, 'Ctrl-C stops the sim.', 60_000);
    const env = Object.fromEntries(
      [...out.matchAll(/^export ([A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect(env['AWS_ENDPOINT_URL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env['AWS_REGION']).toBe('eu-west-1');
    expect(out).toMatch(
      /service +drop-web RUNNING arn:aws:apprunner:eu-west-1:123456789012:service\/drop-web\//,
    );

    const result = await runWithEnv(
      env,
      `
      import { AppRunnerClient, ListServicesCommand } from '@aws-sdk/client-apprunner';
      import { ECRClient, DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
      import { RDSClient, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
      import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
      const a = await new AppRunnerClient({}).send(new ListServicesCommand({}));
      const e = await new ECRClient({}).send(new DescribeRepositoriesCommand({}));
      const r = await new RDSClient({}).send(new DescribeDBInstancesCommand({}));
      const s = await new STSClient({}).send(new GetCallerIdentityCommand({}));
      console.log(JSON.stringify([a.ServiceSummaryList[0].ServiceName, e.repositories[0].repositoryName, r.DBInstances[0].DBInstanceIdentifier, s.Account]));
      `,
    );
    expect(JSON.parse(result)).toEqual(['drop-web', 'drop-web', 'drop-db', '123456789012']);

    child.kill('SIGINT');
    expect(await exitCode(child, 30_000)).toBe(0);
  });

  it('writes a configuration of its services that the command line runs against (--write-config)', async () => {
    const configFile = path.join(os.tmpdir(), `sim-config-${process.pid}.yml`);
    child = spawn(TSX, ['sim/cli.ts', '--time-scale', '0.01', '--write-config', configFile], {
      cwd: REPO_ROOT,
      env: { ...process.env },
    });
    const out = await readUntil(child, 'Ctrl-C stops the sim.', 60_000);
    expect(out).toContain(`config       ${configFile}: production on drop-web`);
    const env = Object.fromEntries(
      [...out.matchAll(/^export ([A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    // The README's try-it: the command line against the sim, with the configuration it wrote.
    const status = spawnSync(runnerNode(), [BIN, 'status', '--config', configFile], {
      env: { PATH: process.env['PATH'] ?? '', HOME: os.tmpdir(), NO_COLOR: '1', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(status.stderr).toBe('');
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/service +RUNNING/);
    expect(status.stdout).toMatch(/runs +v1\.4\.2/);
    await rm(configFile, { force: true });
    child.kill('SIGINT');
    expect(await exitCode(child, 5000)).toBe(0);
  });

  it('explains a bad flag and exits 2', async () => {
    child = spawn(TSX, ['sim/cli.ts', '--time-scale', 'fast'], {
      cwd: REPO_ROOT,
      env: { ...process.env },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exitCode(child, 10_000)).toBe(2);
    expect(err).toMatch(/--time-scale must be a number/);
  });
});
