/**
 * The built command line against the sim, each command given what a terminal user gets wrong
 * (no token, no database URL, a missing file, an unknown gate): every message names the
 * command line's flags and environment variables, never the action's inputs and secrets.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnerNode } from '../../sim/runner-node.js';
import { startDeployWorld, type DeployWorld } from '../helpers/deploy-world.js';

const BIN = path.join(import.meta.dirname, '../../bin/apprunner-ops.mjs');

/** The action's words: inputs, secrets passed to a workflow, `to:`. */
const ACTION_WORDS =
  /input "|\b(github-token|audit-database-url|betterstack-token|slack-webhook-url)\b|(?<![\w-])database-url\b(?!-)|secrets: inherit|\bto: |pass the [A-Z_]+ secret|"(config|gate|checks)" input|unexpected error/;

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

describe('the command line in its own words', () => {
  let w: DeployWorld;
  beforeAll(async () => {
    w = await startDeployWorld();
    const base = await readFile(path.join(w.workspace, 'apprunner-ops.yml'), 'utf8');
    await writeFile(
      path.join(w.workspace, 'words.yml'),
      `${base.trimEnd()}
    checks:
      weekly:
        - type: monitors-green
        - type: sql
          name: open-aml-alerts
          query: SELECT 1 WHERE false
        - type: snapshot-restore
    gates:
      go-live:
        - type: ci-green
`,
    );
  });
  afterAll(() => w?.stop());

  it.each([
    [
      'check without BETTERSTACK_TOKEN, OPS_DATABASE_URL or AUDIT_DATABASE_URL',
      ['check', 'production', 'weekly', '--config', 'words.yml'],
      [/BETTERSTACK_TOKEN is not set/, /OPS_DATABASE_URL is not set: sql checks need/],
    ],
    [
      'gate without GITHUB_TOKEN',
      ['gate', 'production', '--config', 'words.yml'],
      [/ci-green needs GITHUB_TOKEN/],
    ],
    [
      'an unknown gate',
      ['gate', 'production', 'launch', '--config', 'words.yml'],
      [/no such gate; the environment defines "go-live" \(name one of them after the environment/],
    ],
    [
      'a configuration that is not there',
      ['status', 'production', '--config', 'missing.yml'],
      [/file not found; create it .* or pass its path with --config/],
    ],
    [
      'rollback with no history to read',
      [
        'rollback',
        'production',
        '--reason',
        'checkout broken since the release',
        '--dry-run',
        '--config',
        'words.yml',
      ],
      [/set GITHUB_TOKEN or AUDIT_DATABASE_URL\); name one with --to <tag>/],
    ],
  ])('%s', async (_, args, expected) => {
    // A terminal without GITHUB_TOKEN, BETTERSTACK_TOKEN and the database URLs.
    const { out } = await cli(args, w.workspace, w.env);
    for (const message of expected) expect(out).toMatch(message);
    expect(out).not.toMatch(ACTION_WORDS);
  });
});
