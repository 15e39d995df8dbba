/**
 * release.yml rehearsed with dry-run in a clone of this repository's committed HEAD: the
 * version and changelog checks, the generated-files check (schema and workflows; the bundles
 * take minutes to rebuild and CI's test job checks them), the notes, and the tags, which stay
 * in the clone because a dry run pushes nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';

const ROOT = path.join(import.meta.dirname, '../..');
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A clone of HEAD with this machine's node_modules linked in (npm ci would replace them). */
async function clone(): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'release-'));
  const repo = path.join(dir, 'apprunner-ops');
  git(dir, 'clone', '-q', '--no-checkout', ROOT, repo);
  git(repo, 'checkout', '-q', git(ROOT, 'rev-parse', 'HEAD'));
  await symlink(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'));
  return repo;
}

const rehearseRelease = (repo: string, version: string) =>
  rehearseWorkflow({
    workflow: path.join(repo, '.github/workflows/release.yml'),
    workspace: repo,
    inputs: { version, 'dry-run': true },
    github: { repository: 'example/apprunner-ops', repository_owner: 'example' },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    runOverrides: {
      'Install dependencies': 'echo "node_modules: linked from the machine running the rehearsal"',
      'Generated files are current': 'npx tsx scripts/check-generated.ts --only schema,workflows',
    },
  });

describe('release.yml with dry-run', () => {
  it('checks, tags vX.Y.Z and vX locally, prints the notes and pushes nothing', async () => {
    const repo = await clone();
    const head = git(repo, 'rev-parse', 'HEAD');
    const result = await rehearseRelease(repo, '1.0.0');
    const steps = result.jobs['release']?.steps.map((s) => `${s.label}: ${s.outcome}`);
    expect(steps, result.log.join('\n')).toEqual([
      'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1: success',
      'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020: success',
      'Install dependencies: success',
      'Version and changelog: success',
      'Generated files are current: success',
      'Release notes: success',
      'Tag, move the major tag, publish: success',
    ]);
    const log = result.log.join('\n');
    expect(log).toContain('Generated files are current (schema, workflows).');
    expect(log).toContain('dry-run: pushing nothing; the release notes would be:');
    // The notes: the changelog's 1.0.0 section, then the lines a caller pins.
    expect(log).toContain('    | The first release: what a team on App Runner');
    expect(log).toContain(
      `    | uses: example/apprunner-ops/.github/workflows/deploy.yml@${head} # v1.0.0`,
    );
    expect(log).toContain(
      '    | Configuration schema: https://raw.githubusercontent.com/example/apprunner-ops/v1.0.0/schema/apprunner-ops.schema.json',
    );
    expect(git(repo, 'rev-parse', 'v1.0.0^{commit}')).toBe(head);
    expect(git(repo, 'rev-parse', 'v1^{commit}')).toBe(head);
    // Nothing reached the origin.
    expect(git(ROOT, 'tag', '--list', 'v1.0.0')).toBe('');
  }, 120_000);

  it('refuses a version the changelog does not describe, before tagging', async () => {
    const repo = await clone();
    const result = await rehearseRelease(repo, '1.0.1');
    expect(result.conclusion).toBe('failure');
    expect(result.log).toContain(
      '    | release: CHANGELOG.md has no "## [1.0.1] - YYYY-MM-DD" section: move the Unreleased entries under it and commit',
    );
    const tag = result.jobs['release']?.steps.at(-1);
    expect(tag?.outcome).toBe('skipped');
    expect(git(repo, 'tag', '--list')).toBe('');
  }, 120_000);
});
