/**
 * Every duration the built command line prints reads in words ("5 h 0 m 29 s"), including the
 * ones in the check reports and summaries it renders from core (the actions keep "5h0m29s" on
 * GitHub, the form the configuration accepts), while a message that suggests a value keeps
 * the form a flag accepts.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simClockEnv } from '../../sim/process-clock.js';
import { runnerNode } from '../../sim/runner-node.js';
import { startDeployWorld, type DeployWorld } from '../helpers/deploy-world.js';

const BIN = path.join(import.meta.dirname, '../../bin/apprunner-ops.mjs');

/** A duration as the actions write it: 5h0m29s, 1m33s, 2.5s, 450ms (no space before the unit). */
const COMPACT = /\b\d+(?:\.\d+)?(?:ms|s|m|h)(?:\d+(?:ms|s|m))*\b/;

function cli(args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(runnerNode(), [BIN, ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: os.tmpdir(), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('durations the command line prints', () => {
  let w: DeployWorld;
  beforeAll(async () => {
    // The sim's newest automated snapshot of drop-db is five hours old: with the 29 s the
    // check's test adds, a duration that reads "5h0m29s" in the actions' form.
    w = await startDeployWorld();
    const base = await readFile(path.join(w.workspace, 'apprunner-ops.yml'), 'utf8');
    await writeFile(
      path.join(w.workspace, 'durations.yml'),
      `${base.trimEnd()}
    checks:
      daily:
        - type: snapshot-fresh
          max-age: 2h
        - type: backups
`,
    );
  });
  afterAll(() => w?.stop());

  it('reads in words in a check report rendered from core', async () => {
    // 29 s more on the sim's clock, which the command line runs on: the snapshot's age has
    // seconds however fast the machine got here (it read "5 h" once the setup took under 1 s).
    w.sim.advance(29_000);
    const { out } = await cli(
      ['check', 'production', 'daily', '--config', 'durations.yml'],
      w.workspace,
      { ...w.env, ...simClockEnv(w.sim) },
    );
    expect(out).toMatch(/newest automated snapshot of drop-db is 5 h 0 m \d+ s old, more than 2h/);
    // "more than 2h" is the configuration's own value, quoted as written.
    for (const line of out.replaceAll('more than 2h', '').split('\n'))
      expect(line).not.toMatch(COMPACT);
  });

  it('reads in words in a deploy’s stages and summary rendered from core', async () => {
    const { code, out } = await cli(
      [
        'deploy',
        'production',
        'v1.5.0',
        '--yes',
        '--no-snapshot',
        '--poll-interval',
        '100ms',
        '--config',
        'durations.yml',
      ],
      w.workspace,
      w.env,
    );
    expect(code, out).toBe(0);
    expect(out).toMatch(/^Duration +\d+(\.\d)? s$/m);
    expect(out).toMatch(/^Update service +✅ ok +\d+(\.\d)? (ms|s) /m);
    expect(out).toMatch(/^Deploy v1\.5\.0: 0 to \d+(\.\d)? s, one column ≈ \d+ ms$/m);
    expect(out).toMatch(/Waiting up to 30 m for App Runner operation/);
    for (const line of out.split('\n')) expect(line).not.toMatch(COMPACT);
  });

  it('keeps the form a flag accepts in a message that suggests a value', async () => {
    const { code, out } = await cli(
      ['deploy', 'production', 'v1.5.0', '--yes', '--timeout', '7h', '--config', 'durations.yml'],
      w.workspace,
      w.env,
    );
    expect(code).toBe(2);
    expect(out).toMatch(/--timeout: expected a duration from 1m to 6h, got 7h/);
  });
});
