/**
 * The command line as a team installs it: `npm pack` of this checkout, `npm install -g` of the
 * tarball into an empty prefix (offline: the bundle needs no dependency), then the installed
 * `apprunner-ops` run on the runner's Node with a PATH that has nothing of this repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, copyFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnerNode } from '../../sim/runner-node.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HEAD = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const VERSION = (
  JSON.parse(execFileSync('npm', ['pkg', 'get', 'version'], { cwd: ROOT, encoding: 'utf8' })) as
    string | undefined
)?.toString();

let tmp: string;
let prefix: string;
let packed: { files: { path: string }[]; size: number; filename: string };

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cli-package-'));
  prefix = path.join(tmp, 'prefix');
  // prepack writes build-info.json (the commit), postpack removes it again.
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  packed = (JSON.parse(out) as (typeof packed)[])[0]!;
  execFileSync(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--offline',
      '--no-audit',
      '--no-fund',
      path.join(tmp, packed.filename),
    ],
    { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}, 60_000);
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The installed command, from a folder outside the repository, on the runner's Node only. */
function installed(
  args: string[],
  cwd = tmp,
): { code: number | null; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(path.join(prefix, 'bin', 'apprunner-ops'), args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: `${path.dirname(runnerNode())}:/usr/bin:/bin`,
      HOME: tmp,
      NO_COLOR: '1',
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

describe('npm pack, npm install -g, apprunner-ops', () => {
  it('packs the bundle, the files it reads and nothing of the sources', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toContain('bin/apprunner-ops.mjs');
    expect(files).toContain('cli/dist/index.js');
    expect(files).toContain('actions/deploy/action.yml');
    expect(files).toContain('examples/caller/.github/workflows/apprunner-ops.yml');
    expect(files).toContain('build-info.json');
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('actions/') && f.includes('/dist/'))).toEqual([]);
    // The tarball was 11.5 MB of 524 files.
    expect(files.length).toBeLessThan(60);
    expect(existsSync(path.join(ROOT, 'build-info.json'))).toBe(false);
  });

  it('--version names the release and the commit it was packed from', () => {
    const r = installed(['--version']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `apprunner-ops ${VERSION} (commit ${HEAD}; apprunner-ops/apprunner-ops)\n`,
    );
  });

  it('--help lists the commands and starts without loading them', () => {
    const r = installed(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: apprunner-ops <command>/);
    for (const name of ['status', 'deploy', 'rollback', 'validate', 'init'])
      expect(r.stdout).toContain(`  ${name} `);
    // Start-up is measured by `npm run bench cli-start`; printed here for the record.
    console.log(`installed apprunner-ops --help: ${Math.round(r.ms)} ms`);
  });

  it('validate reads a configuration, and names what is wrong in a broken one', async () => {
    const dir = path.join(tmp, 'service');
    await mkdir(path.join(dir, '.github'), { recursive: true });
    await copyFile(
      path.join(ROOT, 'examples', 'drop', 'apprunner-ops.yml'),
      path.join(dir, '.github', 'apprunner-ops.yml'),
    );
    const ok = installed(['validate'], dir);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe(
      '.github/apprunner-ops.yml: valid (2 environments: production, staging)\n',
    );
    expect(ok.code).toBe(0);
    const missing = installed(['validate', 'nope.yml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yml: no such file');
  });
});
