import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readAuditEntries } from '../../core/audit/audit-log.js';
import { DEFAULT_FIXTURE, type FixtureInput } from '../../sim/index.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, testConfig, type DeployWorld } from '../helpers/deploy-world.js';
import { docsPolicy, policyGaps } from '../workflows/iam-policy.js';

// The deploy bundle, run as the runner runs it, against the sim over the wire.

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const worlds: DeployWorld[] = [];
async function world(...args: Parameters<typeof startDeployWorld>): Promise<DeployWorld> {
  const w = await startDeployWorld(...args);
  worlds.push(w);
  return w;
}
afterAll(async () => {
  // docs/iam-policy.json (the deploy role) allows every AWS call the deploys here made, and
  // grants nothing they did not need but what the paths named below need.
  const gaps = policyGaps(
    [docsPolicy('iam-policy.json')],
    worlds.flatMap((w) => w.sim.calls()),
    DEPLOY_POLICY_ELSEWHERE,
  );
  await Promise.all(worlds.map((w) => w.stop()));
  expect(gaps).toEqual({ denied: [], unneeded: [] });
});

/** Statements and actions of the deploy role needed only on a path another test takes. */
const DEPLOY_POLICY_ELSEWHERE = [
  // build-push (test/dist/build-push.dist.test.ts) logs in to ECR and pushes the image (the
  // registry protocol reads manifests: BatchGetImage).
  'EcrLogin',
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
  // A restart (deploy mode: restart, test/helpers/deploy-targets.ts).
  'apprunner:StartDeployment',
  // The bake period (test/dist/deploy-bake.dist.test.ts).
  'CloudWatchReadRequestMetricsForBake',
  // Pruning pre-deploy snapshots beyond snapshot-retention (test/dist/hardening.dist.test.ts).
  'RdsPruneOwnPreDeploySnapshots',
  // Reading when RDS last rotated its managed master secret, for a DATABASE_URL of kind
  // rds-managed (test/dist/deploy-rds-managed.dist.test.ts).
  'SecretsRdsManagedRotationDate',
];

function updateCalls(w: DeployWorld): { ImageIdentifier?: string }[] {
  return w.sim
    .calls({ service: 'apprunner', operation: 'UpdateService' })
    .filter((c) => !c.fault && !c.error)
    .map(
      (c) =>
        (c.params as { SourceConfiguration?: { ImageRepository?: { ImageIdentifier?: string } } })
          .SourceConfiguration?.ImageRepository ?? {},
    );
}

