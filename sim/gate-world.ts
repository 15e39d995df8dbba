/**
 * A world for the go-live gate: the sim (service, database, ECR, GitHub) plus the public site
 * as real local servers (HTTPS with a throw-away CA, and its plain-HTTP twin), a configuration
 * whose go-live gate lists the checks built so far, and an attestations file. Every automated
 * check passes and the attestations are valid unless an option breaks one on purpose.
 * Shared by the gate's bundle tests, the go-live rehearsal and the gate bench.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { makeTestCertificates } from '../test/helpers/tls.js';
import { dropHealth, HSTS, json, startServer, type TestServer } from '../test/helpers/servers.js';
import { loadFixture, startSim, type SimHandle } from './index.js';
import { runActionBundle, type ActionRun } from './run-action.js';

export interface GateWorldOptions {
  /** The service still has BANKID_MOCK=true (service-env must fail). */
  bankidMock?: boolean;
  /** The database's security group admits 5432 from 0.0.0.0/0 (database-private must fail). */
  openSecurityGroup?: boolean;
  /** The bankid-callback attestation expired yesterday. */
  expiredAttestation?: boolean;
  /** A waiver to write into the attestations file. */
  waiver?: { check: string; expiresInDays: number };
  /** Extra gate items (YAML list entries, already indented by 8 spaces). */
  extraItems?: string;
  timeScale?: number;
  /** Added latency (real ms) of the site's answers, for the bench. */
  siteLatencyMs?: number;
}

export interface GateWorld {
  sim: SimHandle;
  workspace: string;
  sha: string;
  /** Environment for a bundle or a rehearsal: the sim's, the test CA, the commit. */
  env: Record<string, string>;
  configText: string;
  attestationsText: string;
  run(inputs?: Record<string, string>): Promise<ActionRun>;
  stop(): Promise<void>;
}

export const GATE_WORLD_SHA = 'c0ffee1234567890abcdef1234567890abcdef12';
const DAY = 86_400_000;

