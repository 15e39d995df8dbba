/**
 * The records of the outcome: the GitHub deployment status, one Slack message and one audit
 * row. They run after a stop too, and trouble with any of them is a warning, never a blocker.
 */
import { POST_STATE } from '../../action/post-state.js';
import { DEPLOY_RESOURCE_TYPE, writeAuditEntry } from '../../audit/audit-log.js';
import { postToSlack, slackMessage } from '../../notify/slack.js';
import type { OpsContext } from '../context.js';
import type { OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';

export function environmentUrl(ctx: OpsContext): string {
  return ctx.env.url ?? ctx.env.health['base-url'];
}

export const deploymentStatus: StageDefinition<OpsRun> = {
  name: 'Deployment status',
  applies: (run) => run.ctx.github !== undefined,
  plan: () => ['GitHub: deployment status success or failure'],
  always: true,
  failure: 'warn',
  run: async ({ ctx, deploymentId, outcome }) => {
    const github = ctx.github;
    if (!github || deploymentId === undefined) return { silent: true };
    // ok: deployed, rolled back on request, restarted; a deploy that was rolled back is not.
    const state = outcome.ok ? 'success' : 'failure';
    await github.setStatus(deploymentId, state, outcome.headline, environmentUrl(ctx));
    ctx.state.save(POST_STATE.deploymentId, '');
    return state;
  },
};

export const slack: StageDefinition<OpsRun> = {
  name: 'Slack',
  applies: (run) => run.ctx.slackWebhookUrl !== undefined,
  plan: () => ['Slack: one message with the result'],
  always: true,
  failure: 'warn',
  run: async (run) => {
    const { ctx } = run;
    const { headline, fields } = run.story.slack(run);
    const message = slackMessage(headline, fields, { text: 'the run', url: ctx.run.runUrl });
    await postToSlack(ctx.slackWebhookUrl!, message, { clock: ctx.clock, logger: ctx.logger });
    return 'message posted';
  },
};

export const auditLog: StageDefinition<OpsRun> = {
  name: 'Audit log',
  applies: (run) => run.ctx.auditDatabaseUrl !== undefined,
  plan: () => ['PostgreSQL: one audit_log row'],
  always: true,
  failure: 'warn',
  run: async (run) => {
    const { ctx } = run;
    const { action, details } = run.story.audit(run);
    const id = await writeAuditEntry(ctx.auditDatabaseUrl!, {
      action,
      resourceType: DEPLOY_RESOURCE_TYPE,
      resourceId: ctx.environment,
      details: { ...details, service_arn: ctx.env['service-arn'], commit: ctx.run.sha },
      actor: ctx.run.actor,
      runUrl: ctx.run.runUrl,
    });
    return `audit_log row ${id}`;
  },
};
