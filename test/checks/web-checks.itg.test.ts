import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { HSTS, startServer, type TestServer } from '../helpers/servers.js';
import { makeTestCertificates, type TestCertificates } from '../helpers/tls.js';
import { dropEnv, runOne, sharedContext } from './context.js';

// Real HTTPS servers with a throw-away CA. This process does not trust that CA (Node 20 reads
// extra CAs only at start-up), so every certificate here is also "not trusted"; the bundle
// test runs the trusted case with NODE_EXTRA_CA_CERTS.
let sim: SimHandle;
let certs: TestCertificates;
let good: TestServer;
let soon: TestServer;
let plain: TestServer;

beforeAll(async () => {
  sim = await startSim({ timeScale: 0.01 });
  certs = makeTestCertificates();
  good = await startServer((req, res) => {
    if (req.url === '/vilkaar' || req.url === '/') {
      res.writeHead(200, HSTS);
      res.end('ok');
    } else {
      res.writeHead(404, HSTS);
      res.end('not found');
    }
  }, certs.leaf(400));
  soon = await startServer((_req, res) => {
    res.writeHead(200, { 'strict-transport-security': 'max-age=300' });
    res.end('ok');
  }, certs.leaf(10));
  plain = await startServer((req, res) => {
    const port = new URL(good.url).port;
    if (req.url === '/no-redirect') {
      res.writeHead(200);
      res.end('plain');
      return;
    }
    res.writeHead(301, { location: `https://localhost:${port}${req.url}` });
    res.end();
  });
});

afterAll(async () => {
  await Promise.all([good.close(), soon.close(), plain.close(), sim.stop()]);
});

const ctxFor = (base: string) =>
  sharedContext(sim, {
    env: dropEnv({ health: { 'base-url': base, checks: [{ name: 'api', path: '/' }] } }),
  });

describe('web checks against real local servers', () => {
  it('tls reports expiry under min-days, a host the certificate does not cover, and trust', async () => {
    const soonPort = new URL(soon.url).port;
    const goodPort = new URL(good.url).port;
    const result = await runOne(
      {
        type: 'tls',
        hosts: [`localhost:${soonPort}`, 'www.getdrop.no'],
        'min-days': 30,
        resolve: { 'www.getdrop.no': `127.0.0.1:${goodPort}` },
      },
      ctxFor(good.url),
    );
    expect(result.status).toBe('fail');
    expect(result.line).toMatch(
      new RegExp(`localhost:${soonPort}: certificate expires in \\d+ day`),
    );
    expect(result.line).toMatch(/www\.getdrop\.no: certificate does not cover www\.getdrop\.no/);
    expect(result.line).toMatch(/not trusted/);
    expect(result.observed).toMatchObject({
      certificates: [
        expect.objectContaining({ host: `localhost:${soonPort}`, daysLeft: expect.any(Number) }),
        expect.objectContaining({
          host: 'www.getdrop.no',
          altNames: 'DNS:localhost, IP Address:127.0.0.1',
        }),
      ],
    });
  });

  it('tls: a certificate valid long enough and covering the host has only the trust problem here', async () => {
    const port = new URL(good.url).port;
    const result = await runOne(
      { type: 'tls', hosts: [`localhost:${port}`], 'min-days': 90 },
      ctxFor(good.url),
    );
    expect(result.line).not.toMatch(/expires|does not cover/);
    expect(result.line).toMatch(/not trusted/);
  });

  it('tls fails with the reason when nothing listens', async () => {
    const result = await runOne({ type: 'tls', hosts: ['127.0.0.1:1'] }, ctxFor(good.url));
    expect(result).toMatchObject({
      status: 'fail',
      line: expect.stringMatching(/no TLS connection/),
    });
  });
});

describe('header and page checks (plain HTTP servers stand in for the site)', () => {
  // The probes refuse an untrusted certificate, so these read from plain HTTP twins.
  let site: TestServer;
  beforeAll(async () => {
    site = await startServer((req, res) => {
      if (req.url === '/weak') {
        res.writeHead(200, { 'strict-transport-security': 'max-age=300' });
        res.end();
      } else if (req.url === '/vilkaar' || req.url === '/') {
        res.writeHead(200, HSTS);
        res.end('ok');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  afterAll(() => site.close());

  it('hsts passes for the runbook header and names each missing part otherwise', async () => {
    expect(await runOne({ type: 'hsts' }, ctxFor(site.url))).toMatchObject({ status: 'pass' });
    const weak = await runOne({ type: 'hsts', url: `${site.url}/weak` }, ctxFor(site.url));
    expect(weak.status).toBe('fail');
    expect(weak.line).toMatch(
      /max-age 300 is below 63072000, includeSubDomains missing, preload missing/,
    );
    const none = await runOne({ type: 'hsts', url: `${plain.url}/no-redirect` }, ctxFor(site.url));
    expect(none.line).toMatch(/sends no Strict-Transport-Security header/);
  });

  it('https-redirect passes for a 301 to https and fails for a plain 200', async () => {
    expect(
      await runOne({ type: 'https-redirect', url: `${plain.url}/` }, ctxFor(site.url)),
    ).toMatchObject({
      status: 'pass',
      observed: { status: 301, location: expect.stringMatching(/^https:/) },
    });
    const no = await runOne(
      { type: 'https-redirect', url: `${plain.url}/no-redirect` },
      ctxFor(site.url),
    );
    expect(no.status).toBe('fail');
    expect(no.line).toMatch(/answered 200, expected a redirect to https/);
  });

  it('pages-reachable wants 200 from every page', async () => {
    expect(
      await runOne({ type: 'pages-reachable', paths: ['/vilkaar'] }, ctxFor(site.url)),
    ).toMatchObject({
      status: 'pass',
    });
    const missing = await runOne(
      { type: 'pages-reachable', paths: ['/vilkaar', '/personvern'] },
      ctxFor(site.url),
    );
    expect(missing.status).toBe('fail');
    expect(missing.line).toBe('/personvern answered 404, expected 200');
  });
});
