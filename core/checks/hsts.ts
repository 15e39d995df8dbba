import { baseUrl, get } from './web.js';
import { hstsSchema } from './schemas/hsts.js';
import { defineCheck } from './types.js';

/** Parses a Strict-Transport-Security value into its directives (case-insensitive names). */
export function parseHsts(value: string): {
  maxAge: number | undefined;
  includeSubDomains: boolean;
  preload: boolean;
} {
  const directives = value.split(';').map((d) => d.trim().toLowerCase());
  const maxAge = directives
    .map((d) => /^max-age\s*=\s*"?(\d+)"?$/.exec(d)?.[1])
    .find((v) => v !== undefined);
  return {
    maxAge: maxAge === undefined ? undefined : Number(maxAge),
    includeSubDomains: directives.includes('includesubdomains'),
    preload: directives.includes('preload'),
  };
}

/** The runbook's "HSTS max-age=63072000; includeSubDomains; preload". */
export const hsts = defineCheck({
  ...hstsSchema,
  defaultTimeoutMs: 20_000,
  group: 'Domain & TLS',
  async run(check, ctx) {
    const url = check.url ? new URL(check.url) : baseUrl(ctx);
    const response = await get(url, ctx);
    const header = response.headers['strict-transport-security'];
    const observed = { url: url.href, status: response.status, header: header ?? null };
    if (!header)
      return {
        status: 'fail',
        line: `${url.href} sends no Strict-Transport-Security header; add "max-age=${check['min-max-age']}; includeSubDomains; preload"`,
        observed,
      };
    const parsed = parseHsts(header);
    const problems: string[] = [];
    if (parsed.maxAge === undefined) problems.push('no max-age');
    else if (parsed.maxAge < check['min-max-age'])
      problems.push(`max-age ${parsed.maxAge} is below ${check['min-max-age']}`);
    if (check['include-subdomains'] && !parsed.includeSubDomains)
      problems.push('includeSubDomains missing');
    if (check.preload && !parsed.preload) problems.push('preload missing');
    if (problems.length > 0)
      return {
        status: 'fail',
        line: `${url.href} HSTS "${header}": ${problems.join(', ')}`,
        observed,
      };
    return { status: 'pass', line: `${url.href} HSTS "${header}"`, observed };
  },
});
