import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateWorld } from '../../sim/gate-world.js';
import { startRotationWorld } from '../../sim/rotation-world.js';
import { assertSafeAwsEnvironment } from '../../sim/run-action.js';
import { runnerNode } from '../../sim/runner-node.js';
import { CHECKS, lintWorkflows } from '../../workflows-src/validate/index.js';
import { SHELLCHECK } from '../../workflows-src/validate/shellcheck.js';
import { startDeployWorld, type DeployWorld } from '../helpers/deploy-world.js';

// The command line as a person runs it: a real process, the sim's endpoints in its
// environment (as `npm run sim` prints them), exit codes and output asserted.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/apprunner-ops.mjs');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(runnerNode(), [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: os.tmpdir(), NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let w: DeployWorld;
let env: Record<string, string>;
const fast = [
  '--config',
  'apprunner-ops.yml',
  '--poll-interval',
  '100ms',
  '--verify-timeout',
  '3s',
];
beforeAll(async () => {
  w = await startDeployWorld();
  assertSafeAwsEnvironment(w.env);
  env = {
    ...w.env,
    GITHUB_TOKEN: 'ghs_simtoken',
    GITHUB_REPOSITORY: 'example/drop',
    GITHUB_SHA: 'abc1234def567890000000000000000000000000',
    SLACK_WEBHOOK_URL: w.sim.env['SIM_SLACK_WEBHOOK_URL'] as string,
    BETTERSTACK_TOKEN: w.sim.env['SIM_BETTERSTACK_TOKEN'] as string,
  };
});
afterAll(async () => {
  await w?.stop();
});
const running = (): string => w.sim.service(w.serviceArn).running.version;

