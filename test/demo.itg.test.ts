import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../sim/run-action.js';

// `npm run demo` as a newcomer runs it: a child process, the package.json script, no colour.

interface Finished {
  code: number | null;
  output: string;
}

function runDemo(): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'demo'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Ends a demo that hangs; how long it takes is judged by bench/demo.bench.ts.
    const limit = setTimeout(() => child.kill('SIGKILL'), 280_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, output });
    });
  });
}

// "Under a minute" is bench/demo.bench.ts (`npm run bench demo`): a wall-clock budget here
// failed whenever other work loaded the cores, though every scenario ended as it should.
describe('npm run demo', () => {
  it('runs the deploy scenarios (one on ECS Express) and a rollback to their expected ends', async () => {
    const demo = await runDemo();
    expect(demo.code, demo.output).toBe(0);
    const out = demo.output;

    // Each scenario: its banner, then its result, in order.
    const marks = [
      '━━ 1/5  A good deploy: v1.5.0',
      'result: deployed (step exit 0',
      '✓ scenario 1 ended as expected (deployed)',
      '━━ 2/5  A deploy App Runner itself rejects: v1.5.1-broken',
      'result: failed (step exit 1',
      "the sim's drop-web now runs v1.5.0",
      '✓ scenario 2 ended as expected (failed)',
      '━━ 3/5  A deploy that passes App Runner but fails our verification: v1.4.1',
      'result: rolled-back (step exit 1',
      '✓ scenario 3 ended as expected (rolled-back)',
      '━━ 4/5  The same on ECS Express Mode: ECS rolls v1.5.1-broken back itself',
      'Error: deploy: ECS rolled v1.5.1-broken back: ECS deployment circuit breaker',
      'and kept v1.4.2',
      'result: failed (step exit 1',
      "the sim's drop-web now runs v1.4.2",
      '✓ scenario 4 ended as expected (failed)',
      '━━ 5/5  A rollback by hand',
      'result: rolled-back (step exit 0',
      "the sim's drop-web now runs v1.4.2",
      '✓ scenario 5 ended as expected (rolled-back)',
      'audit_log in PostgreSQL (5 rows, oldest first)',
      'Slack (5 messages, first lines)',
      'Demo OK in',
    ];
    let at = -1;
    for (const mark of marks) {
      const next = out.indexOf(mark, at + 1);
      expect(next, `"${mark}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }

    // Summaries rendered for a terminal: aligned steps table, the timeline as bars, no pipes.
    expect(out).toMatch(/│ Step +Result +Duration +Detail/);
    expect(out).toMatch(/│ Update service +❌ failed +[\d.]+m?s +operation [0-9a-f]{32}:/);
    expect(out).toMatch(/│ Roll back +│ *█+ *│ [\d.]+m?s/);
    expect(out).not.toMatch(/^\s*│?\s*\| --- \|/m);
    expect(out).not.toContain('```mermaid');

    // audit_log rows, oldest first.
    expect(out).toMatch(
      /\d\d:\d\d:\d\d\.\d{3} +deploy_succeeded +app_runner_service\/production +deployed +v1\.5\.0/,
    );
    expect(out).toMatch(/deploy_failed +app_runner_service\/production +failed +v1\.5\.1-broken/);
    expect(out).toMatch(
      /deploy_rolled_back +app_runner_service\/production +rolled-back +v1\.4\.1/,
    );

    // Secrets given as inputs are masked like the runner masks them, never printed.
    for (const secret of [
      'sim-betterstack-token',
      'simwebhooksecret',
      'ghs_demo_token',
      'postgres:postgres@',
    ])
      expect(out).not.toContain(secret);
    expect(out).not.toContain('::add-mask::');
  }, 300_000);
});
