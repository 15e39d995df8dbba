/** The GitHub deployment of this run, in progress: the Deployments page shows what runs where. */
import type { OpsRun } from '../ops-run.js';
import { environmentUrl } from './records.js';
import type { StageDefinition } from './stage.js';

export const githubDeployment: StageDefinition<OpsRun> = {
  name: 'GitHub deployment',
  applies: (run) => (run.ctx.github ? true : { skip: 'no github-token given' }),
  plan: (run) => [run.story.deploymentPlan(run)],
  // The Deployments page is a record: a failure to write it never stops a change.
  failure: 'warn',
  run: async (run) => {
    const { ctx } = run;
    const { payload, description, ref } = run.story.deployment(run);
    const github = ref ? ctx.githubAt(ref) : ctx.github;
    if (!github) return { silent: true };
    // The service ARN scopes history to this service (several may share an environment name).
    const scoped = { ...payload, serviceArn: ctx.env['service-arn'], actor: ctx.run.actor };
    const id = await github.create(ctx.environment, scoped, description);
    run.deploymentId = id;
    ctx.state.save('deployment-id', String(id));
    await github.setStatus(id, 'in_progress', description, environmentUrl(ctx));
    return `deployment ${id} in progress`;
  },
};
