/**
 * What a bundle loads at start: every run of an action pays for it, and the tests run the
 * bundles over a thousand times.
 *
 * The SDK clients only some environments use are imported on first use, each in a chunk of its
 * own: EC2's (2 MB, the largest of the SDK; a fifth of a start when it was in index.js) by the
 * asg target's launch templates and the gate's network checks (core/aws/ec2.ts,
 * core/aws/asg-clients.ts); ECS's with the ECS Express target, Auto Scaling's and ELB's with the
 * asg target (core/targets/create.ts imports those targets when an environment names them).
 * A static import of one of them anywhere an action reaches puts it back into index.js, and
 * fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
/** Strings only each client holds (its service's shape namespace). */
const ON_FIRST_USE = {
  EC2: 'synthetic.com.amazonaws.ec2',
  ECS: 'synthetic.com.amazonaws.ecs',
  'Auto Scaling': 'synthetic.com.amazonaws.autoscaling',
  ELB: 'synthetic.com.amazonaws.elasticloadbalancingv2',
};

const dists = [
  ...readdirSync(path.join(ROOT, 'actions'))
    .map((name) => path.join('actions', name, 'dist'))
    .filter((dist) => existsSync(path.join(ROOT, dist, 'index.js'))),
  'cli/dist',
];
const entries = dists.flatMap((dist) =>
  ['index.js', 'post/index.js']
    .map((file) => path.join(dist, file))
    .filter((file) => existsSync(path.join(ROOT, file))),
);

describe.each(Object.entries(ON_FIRST_USE))(
  "the bundles load %s's client on first use only",
  (_, marker) => {
    it.each(entries)('%s does not hold it', (file) => {
      expect(readFileSync(path.join(ROOT, file), 'utf8').includes(marker)).toBe(false);
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
const posts = entries.filter((file) => file.endsWith(path.join('post', 'index.js')));

describe('a post step loads its body only when the main step left something open', () => {
  it('six actions have a post step', () => {
    expect(posts).toHaveLength(6);
  });

  // core/action/post-state.ts: the entry reads the saved state, and imports the body (with
  // @actions/core and the AWS SDK) as a chunk only when there is something to close.
  it.each(posts)('%s holds neither @actions/core nor its HTTP client', (file) => {
    const code = readFileSync(path.join(ROOT, file), 'utf8');
    expect(code.includes(UNDICI)).toBe(false);
    expect(code.includes('runPostStepIfOpen')).toBe(true);
  });
});
