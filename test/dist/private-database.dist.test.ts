import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRotationWorld, type RotationWorld } from '../../sim/rotation-world.js';
import { runActionBundle, type ActionRun } from '../../sim/run-action.js';

// A private database (startSim({ privateDatabases: true }): its endpoint name resolves only
// inside the sim's VPC) reached through SSM port forwarding by the built bundles, with the
// sim's stand-in aws command (sim/bin/aws) on the action's PATH.

const BASTION = 'i-0a1b2c3d4e5f60718';
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
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.stop()));
});

async function privateWorld(databaseYaml: string, plugin = true): Promise<RotationWorld> {
  const w = await startRotationWorld(
    {
      databaseYaml,
      ec2Instances: [
        { id: BASTION, tags: { Name: 'db-bastion' }, state: 'running', ssmAgent: 'Online' },
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

/** Whether a process still runs (and is not a zombie). */
async function running(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** One session per database host, every one terminated and its process gone. */
async function expectTunnelsClosed(w: RotationWorld, hosts: number): Promise<void> {
  const sessions = w.sim.ssmSessions();
  const keys = sessions.map((s) => `${s.host}:${s.port}`);
  expect(new Set(keys).size).toBe(hosts);
  expect(keys).toHaveLength(hosts);
  for (const s of sessions) {
    expect(s.target).toBe(BASTION);
    expect(s.document).toBe('AWS-StartPortForwardingSessionToRemoteHost');
    expect(s.host).toMatch(/\.rds\.sim\.invalid$/);
    expect(s.terminatedAt, `session ${s.sessionId} terminated`).toBeDefined();
    expect(s.pid).toBeGreaterThan(0);
    expect(await running(s.pid!)).toBe(false);
  }
}

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

describe('a private database reached through SSM port forwarding (built bundles)', () => {
  it('compliance-gate: an sql item passes through one session, closed at the end', async () => {
    const w = await privateWorld(SSM_DATABASE);
    const url = w.sim.secret('drop/production/database-url').current!;
    expect(new URL(url).hostname).toMatch(/^drop-db\.c[0-9a-f]+\.eu-west-1\.rds\.sim\.invalid$/);
    const r = await runGate(w, url);
    expect(errors(r), r.stdout).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs['passed']).toBe('1');
    expect(r.stdout).toMatch(/Preflight: the database \(database-url\) at drop-db\..* answers \(database\.access: ssm\)/);
    await expectTunnelsClosed(w, 1);
    expect(w.sim.calls().filter((c) => c.service === 'ssm').map((c) => c.operation)).toEqual([
      'StartSession',
      'TerminateSession',
    ]);
    // The password never reaches the log.
    expect(r.stdout + r.stderr).not.toContain(new URL(url).password);
  }, 60_000);

  it('compliance-gate with access: direct stops in preflight within the deadline, naming the host and the three ways', async () => {
    const w = await privateWorld(DIRECT_DATABASE);
    const url = w.sim.secret('drop/production/database-url').current!;
    const r = await runGate(w, url);
    expect(r.exitCode).toBe(1);
    const message = errors(r).join('\n');
    expect(message).toContain(`cannot reach the database (database-url) at ${new URL(url).hostname}:5432 (access: direct)`);
    expect(message).toMatch(/tried a direct connection to drop-db\./);
    expect(message).toMatch(/direct \(.*\), ssm with via: .*, runner with runner-label: /);
    expect(message).toContain('Private databases');
    expect(r.durationMs).toBeLessThan(10_000 + 5_000);
    expect(w.sim.ssmSessions()).toEqual([]);
    // Stopped before any check ran: no check run, no evidence of a pass.
    expect(r.outputs['passed']).toBeUndefined();
  }, 60_000);

  it('a wrong target: the CLI\'s TargetNotConnected, said with what to do, before any change', async () => {
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
    expect(message).toMatch(/Session Manager plugin \("session-manager-plugin"\) is not on the PATH: install/);
    expect(w.sim.mutatingCalls()).toEqual([]);
  }, 60_000);

  it('access denied: the CLI\'s AccessDeniedException, naming the permissions, before any change', async () => {
    const w = await privateWorld(SSM_DATABASE);
    w.sim.setFaults({ rules: [{ service: 'ssm', operation: 'StartSession', kind: 'access-denied' }] });
    const r = await w.rotate({ secret: 'DATABASE_URL' });
    expect(r.exitCode).toBe(1);
    const message = errors(r).join('\n');
    expect(message).toMatch(/AccessDeniedException.*StartSession/);
    expect(message).toMatch(/grant ssm:StartSession on the instance and on the document/);
    expect(w.sim.mutatingCalls().filter((c) => c.service !== 'ssm')).toEqual([]);
  }, 60_000);
});