describe('apprunner-ops from a terminal', () => {
  it('status shows what runs, read-only', async () => {
    w.sim.clearCalls();
    const r = await cli(['status', 'production', '--config', 'apprunner-ops.yml'], {
      cwd: w.workspace,
      env,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/production/);
    expect(r.stdout).toMatch(/RUNNING/);
    expect(r.stdout).toMatch(/v1\.4\.2/);
    expect(w.sim.mutatingCalls()).toEqual([]);
    const json = await cli(['status', '--json', '--config', 'apprunner-ops.yml'], {
      cwd: w.workspace,
      env,
    });
    expect(JSON.parse(json.stdout)[0]).toMatchObject({
      environment: 'production',
      service: { status: 'RUNNING' },
      running: { version: 'v1.4.2' },
    });
  });

  it('deploys, then rolls back to previous, like the actions, and leaves the same records', async () => {
    // A deploy by the workflow first: the terminal's rollback must find it in the same history.
    const byWorkflow = await w.run('deploy', { image: 'v1.4.0', snapshot: 'false' });
    expect(byWorkflow.outputs['result']).toBe('deployed');
    const deployed = await cli(
      ['deploy', 'production', 'v1.5.0', '--yes', '--no-snapshot', ...fast],
      {
        cwd: w.workspace,
        env,
      },
    );
    expect(deployed.stderr).toMatch(/Deployed v1\.5\.0/);
    expect(deployed.code).toBe(0);
    expect(running()).toBe('v1.5.0');
    expect(deployed.stdout).toMatch(/Update service/);
    expect(deployed.stderr).toMatch(
      /AUDIT_DATABASE_URL is not set: no audit_log row will be written/,
    );
    // Headings only for stages that acted: nothing of a rollback after a green deploy, no
    // internal decision; and the terminal's words, not the action's.
    const headings = deployed.stderr.split('\n').filter((l) => l.startsWith('▶'));
    expect(headings).toContain('▶ Update service');
    expect(headings).not.toContain('▶ Roll back');
    expect(headings).not.toContain('▶ Verify rollback');
    expect(headings).not.toContain('▶ Nothing to change');
    expect(deployed.stderr + deployed.stdout).not.toMatch(
      /betterstack-token|github-token|secrets: inherit/,
    );

    const rolled = await cli(
      [
        'rollback',
        'production',
        '--to',
        'previous',
        '--reason',
        'checkout broke after v1.5.0',
        '--yes',
        '--no-snapshot',
        ...fast,
      ],
      { cwd: w.workspace, env },
    );
    expect(rolled.code, rolled.stderr).toBe(0);
    expect(running()).toBe('v1.4.0');
    // The terminal's rollback is recorded as the workflow's is: `previous` will skip v1.5.0.
    const rollback = w.sim.github
      .deployments()
      .find((d) => (d.payload as { kind?: string }).kind === 'rollback');
    expect(rollback?.payload).toMatchObject({ kind: 'rollback', tool: 'apprunner-ops' });
    expect(String((rollback?.payload as { previousImage?: string }).previousImage)).toMatch(
      /@sha256:/,
    );
    expect(rollback?.statuses.map((s) => s.state)).toContain('success');
  });

  it('runs the same steps as the deploy action for the same deploy', async () => {
    const viaCli = await cli(['deploy', 'production', 'v1.3.9', '--yes', '--json', ...fast], {
      cwd: w.workspace,
      env,
    });
    expect(viaCli.code, viaCli.stderr).toBe(0);
    const viaAction = await w.run('deploy', { image: 'v1.5.0', 'poll-interval': '100ms' });
    expect(viaAction.outputs['result']).toBe('deployed');
    const cliSteps = (JSON.parse(viaCli.stdout) as { steps: { name: string }[] }).steps.map(
      (s) => s.name,
    );
    const stepsTable = viaAction.summary.split('### Steps')[1]?.split('###')[0] ?? '';
    const actionSteps = [...stepsTable.matchAll(/^\| ([^|]+?) \| (?:✅|❌|➖|⚠️) /gm)].map(
      (m) => m[1],
    );
    expect(cliSteps.length).toBeGreaterThan(3);
    expect(actionSteps).toEqual(cliSteps);
  });

  it('without AWS credentials says how to get them, not "a bug"', async () => {
    const noCredentials = Object.fromEntries(
      Object.entries(env).filter(
        ([k]) => !/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE)$/.test(k),
      ),
    );
    const r = await cli(['deploy', 'production', 'v1.3.9', '--dry-run', ...fast], {
      cwd: w.workspace,
      env: {
        ...noCredentials,
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^apprunner-ops deploy: no AWS credentials: run `aws sso login` \(or `aws configure`\) or set AWS_PROFILE, then try again/m,
    );
    expect(r.stderr).not.toContain('a bug in apprunner-ops');
  });

  it('refuses bad input with one line, exit 2, and changes nothing', async () => {
    w.sim.clearCalls();
    const cases: [string[], RegExp][] = [
      [['deplyo', 'production', 'v1'], /unknown command "deplyo"; did you mean "deploy"\?/],
      [
        ['deploy', 'production', 'v1.4.0', '--dryrun', ...fast],
        /unknown option --dryrun; did you mean --dry-run\?/,
      ],
      [
        ['deploy', 'prod', 'v1.4.0', '--yes', ...fast],
        /environments\.prod: no such environment; the file defines "production"/,
      ],
      [
        ['deploy', 'production', 'v1.4.0', '--yes', '--config', 'missing.yml'],
        /config .*missing\.yml: file not found/,
      ],
      [['deploy', 'production', 'v9.9.9', '--yes', ...fast], /v9\.9\.9/],
      [['rollback', 'production', '--yes', ...fast], /--reason: is required/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, { cwd: w.workspace, env });
      expect(r.stderr.trim().split('\n').at(-1), args.join(' ')).toMatch(message);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
    }
    expect(w.sim.mutatingCalls({ service: 'apprunner' })).toEqual([]);
    expect(w.sim.mutatingCalls({ service: 'rds' })).toEqual([]);
  });

  it('asks for the environment name before changing one with required reviewers, and refuses without a terminal', async () => {
    const text = await readFile(path.join(w.workspace, 'apprunner-ops.yml'), 'utf8');
    await writeFile(
      path.join(w.workspace, 'gated.yml'),
      text.replace('    region:', '    required-reviewers: true\n    region:'),
    );
    w.sim.clearCalls();
    const r = await cli(['deploy', 'production', 'v1.4.0', '--config', 'gated.yml'], {
      cwd: w.workspace,
      env,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /production has required reviewers: confirm on a terminal, or pass --yes/,
    );
    expect(w.sim.mutatingCalls()).toEqual([]);
  });
});

// `script` (util-linux) gives the command a real pseudo-terminal, as a person's shell would.
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('progress on a terminal and in a pipe', () => {
  it.runIf(hasScript)(
    'redraws one waiting line on a TTY, with what, how long and the deadline',
    async () => {
      const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;
      const command = [
        runnerNode(),
        BIN,
        'deploy',
        'production',
        'v1.3.9',
        '--yes',
        '--no-snapshot',
        ...fast,
      ]
        .map(quote)
        .join(' ');
      const r = await new Promise<CliRun>((resolve, reject) => {
        const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
          cwd: w.workspace,
          env: {
            PATH: process.env['PATH'] ?? '',
            HOME: os.tmpdir(),
            TERM: 'xterm',
            NO_COLOR: '1',
            ...env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('\r\x1b[2K');
      expect(r.stdout).toMatch(
        /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] waiting for App Runner operation [^:]+: \d+( ms|\.\d s) of 30 m/,
      );
      expect(r.stdout).toMatch(/✓ App Runner operation .* after /);
    },
  );

  it('prints plain lines in a pipe: no escape sequences, one line when a wait ends', async () => {
    const r = await cli(['deploy', 'production', 'v1.4.0', '--yes', '--no-snapshot', ...fast], {
      cwd: w.workspace,
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('\x1b[');
    expect(r.stderr).toMatch(/^ {2}done: App Runner operation .* after /m);
  });
});

describe('check from a terminal', () => {
  it('runs the daily checks read-only (exit 0), a failing weekly list exits 1 naming the check, and bad input exits 2', async () => {
    const base = await readFile(path.join(w.workspace, 'apprunner-ops.yml'), 'utf8');
    await writeFile(
      path.join(w.workspace, 'checks.yml'),
      `${base.trimEnd()}
    checks:
      daily:
        - type: service-running
        - type: health
      weekly:
        - type: snapshot-fresh
          max-age: 1s
`,
    );
    w.sim.clearCalls();
    const daily = await cli(['check', 'production', 'daily', '--config', 'checks.yml'], {
      cwd: w.workspace,
      env,
    });
    expect(daily.code, daily.stderr).toBe(0);
    expect(daily.stdout).toMatch(/service-running/);
    expect(daily.stderr).toMatch(/daily checks of production: 2 passed/);
    expect(w.sim.mutatingCalls()).toEqual([]);
    expect(w.sim.github.issues()).toEqual([]);

    const weekly = await cli(
      ['check', 'production', 'weekly', '--json', '--config', 'checks.yml'],
      { cwd: w.workspace, env },
    );
    expect(weekly.code).toBe(1);
    expect(weekly.stderr).toMatch(/^FAILED: weekly checks of production: 1 failed/m);
    const report = JSON.parse(weekly.stdout) as { checks: { id: string; status: string }[] };
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['snapshot-fresh', 'fail']]);

    for (const [args, message] of [
      [['check', 'production', 'hourly'], /schedule "hourly": expected daily, weekly, monthly/],
      [['check', 'prod', 'daily'], /environments\.prod: no such environment/],
      [['check', 'production', 'monthly'], /checks\.monthly: no checks configured/],
      [['chek', 'production', 'daily'], /did you mean "check"/],
    ] as const) {
      const r = await cli([...args, '--config', 'checks.yml'], { cwd: w.workspace, env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('rotate from a terminal', () => {
  it('refuses without confirmation on a reviewed environment, then rotates JWT_SECRET with --yes and prints no secret value', async () => {
    const rw = await startRotationWorld();
    try {
      const config = `${(await readFile(path.join(rw.workspace, 'apprunner-ops.yml'), 'utf8')).trimEnd()}\n    required-reviewers: true\n`;
      await writeFile(path.join(rw.workspace, 'apprunner-ops.yml'), config);
      const renv = {
        ...rw.env,
        GITHUB_TOKEN: 'ghs_simtoken',
        GITHUB_REPOSITORY: 'example/drop',
        GITHUB_SHA: 'abc1234def567890000000000000000000000000',
      };
      const args = ['rotate', 'production', 'JWT_SECRET', '--config', 'apprunner-ops.yml'];
      const fastRotation = ['--poll-interval', '100ms', '--verify-timeout', '5s'];
      const old = rw.sim.secret('drop/production/jwt-secret').current!;

      const noReason = await cli(args, { cwd: rw.workspace, env: renv });
      expect(noReason.code).toBe(2);
      expect(noReason.stderr).toMatch(/reason/);
      const refused = await cli([...args, '--reason', 'quarterly'], {
        cwd: rw.workspace,
        env: renv,
      });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /production has required reviewers: confirm on a terminal, or pass --yes/,
      );
      const unknown = await cli(
        ['rotate', 'production', 'JWT', '--reason', 'x', '--yes', '--config', 'apprunner-ops.yml'],
        {
          cwd: rw.workspace,
          env: renv,
        },
      );
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/"JWT" is not a secret of environment production/);
      expect(rw.sim.mutatingCalls().filter((c) => c.service === 'secretsmanager')).toEqual([]);
      expect(rw.sim.secret('drop/production/jwt-secret').current).toBe(old);

      const rotated = await cli([...args, '--reason', 'quarterly', '--yes', ...fastRotation], {
        cwd: rw.workspace,
        env: renv,
      });
      expect(rotated.code, rotated.stderr).toBe(0);
      expect(rotated.stderr).toMatch(/Rotated JWT_SECRET in production; the service is healthy/);
      expect(rotated.stderr).toMatch(
        /AUDIT_DATABASE_URL is not set: no audit_log row will be written/,
      );
      const now = rw.sim.secret('drop/production/jwt-secret').current!;
      expect(now).not.toBe(old);
      expect(rw.sim.secret('drop/production/jwt-secret-previous').current).toBe(old);
      for (const value of [old, now]) {
        expect(rotated.stdout).not.toContain(value);
        expect(rotated.stderr).not.toContain(value);
      }
      expect(rw.sim.github.commitStatuses()).toEqual([
        expect.objectContaining({
          state: 'success',
          context: 'apprunner-ops/rotate-secret (production)',
        }),
      ]);
    } finally {
      await rw.stop();
    }
  });
});

describe('gate from a terminal', () => {
  it('passes the go-live gate of a green world (exit 0, evidence, check run) and fails one with BANKID_MOCK set (exit 1, naming service-env)', async () => {
    for (const bankidMock of [false, true]) {
      const gw = await startGateWorld({ bankidMock });
      try {
        const genv = { ...gw.env, GITHUB_TOKEN: 'ghs_simtoken' };
        const r = await cli(['gate', 'production'], { cwd: gw.workspace, env: genv });
        if (!bankidMock) {
          expect(r.code, r.stderr).toBe(0);
          expect(r.stderr).toMatch(/evidence: .*apprunner-ops-evidence\/evidence\.json/);
          expect(
            gw.sim.github
              .checkRuns()
              .filter((c) => c.name === 'apprunner-ops: go-live gate (production)'),
          ).toEqual([expect.objectContaining({ head_sha: gw.sha, conclusion: 'success' })]);
        } else {
          expect(r.code).toBe(1);
          expect(r.stderr).toMatch(/^FAILED: /m);
          expect(r.stdout).toMatch(/BANKID_MOCK is set and must be absent/);
        }
        expect(
          gw.sim.mutatingCalls().filter((c) => !['github', 'slack'].includes(c.service)),
        ).toEqual([]);
      } finally {
        await gw.stop();
      }
    }
    const bad = await cli(['gate', 'production', 'Go Live'], { cwd: os.tmpdir(), env: {} });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected a lowercase gate name like go-live, got "Go Live"/);
  });
});

describe('validate and init', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cli-init-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('validates the Drop example, and names the line of a broken copy', async () => {
    const ok = await cli(['validate', path.join(ROOT, 'examples/drop/apprunner-ops.yml')], {
      cwd: dir,
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/valid \(\d+ environments?: .*production/);
    const text = await readFile(path.join(ROOT, 'examples/drop/apprunner-ops.yml'), 'utf8');
    await writeFile(
      path.join(dir, 'broken.yml'),
      text.replace('max-latency-ms: 2000', 'max-latency-ms: fast'),
    );
    const missing = await cli(['validate', 'nothing-here.yml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nothing-here\.yml: no such file/);
    const bad = await cli(['validate', 'broken.yml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /broken\.yml: environments\.production\.health\.checks\[0\]\.expect\.max-latency-ms: expected an integer, got "fast" \(line \d+\)/,
    );
  });

  it('init writes a configuration that validate accepts, and never overwrites without --force', async () => {
    const args = [
      'init',
      '--environments',
      'staging,production',
      '--region',
      'eu-west-1',
      '--service-arn',
      'staging=arn:aws:apprunner:eu-west-1:123456789012:service/drop-web-staging/0123456789abcdef0123456789abcdef,production=arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/0123456789abcdef0123456789abcdef',
      '--ecr-repository',
      'drop-web',
      '--database',
      'drop-db',
      '--health-url',
      'staging=https://staging.example.com,production=https://getdrop.no',
      '--version-path',
      'data.version',
    ];
    const first = await cli(args, { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/wrote \.github\/apprunner-ops\.yml/);
    const valid = await cli(['validate'], { cwd: dir });
    expect(valid.stdout).toMatch(/valid \(2 environments: staging, production\)/);
    const again = await cli(args, { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exist.*pass --force/);
    expect((await cli([...args, '--force'], { cwd: dir })).code).toBe(0);

    // The callers are docs/setup.md's (examples/caller/ is what the docs show and the
    // rehearsals run), pinned to this suite's own repository and commit; the workflow
    // validator accepts them, and so does validate. The callers have no run: steps, so
    // shellcheck has nothing to say.
    const head = spawnSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).stdout.trim();
    const written = await Promise.all(
      [
        'apprunner-ops.yml',
        'apprunner-ops-rotate.yml',
        'apprunner-ops-go-live.yml',
        'apprunner-ops-restart.yml',
      ].map(async (name) => ({
        file: `.github/workflows/${name}`,
        text: await readFile(path.join(dir, '.github/workflows', name), 'utf8'),
        example: await readFile(path.join(ROOT, 'examples/caller/.github/workflows', name), 'utf8'),
      })),
    );
    const pin = /(uses: [\w.-]+\/[\w.-]+\/\.github\/workflows\/[\w.-]+\.yml)@[0-9a-f]{40} # .*/g;
    for (const w of written) {
      expect(w.text.replace(pin, '$1@PIN'), w.file).toBe(w.example.replace(pin, '$1@PIN'));
      for (const line of w.text.match(pin) ?? [])
        expect(line).toMatch(
          new RegExp(
            `^uses: apprunner-ops/apprunner-ops/\\.github/workflows/[\\w-]+\\.yml@${head} # v1\\.1\\.0`,
          ),
        );
    }
    const checked = await cli(['validate', '--json'], { cwd: dir });
    expect(checked.code, checked.stdout).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ valid: true, findings: [] });
    expect((JSON.parse(checked.stdout) as { callers: string[] }).callers).toHaveLength(4);
    const findings = await lintWorkflows(written, {
      checks: CHECKS.filter((c) => c !== SHELLCHECK),
    });
    expect(findings).toEqual([]);
  });

  it('validate names a caller environment the file lacks, and warns on reports-version without version-path', async () => {
    const caller = path.join(dir, '.github/workflows/apprunner-ops.yml');
    const config = path.join(dir, '.github/apprunner-ops.yml');
    const [callerText, configText] = await Promise.all([
      readFile(caller, 'utf8'),
      readFile(config, 'utf8'),
    ]);
    await writeFile(
      caller,
      callerText.replace('environments: staging production }', 'environments: staging prod }'),
    );
    await writeFile(config, configText.replace(/^ {6}version-path: data\.version\n/m, ''));
    try {
      const r = await cli(['validate'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toMatch(
        /^\.github\/apprunner-ops\.yml:\d+: warning: environments\.staging\.health\.checks\[0\]\.reports-version is set, but environments\.staging\.health\.version-path is not/,
      );
      expect(lines).toContain(
        '.github/workflows/apprunner-ops.yml:15: jobs.deploy.with.environments: "prod" is not an environment of .github/apprunner-ops.yml (staging, production); add it there or fix the name',
      );
      const json = JSON.parse((await cli(['validate', '--json'], { cwd: dir })).stdout) as {
        valid: boolean;
        findings: { level: string }[];
      };
      expect(json.valid).toBe(false);
      // The deploy job's list was changed; the checks job still names production.
      expect(json.findings.map((f) => f.level)).toEqual(['warning', 'error']);
    } finally {
      await Promise.all([writeFile(caller, callerText), writeFile(config, configText)]);
    }
  });

  it('init with three environments and another suite reference: callers the validator accepts', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'cli-init-'));
    const r = await cli(
      [
        'init',
        '--environments',
        'dev,staging,prod',
        '--region',
        'eu-north-1',
        '--service-arn',
        'arn:aws:apprunner:eu-north-1:123456789012:service/web-app/0123456789abcdef0123456789abcdef',
        '--ecr-repository',
        'web',
        '--database',
        '',
        '--health-url',
        'https://example.com',
        '--suite',
        'fork-of-ops/apprunner-ops@v1.2.0',
      ],
      { cwd: repo },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'The callers use fork-of-ops/apprunner-ops@v1.2.0. v1.2.0 can be moved: pin its commit SHA instead',
    );
    const main = await readFile(path.join(repo, '.github/workflows/apprunner-ops.yml'), 'utf8');
    expect(main).toContain('with: { environments: dev staging prod }');
    expect(main).toContain('uses: fork-of-ops/apprunner-ops/.github/workflows/deploy.yml@v1.2.0\n');
    expect(main).not.toContain('example/apprunner-ops');
    const rotate = await readFile(
      path.join(repo, '.github/workflows/apprunner-ops-rotate.yml'),
      'utf8',
    );
    expect(rotate).toContain("inputs.environment || 'prod'");
    expect((await cli(['validate'], { cwd: repo })).stdout).toMatch(
      /valid \(3 environments: dev, staging, prod\)/,
    );
    const files = await Promise.all(
      [
        'apprunner-ops.yml',
        'apprunner-ops-rotate.yml',
        'apprunner-ops-go-live.yml',
        'apprunner-ops-restart.yml',
      ].map(async (name) => ({
        file: `.github/workflows/${name}`,
        text: await readFile(path.join(repo, '.github/workflows', name), 'utf8'),
      })),
    );
    expect(await lintWorkflows(files, { checks: CHECKS.filter((c) => c !== SHELLCHECK) })).toEqual(
      [],
    );
    await rm(repo, { recursive: true, force: true });
  });

  it('init refuses a malformed suite reference, or a placeholder owner, before writing anything', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'cli-init-'));
    const r = await cli(['init', '--suite', 'apprunner-ops'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--suite: expected owner\/repo@ref/);
    const placeholder = await cli(
      ['init', '--suite', `example/apprunner-ops@${'1a2b3c4d'.repeat(5)}`],
      { cwd: repo },
    );
    expect(placeholder.code).toBe(2);
    expect(placeholder.stderr).toBe(
      'apprunner-ops init: --suite: "example/apprunner-ops" has a placeholder owner; name the repository apprunner-ops is released from (package.json\'s repository), or your fork\n',
    );
    expect(await readdir(repo)).toEqual([]);
    await rm(repo, { recursive: true, force: true });
  });

  it('init without a terminal names the missing flag', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'cli-init-'));
    await copyFile(BIN, path.join(empty, 'x')).catch(() => {});
    const r = await cli(['init', '--environments', 'production'], { cwd: empty });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--service-arn is required when there is no terminal to ask on/);
    await rm(empty, { recursive: true, force: true });
  });
});
