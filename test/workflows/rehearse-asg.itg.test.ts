import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// `npm run rehearse -- deploy --production asg`: docs/setup.md's caller deploys staging
// (App Runner) and then production on EC2 Auto Scaling behind a load balancer, with no change
// to the workflows; only the configuration names the target.

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..', '..');

it('rehearses deploy.yml with production on Auto Scaling groups, green', async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/rehearse.ts', 'deploy', '--production', 'asg'],
    { cwd: ROOT, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
  );
  expect(stdout).toMatch(
    /apprunner-ops\.yml: success \(.*deploy\/deploy \(staging\) success, deploy\/deploy \(production\) success/,
  );
  // Production: a new group behind the listener, verified through the load balancer, and the
  // old group retired after keep-old; staging by App Runner.
  const production = stdout.slice(stdout.indexOf('job deploy/deploy (production)'));
  expect(production).toMatch(/✓ Update service: operation drop-web-2: SWITCHED/);
  expect(production).toMatch(/✓ Verify: 1 checks passed; reports v1\.5\.0/);
  expect(production).toMatch(/✓ Retire old: kept 1\.0s, then deleted drop-web-1/);
  const staging = stdout.slice(stdout.indexOf('job deploy/deploy (staging)'));
  expect(staging).toMatch(/✓ Update service: operation [0-9a-f]{32}: SUCCEEDED/);
}, 200_000);
