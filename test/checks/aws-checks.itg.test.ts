import { afterEach, describe, expect, it } from 'vitest';
import { startSim, type FixtureInput, type SimHandle } from '../../sim/index.js';
import { loadFixture } from '../../sim/fixture.js';
import { dropEnv, runOne, sharedContext } from './context.js';

const sims: SimHandle[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

/** The Drop fixture with changes to its first RDS instance / App Runner service. */
async function sim(change: (f: FixtureInput & ReturnType<typeof loadFixture>) => void = () => {}) {
  const fixture = loadFixture();
  change(fixture);
  const handle = await startSim({ fixture, timeScale: 0.01 });
  sims.push(handle);
  return handle;
}

describe('database checks against the sim', () => {
  it('database-available passes for an available instance and fails for a stopped one', async () => {
    const s = await sim();
    expect(await runOne({ type: 'database-available' }, sharedContext(s))).toMatchObject({
      status: 'pass',
      observed: { status: 'available' },
    });
    s.setInstanceStatus('drop-db', 'stopped');
    const failed = await runOne({ type: 'database-available' }, sharedContext(s));
    expect(failed.status).toBe('fail');
    expect(failed.line).toMatch(/"stopped", expected "available"/);
  });

  it('database-private passes when the security group admits 5432 only from the VPC', async () => {
    const s = await sim();
    const result = await runOne({ type: 'database-private' }, sharedContext(s));
    expect(result).toMatchObject({ status: 'pass', observed: { openToTheInternet: [] } });
    // Through the EC2 query protocol on the wire, for the instance's own group.
    expect(s.calls({ service: 'ec2' })).toEqual([
      expect.objectContaining({
        operation: 'DescribeSecurityGroups',
        params: { GroupId: ['sg-0a1b2c3d4e5f60718'] },
        status: 200,
      }),
    ]);
  });

  it('database-private fails when a group admits 5432 from 0.0.0.0/0 or ::/0, or the instance is public', async () => {
    const s = await sim((f) => {
      f.rds.instances[0]!.securityGroups = ['sg-0a1b2c3d4e5f60718', 'sg-0badbadbadbadbad0'];
      f.rds.instances[0]!.publiclyAccessible = true;
      f.ec2.securityGroups = [
        {
          id: 'sg-0badbadbadbadbad0',
          name: 'quick-fix',
          ingress: [
            { protocol: 'tcp', fromPort: 5000, toPort: 6000, cidrs: ['0.0.0.0/0'], ipv6Cidrs: [] },
            { protocol: '-1', fromPort: 0, toPort: 0, cidrs: [], ipv6Cidrs: ['::/0'] },
            { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'], ipv6Cidrs: [] },
          ],
        },
      ];
    });
    const result = await runOne({ type: 'database-private' }, sharedContext(s));
    expect(result.status).toBe('fail');
    expect(result.line).toContain('PubliclyAccessible is true');
    expect(result.line).toContain('sg-0badbadbadbadbad0 admits 5432 from 0.0.0.0/0');
    expect(result.line).toContain('sg-0badbadbadbadbad0 admits 5432 from ::/0');
    expect(result.line).not.toContain('443');
  });

  it('the EC2 stand-in answers an unknown group as EC2 does', async () => {
    const s = await sim((f) => {
      f.rds.instances[0]!.securityGroups = ['sg-0123456789abcdef9'];
      f.ec2.securityGroups = [];
    });
    // An instance's own groups always exist in the sim; ask for a missing one directly.
    const { EC2Client, DescribeSecurityGroupsCommand } = await import('@aws-sdk/client-ec2');
    const client = new EC2Client(s.clientConfig({ maxAttempts: 1 }));
    await expect(
      client.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-00000000000000000'] })),
    ).rejects.toMatchObject({ name: 'InvalidGroup.NotFound' });
  });

  it('backups: retention on and restorable within 15 minutes passes; retention 0 fails', async () => {
    const s = await sim();
    expect(await runOne({ type: 'backups' }, sharedContext(s))).toMatchObject({
      status: 'pass',
      observed: { backupRetentionPeriod: 7 },
    });
    const off = await sim((f) => void (f.rds.instances[0]!.backupRetentionPeriod = 0));
    const result = await runOne({ type: 'backups' }, sharedContext(off));
    expect(result.status).toBe('fail');
    expect(result.line).toMatch(/automated backups are off/);
    // The sim's restorable time lags 5 minutes: a 1-minute limit fails.
    const lag = await runOne({ type: 'backups', 'max-restore-lag': '1m' }, sharedContext(s));
    expect(lag.status).toBe('fail');
    expect(lag.line).toMatch(/LatestRestorableTime is .* old/);
  });

  it('a database check without database.instance is an error that says what to add', async () => {
    const s = await sim();
    const result = await runOne(
      { type: 'backups' },
      sharedContext(s, { env: { ...dropEnv(), database: undefined } }),
    );
    expect(result).toMatchObject({
      status: 'error',
      line: expect.stringMatching(/database\.instance/),
    });
  });
});

describe('App Runner and ECR checks against the sim', () => {
  it('image-present finds a tag and fails for a missing one', async () => {
    const s = await sim();
    expect(await runOne({ type: 'image-present', tag: 'v1.5.0' }, sharedContext(s))).toMatchObject({
      status: 'pass',
      observed: { digest: expect.stringMatching(/^sha256:/) },
    });
    const missing = await runOne({ type: 'image-present' }, sharedContext(s));
    expect(missing.status).toBe('fail');
    expect(missing.line).toMatch(/no image tagged "production"/);
  });

  it('service-env compares variables, absences and secret references', async () => {
    const s = await sim((f) => {
      f.apprunner.services[0]!.env = { ...f.apprunner.services[0]!.env, BANKID_MOCK: 'true' };
    });
    const env = dropEnv({
      secrets: [
        { name: 'DATABASE_URL', 'secret-id': 'drop/production/database-url', kind: 'external' },
        { name: 'JWT_SECRET', 'secret-id': 'drop/production/jwt-secret', kind: 'random' },
      ],
    });
    const result = await runOne(
      {
        type: 'service-env',
        equals: { NODE_ENV: 'production', LOG_LEVEL: 'debug' },
        absent: ['BANKID_MOCK'],
      },
      sharedContext(s, { env }),
    );
    expect(result.status).toBe('fail');
    expect(result.line).toContain('LOG_LEVEL is "info", want "debug"');
    expect(result.line).toContain('BANKID_MOCK is set and must be absent');
    expect(result.line).toContain('secret JWT_SECRET is not in RuntimeEnvironmentSecrets');
    expect(result.line).not.toContain('DATABASE_URL');
    const ok = await runOne(
      { type: 'service-env', equals: { NODE_ENV: 'production' }, absent: ['DEBUG'] },
      sharedContext(s),
    );
    expect(ok.status).toBe('pass');
  });

  it('custom-domains: linked and active passes (www through EnableWWWSubdomain); pending fails', async () => {
    const s = await sim((f) => {
      f.apprunner.services[0]!.customDomains = [
        { domain: 'getdrop.no', enableWWWSubdomain: true, status: 'active' },
        {
          domain: 'api.getdrop.no',
          enableWWWSubdomain: false,
          status: 'pending_certificate_dns_validation',
        },
        ...Array.from({ length: 6 }, (_, i) => ({
          domain: `x${i}.getdrop.no`,
          enableWWWSubdomain: false,
          status: 'active' as const,
        })),
      ];
    });
    expect(
      await runOne(
        { type: 'custom-domains', hosts: ['getdrop.no', 'www.getdrop.no', 'x5.getdrop.no'] },
        sharedContext(s),
      ),
    ).toMatchObject({ status: 'pass' });
    // x5 is on the second page of five.
    expect(s.calls({ operation: 'DescribeCustomDomains' }).length).toBeGreaterThanOrEqual(2);
    const failed = await runOne(
      { type: 'custom-domains', hosts: ['api.getdrop.no', 'shop.getdrop.no'] },
      sharedContext(s),
    );
    expect(failed.status).toBe('fail');
    expect(failed.line).toMatch(/api\.getdrop\.no is "pending_certificate_dns_validation"/);
    expect(failed.line).toMatch(/shop\.getdrop\.no is not linked/);
  });

  it('every database check without database.instance says the same: an error naming the field', async () => {
    const s = await sim();
    const { database: _none, ...env } = dropEnv();
    const ctx = sharedContext(s, { env });
    const results = [];
    for (const type of [
      'database-available',
      'database-private',
      'backups',
      'free-storage',
      'snapshot-fresh',
      'replication-lag',
      'storage-growth',
    ])
      results.push([type, await runOne({ type }, ctx)] as const);
    expect(results.map(([type, r]) => [type, r.status, r.line])).toEqual(
      results.map(([type]) => [
        type,
        'error',
        'no database.instance in this environment: say which RDS instance to check',
      ]),
    );
    expect(s.calls({ service: 'rds' })).toEqual([]);
  });

  it('none of these checks makes a mutating AWS call', async () => {
    const s = await sim();
    const ctx = sharedContext(s);
    for (const item of [
      { type: 'service-running' },
      { type: 'database-available' },
      { type: 'database-private' },
      { type: 'backups' },
      { type: 'image-present', tag: 'v1.5.0' },
      { type: 'service-env' },
      { type: 'custom-domains', hosts: ['getdrop.no'] },
    ])
      await runOne(item, ctx);
    expect(s.calls().length).toBeGreaterThanOrEqual(7);
    expect(s.mutatingCalls()).toEqual([]);
  });
});
