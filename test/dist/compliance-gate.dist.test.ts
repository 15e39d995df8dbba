import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evidenceSchema } from '../../core/gate/evidence.js';
import { startGateWorld, type GateWorld, type GateWorldOptions } from '../../sim/gate-world.js';
import type { ActionRun } from '../../sim/run-action.js';
import { policyGaps, type PolicyDocument } from '../workflows/iam-policy.js';

// The built bundle (npx tsx scripts/build-actions.ts compliance-gate), run as the runner runs
// it, against the sim and a real local HTTPS site.

const worlds: GateWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.stop()));
});
async function world(options: GateWorldOptions = {}): Promise<GateWorld> {
  const w = await startGateWorld(options);
  worlds.push(w);
  return w;
}

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
async function evidenceOf(w: GateWorld, r: ActionRun) {
  const text = await readFile(path.join(w.workspace, r.outputs['evidence']!), 'utf8');
  return evidenceSchema.parse(JSON.parse(text));
}

describe('compliance-gate bundle', () => {
  it('passes a world where every check passes and attestations are valid: evidence, check run, Slack, read-only', async () => {
    const w = await world();
    const r = await w.run();
    expect(errors(r)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ passed: '14', failed: '0', waived: '0' });
    expect(r.outputs['evidence']).toBe(path.join('apprunner-ops-evidence', 'evidence.json'));

    const evidence = await evidenceOf(w, r);
    expect(evidence).toMatchObject({
      passed: true,
      gate: 'go-live',
      environment: 'production',
      commit: w.sha,
      ranBy: 'octocat',
      config: {
        file: '.github/apprunner-ops.yml',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(evidence.items.map((i) => i.status)).toEqual(Array(14).fill('pass'));
    expect(evidence.items.find((i) => i.id === 'bankid-callback')).toMatchObject({
      attestation: { by: 'octocat', evidence: expect.stringMatching(/^https:/) },
    });
    // The groups in the runbook's order.
    const groups = [...new Set(evidence.items.map((i) => i.group))];
    expect(groups).toEqual([
      'Infrastructure',
      'Application',
      'Domain & TLS',
      'External services',
      'Compliance',
    ]);
    const markdown = await readFile(
      path.join(w.workspace, 'apprunner-ops-evidence', 'evidence.md'),
      'utf8',
    );
    expect(markdown).toContain('vouched by octocat');
    expect(markdown).toContain(evidence.config.sha256);

    expect(r.summary).toMatch(
      /Gate go-live passed for production at c0ffee1: 14 passed, 0 failed, 0 not checked, 0 waived/,
    );
    expect(r.summary.indexOf('### Infrastructure')).toBeLessThan(
      r.summary.indexOf('### Application'),
    );
    expect(r.summary.indexOf('### Domain & TLS')).toBeLessThan(r.summary.indexOf('### Compliance'));

    const [checkRun] = w.sim.github
      .checkRuns()
      .filter((c) => c.name === 'apprunner-ops: go-live gate (production)');
    expect(checkRun).toMatchObject({ head_sha: w.sha, status: 'completed', conclusion: 'success' });
    expect(checkRun!.output.summary).toContain('### Infrastructure');
    expect(String(w.sim.slackMessages().at(-1)?.body['text'])).toMatch(/Gate go-live passed/);

    // Every AWS call was a read; the checks ran at once.
    expect(
      w.sim.calls().filter((c) => !['github', 'slack'].includes(c.service)).length,
    ).toBeGreaterThanOrEqual(8);
    expect(w.sim.mutatingCalls().filter((c) => !['github', 'slack'].includes(c.service))).toEqual(
      [],
    );
    // docs/gate-iam-policy.json allows every call, and names nothing this list does not need
    // but what other gates need (ECS Express reads, the configured secrets for secrets-present,
    // the post-launch gate's metrics and snapshot-fresh).
    const policy = JSON.parse(
      await readFile(path.join(import.meta.dirname, '../../docs/gate-iam-policy.json'), 'utf8'),
    ) as PolicyDocument;
    expect(
      policyGaps([policy], w.sim.calls(), [
        'GoLiveGateReadsEcsExpressServices',
        'GoLiveGateMeasuresOnlyTheConfiguredSecrets',
        'PostLaunchGateReadsMetricsAndSnapshots',
      ]),
    ).toEqual({ denied: [], unneeded: [] });
    // The items ran side by side: every item started before the first one ended (a load-free
    // measure; a fixed wall-clock spread failed on a loaded machine, one after another would
    // fail this as well).
    const starts = evidence.items.map((i) => Date.parse(i.checkedAt));
    const ends = evidence.items.map((i) => Date.parse(i.checkedAt) + i.durationMs);
    expect(evidence.items.length).toBeGreaterThan(1);
    expect(Math.max(...starts)).toBeLessThanOrEqual(Math.min(...ends));
  });

  it('BANKID_MOCK set in the service: red, naming service-env, with an error annotation', async () => {
    const w = await world({ bankidMock: true });
    const r = await w.run();
    expect(r.exitCode).toBe(1);
    expect(errors(r)).toEqual([
      expect.stringMatching(/^service-env: drop-web: BANKID_MOCK is set and must be absent/),
      expect.stringMatching(
        /^compliance-gate: Gate go-live blocks production at c0ffee1: 13 passed, 1 failed, 0 not checked, 0 waived/,
      ),
    ]);
    expect(r.outputs['failed']).toBe('1');
    expect(
      w.sim.github.checkRuns().find((c) => c.name.startsWith('apprunner-ops'))?.conclusion,
    ).toBe('failure');
    expect(String(w.sim.slackMessages().at(-1)?.body['text'])).toMatch(/blocks[\s\S]*service-env/);
  });

  it('an expired attestation: red', async () => {
    const w = await world({ expiredAttestation: true });
    const r = await w.run();
    expect(r.exitCode).toBe(1);
    expect(errors(r)[0]).toMatch(
      /^bankid-callback: attestation "bankid-callback" by octocat expired on/,
    );
  });

  it('a database security group admitting 5432 from 0.0.0.0/0: red', async () => {
    const w = await world({ openSecurityGroup: true });
    const r = await w.run();
    expect(r.exitCode).toBe(1);
    expect(errors(r)[0]).toMatch(
      /^database-private: drop-db is reachable from the internet: sg-0a1b2c3d4e5f60718 admits 5432 from 0\.0\.0\.0\/0/,
    );
  });

  it('a valid waiver on a failing check: green, and the check is shown waived in summary and evidence', async () => {
    const w = await world({ bankidMock: true, waiver: { check: 'service-env', expiresInDays: 7 } });
    const r = await w.run();
    expect(errors(r)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ passed: '13', failed: '0', waived: '1' });
    expect(r.summary).toMatch(/Waived \(not passed\)/);
    expect(r.summary).toMatch(/`service-env` \| 🟡 waived \|/);
    const evidence = await evidenceOf(w, r);
    expect(evidence.items.find((i) => i.id === 'service-env')).toMatchObject({
      status: 'waived',
      line: expect.stringMatching(/BANKID_MOCK is set/),
      waiver: { owner: 'octocat', expired: false, ticket: expect.stringMatching(/issues\/41$/) },
    });
    expect(r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContainEqual(
      expect.stringMatching(/^service-env is waived until/),
    );
  });

  it('bad input runs no check: a gate not in the config, a waiver longer than allowed', async () => {
    const w = await world({ waiver: { check: 'service-env', expiresInDays: 30 } });
    w.sim.clearCalls();
    const noGate = await w.run({ gate: 'launch' });
    expect(noGate.exitCode).toBe(1);
    expect(errors(noGate)).toEqual([
      expect.stringMatching(
        /^compliance-gate: config \.github\/apprunner-ops\.yml: environments\.production\.gates\.launch: no such gate; the environment defines "go-live"/,
      ),
    ]);
    const long = await w.run();
    expect(errors(long)).toEqual([
      expect.stringMatching(
        /^compliance-gate: attestations \.github\/apprunner-ops\/attestations\.yml: waivers\[0\]\.expires: .* is \d+ days after today .*; a waiver may last at most 14 days .*\(line \d+\)$/,
      ),
    ]);
    expect(w.sim.calls()).toEqual([]);
  });

  it('an item that checked nothing (monitors-green without monitors) blocks, and every count says "1 not checked"', async () => {
    const w = await world({ extraItems: '        - type: monitors-green\n' });
    const r = await w.run();
    expect(r.exitCode).toBe(1);
    expect(errors(r)).toEqual([
      expect.stringMatching(/^monitors-green: no monitors to check/),
      expect.stringMatching(
        /^compliance-gate: Gate go-live blocks production at c0ffee1: 14 passed, 0 failed, 1 not checked, 0 waived/,
      ),
    ]);
    expect(r.outputs).toMatchObject({ passed: '14', failed: '0', 'not-checked': '1' });
    const run = w.sim.github.checkRuns().find((c) => c.name.startsWith('apprunner-ops'));
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.title).toMatch(/14 passed, 0 failed, 1 not checked, 0 waived/);
    expect(String(w.sim.slackMessages().at(-1)?.body['text'])).toMatch(/1 not checked/);
    expect(r.summary).toMatch(/`monitors-green` \| ⛔ not checked \|/);
  });

  it('a waiver exactly max-waiver-days ahead (a bare date) is accepted; one day more names the last date allowed', async () => {
    const w = await world({
      bankidMock: true,
      waiver: { check: 'service-env', expiresInDays: 14 },
    });
    const r = await w.run();
    expect(errors(r)).toEqual([]);
    expect(r.outputs).toMatchObject({ waived: '1' });
    const over = await world({ waiver: { check: 'service-env', expiresInDays: 15 } });
    const last = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    expect(errors(await over.run())).toEqual([
      expect.stringMatching(
        new RegExp(
          `waivers\\[0\\]\\.expires: \\S+ is 15 days after today \\(\\S+, UTC\\); a waiver may last at most 14 days \\(gate-policy\\.max-waiver-days\\), so the last date allowed is ${last}`,
        ),
      ),
    ]);
  });

  it('the check run is named per environment; a lost answer makes one check run, a 500 says so', async () => {
    const w = await world();
    w.sim.setFaults({
      rules: [
        {
          service: 'github',
          operation: 'createCheckRun',
          kind: 'applied-then-lost',
          lostAs: 'server-error',
          times: 1,
        },
      ],
    });
    const r = await w.run();
    expect(r.exitCode).toBe(0);
    const ours = () => w.sim.github.checkRuns().filter((c) => c.name.startsWith('apprunner-ops'));
    expect(ours().map((c) => c.name)).toEqual(['apprunner-ops: go-live gate (production)']);
    w.sim.setFaults({
      rules: [{ service: 'github', operation: 'createCheckRun', kind: 'server-error' }],
    });
    const failing = await w.run();
    expect(failing.exitCode).toBe(0);
    const warnings = failing.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^Could not create the check run "apprunner-ops: go-live gate \(production\)" on c0ffee1: GitHub answered 500/,
      ),
    );
    expect(warnings.join('\n')).not.toMatch(/checks: write/);
    expect(ours()).toHaveLength(1);
  });

  it('with exactly the permissions go-live.yml gives the gate job, every GitHub request is answered', async () => {
    const workflow = parse(
      await readFile(path.join(import.meta.dirname, '../../.github/workflows/go-live.yml'), 'utf8'),
    ) as { jobs: { gate: { permissions: Record<string, string> } } };
    const token = `ghs_perm_${Object.entries(workflow.jobs.gate.permissions)
      .filter(([scope]) => scope !== 'id-token')
      .map(([scope, level]) => `${scope}-${level}`)
      .join('_')}`;
    const w = await world();
    const r = await w.run({ 'github-token': token });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    const github = w.sim.calls({ service: 'github' });
    expect(github.filter((c) => c.status === 403)).toEqual([]);
    expect(new Set(github.map((c) => c.operation))).toEqual(
      new Set(['listCheckRunsForRef', 'listCommitStatusesForRef', 'createCheckRun']),
    );
  });
});
