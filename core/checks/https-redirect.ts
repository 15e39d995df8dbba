import { evaluateRedirect } from '../health/evaluate.js';
import { baseUrl, get } from './web.js';
import { httpsRedirectSchema } from './schemas/https-redirect.js';
import { defineCheck } from './types.js';

/** The runbook's "HTTP → HTTPS redirect". */
export const httpsRedirect = defineCheck({
  ...httpsRedirectSchema,
  defaultTimeoutMs: 20_000,
  group: 'Domain & TLS',
  async run(check, ctx) {
    let url: URL;
    if (check.url) url = new URL(check.url);
    else {
      url = baseUrl(ctx);
      url.protocol = 'http:';
    }
    const response = await get(url, ctx);
    const observed = {
      url: url.href,
      status: response.status,
      location: response.headers['location'] ?? null,
    };
    const problems = evaluateRedirect(response, url);
    if (problems.length > 0)
      return {
        status: 'fail',
        line: `${problems.join('; ')}; redirect plain HTTP to HTTPS`,
        observed,
      };
    return {
      status: 'pass',
      line: `${url.href} → ${response.status} ${observed.location}`,
      observed,
    };
  },
});
