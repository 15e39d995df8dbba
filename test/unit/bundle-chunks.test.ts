/**
 * What a bundle loads at start: every run of an action pays for it, and the tests run the
 * bundles over a thousand times.
 *
 * EC2's SDK client is the largest module of the SDK (2 MB): a bundle that imported it at load
 * spent about a fifth of every start on it (the deploy bundle 0.33 s of CPU instead of 0.24 s),
 * though only an asg environment's launch templates and the gate's network checks use it. So
 * it is imported on first use (core/aws/ec2.ts, core/aws/asg-clients.ts): a chunk of its own,
 * never in the code a bundle loads at start. A static import of '@aws-sdk/client-ec2'
 * anywhere an action reaches puts it back into index.js, and fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
/** A string only EC2's client holds (its service's shape namespace). */
const EC2_CLIENT = 'synthetic.com.amazonaws.ec2';

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

describe("the bundles load EC2's client on first use only", () => {
  it.each(entries)('%s does not hold it', (file) => {
    expect(readFileSync(path.join(ROOT, file), 'utf8').includes(EC2_CLIENT)).toBe(false);
  });

  it('the deploy bundle still carries it, in a chunk of its own', () => {
    const dist = path.join(ROOT, 'actions/deploy/dist');
    const chunks = readdirSync(dist).filter(
      (f) =>
        f !== 'index.js' &&
        f.endsWith('.js') &&
        readFileSync(path.join(dist, f), 'utf8').includes(EC2_CLIENT),
    );
    expect(chunks).toHaveLength(1);
  });
});

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
