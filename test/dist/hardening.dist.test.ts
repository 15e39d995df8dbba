import { readFile } from 'node:fs/promises';
import { AppRunnerClient, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { BatchDeleteImageCommand, ECRClient } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_FIXTURE, type FixtureInput, type StartSimOptions } from '../../sim/index.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, testConfig, type DeployWorld } from '../helpers/deploy-world.js';

// Deploy and rollback against the ways AWS and GitHub really behave (issue 10): people's
// snapshots, moved tags, lost answers, hung connections, skewed clocks, shared histories.

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const warnings = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
const worlds: DeployWorld[] = [];
async function world(
  options: StartSimOptions = {},
  config?: Parameters<typeof startDeployWorld>[1],
): Promise<DeployWorld> {
  const w = await startDeployWorld(options, config);
  worlds.push(w);
  return w;
}
let pg: LocalPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
  await pg.stop();
});

type Fixture = {
  apprunner: { services: { image?: string }[] };
  rds: { instances: { manualSnapshots?: { id: string; ago: string }[] }[] };
};
async function fixture(edit: (f: Fixture) => void): Promise<FixtureInput> {
  const f = parse(await readFile(DEFAULT_FIXTURE, 'utf8')) as Fixture;
  edit(f);
  return f as unknown as FixtureInput;
}

/** UpdateService calls that took effect: answered, or applied with the answer lost. */
function appliedUpdates(w: DeployWorld): string[] {
  return w.sim
    .calls({ service: 'apprunner', operation: 'UpdateService' })
    .filter((c) => c.fault === 'applied-then-lost' || (!c.fault && !c.error))
    .map(
      (c) =>
        (c.params as { SourceConfiguration?: { ImageRepository?: { ImageIdentifier?: string } } })
          .SourceConfiguration?.ImageRepository?.ImageIdentifier ?? '',
    );
}
const running = (w: DeployWorld): string => w.sim.service(w.serviceArn).running.version;