export async function startGateWorld(options: GateWorldOptions = {}): Promise<GateWorld> {
  const fixture = loadFixture();
  const service = fixture.apprunner.services[0]!;
  service.env = {
    NODE_ENV: 'production',
    NEXT_PUBLIC_SERVICE_MODE: 'production',
    LOG_LEVEL: 'info',
    ...(options.bankidMock ? { BANKID_MOCK: 'true' } : {}),
  };
  service.secrets = {
    DATABASE_URL: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:drop/production/database-url-AbCdEf`,
    JWT_SECRET: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:drop/production/jwt-secret-GhIjKl`,
  };
  service.customDomains = [{ domain: 'getdrop.no', enableWWWSubdomain: true, status: 'active' }];
  const image = fixture.ecr.repositories[0]!.images.find((i) => i.tags.includes('v1.4.2'))!;
  image.tags.push('production');
  if (options.openSecurityGroup) {
    fixture.rds.instances[0]!.securityGroups = ['sg-0a1b2c3d4e5f60718'];
    fixture.ec2.securityGroups = [
      {
        id: 'sg-0a1b2c3d4e5f60718',
        name: 'drop-db-sg',
        ingress: [
          {
            protocol: 'tcp',
            fromPort: 5432,
            toPort: 5432,
            cidrs: ['10.0.0.0/16', '0.0.0.0/0'],
            ipv6Cidrs: [],
          },
        ],
      },
    ];
  }
  const sim = await startSim({ fixture, timeScale: options.timeScale ?? 0.005 });
  const certs = makeTestCertificates();
  const latency = options.siteLatencyMs ?? 0;
  const later = (fn: () => void): void => void (latency ? setTimeout(fn, latency) : fn());
  const site: TestServer = await startServer((req, res) => {
    later(() => {
      if (req.url === '/api/health') json(res, 200, dropHealth('v1.4.2'), HSTS);
      else if (['/', '/vilkaar', '/personvern'].includes(req.url ?? '')) {
        res.writeHead(200, { 'content-type': 'text/html', ...HSTS });
        res.end('<!doctype html><title>Drop</title>');
      } else json(res, 404, { error: 'not found' }, HSTS);
    });
  }, certs.leaf(400));
  const sitePort = new URL(site.url).port;
  const siteUrl = `https://localhost:${sitePort}`;
  const plain: TestServer = await startServer((req, res) => {
    later(() => {
      res.writeHead(301, { location: `${siteUrl}${req.url ?? '/'}` });
      res.end();
    });
  });

  // CI passed on the commit being launched.
  for (const name of ['lint', 'typecheck', 'test', 'e2e', 'docker-build']) {
    const response = await fetch(`${sim.url}/github/repos/example/drop/check-runs`, {
      method: 'POST',
      headers: { authorization: 'token ghs_simtoken', 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        head_sha: GATE_WORLD_SHA,
        status: 'completed',
        conclusion: 'success',
      }),
    });
    if (response.status !== 201)
      throw new Error(`gate world: seeding check run ${name}: ${response.status}`);
  }

  const arn = sim.services()[0]!.arn;
  const configText = `# Written by sim/gate-world.ts: production is the sim's service and a local site.
version: 1
environments:
  production:
    region: ${sim.region}
    service-arn: ${arn}
    ecr-repository: drop-web
    url: https://getdrop.no
    database:
      instance: drop-db
      snapshot-retention: 3
    health:
      base-url: ${siteUrl}
      version-path: data.version
      checks:
        - name: api-health
          path: /api/health
          expect:
            json: { data.status: ok, data.checks.db.status: pass }
    secrets:
      - name: DATABASE_URL
        secret-id: drop/production/database-url
        kind: rds-master-password
        database-url-secret-id: drop/production/database-url
      - name: JWT_SECRET
        secret-id: drop/production/jwt-secret
        kind: random
        min-length: 32
    gates:
      go-live:
        - type: service-running
        - type: database-available
        - type: database-private
        - type: backups
        - type: image-present
          tag: production
        - type: service-env
          equals: { NODE_ENV: production, NEXT_PUBLIC_SERVICE_MODE: production }
          absent: [BANKID_MOCK]
        - type: ci-green
          required: [lint, typecheck, test, e2e, docker-build]
        - type: tls
          hosts: [localhost:${sitePort}]
          min-days: 90
        - type: hsts
        - type: https-redirect
          url: ${plain.url}/
        - type: pages-reachable
          paths: [/vilkaar, /personvern]
        - type: custom-domains
          hosts: [getdrop.no, www.getdrop.no]
        - type: attestation
          id: bankid-callback
          text: BankID callback URL is https://getdrop.no/api/auth/bankid/callback and a real BankID login works
        - type: attestation
          id: finanstilsynet
          text: Finanstilsynet has been notified where required
${options.extraItems ?? ''}
      # The watch after launch (go-live.yml job 3); error-rate and latency-p99 join it once
      # those check types exist.
      post-launch:
        - type: service-running
        - type: database-available
        - type: backups
        - type: hsts
        - type: pages-reachable
          paths: [/vilkaar, /personvern]
`;
  const now = Date.now();
  const day = (offset: number): string => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const attestations = {
    attestations: [
      {
        id: 'bankid-callback',
        by: 'octocat',
        at: new Date(now - (options.expiredAttestation ? 20 : 1) * DAY)
          .toISOString()
          .replace(/\.\d+Z$/, 'Z'),
        evidence: 'https://github.com/example/drop/issues/12#issuecomment-1',
        expires: day(options.expiredAttestation ? -1 : 20),
      },
      {
        id: 'finanstilsynet',
        by: 'hubot',
        at: new Date(now - 2 * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
        evidence: 'https://github.com/example/drop/issues/13',
        expires: day(60),
      },
    ],
    waivers: options.waiver
      ? [
          {
            check: options.waiver.check,
            owner: 'octocat',
            reason: 'Accepted for the launch week while the fix is reviewed.',
            ticket: 'https://github.com/example/drop/issues/41',
            expires: day(options.waiver.expiresInDays),
          },
        ]
      : [],
  };
  const attestationsText = `# Written by sim/gate-world.ts\n${stringify(attestations)}`;
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'gate-world-'));
  await mkdir(path.join(workspace, '.github', 'apprunner-ops'), { recursive: true });
  await writeFile(path.join(workspace, '.github', 'apprunner-ops.yml'), configText);
  await writeFile(
    path.join(workspace, '.github', 'apprunner-ops', 'attestations.yml'),
    attestationsText,
  );
  const env = {
    ...sim.env,
    BETTERSTACK_API_URL: `${sim.url}/betterstack`,
    NODE_EXTRA_CA_CERTS: certs.caFile,
    GITHUB_SHA: GATE_WORLD_SHA,
    GITHUB_REPOSITORY: 'example/drop',
  };
  return {
    sim,
    workspace,
    sha: GATE_WORLD_SHA,
    env,
    configText,
    attestationsText,
    run: (inputs = {}) =>
      runActionBundle({
        action: 'compliance-gate',
        cwd: workspace,
        env,
        inputs: {
          environment: 'production',
          'github-token': 'ghs_simtoken',
          'slack-webhook-url': sim.env['SIM_SLACK_WEBHOOK_URL'] as string,
          ...inputs,
        },
      }),
    stop: async () => {
      await Promise.all([site.close(), plain.close(), sim.stop()]);
      await rm(workspace, { recursive: true, force: true });
      await rm(certs.dir, { recursive: true, force: true });
    },
  };
}
