import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRotationWorld, type RotationWorld } from '../../sim/rotation-world.js';
import { runActionBundle, type ActionRun } from '../../sim/run-action.js';
import { everythingRecorded } from '../helpers/rotation-records.js';
import { docsPolicy, policyGaps } from '../workflows/iam-policy.js';
import { BASTION, expectTunnelsClosed } from './private-database-helpers.js';

// A private database (startSim({ privateDatabases: true }): its endpoint name resolves only
// inside the sim's VPC) reached through SSM port forwarding by the built bundles, with the
// sim's stand-in aws command (sim/bin/aws) on the action's PATH.

const SSM_DATABASE = `      instance: drop-db
      snapshot-retention: 3
      access: ssm
      via: ${BASTION}
`;
const DIRECT_DATABASE = `      instance: drop-db
      snapshot-retention: 3
      reach-timeout: 10s
`;

const worlds: RotationWorld[] = [];
/** The Systems Manager and EC2 calls of every run here, for the policy check. */
const called: { service: string; operation: string }[] = [];
afterEach(async () => {
  for (const w of worlds)
    called.push(...w.sim.calls().filter((c) => c.service === 'ssm' || c.service === 'ec2'));
  await Promise.all(worlds.splice(0).map((w) => w.stop()));
});
afterAll(() => {
  // docs/iam-policy-database-ssm.json allows every SSM/EC2 call these runs made, and nothing
  // they did not need (ec2:DescribeInstances: the tag filter's run).
  if (called.length === 0) return; // a filtered run (-t) that started no session
  expect(policyGaps([docsPolicy('iam-policy-database-ssm.json')], called)).toEqual({
    denied: [],
    unneeded: [],
  });
});

async function privateWorld(
  databaseYaml: string,
  plugin = true,
  extraInstances: { id: string; tags: Record<string, string> }[] = [],
): Promise<RotationWorld> {
  const w = await startRotationWorld(
    {
      databaseYaml,
      ec2Instances: [
        { id: BASTION, tags: { Name: 'db-bastion' }, state: 'running', ssmAgent: 'Online' },
        ...extraInstances.map((i) => ({
          ...i,
          state: 'running' as const,
          ssmAgent: 'Online' as const,
        })),
      ],
    },
    { privateDatabases: true },
  );
  worlds.push(w);
  w.env['PATH'] = await w.sim.awsCliPath({ plugin });
  return w;
}

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

async function runGate(w: RotationWorld, databaseUrl: string): Promise<ActionRun> {
  return runActionBundle({
    action: 'compliance-gate',
    cwd: w.workspace,
    env: { ...w.env, GITHUB_REPOSITORY: 'example/drop' },
    inputs: {
      config: await gateConfig(w),
      environment: 'production',
      gate: 'go-live',
      'github-token': 'ghs_simtoken',
      'database-url': databaseUrl,
    },
  });
}

async function gateConfig(w: RotationWorld): Promise<string> {
  const base = await readFile(path.join(w.workspace, 'apprunner-ops.yml'), 'utf8');
  const file = 'gate.yml';
  await writeFile(
    path.join(w.workspace, file),
    `${base}    gates:
      go-live:
        - type: sql
          name: open-aml-alerts
          query: SELECT id FROM aml_alerts WHERE status = 'open' AND user_id > 100
`,
  );
  return file;
}

