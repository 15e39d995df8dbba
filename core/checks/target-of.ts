/** The deploy target of the environment a check reads (core/targets/), with the check's clients. */
import { DEFAULT_AWS_REQUEST_TIMEOUT_MS } from '../aws/clients.js';
import { targetOf } from '../targets/create.js';
import type { DeployTarget } from '../targets/target.js';
import type { CheckContext } from './types.js';

export function checkTarget(
  ctx: Pick<CheckContext, 'env' | 'aws' | 'clock' | 'logger'> &
    Partial<Pick<CheckContext, 'signal'>>,
): DeployTarget {
  return targetOf(
    ctx.env,
    ctx.aws,
    // The check's signal stops the target's retries when the check's timeout passes.
    { clock: ctx.clock, logger: ctx.logger, signal: ctx.signal },
    { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS },
  );
}

/**
 * For a check that reads what only App Runner has (its custom domains):
 * on another target an error that says so, rather than a call that cannot answer.
 */
export function onlyOnAppRunner(
  ctx: Pick<CheckContext, 'env'>,
  what: string,
): { status: 'error'; line: string } | undefined {
  const kind = ctx.env.target.kind;
  return kind === 'app-runner'
    ? undefined
    : {
        status: 'error',
        line: `reads ${what}, which the ${kind} target does not have or the suite does not read yet; remove this check from the ${kind} environment's lists`,
      };
}
