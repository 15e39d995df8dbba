import { describe, expect, it } from 'vitest';
import { healthCheckSchema } from '../../../core/health/check-schema.js';
import { evaluateRedirect, evaluateResponse } from '../../../core/health/evaluate.js';
import type { ProbeResponse } from '../../../core/health/probe.js';

const check = healthCheckSchema.parse({
  name: 'health',
  path: '/api/health',
  expect: { json: { 'data.status': 'ok' } },
});
const response = (body: unknown, extra: Partial<ProbeResponse> = {}): ProbeResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
  latencyMs: 12,
  ...extra,
});
const now = new Date('2026-11-22T12:00:00Z');

describe('evaluateResponse', () => {
  it('accepts any of an image’s tags as the reported version', () => {
    const body = { data: { status: 'ok', version: 'latest' } };
    expect(
      evaluateResponse(response(body), {
        check,
        now,
        version: { path: 'data.version', values: ['v1.4.2', 'latest'] },
      }),
    ).toEqual([]);
    expect(
      evaluateResponse(response(body), {
        check,
        now,
        version: { path: 'data.version', values: ['v1.5.0', 'v1.5'] },
      }),
    ).toEqual(['reports version "latest", expected "v1.5.0" or "v1.5"']);
    expect(
      evaluateResponse(response({ data: { status: 'ok' } }), {
        check,
        now,
        version: { path: 'data.version', values: ['v1'] },
      }),
    ).toEqual(['version not reported at data.version']);
  });

  it('lists every way a response falls short at once', () => {
    const strict = healthCheckSchema.parse({
      name: 'h',
      path: '/',
      expect: {
        status: 200,
        json: { 'data.checks.db.status': 'pass' },
        headers: { 'strict-transport-security': 'max-age=\\d+' },
        'max-latency-ms': 100,
      },
      tls: { 'min-days': 30 },
    });
    const reasons = evaluateResponse(
      response(
        { data: { checks: { db: { status: 'fail' } } } },
        {
          status: 503,
          latencyMs: 250,
          certificate: { validTo: new Date('2026-12-01T00:00:00Z'), subject: 'x' },
        },
      ),
      { check: strict, now },
    );
    expect(reasons).toEqual([
      'status 503, expected 200',
      'took 250 ms, limit 100 ms',
      'header strict-transport-security is missing',
      'data.checks.db.status is "fail", expected "pass"',
      'TLS certificate expires in 8 days (2026-12-01), minimum 30',
    ]);
  });

  it('refuses a redirect that stays on plain HTTP', () => {
    const url = new URL('http://getdrop.no/');
    expect(
      evaluateRedirect(
        response('', { status: 301, headers: { location: 'http://www.getdrop.no/' } }),
        url,
      ),
    ).toEqual(['http://getdrop.no/ redirects to http://www.getdrop.no/, expected https://']);
    expect(
      evaluateRedirect(
        response('', { status: 308, headers: { location: 'https://getdrop.no/' } }),
        url,
      ),
    ).toEqual([]);
  });
});
