import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { awsCall } from '../aws/call.js';
import { EcsExpressTarget } from '../targets/ecs-express.js';
import { checkTarget } from './target-of.js';
import { defineCheck, type CheckContext, type CheckOutcome } from './types.js';

/**
 * ECS Express: the service is ACTIVE and its newest service deployment SUCCESSFUL. A deployment
 * ECS rolled back, or one that failed or was stopped, is a failure even though the service
 * still serves (the old version): the newest change did not land.
 */
async function ecsServiceRunning(ctx: CheckContext): Promise<CheckOutcome> {
  const target = checkTarget(ctx);
  if (!(target instanceof EcsExpressTarget)) throw new Error('service-running: not an ECS target');
  const state = await target.describe();
  const newest = await target.newestDeployment();
  const observed = { status: state.status, service: state.name, deployment: newest?.status };
  if (state.status !== 'ACTIVE')
    return { status: 'fail', line: `${state.name} is ${state.status}, expected ACTIVE`, observed };
  if (!newest || newest.status === 'SUCCESSFUL')
    return {
      status: 'pass',
      line: `${state.name} is ACTIVE${newest ? ' and its newest deployment SUCCESSFUL' : ''}`,
      observed,
    };
  const why = newest.reason ? `: ${newest.reason}` : '';
  if (
    [
      'PENDING',
      'IN_PROGRESS',
      'ROLLBACK_REQUESTED',
      'ROLLBACK_IN_PROGRESS',
      'STOP_REQUESTED',
    ].includes(newest.status)
  )
    return {
      status: 'warn',
      line: `${state.name} is ACTIVE; its newest deployment is ${newest.status} (a change is under way)`,
      observed,
    };
  return {
    status: 'fail',
    line: `${state.name} is ACTIVE but its newest deployment ended ${newest.status}${why}; the version before it serves`,
    observed,
  };
}

/** The runbook's daily "App Runner status RUNNING" and the go-live gate's first item. */
export const serviceRunning = defineCheck({
  type: 'service-running',
  description:
    'The service is up: App Runner RUNNING; ECS Express ACTIVE with its newest deployment SUCCESSFUL.',
  shape: {},
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(_check, ctx) {
    const { env, aws, clock, logger } = ctx;
    if (env.target.kind === 'ecs-express') return ecsServiceRunning(ctx);
    const arn = env['service-arn'];
    const out = await awsCall(
      'DescribeService',
      () => aws.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn })),
      { clock, logger },
    );
    const status = out.Service?.Status ?? 'UNKNOWN';
    const name = out.Service?.ServiceName ?? arn;
    const observed = { status, service: name };
    if (status === 'RUNNING') return { status: 'pass', line: `${name} is RUNNING`, observed };
    return {
      status: 'fail',
      line: `${name} is ${status}, expected RUNNING${
        status === 'PAUSED' ? ' (resume it in the App Runner console or with ResumeService)' : ''
      }`,
      observed,
    };
  },
});
