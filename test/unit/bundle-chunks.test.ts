/**
 * What a bundle loads at start: every run of an action pays for it, and the tests run the
 * bundles over a thousand times.
 *
 * The SDK clients only some environments use are imported on first use, each in a chunk of its
 * own: EC2's (2 MB, the largest of the SDK; a fifth of a start when it was in index.js) by the
 * asg target's launch templates and the gate's network checks (core/aws/ec2.ts,
 * core/aws/asg-clients.ts); ECS's with the ECS Express target, Auto Scaling's and ELB's with the
 * asg target (core/targets/create.ts imports those targets when an environment names them).
 * A static import of one of them anywhere an action reaches puts it back among the files a
 * start loads (recorded by a loader hook while the bundle runs), and fails here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runnerNode } from '../../sim/runner-node.js';
import { scratchFolderSync } from '../../sim/scratch-folders.js';

const ROOT = path.join(import.meta.dirname, '../..');
/** Strings only each client holds (its service's shape namespace). */
const ON_FIRST_USE = {
  EC2: 'synthetic.com.amazonaws.ec2',
  ECS: 'synthetic.com.amazonaws.ecs',
  'Auto Scaling': 'synthetic.com.amazonaws.autoscaling',
  ELB: 'synthetic.com.amazonaws.elasticloadbalancingv2',
};

const scratch = scratchFolderSync('bundle-loads-');

/** Records every file the ESM loader loads (the bundles' chunks are ES modules). */
const recorder = path.join(scratch, 'record-loads.mjs');
writeFileSync(
  recorder,
  `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) appendFileSync(process.env.LOADED_FILES, url + '\\n');
    return nextLoad(url, context);
  },
});
`,
);

/**
 * The files a start of `script` loads, and what it printed: with no inputs and no saved state,
 * a main step loads all it imports and stops at its first input; a post step finds nothing open.
 */
function start(script: string): { files: string[]; stdout: string } {
  const list = path.join(scratch, `${path.relative(ROOT, script).replaceAll(path.sep, '_')}.txt`);
  const r = spawnSync(runnerNode(), ['--import', recorder, script], {
    env: { PATH: process.env['PATH'] ?? '', LOADED_FILES: list },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((url) => fileURLToPath(url));
  return { files, stdout: r.stdout };
}

const actions = readdirSync(path.join(ROOT, 'actions')).filter((name) =>
  existsSync(path.join(ROOT, 'actions', name, 'dist', 'index.js')),
);
const withPost = actions.filter((name) =>
  existsSync(path.join(ROOT, 'actions', name, 'dist', 'post', 'index.js')),
);
const mainStarts = new Map(
  actions.map((name) => [name, start(path.join(ROOT, 'actions', name, 'dist', 'index.js'))]),
);
const postStarts = new Map(
  withPost.map((name) => [
    name,
    start(path.join(ROOT, 'actions', name, 'dist', 'post', 'index.js')),
  ]),
);

/** Every start above, main and post steps, by name ('deploy', 'deploy (post)'). */
const starts = new Map([
  ...mainStarts,
  ...[...postStarts].map(([name, loaded]) => [`${name} (post)`, loaded] as const),
]);

describe('a start of a main step', () => {
  it.each(actions)('%s: loads its steps and stops at its first input', (name) => {
    const { files, stdout } = mainStarts.get(name)!;
    expect(stdout).toMatch(new RegExp(`^::error::${name}: input "`, 'm'));
    expect(files.length).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/\(post\)/);
  });
});

describe.each(Object.entries(ON_FIRST_USE))(
  "the bundles load %s's client on first use only",
  (_, marker) => {
    it.each([...starts.keys()])('a start of %s loads no file that holds it', (step) => {
      const holding = starts
        .get(step)!
        .files.filter((file) => readFileSync(file, 'utf8').includes(marker));
      expect(holding).toEqual([]);
    });

    it('the command line’s index.js does not hold it', () => {
      expect(readFileSync(path.join(ROOT, 'cli/dist/index.js'), 'utf8').includes(marker)).toBe(
        false,
      );
    });

    it('the deploy bundle still carries it, in a chunk of its own', () => {
      const dist = path.join(ROOT, 'actions/deploy/dist');
      const chunks = readdirSync(dist).filter(
        (f) =>
          f !== 'index.js' &&
          f.endsWith('.js') &&
          readFileSync(path.join(dist, f), 'utf8').includes(marker),
      );
      expect(chunks).toHaveLength(1);
    });
  },
);

/** A string only undici holds (a diagnostics channel), which @actions/core's HTTP client imports. */
const UNDICI = 'undici:request:create';

describe('a post step loads its body only when the main step left something open', () => {
  it('six actions have a post step', () => {
    expect(withPost).toHaveLength(6);
  });

  // core/action/post-state.ts: the post step reads the saved state, and imports its body (with
  // @actions/core and the AWS SDK) as a chunk only when there is something to close.
  it.each(withPost)(
    '%s: with nothing open, loads neither @actions/core nor its HTTP client',
    (name) => {
      const { files, stdout } = postStarts.get(name)!;
      expect(stdout).toBe(`${name} (post): the main step left nothing open to close\n`);
      const holding = files.filter((file) => readFileSync(file, 'utf8').includes(UNDICI));
      expect(holding).toEqual([]);
      // The same bundle as the main step's: the post entry only marks the process.
      expect(files).toContain(path.join(ROOT, 'actions', name, 'dist', 'index.js'));
    },
  );

  it.each(withPost)(
    '%s: the main step’s start loads @actions/core’s HTTP client (the check can fail)',
    (name) => {
      const holding = mainStarts
        .get(name)!
        .files.filter((file) => readFileSync(file, 'utf8').includes(UNDICI));
      expect(holding.length).toBeGreaterThan(0);
    },
  );
});
