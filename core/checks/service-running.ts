import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { awsCall } from '../aws/call.js';
import { TargetNotUpdatable, type TargetState } from '../targets/target.js';
import { checkTarget } from './target-of.js';
import { serviceRunningSchema } from './schemas/service-running.js';
import { defineCheck, type CheckContext, type CheckOutcome } from './types.js';

/**
 * ECS Express: the service is ACTIVE and its newest service deployment SUCCESSFUL. A deployment
 * ECS rolled back, or one that failed or was stopped, is a failure even though the service
 * still serves (the old version): the newest change did not land.
 */
async function ecsServiceRunning(ctx: CheckContext): Promise<CheckOutcome> {
  const target = await checkTarget(ctx);
  // Imported with the target (core/targets/create.ts): only an ECS environment loads it.
  const { EcsExpressTarget } = await import('../targets/ecs-express.js');
  if (!(target instanceof EcsExpressTarget)) throw new Error('service-running: not an ECS target');
  let state: TargetState;
  try {
    state = await target.describe();
  } catch (error) {
    // No active configuration (INACTIVE: deleted): the service is not up, which is this
    // check's failure, not an error; preflight says so in a line.
    if (!(error instanceof TargetNotUpdatable)) throw error;
    const { reason } = await target.preflight();
    return { status: 'fail', line: reason, observed: { service: target.serviceName } };
  }
  const newest = await target.newestDeployment();
  const observed = {
    status: state.status,
    service: state.name,
    deployment: newest?.status,
    ...(newest ? { deploymentArn: newest.arn } : {}),
  };
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
  const id = newest.arn.split('/').at(-1) ?? newest.arn;
  const after: Record<string, string> = {
    ROLLBACK_SUCCESSFUL: 'the version before it serves; deploy a fixed image',
    ROLLBACK_FAILED: 'ECS could not undo it, so the service may be down: check it now',
    STOPPED: 'it was stopped before it finished: check which version serves',
  };
  return {
    status: 'fail',
    line: `${state.name} is ACTIVE but its newest deployment (${id}) ended ${newest.status}${why}; ${after[newest.status] ?? 'check the service'}`,
    observed,
  };
}

/**
 * Fly: every machine of the process group started with its health checks passing. A machine
 * stopped or suspended by Fly's auto-stop is not a failure while another one serves; a failed
 * machine, or none serving, is.
 */
async function flyMachinesRunning(ctx: CheckContext): Promise<CheckOutcome> {
  const target = await checkTarget(ctx);
  const { FlyTarget } = await import('../targets/fly.js');
  if (!(target instanceof FlyTarget)) throw new Error('service-running: not a Fly target');
  const machines = await target.machineHealth();
  const observed = Object.fromEntries(machines.map((m) => [m.id, m.state]));
  const serving = machines.filter((m) => m.state === 'started' && m.failing.length === 0);
  const bad = machines.filter(
    (m) => m.state === 'failed' || (m.state === 'started' && m.failing.length > 0),
  );
  const named = bad
    .map((m) => `${m.id} (${m.region}) ${m.state === 'failed' ? 'failed' : m.failing.join(', ')}`)
    .join('; ');
  if (serving.length === 0)
    return {
      status: 'fail',
      line: `${target.arn}: no machine started with its checks passing (${machines.map((m) => `${m.id} ${m.state}`).join(', ')})${named ? `; ${named}` : ''}`,
      observed,
    };
  if (bad.length > 0)
    return {
      status: 'fail',
      line: `${target.arn}: ${serving.length} of ${machines.length} machines serve; ${named}`,
      observed,
    };
  return {
    status: 'pass',
    line: `${target.arn}: ${serving.length} of ${machines.length} machines started, checks passing`,
    observed,
  };
}

/**
 * The runbook's daily "App Runner status RUNNING" and the go-live gate's first item; on the
 * other targets, what the target says of itself (DeployTarget.serviceStatus).
 */
export const serviceRunning = defineCheck({
  ...serviceRunningSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(_check, ctx) {
    const { env, aws, clock, logger } = ctx;
    if (env.target.kind === 'ecs-express') return ecsServiceRunning(ctx);
    if (env.target.kind === 'fly') return flyMachinesRunning(ctx);
    if (env.target.kind !== 'app-runner') {
      // A target with no one status word (Auto Scaling behind a load balancer) says itself.
      const target = await checkTarget(ctx);
      if (!target.serviceStatus)
        throw new Error(
          `service-running cannot read a ${env.target.kind} target yet; remove it from the environment's lists`,
        );
      return target.serviceStatus();
    }
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
