/** The deploy target of the environment a check reads (core/targets/), with the check's clients. */
import type { ECSClient } from '@aws-sdk/client-ecs';
import { DEFAULT_AWS_REQUEST_TIMEOUT_MS } from '../aws/clients.js';
import { targetOf } from '../targets/create.js';
import { createEcsClient } from '../targets/ecs-express.js';
import type { DeployTarget } from '../targets/target.js';
import type { CheckContext } from './types.js';

export function checkTarget(
  ctx: Pick<CheckContext, 'env' | 'aws' | 'clock' | 'logger'>,
): DeployTarget {
  return targetOf(
    ctx.env,
    ctx.aws,
    { clock: ctx.clock, logger: ctx.logger },
    { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS },
  );
}

/**
 * The ECS client of the run, made on first use like the target's, for what a check reads that
 * the target interface does not answer (the load balancer of an Express service).
 */
export function checkEcsClient(ctx: Pick<CheckContext, 'env' | 'aws'>): ECSClient {
  return (ctx.aws.ecs ??= createEcsClient(ctx.env.region, {
    requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS,
  }));
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
