import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// `npm run rehearse -- deploy --production ecs-express`: docs/setup.md's caller deploys staging
// (App Runner) and then production on ECS Express Mode, with no change to the workflows; only
// the configuration names the target.

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..', '..');

it('rehearses deploy.yml with production on ECS Express, green', async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/rehearse.ts', 'deploy', '--production', 'ecs-express'],
    { cwd: ROOT, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
  );
  expect(stdout).toMatch(
    /apprunner-ops\.yml: success \(.*deploy\/deploy \(staging\) success, deploy\/deploy \(production\) success/,
  );
  // Production was switched by ECS (UpdateExpressGatewayService, a service deployment followed
  // to SUCCESSFUL) and verified; staging by App Runner.
  const production = stdout.slice(stdout.indexOf('job deploy/deploy (production)'));
  expect(production).toMatch(/✓ Update service: operation arn:aws:ecs:[^ ]+: SUCCESSFUL/);
  expect(production).toMatch(/✓ Verify: 1 checks passed; reports v1\.5\.0/);
  const staging = stdout.slice(stdout.indexOf('job deploy/deploy (staging)'));
  expect(staging).toMatch(/✓ Update service: operation [0-9a-f]{32}: SUCCEEDED/);
}, 200_000);
