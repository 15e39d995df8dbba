import { DescribeCustomDomainsCommand } from '@aws-sdk/client-apprunner';
import { awsPages } from '../aws/call.js';
import { customDomainsSchema } from './schemas/custom-domains.js';
import { defineCheck } from './types.js';

/** The runbook's "DNS points at App Runner": each host is linked to the service and active. */
export const customDomains = defineCheck({
  ...customDomainsSchema,
  defaultTimeoutMs: 30_000,
  group: 'Domain & TLS',
  async run(check, ctx) {
    const arn = ctx.env['service-arn'];
    // Pages of at most 5; bounded so a misbehaving endpoint cannot loop forever.
    const domains = await awsPages(
      'DescribeCustomDomains',
      async (token) => {
        const out = await ctx.aws.appRunner.send(
          new DescribeCustomDomainsCommand({ ServiceArn: arn, MaxResults: 5, NextToken: token }),
        );
        return { items: out.CustomDomains, next: out.NextToken };
      },
      ctx,
      { maxPages: 100, of: arn },
    );
    // A domain linked with EnableWWWSubdomain also serves www.<domain>.
    const statusOf = (host: string): string | undefined => {
      const direct = domains.find((d) => d.DomainName === host);
      // App Runner answers this in lower case though its model lists upper case: accept both.
      if (direct) return direct.Status?.toLowerCase();
      const apex = domains.find((d) => d.EnableWWWSubdomain && `www.${d.DomainName}` === host);
      return apex?.Status?.toLowerCase();
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