async function withAdmin<T>(w: RotationWorld, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: w.sim.database('drop-db').adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The superuser's URL through the private endpoint (the audit database of these runs). */
function privateAdminUrl(w: RotationWorld): string {
  const endpoint = new URL(w.sim.secret('drop/production/database-url').current!);
  const admin = new URL(w.sim.database('drop-db').adminUrl);
  admin.hostname = endpoint.hostname;
  admin.port = endpoint.port || '5432';
  return admin.href;
}

describe('a private database reached through SSM port forwarding (built bundles)', () => {
  it('rotate-secret: DATABASE_URL (master password) rotates through one session, closed', async () => {
    const w = await privateWorld(SSM_DATABASE);
    const old = w.sim.secret('drop/production/database-url').current!;
    const r = await w.rotate({ secret: 'DATABASE_URL', 'audit-database-url': privateAdminUrl(w) });
    expect(errors(r), r.stdout).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs['rotated']).toBe('DATABASE_URL');
    const now = w.sim.secret('drop/production/database-url').current!;
    expect(now).not.toBe(old);
    expect(new URL(now).hostname).toBe(new URL(old).hostname);
    expect(
      await w.sim
        .database('drop-db')
        .canLogin(new URL(now).username, decodeURIComponent(new URL(now).password)),
    ).toBe(true);
    await expectTunnelsClosed(w, 1);
    expect(r.post?.exitCode).toBe(0);
    // Nothing a person can read (log, summary, GitHub, Slack, audit rows) holds a password.
    const recorded = await everythingRecorded(w, [r]);
    for (const secret of [old, now])
      expect(recorded).not.toContain(decodeURIComponent(new URL(secret).password));
  }, 120_000);

  it('rotate-secret cancelled mid-rotation: the post step ends the session, no tunnel process is left', async () => {
    const w = await privateWorld(SSM_DATABASE);
    const r = await w.rotate(
      { secret: 'DATABASE_URL', 'audit-database-url': privateAdminUrl(w) },
      { cancelOn: /step done: DATABASE_URL modify-db-instance/ },
    );
    expect(r.exitCode, r.stdout).not.toBe(0);
    expect(r.post?.stdout ?? '').toMatch(
      /Closed the SSM port-forwarding session \(process \d+\) the run left open/,
    );
    await expectTunnelsClosed(w, 1);
  }, 120_000);

  it('rollback with a down migration: the migration and the audit row go through one session, closed', async () => {
    const w = await privateWorld(SSM_DATABASE);
    const url = w.sim.secret('drop/production/database-url').current!;
    const r = await w.run(
      'rollback',
      {
        to: 'v1.4.0',
        reason: 'migration shipped with the bad release',
        'down-migration-command':
          'psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -c "ALTER TABLE aml_alerts DROP COLUMN status"',
        'audit-database-url': privateAdminUrl(w),
      },
      { env: { DATABASE_URL: url } },
    );
    expect(errors(r), r.stdout).toEqual([]);
    expect(r.outputs['result']).toBe('rolled-back');
    expect(r.stdout).toMatch(
      /Preflight: the database of the down migration \(DATABASE_URL\)|Preflight: the audit database/,
    );
    expect(r.stdout).toContain('ALTER TABLE');
    const columns = await withAdmin(w, (c) =>
      c.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'aml_alerts'",
      ),
    );
    expect(columns.rows.map((row) => row.column_name).sort()).toEqual(['id', 'user_id']);
    const audit = await withAdmin(w, (c) =>
      c.query("SELECT 1 FROM audit_log WHERE action = 'rollback_succeeded'"),
    );
    expect(audit.rowCount).toBe(1);
    await expectTunnelsClosed(w, 1);
  }, 120_000);

  it('ops-check monthly: the restore drill verifies its copy through a second session, both closed', async () => {
    const w = await privateWorld(SSM_DATABASE);
    const base = await readFile(path.join(w.workspace, 'apprunner-ops.yml'), 'utf8');
    await writeFile(
      path.join(w.workspace, 'drill.yml'),
      `${base}    checks:
      monthly:
        - type: snapshot-restore
          poll-interval: 20ms
          ssl: false
          queries:
            - name: users
              sql: SELECT COUNT(*) FROM users
              expect: { greater-than: 0 }
`,
    );
    const r = await runActionBundle({
      action: 'ops-check',
      cwd: w.workspace,
      env: w.env,
      inputs: {
        config: 'drill.yml',
        environment: 'production',
        schedule: 'monthly',
        'database-url': w.sim.secret('drop/production/database-url').current!,
        'audit-database-url': privateAdminUrl(w),
        'open-issue': 'false',
      },
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.summary).toMatch(/verified users = [1-9]\d*/);
    // drop-db and the drill's own copy: two hosts, one session each.
    await expectTunnelsClosed(w, 2);
    expect(w.sim.ssmSessions()[1]!.host).toMatch(/^drop-db-drill-\d{8}\./);
  }, 180_000);

  it('compliance-gate: an sql item passes through one session, closed at the end', async () => {
    const w = await privateWorld(SSM_DATABASE);
    const url = w.sim.secret('drop/production/database-url').current!;
    expect(new URL(url).hostname).toMatch(/^drop-db\.c[0-9a-f]+\.eu-west-1\.rds\.sim\.invalid$/);
    const r = await runGate(w, url);
    expect(errors(r), r.stdout).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs['passed']).toBe('1');
    expect(r.stdout).toMatch(
      /Preflight: the database \(database-url\) at drop-db\..* answers \(database\.access: ssm\)/,
    );
    await expectTunnelsClosed(w, 1);
    expect(
      w.sim
        .calls()
        .filter((c) => c.service === 'ssm')
        .map((c) => c.operation),
    ).toEqual(['StartSession', 'TerminateSession']);
    // The password never reaches the log (::add-mask:: is the runner's command to hide it).
    const shown = `${r.stdout}\n${r.stderr}\n${r.summary}`
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toContain(new URL(url).password);
  }, 60_000);

  it('compliance-gate with access: direct stops in preflight within the deadline, naming the host and the three ways', async () => {
    const w = await privateWorld(DIRECT_DATABASE);
    const url = w.sim.secret('drop/production/database-url').current!;
    const r = await runGate(w, url);
    expect(r.exitCode).toBe(1);
    const message = errors(r).join('\n');
    expect(message).toContain(
      `cannot reach the database (database-url) at ${new URL(url).hostname}:5432 (access: direct)`,
    );
    expect(message).toMatch(/tried a direct connection to drop-db\./);
    expect(message).toMatch(/direct \(.*\), ssm with via: .*, runner with runner-label: /);
    expect(message).toContain('Private databases');
    expect(r.durationMs).toBeLessThan(10_000 + 5_000);
    expect(w.sim.ssmSessions()).toEqual([]);
    // Stopped before any check ran: no check run, no evidence of a pass.
    expect(r.outputs['passed']).toBeUndefined();
  }, 60_000);

  it('via a tag filter: the one running instance with the tag is the target', async () => {
    const w = await privateWorld(SSM_DATABASE.replace(BASTION, '{ tag: Name, value: db-bastion }'));
    const r = await runGate(w, w.sim.secret('drop/production/database-url').current!);
    expect(errors(r), r.stdout).toEqual([]);
    expect(r.stdout).toContain(`database.via: Name=db-bastion is ${BASTION}`);
    await expectTunnelsClosed(w, 1);
  }, 60_000);

  it('a tag filter matching two instances: a configuration error with its line, nothing started', async () => {
    const w = await privateWorld(
      SSM_DATABASE.replace(BASTION, '{ tag: Name, value: db-bastion }'),
      true,
      [{ id: 'i-0b1c2d3e4f5a60719', tags: { Name: 'db-bastion' } }],
    );
    const r = await w.rotate({ secret: 'DATABASE_URL' });
    expect(r.exitCode).toBe(1);
    expect(errors(r).join('\n')).toMatch(
      /environments\.production\.database\.via: the tag filter Name=db-bastion matches 2 running instances \(i-0a1b2c3d4e5f60718, i-0b1c2d3e4f5a60719\) in eu-west-1; it must match exactly one/,
    );
    expect(w.sim.ssmSessions()).toEqual([]);
    expect(w.sim.mutatingCalls()).toEqual([]);
  }, 60_000);

  for (const action of ['rotate-secret', 'rollback', 'ops-check'] as const)
    it(`${action} with access: direct stops in preflight, naming the host and the three ways, changing nothing`, async () => {
      const w = await privateWorld(DIRECT_DATABASE);
      const url = w.sim.secret('drop/production/database-url').current!;
      const r =
        action === 'rotate-secret'
          ? await w.rotate({ secret: 'DATABASE_URL', 'audit-database-url': '' })
          : action === 'rollback'
            ? await w.run(
                'rollback',
                { to: 'v1.4.0', reason: 'bad release', 'down-migration-command': 'echo down' },
                { env: { DATABASE_URL: url } },
              )
            : await runActionBundle({
                action: 'ops-check',
                cwd: w.workspace,
                env: w.env,
                inputs: {
                  config: 'apprunner-ops.yml',
                  environment: 'production',
                  checks: '[{ type: sql, name: open, query: "SELECT id FROM aml_alerts" }]',
                  'database-url': url,
                  'open-issue': 'false',
                },
              });
      expect(r.exitCode).toBe(1);
      const message = errors(r).join('\n');
      expect(message).toContain(`at ${new URL(url).hostname}:5432 (access: direct)`);
      expect(message).toMatch(/direct \(.*\), ssm with via: .*, runner with runner-label: /);
      expect(r.durationMs).toBeLessThan(15_000);
      // No AWS change (a stopped rotation still records its red result on the commit).
      expect(w.sim.mutatingCalls().filter((c) => c.service !== 'github')).toEqual([]);
      expect(w.sim.ssmSessions()).toEqual([]);
    }, 60_000);

  it("a wrong target: the CLI's TargetNotConnected, said with what to do, before any change", async () => {
    const w = await privateWorld(SSM_DATABASE.replace(BASTION, 'i-0fffffffffffffff0'));
    const r = await w.rotate({ secret: 'DATABASE_URL' });
    expect(r.exitCode).toBe(1);
    const message = errors(r).join('\n');
    expect(message).toMatch(/TargetNotConnected.*i-0fffffffffffffff0 is not connected/);
    expect(message).toMatch(/SSM agent is online/);
    expect(w.sim.mutatingCalls().filter((c) => c.service !== 'ssm')).toEqual([]);
  }, 60_000);

  it('the Session Manager plugin missing: one error naming what to install, before any change', async () => {
    const w = await privateWorld(SSM_DATABASE, false);
    const r = await w.rotate({ secret: 'DATABASE_URL' });
    expect(r.exitCode).toBe(1);
    const message = errors(r).join('\n');
    expect(message).toMatch(
      /Session Manager plugin \("session-manager-plugin"\) is not on the PATH: install/,
    );
    expect(w.sim.mutatingCalls()).toEqual([]);
  }, 60_000);

  it("access denied: the CLI's AccessDeniedException, naming the permissions, before any change", async () => {
    const w = await privateWorld(SSM_DATABASE);
    w.sim.setFaults({
      rules: [{ service: 'ssm', operation: 'StartSession', kind: 'access-denied' }],
    });
    const r = await w.rotate({ secret: 'DATABASE_URL' });
    expect(r.exitCode).toBe(1);
    const message = errors(r).join('\n');
    expect(message).toMatch(/AccessDeniedException.*StartSession/);
    expect(message).toMatch(/grant ssm:StartSession on the instance and on the document/);
    expect(w.sim.mutatingCalls().filter((c) => c.service !== 'ssm')).toEqual([]);
  }, 60_000);
});