describe.concurrent('snapshots (defects 1, 2, 6)', () => {
  it("prunes only the suite's own snapshot ids, never a person's", async () => {
    const w = await world(
      {
        fixture: await fixture((f) => {
          f.rds.instances[0]!.manualSnapshots = [
            { id: 'drop-db-before-pg16-upgrade', ago: '30d' },
            { id: 'drop-db-pre-rollback-20260101-1200-abc1234', ago: '20d' },
            { id: 'drop-db-20260102-1200', ago: '10d' },
            { id: 'drop-db-20260103-1200-def5678', ago: '9d' },
            { id: 'drop-db-20260103-1200-def5678-2', ago: '8d' },
          ];
        }),
      },
      (sim) =>
        testConfig(sim, {
          database:
            '      instance: drop-db\n      snapshot-prefix: drop-db\n      snapshot-retention: 1\n      snapshot-timeout: 30m',
        }),
    );
    const result = await w.run('deploy', { image: 'v1.5.0' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    const left = w.sim
      .snapshots('drop-db')
      .filter((s) => s.type === 'manual')
      .map((s) => s.id);
    expect(left).toContain('drop-db-before-pg16-upgrade');
    expect(left).toContain('drop-db-pre-rollback-20260101-1200-abc1234');
    expect(left).toContain(result.outputs['snapshot-id']);
    // The suite's own older ones go (retention 1).
    expect(left).not.toContain('drop-db-20260102-1200');
    expect(left).not.toContain('drop-db-20260103-1200-def5678');
    expect(left).not.toContain('drop-db-20260103-1200-def5678-2');
  });

  it('a failed prune is a warning in the summary, never a red deploy', async () => {
    const w = await world({
      fixture: await fixture((f) => {
        f.rds.instances[0]!.manualSnapshots = [
          { id: 'drop-db-pre-deploy-20260101-1200-abc1234', ago: '10d' },
          { id: 'drop-db-pre-deploy-20260102-1200-abc1234', ago: '9d' },
          { id: 'drop-db-pre-deploy-20260103-1200-abc1234', ago: '8d' },
        ];
      }),
      faults: { rules: [{ service: 'rds', operation: 'DeleteDBSnapshot', kind: 'access-denied' }] },
    });
    const result = await w.run('deploy', { image: 'v1.5.0' });
    expect(errors(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs['result']).toBe('deployed');
    expect(warnings(result)).toContainEqual(
      expect.stringMatching(
        /^Prune snapshots failed \(the run goes on\): could not delete drop-db-pre-deploy-20260101-1200-abc1234 \(AccessDenied: /,
      ),
    );
    expect(result.summary).toMatch(/\| Prune snapshots \| ⚠️ warning \|/);
    expect(running(w)).toBe('v1.5.0');
  });

  it('snapshots an instance in storage-optimization, as CreateDBSnapshot allows', async () => {
    const w = await world();
    w.sim.setInstanceStatus('drop-db', 'storage-optimization');
    const result = await w.run('deploy', { image: 'v1.5.0' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(
      w.sim.snapshots('drop-db').find((s) => s.id === result.outputs['snapshot-id'])?.status,
    ).toBe('available');
  });
});

describe.concurrent('a lost UpdateService answer (defect 3)', () => {
  it.each([
    [
      'reset, with the sim clock 5 s behind the runner',
      { lostAs: 'reset' as const, clockOffsetMs: -5_000, listingDelayMs: 0 },
    ],
    [
      '500, with the operation listed only 1.5 s later and the sim clock 5 s ahead',
      { lostAs: 'server-error' as const, clockOffsetMs: 5_000, listingDelayMs: 1_500 },
    ],
  ])('%s: follows the update it started, once', async (_, f) => {
    const w = await world({
      faults: {
        clockOffsetMs: f.clockOffsetMs,
        listingDelayMs: f.listingDelayMs,
        rules: [
          {
            service: 'apprunner',
            operation: 'UpdateService',
            kind: 'applied-then-lost',
            lostAs: f.lostAs,
            times: 1,
          },
        ],
      },
    });
    const result = await w.run('deploy', { image: 'v1.5.0' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(appliedUpdates(w)).toHaveLength(1);
    const ops = w.sim.service(w.serviceArn).operations.filter((o) => o.type === 'UPDATE_SERVICE');
    expect(ops).toHaveLength(1);
    expect(result.outputs['operation-id']).toBe(ops[0]?.id);
    expect(running(w)).toBe('v1.5.0');
  });

  it('does not adopt an operation a person started, and does not switch twice', async () => {
    // The first UpdateService never reaches App Runner (a 503 before it is applied): deploy must
    // call it again rather than mistake an unrelated newer operation for its own.
    const w = await world({
      faults: {
        clockOffsetMs: 5_000,
        rules: [
          { service: 'apprunner', operation: 'UpdateService', kind: 'unavailable', times: 1 },
        ],
      },
    });
    const result = await w.run('deploy', { image: 'v1.5.0' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(appliedUpdates(w)).toHaveLength(1);
    expect(running(w)).toBe('v1.5.0');
  });
});

describe.concurrent('a service pinned by tag (defect 4)', () => {
  it('deploys a moved tag (pinning its digest) instead of calling it "already running"', async () => {
    const w = await world({
      fixture: await fixture((f) => {
        f.apprunner.services[0]!.image = 'drop-web:latest';
      }),
    });
    w.sim.pushImage('drop-web', { tags: ['latest', 'v1.6.0'], version: 'v1.6.0' });
    const result = await w.run('deploy', { image: 'latest', snapshot: 'false' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(w.sim.service(w.serviceArn).imageIdentifier).toMatch(/drop-web@sha256:[0-9a-f]{64}$/);
    expect(running(w)).toBe('v1.6.0');
  });

  it("rolls back to the suite's last deployment, not to what the moved tag names now", async () => {
    const w = await world();
    const first = await w.run('deploy', { image: 'v1.4.0', snapshot: 'false' });
    expect(first.outputs['result']).toBe('deployed');
    // A person points the service at :latest by hand (v1.4.2 is pulled)…
    const client = new AppRunnerClient(w.sim.clientConfig({ maxAttempts: 1 }));
    const source = w.sim.service(w.serviceArn).sourceConfiguration as {
      ImageRepository: { ImageIdentifier: string };
    };
    source.ImageRepository.ImageIdentifier = source.ImageRepository.ImageIdentifier.replace(
      /@sha256:.*$/,
      ':latest',
    );
    await client.send(
      new UpdateServiceCommand({
        ServiceArn: w.serviceArn,
        SourceConfiguration: source as never,
      }),
    );
    client.destroy();
    w.sim.advance(w.sim.scaled(10 * 60_000));
    expect(running(w)).toBe('v1.4.2');
    // …then :latest moves to a build that fails its checks, and someone deploys "latest".
    w.sim.pushImage('drop-web', {
      tags: ['latest', 'v1.6.0'],
      version: 'v1.6.0',
      behaviour: 'unhealthy-app',
    });
    const result = await w.run('deploy', { image: 'latest', snapshot: 'false' });
    expect(result.outputs['result']).toBe('rolled-back');
    expect(errors(result).at(-1)).toMatch(/rolled back to v1\.4\.0, which passes its checks$/);
    expect(running(w)).toBe('v1.4.0');
  });
});

describe.concurrent('hung connections (defect 8)', () => {
  it('gives up on a request that never answers and retries it within the deadline', async () => {
    const w = await world({
      faults: {
        rules: [
          { service: 'apprunner', operation: 'DescribeService', kind: 'hang', times: 1 },
          { service: 'apprunner', operation: 'UpdateService', kind: 'hang', times: 1 },
          { service: 'rds', operation: 'DescribeDBSnapshots', kind: 'hang', times: 1 },
        ],
      },
    });
    const result = await w.run(
      'deploy',
      { image: 'v1.5.0', 'aws-request-timeout': '1s' },
      { timeoutMs: 60_000 },
    );
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(result.stdout).toMatch(/DescribeService: attempt 1\/\d+ failed \(TimeoutError/);
    expect(w.sim.calls().filter((c) => c.fault === 'hang')).toHaveLength(3);
    expect(appliedUpdates(w)).toHaveLength(1);
  });
});

describe.concurrent('rollback history (defects 9, 10)', () => {
  it("never picks another service's image from a shared history", async () => {
    const w = await world();
    await w.run('deploy', { image: 'v1.4.0', snapshot: 'false' });
    const images = w.sim.images('drop-web');
    const digest = (tag: string): string => images.find((i) => i.tags.includes(tag))?.digest ?? '';
    const registry = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
    // Two records of other services in the same environment: a new one (with its service ARN)
    // and an old one (before ARNs were recorded: only its repository tells).
    for (const payload of [
      {
        image: `${registry}/drop-web@${digest('v1.3.9')}`,
        digest: digest('v1.3.9'),
        tag: 'v1.3.9',
        serviceArn:
          'arn:aws:apprunner:eu-west-1:123456789012:service/drop-admin/0123456789abcdef0123456789abcdef',
      },
      {
        image: `${registry}/drop-admin@${digest('v1.4.1')}`,
        digest: digest('v1.4.1'),
        tag: 'v1.4.1',
      },
    ]) {
      const headers = {
        authorization: 'Bearer ghs_simtoken',
        'content-type': 'application/json',
      };
      const base = `${w.sim.url}/github/repos/example/drop/deployments`;
      const created = (await (
        await fetch(base, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            ref: 'main',
            environment: 'production',
            auto_merge: false,
            required_contexts: [],
            payload: { tool: 'apprunner-ops', kind: 'deploy', ...payload },
          }),
        })
      ).json()) as { id: number };
      await fetch(`${base}/${created.id}/statuses`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ state: 'success', auto_inactive: false }),
      });
    }
    await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
    const result = await w.run('rollback', { reason: 'v1.5.0 is broken', snapshot: 'false' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('rolled-back');
    expect(running(w)).toBe('v1.4.0');
  });

  it('uses the digest of the running identifier when its image has left ECR', async () => {
    const w = await world();
    for (const image of ['v1.4.0', 'v1.5.0'])
      expect((await w.run('deploy', { image, snapshot: 'false' })).outputs['result']).toBe(
        'deployed',
      );
    const gone = w.sim.images('drop-web').find((i) => i.tags.includes('v1.5.0'));
    const ecr = new ECRClient(w.sim.clientConfig({ maxAttempts: 1 }));
    await ecr.send(
      new BatchDeleteImageCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageDigest: gone?.digest as string }],
      }),
    );
    ecr.destroy();
    const result = await w.run('rollback', { reason: 'v1.5.0 is broken', snapshot: 'false' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('rolled-back');
    expect(running(w)).toBe('v1.4.0');
  });

  it('falls back to the audit log with a warning when GitHub fails while reading history', async () => {
    const w = await world();
    const audit = { 'audit-database-url': pg.url, snapshot: 'false' };
    await w.run('deploy', { image: 'v1.4.0', ...audit });
    await w.run('deploy', { image: 'v1.5.0', ...audit });
    w.sim.setFaults({
      rules: [{ service: 'github', operation: 'listDeployments', kind: 'access-denied' }],
    });
    const result = await w.run('rollback', { reason: 'v1.5.0 is broken', ...audit });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('rolled-back');
    expect(result.stdout).toContain('(from the audit log, audit row');
    expect(warnings(result)).toContainEqual(
      expect.stringMatching(/^could not read GitHub deployments .*403.*; using the audit log$/),
    );
    expect(running(w)).toBe('v1.4.0');
  });

  it("records a rollback's GitHub deployment at the commit of the version rolled back to", async () => {
    const w = await world();
    const shaA = 'a'.repeat(40);
    const shaB = 'b'.repeat(40);
    await w.run('deploy', { image: 'v1.4.0', snapshot: 'false' }, { env: { GITHUB_SHA: shaA } });
    await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' }, { env: { GITHUB_SHA: shaB } });
    const result = await w.run(
      'rollback',
      { reason: 'v1.5.0 is broken', snapshot: 'false' },
      { env: { GITHUB_SHA: 'c'.repeat(40) } },
    );
    expect(result.outputs['result']).toBe('rolled-back');
    const rollbackDeployment = w.sim.github.deployments().at(-1);
    expect(rollbackDeployment?.payload).toMatchObject({ kind: 'rollback', tag: 'v1.4.0' });
    expect(rollbackDeployment?.sha).toBe(shaA);
  });
});
