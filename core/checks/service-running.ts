import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { awsCall } from '../aws/call.js';
import { defineCheck } from './types.js';

/** The runbook's daily "App Runner status RUNNING" and the go-live gate's first item. */
export const serviceRunning = defineCheck({
  type: 'service-running',
  description: 'The App Runner service is RUNNING.',
  shape: {},
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(_check, { env, aws, clock, logger }) {
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
