import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, type DeployWorld } from '../helpers/deploy-world.js';
import { startLossyProxy, type LossyProxy } from '../helpers/lossy-proxy.js';

// The deploy and rollback bundles, run as the runner runs them, against the sim's GitHub and
// Slack: rate limits are waited out as GitHub asks, a refusal is one line naming the missing
// permission, and a request that is not idempotent is never sent twice blindly.

// The fixture's service runs by tag, which every deploy warns about; the rest is what counts.
const warnings = (r: ActionRun): string[] =>
  r.annotations
    .filter((a) => a.level === 'warning' && !a.message.startsWith('the service runs by tag'))
    .map((a) => a.message);
const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

const worlds: DeployWorld[] = [];
const proxies: LossyProxy[] = [];
async function world(): Promise<DeployWorld> {
  const w = await startDeployWorld();
  worlds.push(w);
  return w;
}
afterAll(async () => {
  await Promise.all([...worlds.map((w) => w.stop()), ...proxies.map((p) => p.close())]);
});
const calls = (w: DeployWorld, service: string, operation: string) =>
  w.sim.calls({ service, operation });

describe.concurrent('GitHub and Slack records of a deploy', () => {
  it('waits out a secondary rate limit as retry-after asks, and creates the deployment once', async () => {
    const w = await world();
    w.sim.setFaults({
      rules: [
        {
          service: 'github',
          operation: 'createDeployment',
          kind: 'throttle',
          retryAfterSeconds: 2,
          times: 2,
        },
      ],
    });
    const started = Date.now();
    const result = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(warnings(result)).toEqual([]);

    const creates = calls(w, 'github', 'createDeployment');
    expect(creates.map((c) => c.status)).toEqual([403, 403, 201]);
    expect(w.sim.github.deployments()).toHaveLength(1);
    expect(w.sim.github.deployments()[0]?.statuses.map((s) => s.state)).toEqual([
      'in_progress',
      'success',
    ]);
    const waits = result.stdout
      .split('\n')
      .filter((l) => l.includes('GitHub secondary rate limit'));
    expect(waits).toEqual([
      expect.stringMatching(
        /GitHub secondary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/deployments: waiting 2\.0s as GitHub's retry-after asks \(retry 1 of 3\)/,
      ),
      expect.stringMatching(/waiting 2\.0s as GitHub's retry-after asks \(retry 2 of 3\)/),
    ]);
    expect(Date.now() - started).toBeGreaterThan(4_000);
  });

  it.each([
    ['a revoked token (401)', 'ghs_bad_revoked', 401, 'Bad credentials'],
    [
      'a job token without deployments: write (403)',
      'ghs_readonly_job',
      403,
      'Resource not accessible by integration',
    ],
  ])(
    'says in one line which permission %s lacks, and deploys all the same',
    async (_what, token, status, reason) => {
      const w = await world();
      const result = await w.run('deploy', {
        image: 'v1.5.0',
        snapshot: 'false',
        'github-token': token,
      });
      expect(result.exitCode).toBe(0);
      expect(result.outputs['result']).toBe('deployed');
      // One line per refused use of the token (reading history for the fallback, creating the
      // deployment), each naming the permission to give.
      expect(warnings(result)).toContain(
        `GitHub deployment failed (the run goes on): the token cannot create deployments in example/drop: give the job \`deployments: write\` (GitHub answered ${status}: ${reason} - https://docs.github.com/rest${status === 403 ? '/deployments/deployments' : ''})`,
      );
      for (const line of warnings(result))
        expect(line).toMatch(/give the job `deployments: (read|write)`/);
      // Refused, so not retried.
      expect(calls(w, 'github', 'createDeployment')).toHaveLength(1);
      expect(w.sim.github.deployments()).toEqual([]);
    },
  );

  it.each([
    ['a 502', { status: 502, body: '{"message":"Server Error"}' } as const],
    ['a dropped connection', 'reset' as const],
  ])(
    'does not make a second deployment when the answer to creating one is lost (%s)',
    async (_what, answer) => {
      const w = await world();
      const proxy = await startLossyProxy(w.sim.url, [
        { method: 'POST', path: /\/github\/repos\/[^/]+\/[^/]+\/deployments$/, answer, times: 1 },
      ]);
      proxies.push(proxy);
      const result = await w.run(
        'deploy',
        { image: 'v1.5.0', snapshot: 'false' },
        { env: { GITHUB_API_URL: `${proxy.url}/github` } },
      );
      expect(errors(result)).toEqual([]);
      expect(result.outputs['result']).toBe('deployed');
      expect(proxy.lost).toHaveLength(1);
      // The lost create took effect; the action looked it up instead of creating another.
      expect(calls(w, 'github', 'createDeployment')).toHaveLength(1);
      const deployments = w.sim.github.deployments();
      expect(deployments).toHaveLength(1);
      expect(deployments[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
      expect(deployments[0]?.payload).toMatchObject({
        kind: 'deploy',
        runKey: expect.stringMatching(/^\d+\.1\.deploy$/),
      });
      expect(result.stdout).toMatch(
        /GitHub deployment \d+ of this run exists after all \(the answer to creating it was lost\): using it rather than creating a second one/,
      );
      expect(warnings(result)).toEqual([]);
    },
  );

  it('posts to Slack at most once: a 500 after Slack took the message is a warning, not a second post', async () => {
    const w = await world();
    const proxy = await startLossyProxy(w.sim.url, [
      {
        method: 'POST',
        path: /^\/slack\//,
        answer: { status: 500, body: 'internal_error' },
        times: 1,
      },
    ]);
    proxies.push(proxy);
    const webhook = (w.env['SIM_SLACK_WEBHOOK_URL'] as string).replace(w.sim.url, proxy.url);
    const result = await w.run('deploy', {
      image: 'v1.5.0',
      snapshot: 'false',
      'slack-webhook-url': webhook,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['result']).toBe('deployed');
    expect(proxy.lost).toEqual([
      expect.stringMatching(/^POST \/slack\/.* \(the sim answered 200\)$/),
    ]);
    expect(calls(w, 'slack', 'postMessage')).toHaveLength(1);
    expect(w.sim.slackMessages()).toHaveLength(1);
    expect(warnings(result)).toEqual([
      'Slack failed (the run goes on): Slack did not confirm the message (HTTP 500); it may or may not be in the channel, and is not sent twice',
    ]);
    // The webhook URL is a secret: registered as a mask, and never in a log line.
    const logged = result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain('simwebhooksecret');
  });

  it('retries a Slack post that Slack refused with 429: it was not posted', async () => {
    const w = await world();
    w.sim.setFaults({ rules: [{ service: 'slack', kind: 'throttle', times: 1 }] });
    const result = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
    expect(result.outputs['result']).toBe('deployed');
    expect(calls(w, 'slack', 'postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(w.sim.slackMessages()).toHaveLength(1);
    expect(warnings(result)).toEqual([]);
  });
});

/** Whether process `pid` still runs (a zombie waiting to be reaped runs nothing: not alive). */
async function running(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The state follows the command name in parentheses, which may itself hold spaces.
  return stat !== undefined && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

describe('a down migration with a deadline', () => {
  it('stops the migration and every process it started when the deadline passes', async () => {
    const w = await world();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migration-deadline-'));
    const marker = path.join(dir, 'written-late');
    const grandchild = path.join(dir, 'grandchild.pid');
    try {
      // The migration starts a child, which starts a grandchild that writes its pid and would
      // write the marker after 60 s. The test does not sleep for it: it checks that the
      // grandchild no longer runs once the rollback has ended, so nothing can write later.
      // The deadline (3 s) leaves a loaded machine time to start both shells.
      const result = await w.run('rollback', {
        to: 'v1.4.0',
        reason: 'migration hangs on a lock',
        'down-migration-timeout': '3s',
        'down-migration-command': `echo "reverting 0042"; bash -c 'echo $$ > "${grandchild}"; sleep 60; echo late > "${marker}"' & wait`,
      });
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('reverting 0042');
      expect(errors(result).at(-1)).toMatch(
        /^rollback: Rollback to v1\.4\.0 stopped: the down migration failed, so the image was not changed and v1\.4\.2 still serves: down migration did not finish within 3\.0s; stopped it and every process it started$/,
      );
      expect(w.sim.service(w.serviceArn).running.version).toBe('v1.4.2');
      const pid = Number.parseInt(await readFile(grandchild, 'utf8'), 10);
      expect(pid).toBeGreaterThan(1);
      expect(await running(pid), `grandchild ${pid} still runs`).toBe(false);
      expect(existsSync(marker)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
