/**
 * release.yml rehearsed against the sim's GitHub: a clone of this repository's committed HEAD
 * (node_modules linked in, as `npm ci` would replace them), the workflow dispatched with a
 * version, its API calls (tag objects, refs, the release) answered by sim/services/github-git.ts.
 * Used by `npm run rehearse -- release` and test/workflows/release.itg.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { suiteIdentity } from '../../cli/suite.js';
import type { SimHandle } from '../../sim/index.js';
import { REPO_ROOT } from '../action-manifests.js';
import { rehearseWorkflow, type RehearsalResult } from './engine.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

export interface ReleaseClone {
  dir: string;
  head: string;
  remove(): Promise<void>;
}

/** A clone of HEAD with this machine's node_modules linked in. */
export async function cloneHead(): Promise<ReleaseClone> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'release-'));
  const dir = path.join(parent, 'apprunner-ops');
  const head = git(REPO_ROOT, 'rev-parse', 'HEAD');
  git(parent, 'clone', '-q', '--no-checkout', REPO_ROOT, dir);
  git(dir, 'checkout', '-q', head);
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return { dir, head, remove: () => rm(parent, { recursive: true, force: true }) };
}

export async function rehearseRelease(options: {
  sim: SimHandle;
  clone: ReleaseClone;
  version: string;
  dryRun?: boolean;
  log?: (line: string) => void;
}): Promise<RehearsalResult> {
  const repository = suiteIdentity().repository;
  return rehearseWorkflow({
    workflow: path.join(options.clone.dir, '.github/workflows/release.yml'),
    workspace: options.clone.dir,
    inputs: { version: options.version, 'dry-run': options.dryRun ?? false },
    github: {
      repository,
      repository_owner: repository.split('/')[0] ?? repository,
      sha: options.clone.head,
    },
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      GITHUB_API_URL: options.sim.env['GITHUB_API_URL'] as string,
    },
    runOverrides: {
      'Install dependencies': 'echo "node_modules: linked from the machine running the rehearsal"',
      // The action bundles and the command line take minutes to rebuild; CI's test job
      // compares them on every push.
      'Generated files are current': 'npx tsx scripts/check-generated.ts --only schema,workflows',
    },
    ...(options.log ? { log: options.log } : {}),
  });
}
