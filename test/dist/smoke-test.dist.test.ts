import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActionBundle, type ActionRun } from '../../sim/run-action.js';
import { removeScratchFolders } from '../../sim/scratch-folders.js';
import { makeTestCertificates } from '../helpers/tls.js';
import { describeWithTools } from '../helpers/tools.js';
import { dropHealth, HSTS, json, startServer, type TestServer } from '../helpers/servers.js';
import { scratchFolder } from '../../sim/scratch-folders.js';

// The built bundle, run as the runner runs it, against real local HTTP and HTTPS servers. The
// test certificates are made with openssl: without it, every test here is skipped with that
// reason (a failure in strict mode).

describeWithTools(['openssl'], 'smoke-test bundle against local servers', () => {
  let certs: ReturnType<typeof makeTestCertificates>;
  let healthy: TestServer; // HTTPS, 365-day certificate, HSTS, reports version v1
  let expiring: TestServer; // HTTPS, certificate valid for 5 days
  let plain: TestServer; // HTTP, redirects to healthy
  let varied: TestServer; // HTTP, one path per failure mode
  // HTTP, 503 for its first 3 requests, then healthy: counted, not timed, so a slow start of
  // the bundle on a loaded machine does not find it warm already.
  let warming: TestServer;
  let warmingRequests = 0;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    certs = makeTestCertificates();
    const healthyHandler = (req: { url?: string }, res: Parameters<typeof json>[0]): void => {
      if (req.url === '/api/health') json(res, 200, dropHealth('v1'), HSTS);
      else json(res, 404, { error: 'not found' });
    };
    healthy = await startServer(healthyHandler, certs.leaf(365));
    expiring = await startServer(healthyHandler, certs.leaf(5));
    plain = await startServer((req, res) => {
      res.writeHead(301, { location: `${healthy.url}${req.url}` });
      res.end();
    });
    varied = await startServer((req, res) => {
      switch (req.url) {
        case '/down':
          return json(res, 503, { error: 'unavailable' });
        case '/db-fail':
          return json(res, 200, dropHealth('v1', 'fail'), HSTS);
        case '/no-hsts':
          return json(res, 200, dropHealth('v1'));
        case '/slow':
          return void setTimeout(() => json(res, 200, dropHealth('v1'), HSTS), 300);
        case '/slower':
          return void setTimeout(() => json(res, 200, dropHealth('v1'), HSTS), 1500);
        case '/html':
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.end('<!doctype html><title>Drop</title>');
        default:
          return json(res, 200, dropHealth('v1'), HSTS);
      }
    });
    warming = await startServer((_req, res) => {
      if (++warmingRequests <= 3) json(res, 503, { error: 'starting' });
      else json(res, 200, dropHealth('v2'), HSTS);
    });
    servers.push(healthy, expiring, plain, varied, warming);
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  function run(inputs: Record<string, string>, cwd?: string): Promise<ActionRun> {
    return runActionBundle({
      action: 'smoke-test',
      inputs: { timeout: '2s', interval: '250ms', ...inputs },
      env: { NODE_EXTRA_CA_CERTS: certs.caFile },
      ...(cwd ? { cwd } : {}),
    });
  }

  function check(extra: string): string {
    return `- name: health\n  path: /api/health\n${extra}`;
  }

  const errors = (r: ActionRun): string[] =>
    r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

  describe('smoke-test bundle', () => {
    it.concurrent(
      'passes a healthy HTTPS service: status, JSON, HSTS, latency, TLS, redirect and version',
      async () => {
        const result = await run({
          'base-url': healthy.url,
          checks: `- name: health
  path: /api/health
  https-redirect: ${plain.url}/api/health
  expect:
    status: 200
    json: { data.status: ok, data.checks.db.status: pass }
    headers: { strict-transport-security: 'max-age=63072000; includeSubDomains' }
    max-latency-ms: 2000
  tls: { min-days: 30 }`,
          'expect-version': 'v1',
          'version-path': 'data.version',
        });
        expect(result.stderr).toBe('');
        expect(result.exitCode).toBe(0);
        expect(result.outputs).toMatchObject({ passed: 'true', 'failed-checks': '0' });
        expect(Object.keys(result.outputs).sort()).toEqual(['failed-checks', 'passed', 'report']); // as action.yml declares
        // The report is in RUNNER_TEMP, which stays until the test file's end removes it.
        expect(path.dirname(result.outputs['report'] as string)).toBe(result.runnerTemp);
        const report = JSON.parse(await readFile(result.outputs['report'] as string, 'utf8'));
        expect(report.checks[0]).toMatchObject({
          name: 'health',
          passed: true,
          status: 200,
          attempts: 1,
          url: `${healthy.url}/api/health`,
        });
        expect(report.checks[0].tlsDaysRemaining).toBeGreaterThanOrEqual(363);
        expect(result.summary).toContain('Smoke test: ✅ passed');
        expect(result.summary).toMatch(
          /\| health \(https:\/\/127\.0\.0\.1:\d+\/api\/health\) \| ✅ pass \| 200 \| \d+ ms \| 1 \|/,
        );
      },
    );

    it.concurrent.each([
      [
        'wrong status',
        check('  path: /down').replace('  path: /api/health\n', ''),
        /status 503, expected 200/,
      ],
      [
        'wrong JSON value',
        `- name: health\n  path: /db-fail\n  expect: { json: { data.checks.db.status: pass } }`,
        /data\.checks\.db\.status is "fail", expected "pass"/,
      ],
      [
        'missing HSTS',
        `- name: health\n  path: /no-hsts\n  expect: { headers: { strict-transport-security: max-age } }`,
        /header strict-transport-security is missing/,
      ],
      [
        'slow response',
        `- name: health\n  path: /slow\n  expect: { max-latency-ms: 100 }`,
        /took \d{3} ms, limit 100 ms/,
      ],
      [
        'JSON expected, HTML served',
        `- name: health\n  path: /html\n  expect: { json: { data.status: ok } }`,
        /expect\.json needs a JSON body, got text\/html/,
      ],
    ])('fails on %s with the reason', async (_label, checks, reason) => {
      const result = await run({ 'base-url': varied.url, checks });
      expect(result.exitCode).toBe(1);
      expect(result.outputs).toMatchObject({ passed: 'false', 'failed-checks': '1' });
      const report = JSON.parse(await readFile(result.outputs['report'] as string, 'utf8'));
      expect(report.checks[0].passed).toBe(false);
      expect(report.checks[0].attempts).toBeGreaterThan(1); // retried until the deadline
      expect(report.checks[0].reasons.map((r: { reason: string }) => r.reason).join('\n')).toMatch(
        reason,
      );
      expect(errors(result).some((m) => reason.test(m))).toBe(true); // annotation
      expect(errors(result).at(-1)).toMatch(/^smoke-test: 1 of 1 checks failed: health/);
      expect(result.summary).toContain('❌ fail');
    });

    it.concurrent('fails a certificate that expires sooner than tls.min-days', async () => {
      const result = await run({
        'base-url': expiring.url,
        checks: check('  tls: { min-days: 30 }'),
      });
      expect(result.exitCode).toBe(1);
      expect(errors(result).join('\n')).toMatch(
        /TLS certificate expires in [45] days \(\d{4}-\d\d-\d\d\), minimum 30/,
      );
    });

    it.concurrent('fails when the service reports another version', async () => {
      const result = await run({
        'base-url': healthy.url,
        checks: check(''),
        'expect-version': 'v2',
        'version-path': 'data.version',
      });
      expect(result.exitCode).toBe(1);
      expect(errors(result).join('\n')).toMatch(/reports version "v1", expected "v2"/);
    });

    it.concurrent('fails when plain HTTP does not redirect to HTTPS', async () => {
      const result = await run({
        'base-url': healthy.url,
        checks: check(`  https-redirect: ${varied.url}/api/health`),
      });
      expect(result.exitCode).toBe(1);
      expect(errors(result).join('\n')).toMatch(/answered 200, expected a redirect to https:\/\//);
    });

    it.concurrent('passes a service that becomes healthy within the deadline', async () => {
      warmingRequests = 0;
      const result = await run({
        'base-url': warming.url,
        checks: check(''),
        timeout: '10s',
        interval: '300ms',
        'expect-version': 'v2',
        'version-path': 'data.version',
      });
      expect(result.exitCode).toBe(0);
      const report = JSON.parse(await readFile(result.outputs['report'] as string, 'utf8'));
      expect(report.checks[0].attempts).toBeGreaterThan(2);
      expect(report.checks[0].reasons[0].reason).toBe('status 503, expected 200');
      expect(report.durationMs).toBeLessThan(10_000);
    });

    it.concurrent('runs checks concurrently: two slow checks take one delay, not two', async () => {
      // 1.5 s each. One after the other, the whole takes at least the sum of the two checks'
      // own durations; side by side, less. Both sides of that comparison stretch alike on a
      // loaded machine, where a fixed 3 s bound for the whole could be reached by lag alone.
      const result = await run({
        'base-url': varied.url,
        checks: `- name: a\n  path: /slower\n- name: b\n  path: /slower`,
        timeout: '10s',
      });
      expect(result.exitCode).toBe(0);
      const report = JSON.parse(await readFile(result.outputs['report'] as string, 'utf8')) as {
        durationMs: number;
        checks: { durationMs: number }[];
      };
      const [a, b] = report.checks.map((c) => c.durationMs);
      expect(Math.min(a!, b!)).toBeGreaterThanOrEqual(1500);
      expect(report.durationMs).toBeLessThan(a! + b!);
    });
  });

  describe('smoke-test bundle with a configuration file', () => {
    let workspace: string;
    beforeAll(async () => {
      workspace = await scratchFolder('smoke-config-');
      const example = await readFile(
        path.join(import.meta.dirname, '../../examples/drop/apprunner-ops.yml'),
        'utf8',
      );
      await writeFile(path.join(workspace, 'drop.yml'), example);
      await writeFile(
        path.join(workspace, 'local.yml'),
        example
          .replaceAll('base-url: https://getdrop.no', `base-url: ${varied.url}`)
          .replace(
            /checks:\n {8}- name: api-health[\s\S]*?max-latency-ms: 2000\n[\s\S]*?min-days: 30\n/,
            `checks:\n        - name: api-health\n          path: /api/health\n          reports-version: true\n          expect:\n            json: { data.status: ok }\n`,
          ),
      );
      await writeFile(
        path.join(workspace, 'typo.yml'),
        example.replace('reports-version: true', 'reports-versoin: true'),
      );
      await writeFile(
        path.join(workspace, 'bad-status.yml'),
        example.replace('status: 200', 'status: ok'),
      );
    });

    it('uses the environment’s base URL, checks and version path', async () => {
      const result = await run(
        { config: 'local.yml', environment: 'production', 'expect-version': 'v1' },
        workspace,
      );
      expect(result.exitCode).toBe(0);
      expect(result.outputs['passed']).toBe('true');
    });

    it.each([
      [
        { config: 'missing.yml', environment: 'production' },
        /config missing\.yml: file not found; create it/,
      ],
      [
        { config: 'drop.yml', environment: 'qa' },
        /environments\.qa: no such environment; the file defines "production", "staging"/,
      ],
      [
        { config: 'typo.yml', environment: 'production' },
        /environments\.production\.health\.checks\[0\]\.reports-versoin: unknown key; did you mean "reports-version"\? \(line 23\)/,
      ],
      [
        { config: 'bad-status.yml', environment: 'production' },
        /environments\.production\.health\.checks\[0\]\.expect\.status: expected an integer, got "ok" \(line 25\)/,
      ],
    ])('refuses a bad configuration before any request: %o', async (inputs, message) => {
      const before = varied.hits.length + healthy.hits.length;
      const result = await run(inputs, workspace);
      expect(result.exitCode).toBe(1);
      expect(errors(result)).toHaveLength(1);
      expect(errors(result)[0]).toMatch(message);
      expect(result.outputs).toEqual({});
      expect(varied.hits.length + healthy.hits.length).toBe(before);
    });
  });

  describe('smoke-test bundle refuses bad input before any request', () => {
    it.each([
      [
        { 'base-url': 'not a url', checks: '- name: a\n  path: /' },
        /input "base-url": expected an absolute URL/,
      ],
      [
        { 'base-url': 'ftp://example.com', checks: '- name: a\n  path: /' },
        /input "base-url": expected an http:\/\/ or https:\/\/ URL/,
      ],
      [
        { checks: '- name: a\n  path: /\n  expcet: { status: 200 }' },
        /input "checks": \[0\]\.expcet: unknown key; did you mean "expect"\?/,
      ],
      [{ checks: '- name: a\n  path: [' }, /input "checks": invalid YAML/],
      [
        { checks: '- name: a\n  path: /', timeout: '-5m' },
        /input "timeout": expected a duration with a unit/,
      ],
      [
        { checks: '- name: a\n  path: /', timeout: '90w' },
        /input "timeout": expected a duration with a unit/,
      ],
      [
        { checks: '- name: a\n  path: /', timeout: '48h' },
        /input "timeout": expected a duration from 1.0s to 1h, got 48h/,
      ],
      [
        { checks: '- name: a\n  url: http://127.0.0.1:9/x\n  path: /x' },
        /input "checks": \[0\]: give exactly one of "path" or "url"/,
      ],
      [{ checks: '- name: a\n  path: /' }, /input "base-url": is required: check "a" gives a path/],
      [{}, /input "checks": is required when no environment is given/],
      [
        { checks: '- name: a\n  url: http://127.0.0.1:9/x', 'expect-version': 'v1' },
        /input "version-path": is required with expect-version/,
      ],
    ])('%o', async (inputs, message) => {
      const result = await run(inputs);
      expect(result.exitCode).toBe(1);
      expect(errors(result)).toEqual([expect.stringMatching(message)]);
      expect(errors(result)[0]).toMatch(/^smoke-test: input "/);
      expect(result.outputs).toEqual({});
      // Nothing was written to RUNNER_TEMP: the run removed it.
      expect(existsSync(result.runnerTemp)).toBe(false);
    });
  });

  describe('RUNNER_TEMP', () => {
    it('stays while it holds a report, and goes with the test file’s clean-up', async () => {
      const result = await run({
        'base-url': healthy.url,
        checks: '- name: health\n  path: /api/health',
      });
      expect(result.exitCode).toBe(0);
      expect(existsSync(result.outputs['report'] as string)).toBe(true);
      await removeScratchFolders();
      expect(existsSync(result.runnerTemp)).toBe(false);
    });
  });
});
