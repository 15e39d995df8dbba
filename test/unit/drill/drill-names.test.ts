import { describe, expect, it } from 'vitest';
import { drillInstanceId, isDrillOf } from '../../../core/drill/rds-drill.js';
import { credentialsFromUrl } from '../../../core/drill/verify.js';

const tag = [{ Key: 'apprunner-ops:drill', Value: 'true' }];

describe('drill instance names', () => {
  it('is <instance>-drill-<YYYYMMDD>, within RDS’s 63 characters', () => {
    expect(drillInstanceId('drop-db', new Date('2026-11-22T10:00:00Z'))).toBe(
      'drop-db-drill-20261122',
    );
    const long = drillInstanceId(`a${'-b'.repeat(40)}`, new Date('2026-11-22T00:00:00Z'));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^a(-b)+-drill-20261122$/);
  });

  it('treats only tagged instances with the drill name of this source as drills', () => {
    const of = (id: string, tags = tag) =>
      isDrillOf('drop-db', { DBInstanceIdentifier: id, TagList: tags });
    expect(of('drop-db-drill-20261001')).toBe(true);
    expect(of('drop-db')).toBe(false);
    expect(of('drop-db-drill-20261001', [])).toBe(false);
    expect(of('drop-db-replica-drill-20261001')).toBe(false);
    expect(of('drop-db-drill-2026100')).toBe(false);
  });
});

describe('drill credentials from a database URL', () => {
  it('keeps user, password, database and sslmode; the host is not used', () => {
    const c = credentialsFromUrl(
      'postgres://drop_ro:p%40ss%2Fw0rd@drop-db.abc.eu-west-1.rds.amazonaws.com:5432/drop?sslmode=require',
    );
    expect(c).toEqual({
      user: 'drop_ro',
      password: 'p@ss/w0rd',
      database: 'drop',
      ssl: { rejectUnauthorized: false },
    });
    expect(credentialsFromUrl('postgres://u:p@h/d').ssl).toBe(false);
  });
});