describe.concurrent('deploy: outcomes', () => {
  let pg: LocalPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    await pg.stop();
  });

  it('deploys a good image: snapshot, maintenance window, update, verification, records', async () => {
    const w = await world();
    const envBefore = w.sim.service(w.serviceArn).sourceConfiguration;
    const result = await w.run('deploy', { image: 'v1.5.0', 'audit-database-url': pg.url });
    expect(errors(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs['result']).toBe('deployed');
    expect(Object.keys(result.outputs).sort()).toEqual([
      'image',
      'operation-id',
      'previous-image',
      'result',
      'service-url',
      'snapshot-id',
    ]);

    const service = w.sim.service(w.serviceArn);
    expect(service.running.version).toBe('v1.5.0');
    expect(result.outputs['image']).toBe(
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web@${service.running.digest}`,
    );
    expect(service.imageIdentifier).toBe(result.outputs['image']);
    // Read-modify-write: only the image changed; env, secrets, port and roles are intact.
    const repoBefore = (envBefore['ImageRepository'] as Record<string, unknown>)[
      'ImageConfiguration'
    ];
    expect(
      (service.sourceConfiguration['ImageRepository'] as Record<string, unknown>)[
        'ImageConfiguration'
      ],
    ).toEqual(repoBefore);
    expect(service.sourceConfiguration['AuthenticationConfiguration']).toEqual(
      envBefore['AuthenticationConfiguration'],
    );
    expect(updateCalls(w)).toHaveLength(1);
    // The fixture's service runs by tag: the digest it runs cannot be known, and it says so.
    const warnings = (r: ActionRun): string[] =>
      r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings(result)).toContainEqual(
      expect.stringMatching(
        /^the service runs by tag \(.*\/drop-web:v1\.4\.2\); the rollback target is what that tag names now, sha256:/,
      ),
    );

    expect(result.outputs['snapshot-id']).toMatch(/^drop-db-pre-deploy-\d{8}-\d{4}-abc1234$/);
    expect(
      w.sim.snapshots('drop-db').find((s) => s.id === result.outputs['snapshot-id'])?.status,
    ).toBe('available');
    expect(result.outputs['operation-id']).toBe(service.operations[0]?.id);

    const paused = w.sim.betterstack
      .requests()
      .filter((r) => r.method === 'PATCH')
      .map((r) => JSON.stringify(r.body));
    expect(paused.filter((b) => b.includes('"paused":true'))).toHaveLength(2);
    expect(paused.filter((b) => b.includes('"paused":false'))).toHaveLength(2);
    expect(w.sim.betterstack.monitors().every((m) => !m.paused)).toBe(true);

    const [deployment] = w.sim.github.deployments();
    expect(deployment?.environment).toBe('production');
    expect(deployment?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(deployment?.statuses[1]?.environment_url).toBe('https://drop.example.com');

    const slack = w.sim.slackMessages();
    expect(slack).toHaveLength(1);
    expect(JSON.stringify(slack[0]?.body)).toContain('v1.4.2 → v1.5.0');

    // This run's row, by the version it deployed: the database is shared with the concurrent
    // test that deploys v1.4.1, whose row is the newest when it ends last (it did, on a loaded
    // machine). Snapshot names are per minute, so both runs may have the same one.
    const audit = (await readAuditEntries(pg.url)).filter((a) => a.details['tag'] === 'v1.5.0');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'deploy_succeeded',
      resource_type: 'app_runner_service',
      resource_id: 'production',
      actor: 'octocat',
    });
    expect(audit[0]?.details).toMatchObject({
      result: 'deployed',
      tag: 'v1.5.0',
      snapshot_id: result.outputs['snapshot-id'],
    });

    expect(result.summary).toContain('## ✅ Deploy to production: deployed');
    expect(result.summary).toMatch(/\| Snapshot \| ✅ ok \| [\d.]+m?s \| drop-db-pre-deploy-/);
    expect(result.summary).toContain('```mermaid\ngantt');
    expect(result.summary).toContain(`| Image before | \`v1.4.2\``);
    // A finished deploy closed what it opened: its post step loads nothing.
    expect(result.post?.exitCode).toBe(0);
    expect(result.post?.stdout).toBe('deploy (post): the main step left nothing open to close\n');

    // A re-run of the same deploy changes nothing and says so.
    w.sim.clearCalls();
    const again = await w.run('deploy', { image: 'v1.5.0' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['result']).toBe('unchanged');
    expect(warnings(again)).toEqual([]); // now pinned by digest
    expect(w.sim.mutatingCalls().filter((c) => c.service !== 'slack')).toEqual([]);
  });

  it('reports a deploy App Runner rolled back as red, with the version that kept serving', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.5.1-broken' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['result']).toBe('failed');
    expect(errors(result).at(-1)).toMatch(
      /^deploy: App Runner rejected v1\.5\.1-broken \(its health check failed\) and kept v1\.4\.2; operation [0-9a-f]{32}$/,
    );
    expect(w.sim.service(w.serviceArn).running.version).toBe('v1.4.2');
    expect(w.sim.github.deployments()[0]?.statuses.map((s) => s.state)).toEqual([
      'in_progress',
      'failure',
    ]);
    expect(w.sim.betterstack.monitors().every((m) => !m.paused)).toBe(true);
    expect(updateCalls(w)).toHaveLength(1); // App Runner rolled back itself; we do not switch again
  });

  it('rolls back automatically when the new version fails verification, and verifies the old one', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.4.1', 'audit-database-url': pg.url });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['result']).toBe('rolled-back');
    expect(errors(result).at(-1)).toMatch(
      /^deploy: v1\.4\.1 failed verification \(api-health: status 503, expected 200; .*data\.checks\.db\.status is "fail", expected "pass" \(3 failures in a row once the new version served\)\); rolled back to v1\.4\.2, which passes its checks$/,
    );
    expect(w.sim.service(w.serviceArn).running.version).toBe('v1.4.2');
    const switches = updateCalls(w).map((c) => c.ImageIdentifier);
    expect(switches).toHaveLength(2);
    expect(switches[1]).toBe(result.outputs['previous-image']);
    expect(result.summary).toContain('Verification of v1.4.1');
    expect(result.summary).toContain('Verification of v1.4.2 after rollback');
    expect(result.summary).toMatch(/\| Roll back \| ✅ ok \|/);
    const audit = await readAuditEntries(pg.url);
    expect(audit.find((a) => a.action === 'deploy_rolled_back')?.details).toMatchObject({
      tag: 'v1.4.1',
      result: 'rolled-back',
    });
  });

  it('deploys an untagged image by digest, saying the reported version cannot be checked', async () => {
    const w = await world();
    const images = w.sim.images('drop-web');
    const children = new Set(images.flatMap((i) => i.children));
    // The fixture's one untagged image that is not a platform child of an index.
    const untagged = images.find((i) => i.tags.length === 0 && !children.has(i.digest));
    expect(untagged).toBeDefined();
    const result = await w.run('deploy', { image: untagged?.digest as string, snapshot: 'false' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: 'Verify: the image has no tag, so the version the service reports is not checked',
      }),
    );
  });

  it('leaves a failing version in place when auto-rollback is off, and says so', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.4.1', 'auto-rollback': 'false' });
    expect(result.exitCode).toBe(1);
    expect(errors(result).at(-1)).toMatch(
      /v1\.4\.1 is live but fails verification .* auto-rollback is off, so it stays$/,
    );
    expect(w.sim.service(w.serviceArn).running.version).toBe('v1.4.1');
  });

  it('waits for a service busy with platform maintenance, then deploys', async () => {
    const w = await world();
    // Four hours of modelled maintenance (72 s real), ended by jumping the sim clock once the
    // action is seen waiting: the test does not depend on how fast the bundle starts (an hour
    // ran out before a bundle on a loaded machine got there).
    w.sim.startMaintenance(w.serviceArn, 4 * 60 * 60_000);
    let ended = false;
    const result = await w.run(
      'deploy',
      { image: 'v1.5.0' },
      {
        echo: (line) => {
          if (!ended && line.includes('to be RUNNING: OPERATION_IN_PROGRESS')) {
            ended = true;
            w.sim.advance(w.sim.scaled(4 * 60 * 60_000));
          }
        },
      },
    );
    expect(ended).toBe(true);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /App Runner service drop-web to be RUNNING: OPERATION_IN_PROGRESS/,
    );
    expect(w.sim.service(w.serviceArn).running.version).toBe('v1.5.0');
  });

  it('closes the maintenance window and marks the deployment when the job is cancelled', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.5.0' }, { cancelOn: /update started / });
    expect(result.signal ?? result.exitCode).not.toBe(0);
    expect(result.state['maintenance-monitors']).toBe('2001001,2001002');
    expect(result.post?.exitCode).toBe(0);
    expect(result.post?.stdout).toContain(
      'Maintenance window closed: resumed monitors 2001001, 2001002',
    );
    expect(w.sim.betterstack.monitors().every((m) => !m.paused)).toBe(true);
    expect(w.sim.github.deployments()[0]?.statuses.at(-1)?.state).toBe('error');
  });

  it('prints the plan and changes nothing in a dry run', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.5.0', 'dry-run': 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['result']).toBe('planned');
    expect(result.stdout).toMatch(
      /would: App Runner UpdateService .*ImageIdentifier .*drop-web:v1\.4\.2 → .*drop-web@sha256:/,
    );
    expect(result.stdout).toMatch(/would: RDS CreateDBSnapshot drop-db/);
    expect(result.summary).toContain('Plan (dry run: nothing was changed)');
    expect(w.sim.mutatingCalls()).toEqual([]);
  });
});

