import { errorMessage } from '../util/errors.js';
import { baseUrl, get } from './web.js';
import { pagesReachableSchema } from './schemas/pages-reachable.js';
import { defineCheck } from './types.js';

/** The runbook's "terms (/vilkaar) and privacy policy (/personvern) reachable". */
export const pagesReachable = defineCheck({
  ...pagesReachableSchema,
  defaultTimeoutMs: 20_000,
  group: 'Compliance',
  async run(check, ctx) {
    const base = baseUrl(ctx);
    const answers = await Promise.all(
      check.paths.map(async (path) => {
        const url = new URL(path, base);
        try {
          const response = await get(url, ctx);
          return { path, status: response.status, latencyMs: Math.round(response.latencyMs) };
        } catch (error) {
          return { path, status: 0, error: errorMessage(error) };
        }
      }),
    );
    const bad = answers.filter((a) => a.status !== 200);
    const observed = { base: base.href, pages: answers };
    if (bad.length > 0)
      return {
        status: 'fail',
        line: bad
          .map(
            (a) =>
              `${a.path} ${'error' in a ? `unreachable (${a.error})` : `answered ${a.status}`}, expected 200`,
          )
          .join('; '),
        observed,
      };
    return { status: 'pass', line: `${check.paths.join(', ')} answer 200`, observed };
  },
});
