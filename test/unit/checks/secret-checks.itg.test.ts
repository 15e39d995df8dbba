import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../../core/aws/clients.js';
import { runCheckList } from '../../../core/checks/run-checks.js';
import { parseConfig } from '../../../core/config/load.js';
import { systemClock } from '../../../core/util/clock.js';
import { recordingLogger } from '../../../core/util/logger.js';
import { loadFixture, startSim, type SimHandle } from '../../../sim/index.js';

const DAY = 86_400_000;
let sim: SimHandle;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  const fixture = loadFixture();
  const seed = (name: string, value: string, ageDays: number): void => {
    fixture.secretsmanager.secrets.push({
      name,
      value,
      rotationEnabled: false,
      createdAgo: 900 * DAY,
      lastChangedAgo: ageDays * DAY,
    });
  };
  seed('drop/production/jwt-secret', 'j'.repeat(64), 95);
  seed('drop/production/database-url', 'postgres://u:p@h:5432/d', 80);
  seed('drop/production/bankid', 'b'.repeat(20), 400);
  seed('drop/production/short', 'tooshort-secret-value', 1);
  sim = await startSim({ fixture });
  for (const [k, v] of Object.entries(sim.env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  await sim.stop();
});

const config = (checks: string): ReturnType<typeof parseConfig> =>
  parseConfig(
    `version: 1
environments:
  production:
    region: eu-west-1
    service-arn: arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f
    ecr-repository: drop-web
    health: { base-url: 'https://drop.example.com', checks: [{ name: h, path: /api/health }] }
    secrets:
      - { name: JWT_SECRET, secret-id: drop/production/jwt-secret, kind: random, min-length: 32, rotate-every-days: 90 }
      - { name: DATABASE_URL, secret-id: drop/production/database-url, database-url-secret-id: drop/production/database-url, kind: rds-master-password, rotate-every-days: 90 }
      - { name: BANKID_CLIENT_SECRET, secret-id: drop/production/bankid, kind: external, rotate-every-days: 365 }
      - { name: SHORT_ONE, secret-id: drop/production/short, kind: random, min-length: 32 }
      - { name: MISSING_ONE, secret-id: drop/production/missing, kind: external }
    checks:
      daily:
${checks}`,
    'apprunner-ops.yml',
  );

async function run(checks: string) {
  const cfg = config(checks);
  const env = cfg.environments['production']!;
  const logger = recordingLogger();
  sim.clearCalls();
  const results = await runCheckList(env.checks!.daily!, {
    environment: 'production',
    env,
    aws: createAwsClients('eu-west-1'),
    secrets: {},
    run: undefined,
    clock: systemClock,
    logger,
  });
  return { results, logger };
}

describe('secrets-present and rotation-due against the Secrets Manager sim', () => {
  it('secrets-present measures values (never shows them) and names what is missing or short', async () => {
    const { results } = await run('        - type: secrets-present');
    const r = results[0]!;
    expect(r.status).toBe('fail');
    expect(r.line).toBe(
      'SHORT_ONE has 21 characters, fewer than 32; MISSING_ONE (drop/production/missing) does not exist',
    );
    expect(r.observed?.['JWT_SECRET']).toEqual({
      secretId: 'drop/production/jwt-secret',
      length: 64,
      minLength: 32,
    });
    expect(JSON.stringify(r)).not.toContain('jjjj');
    const only = await run(
      '        - type: secrets-present\n          names: [JWT_SECRET, DATABASE_URL]',
    );
    expect(only.results[0]!.status).toBe('pass');
  });

  it('rotation-due fails past rotate-every-days, warns within 14 days, only reminds about external, never reads a value', async () => {
    const { results } = await run('        - type: rotation-due');
    const r = results[0]!;
    expect(r.status).toBe('fail');
    expect(r.line).toBe(
      'JWT_SECRET is 95 days old, past its 90-day rotation (run rotate.yml); DATABASE_URL is due in 10 days; BANKID_CLIENT_SECRET is 400 days old, past its 365-day rotation (external: rotate it with its issuer)',
    );
    expect(sim.calls().map((c) => c.operation)).not.toContain('GetSecretValue');
    expect(sim.calls().map((c) => c.operation)).toContain('DescribeSecret');
  });
});
