import type { IpPermission } from '@aws-sdk/client-ec2';
import { describeSecurityGroups } from '../aws/ec2.js';
import { describeDatabase } from './rds-instance.js';
import { databasePrivateSchema } from './schemas/database-private.js';
import { defineCheck } from './types.js';

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

/** Whether an ingress rule lets `port` in over TCP (protocol -1 is every protocol and port). */
function admitsPort(rule: IpPermission, port: number): boolean {
  const protocol = rule.IpProtocol ?? '';
  if (protocol === '-1' || protocol === 'all') return true;
  if (protocol !== 'tcp' && protocol !== '6') return false;
  const from = rule.FromPort ?? 0;
  const to = rule.ToPort ?? 65535;
  return from <= port && port <= to;
}

/** The runbook's "RDS security group locked down (no public access)". */
export const databasePrivate = defineCheck({
  ...databasePrivateSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(_check, ctx) {
    const found = await describeDatabase(ctx);
    if ('outcome' in found) return found.outcome;
    const db = found.instance;
    const id = db.DBInstanceIdentifier ?? '';
    const port = db.Endpoint?.Port ?? db.DbInstancePort ?? 5432;
    const groupIds = (db.VpcSecurityGroups ?? [])
      .map((g) => g.VpcSecurityGroupId)
      .filter((g): g is string => Boolean(g));
    const groups = await describeSecurityGroups(ctx.aws, ctx.env.region, groupIds, ctx);
    const openings: string[] = [];
    for (const group of groups)
      for (const rule of group.IpPermissions ?? []) {
        if (!admitsPort(rule, port)) continue;
        const cidrs = [
          ...(rule.IpRanges ?? []).map((r) => r.CidrIp),
          ...(rule.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
        ];
        for (const cidr of cidrs)
          if (cidr && ANYWHERE.has(cidr))
            openings.push(`${group.GroupId} admits ${port} from ${cidr}`);
      }
    const observed = {
      instance: id,
      publiclyAccessible: db.PubliclyAccessible ?? false,
      port,
      securityGroups: groupIds,
      openToTheInternet: openings,
    };
    const problems = [
      ...(db.PubliclyAccessible
        ? ['PubliclyAccessible is true (modify the instance: --no-publicly-accessible)']
        : []),
      ...openings.map((o) => `${o} (remove that ingress rule)`),
    ];
    if (problems.length === 0)
      return {
        status: 'pass',
        line: `${id} is private: not publicly accessible, ${groupIds.length} security group(s) admit ${port} only from inside`,
        observed,
      };
    return {
      status: 'fail',
      line: `${id} is reachable from the internet: ${problems.join('; ')}`,
      observed,
    };
  },
});
