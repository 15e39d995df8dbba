/**
 * The routine check types against the sim over HTTP with the real SDK clients: snapshots,
 * free storage, App Runner error rate and latency, logs and health; throttling retried.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkItemSchema, type CheckItem } from '../../core/checks/registry.js';
import { maskLogMessage } from '../../core/checks/log-errors.js';
import { runCheckList } from '../../core/checks/run-checks.js';
import { parseConfig } from '../../core/config/load.js';
import { ConfigError } from '../../core/util/errors.js';
import { testConfig } from '../../sim/deploy-world.js';
import { DEFAULT_FIXTURE, startSim, type FixtureInput, type SimHandle } from '../../sim/index.js';
import { simConfigCheckContext } from '../helpers/check-context.js';

type Fixture = Record<string, unknown> & {
  ecr: { repositories: { images: Record<string, unknown>[] }[] };
  rds: { instances: Record<string, unknown>[] };
  cloudwatch: Record<string, unknown>;
};

function dropFixture(change: (f: Fixture) => void = () => {}): FixtureInput {
  const fixture = parse(readFileSync(DEFAULT_FIXTURE, 'utf8')) as Fixture;
  change(fixture);
  return fixture as FixtureInput;
}

const items = (yaml: string): CheckItem[] =>
  (parse(yaml) as unknown[]).map((i) => checkItemSchema.parse(i));

async function run(sim: SimHandle, yaml: string, config = testConfig(sim)) {
  const context = simConfigCheckContext(sim, config);
  const results = await runCheckList(items(yaml), context);
  return { results, logger: context.logger };
}

describe('routine checks against the default Drop fixture', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005 });
  });
  afterAll(() => sim.stop());

  it('passes every check of a healthy environment, concurrently', async () => {
    const logGroup = '/aws/apprunner/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f/application';
    const { results } = await run(
      sim,
      `
- { type: snapshot-fresh, max-age: 24h }
- { type: free-storage, min-gib: 2 }
- { type: error-rate, max-percent: 1, window: 1h }
- { type: latency-p99, max-ms: 1000 }
- { type: log-errors, log-group: '${logGroup}', pattern: ERROR, window: 24h }
- { type: health }
- { type: service-running }
`,
    );
    expect(results.map((r) => [r.type, r.status])).toEqual([
      ['snapshot-fresh', 'pass'],
      ['free-storage', 'pass'],
      ['error-rate', 'pass'],
      ['latency-p99', 'pass'],
      ['log-errors', 'pass'],
      ['health', 'pass'],
      ['service-running', 'pass'],
    ]);
    const byType = Object.fromEntries(results.map((r) => [r.type, r]));
    expect(byType['snapshot-fresh']?.line).toMatch(/is 5\.0h|is 5h/);
    expect(byType['free-storage']?.observed?.['minFreeGiB']).toBeGreaterThan(11.9);
    expect(byType['error-rate']?.observed).toMatchObject({ errors: 0 });
    expect(byType['error-rate']?.observed?.['requests']).toBeGreaterThan(0);
  });

  it('log-errors reads every page (empty ones too) and by default names no message, only a Logs Insights link', async () => {
    const logGroup = '/aws/apprunner/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f/application';
    // 48 hours are 49 calls of the sim's FilterLogEvents; the ERROR is 23 calls in, the WARN 47.
    const { results } = await run(
      sim,
      `- { type: log-errors, log-group: '${logGroup}', pattern: '?ERROR ?WARN', window: 48h }`,
    );
    expect(results[0]).toMatchObject({ status: 'fail', observed: { count: 2, complete: true } });
    expect(Number(results[0]?.observed?.['pages'])).toBeGreaterThan(40);
    expect(results[0]?.line).not.toContain('signature mismatch');
    expect(JSON.stringify(results[0])).not.toContain('signature mismatch');
    expect(results[0]?.line).toMatch(
      /read them in CloudWatch Logs Insights: https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#logsV2:logs-insights\$3FqueryDetail\$3D/,
    );
    const { results: shown } = await run(
      sim,
      `- { type: log-errors, log-group: '${logGroup}', pattern: '?ERROR ?WARN', window: 48h, show-messages: true }`,
    );
    expect(shown[0]?.line).toContain(
      'first: ERROR payment webhook: signature mismatch (provider=openbanking)',
    );
  });

  it('log-errors whose scan the deadline cuts short is an error saying how far it read, never a pass', async () => {
    const logGroup = '/aws/apprunner/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f/application';
    sim.setFaults({
      rules: [{ service: 'logs', operation: 'FilterLogEvents', kind: 'latency', latencyMs: 200 }],
    });
    try {
      const { results } = await run(
        sim,
        `- { type: log-errors, log-group: '${logGroup}', pattern: NOSUCHWORD, window: 48h, timeout: 4s }`,
      );
      expect(results[0]?.status).toBe('error');
      expect(results[0]?.line).toMatch(
        /^\/aws\/apprunner\/drop-web\/\w+\/application: scanned up to \d{4}-\d\d-\d\dT[\d:.]+Z, not to the end of the 48h window/,
      );
      expect(results[0]?.observed).toMatchObject({ complete: false });
    } finally {
      sim.setFaults({ rules: [] });
    }
  });

  it('log-errors masks e-mail addresses, digit runs and tokens in the messages it shows', () => {
    expect(
      maskLogMessage(
        'ERROR kyc failed for jane.doe@example.com iban DE89 3704 0044 0532 0130 00 phone 4915112345678 token=abc.def Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig id 42',
      ),
    ).toBe(
      'ERROR kyc failed for <email> iban DE<digits> phone <digits> token=<masked> Authorization: <masked> <token> id 42',
    );
  });

  it('says "no data" (warn) when CloudWatch has no FreeStorageSpace, never pass', async () => {
    const config = testConfig(sim, { database: '      instance: drop-db-replica' });
    const { results } = await run(sim, '- { type: free-storage }', config);
    expect(results[0]).toMatchObject({ status: 'warn' });
    expect(results[0]?.line).toMatch(/^no data/);
  });

  it('retries CloudWatch throttling within the check’s deadline', async () => {
    sim.setFaults({
      rules: [
        { service: 'monitoring', operation: 'GetMetricStatistics', kind: 'throttle', times: 2 },
      ],
    });
    try {
      const { results, logger } = await run(sim, '- { type: free-storage, timeout: 20s }');
      expect(results[0]?.status).toBe('pass');
      expect(logger.lines.map((l) => l.message).join('\n')).toMatch(
        /GetMetricStatistics.*retrying/,
      );
    } finally {
      sim.setFaults({ rules: [] });
    }
  });
});

describe('routine checks that fail', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({
      timeScale: 0.005,
      fixture: dropFixture((f) => {
        // 130 stale automated snapshots: two pages of DescribeDBSnapshots.
        f.rds.instances[0]!['automatedSnapshots'] = { count: 130, every: '24h', latestAgo: '30h' };
        f.cloudwatch['freeStorageGiB'] = { 'drop-db': 1.5 };
        const running = f.ecr.repositories[0]!.images.find((i) =>
          (i['tags'] as string[]).includes('v1.4.2'),
        );
        running!['errorRate'] = 0.08;
        running!['behaviour'] = 'slow';
        running!['latencyMs'] = 1500;
      }),
    });
  });
  afterAll(() => sim.stop());

  it('reads every page of automated snapshots and fails on a stale newest one', async () => {
    sim.clearCalls();
    const { results } = await run(sim, '- { type: snapshot-fresh, max-age: 24h }');
    expect(results[0]).toMatchObject({
      status: 'fail',
      observed: { automatedSnapshots: 130, pages: 2 },
    });
    expect(results[0]?.line).toMatch(/is 1d|30h|1d6h/);
    const calls = sim
      .calls({ service: 'rds' })
      .map((c) => ({ params: c.params as Record<string, unknown> }));
    expect(calls.map((c) => c.params['SnapshotType'])).toEqual(['automated', 'automated']);
    expect(calls[1]?.params['Marker']).toBeTruthy();
  });

  it('fails below min-gib, and on an 8 % error rate and a slow p99', async () => {
    const { results } = await run(
      sim,
      `
- { type: free-storage, min-gib: 2 }
- { type: error-rate, max-percent: 5 }
- { type: latency-p99, max-ms: 1000 }
`,
    );
    expect(results.map((r) => r.status)).toEqual(['fail', 'fail', 'fail']);
    expect(results[0]?.observed?.['minFreeGiB']).toBeLessThan(1.5);
    expect(results[1]?.observed?.['errorPercent']).toBeCloseTo(8, 0);
    expect(results[2]?.observed?.['p99Ms']).toBeGreaterThan(1500);
  });
});

describe('bad check configuration', () => {
  const base = (extra: string): string => `version: 1
environments:
  production:
    region: eu-west-1
    service-arn: arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/0123456789abcdef0123456789abcdef
    ecr-repository: drop-web
    health:
      base-url: https://drop.example.com
      checks:
        - name: api
          path: /api/health
    checks:
      daily:
${extra}`;

  const problems = (text: string): readonly string[] => {
    try {
      parseConfig(text, 'cfg.yml');
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it.each([
    [
      '        - type: snapshot-fresh\n          max-age: -1h\n',
      /daily\[0\]\.max-age: expected a positive duration.*\(line 15\)/,
    ],
    [
      '        - type: free-storage\n          min-gib: 0\n',
      /daily\[0\]\.min-gib: expected a number greater than 0.*\(line 15\)/,
    ],
    [
      '        - type: snapshot-fresh\n          max-age: 0s\n',
      /max-age: expected a positive duration/,
    ],
    [
      '        - type: sql\n          name: x\n          query: SELECT 1\n        - type: eror-rate\n',
      /daily\[1\]\.type: .*"error-rate".*\(line 17\)/,
    ],
  ])('%j is one error with its path and line', (extra, pattern) => {
    expect(problems(base(extra))).toEqual([expect.stringMatching(pattern)]);
  });
});