describe('deploy: bad input and refusals change nothing', () => {
  let w: DeployWorld;
  beforeAll(async () => {
    w = await world();
    await writeFile(
      path.join(w.workspace, 'bad-arn.yml'),
      testConfig(w.sim).replace(
        /service-arn: .*/,
        'service-arn: arn:aws:apprunner:eu-west-1:123456789012:service/drop-web',
      ),
    );
    await writeFile(
      path.join(w.workspace, 'other-account.yml'),
      testConfig(w.sim).replace(':123456789012:service/', ':999999999999:service/'),
    );
  });

  it.each([
    [
      { environment: 'staging' },
      /^deploy: config apprunner-ops\.yml: environments\.staging: no such environment; the file defines "production"$/,
    ],
    [
      { image: 'v9.9.9' },
      /^deploy: tag v9\.9\.9 is not in ECR repository drop-web \(123456789012, eu-west-1\); push it first/,
    ],
    [
      { image: 'sha256:' + 'f'.repeat(64) },
      /^deploy: digest sha256:f{64} is not in ECR repository drop-web/,
    ],
    [
      { image: '999999999999.dkr.ecr.eu-west-1.amazonaws.com/other:v1' },
      /^deploy: input "image": "999999999999\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/other:v1" is not in the configured repository/,
    ],
    [
      { image: 'v1.5.0', config: 'bad-arn.yml' },
      /^deploy: config bad-arn\.yml: environments\.production\.service-arn: expected an App Runner service ARN .* \(line 5\)$/,
    ],
    [
      { image: 'v1.5.0', config: 'other-account.yml' },
      /^deploy: config other-account\.yml: environments\.production\.service-arn is in account 999999999999, but the AWS credentials are for account 123456789012 \(arn:aws:sts::123456789012:.*\); assume the role of the service's account$/,
    ],
    [
      { image: 'v1.5.0', timeout: '-1m' },
      /^deploy: input "timeout": expected a duration with a unit/,
    ],
    [
      { image: 'v1.5.0', snapshot: 'yes' },
      /^deploy: input "snapshot": expected true or false, got "yes"$/,
    ],
    [
      { image: 'v1.5.0', 'audit-database-url': 'mysql://u:hunter2@db/x' },
      /^deploy: input "audit-database-url": expected a postgres:\/\/ or postgresql:\/\/ URL \(value not shown: it is a secret\)$/,
    ],
  ])('%o', async (inputs, message) => {
    w.sim.clearCalls();
    const result = await w.run('deploy', inputs);
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([expect.stringMatching(message)]);
    // The runner swallows ::add-mask:: commands; nothing else may show the secret.
    expect(
      result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain('hunter2');
    expect(w.sim.mutatingCalls()).toEqual([]);
  });

  it('refuses when the database is not available for a snapshot', async () => {
    w.sim.clearCalls();
    w.sim.setInstanceStatus('drop-db', 'backing-up');
    try {
      const result = await w.run('deploy', { image: 'v1.5.0' });
      expect(result.exitCode).toBe(1);
      expect(errors(result)).toEqual([
        'deploy: RDS instance drop-db is "backing-up", and a snapshot needs it "available" (or "storage-optimization"); wait for it to finish, or run with snapshot: false if you accept deploying without one',
      ]);
      expect(w.sim.mutatingCalls()).toEqual([]);
    } finally {
      w.sim.setInstanceStatus('drop-db', 'available');
    }
  });
});

describe.concurrent('deploy: services that cannot be updated are refused with advice', () => {
  it.each([
    [
      'CREATE_FAILED',
      /^deploy: service drop-web is CREATE_FAILED; it never came up, so there is nothing to deploy over/,
    ],
    [
      'PAUSED',
      /^deploy: service drop-web is PAUSED; resume it \(aws apprunner resume-service or the console\) and run again/,
    ],
  ])('%s', async (status, message) => {
    const fixture = parse(await readFile(DEFAULT_FIXTURE, 'utf8')) as {
      apprunner: { services: { status?: string }[] };
    };
    (fixture.apprunner.services[0] as { status?: string }).status = status;
    const w = await world({ fixture: fixture as FixtureInput });
    const result = await w.run('deploy', { image: 'v1.5.0' });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([expect.stringMatching(message)]);
    expect(w.sim.mutatingCalls()).toEqual([]);
  });
});

describe('deploy under faults', () => {
  it('gets the outcome right with 20% throttling and 5% 5xx on every AWS operation, switching once', async () => {
    const w = await world({
      faults: {
        seed: 7,
        // And the ways a real network and a real AWS misbehave besides: answers lost after the
        // request took effect, connections that hang, a clock 3 s off, operations listed late.
        clockOffsetMs: 3_000,
        listingDelayMs: 300,
        rules: [
          ...['apprunner', 'ecr', 'rds'].flatMap((service) => [
            { service, kind: 'throttle' as const, rate: 0.2 },
            { service, kind: 'server-error' as const, rate: 0.05 },
            { service, kind: 'hang' as const, rate: 0.02 },
          ]),
          {
            service: 'apprunner',
            operation: 'UpdateService',
            kind: 'applied-then-lost' as const,
            rate: 0.5,
          },
          {
            service: 'rds',
            operation: 'CreateDBSnapshot',
            kind: 'applied-then-lost' as const,
            lostAs: 'server-error' as const,
            rate: 0.5,
          },
        ],
      },
    });
    const result = await w.run('deploy', { image: 'v1.5.0', 'aws-request-timeout': '1s' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(w.sim.calls().filter((c) => c.fault).length).toBeGreaterThan(0);
    expect(result.stdout).toMatch(
      /failed \((ThrottlingException|Throttling|InternalFailure|InternalServerException|InternalFailureException)[^)]*\); retrying in \d+ms/,
    );
    // Applied UpdateService calls: answered, or taken effect with the answer lost.
    const applied = (): number =>
      w.sim
        .calls({ service: 'apprunner', operation: 'UpdateService' })
        .filter((c) => c.fault === 'applied-then-lost' || (!c.fault && !c.error)).length;
    expect(applied()).toBe(1);

    const failing = await w.run('deploy', { image: 'v1.4.1', 'aws-request-timeout': '1s' });
    expect(failing.outputs['result']).toBe('rolled-back');
    expect(applied()).toBe(3); // one switch to v1.4.1, one back
    expect(w.sim.calls().filter((c) => c.fault === 'applied-then-lost').length).toBeGreaterThan(0);
  });
});
