/** The deploy target of the environment a check reads (core/targets/), with the check's clients. */
import { DEFAULT_AWS_REQUEST_TIMEOUT_MS } from '../aws/clients.js';
import { targetOf } from '../targets/create.js';
import type { DeployTarget } from '../targets/target.js';
import type { CheckContext } from './types.js';

export function checkTarget(
  ctx: Pick<CheckContext, 'env' | 'aws' | 'clock' | 'logger'> &
    Partial<Pick<CheckContext, 'signal' | 'secrets'>>,
): Promise<DeployTarget> {
  return targetOf(
    ctx.env,
    ctx.aws,
    // The check's signal stops the target's retries when the check's timeout passes.
    { clock: ctx.clock, logger: ctx.logger, signal: ctx.signal },
    { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS },
    // The fly-api-token input; without it FLY_API_TOKEN (the command line), else an input error.
    { flyApiToken: ctx.secrets?.flyApiToken },
  );
}
