import { DescribeCustomDomainsCommand, type CustomDomain } from '@aws-sdk/client-apprunner';
import { z } from 'zod';
import { awsCall } from '../aws/call.js';
import { defineCheck } from './types.js';

/** The runbook's "DNS points at App Runner": each host is linked to the service and active. */
export const customDomains = defineCheck({
  type: 'custom-domains',
  description:
    'App Runner DescribeCustomDomains shows each host associated with the service and active.',
  shape: {
    hosts: z
      .array(z.string().regex(/^[a-z0-9.-]+$/, { message: 'expected a host name like getdrop.no' }))
      .min(1),
  },
  defaultTimeoutMs: 30_000,
  group: 'Domain & TLS',
  // ECS Express serves on its own endpoint; it has no custom domains to describe.
  targets: ['app-runner'],
  async run(check, ctx) {
    const arn = ctx.env['service-arn'];
    const domains: CustomDomain[] = [];
    let token: string | undefined;
    // Pages of at most 5; bounded so a misbehaving endpoint cannot loop forever.
    for (let page = 0; page < 100; page++) {
      const out = await awsCall(
        'DescribeCustomDomains',
        () =>
          ctx.aws.appRunner.send(
            new DescribeCustomDomainsCommand({ ServiceArn: arn, MaxResults: 5, NextToken: token }),
          ),
        ctx,
      );
      domains.push(...(out.CustomDomains ?? []));
      token = out.NextToken;
      if (!token) break;
    }
    if (token)
      return {
        status: 'error',
        line: `DescribeCustomDomains still had more pages after 100 (${domains.length} domains read); the hosts' status is not known`,
        observed: { domains: domains.length, complete: false },
      };
    // A domain linked with EnableWWWSubdomain also serves www.<domain>.
    const statusOf = (host: string): string | undefined => {
      const direct = domains.find((d) => d.DomainName === host);
      if (direct) return direct.Status;
      const apex = domains.find((d) => d.EnableWWWSubdomain && `www.${d.DomainName}` === host);
      return apex?.Status;
    };
    const observed = Object.fromEntries(check.hosts.map((h) => [h, statusOf(h) ?? 'not linked']));
    const problems = check.hosts
      .filter((h) => statusOf(h) !== 'active')
      .map((h) =>
        statusOf(h) === undefined
          ? `${h} is not linked to the service (App Runner → Custom domains → Link domain)`
          : `${h} is "${statusOf(h)}", expected "active"${statusOf(h) === 'pending_certificate_dns_validation' ? ' (add the certificate validation CNAME records to DNS)' : ''}`,
      );
    if (problems.length > 0)
      return { status: 'fail', line: problems.join('; '), observed: { domains: observed } };
    return {
      status: 'pass',
      line: `${check.hosts.join(', ')} linked and active`,
      observed: { domains: observed },
    };
  },
});
