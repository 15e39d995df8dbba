/** The GitHub deployment of this run, in progress: the Deployments page shows what runs where. */
import { POST_STATE } from '../../action/post-state.js';
import type { OpsRun } from '../ops-run.js';
import { environmentUrl } from './records.js';
import type { StageDefinition } from './stage.js';

/** A commit SHA, short or full, as build-push tags images by default. */
const COMMIT = /^[0-9a-f]{7,40}$/;

export const githubDeployment: StageDefinition<OpsRun> = {
  name: 'GitHub deployment',
  applies: (run) => (run.ctx.github ? true : { skip: 'no github-token given' }),
  plan: (run) => [run.story.deploymentPlan(run)],
  // The Deployments page is a record: a failure to write it never stops a change.
  failure: 'warn',
  run: async (run) => {
    const { ctx } = run;
    const { payload, description, ref } = run.story.deployment(run);
    // A deployment needs a commit. From a folder that is no git checkout (the command line),
    // the image's tag stands for it when it is one (a build tagged by commit).
    const commit =
      ref ?? (ctx.run.sha || (COMMIT.test(payload.tag ?? '') ? payload.tag : undefined));
    if (!commit) {
      ctx.logger.warning(
        `no GitHub deployment recorded: this run knows no commit (not a git checkout, GITHUB_SHA unset) and the image's tag ${payload.tag ?? '(none)'} is not a commit SHA; run from a checkout of the repository, or set GITHUB_SHA to the commit the image was built from`,
      );
      return { status: 'warning', detail: 'not recorded: no commit known' };
    }
    const github = commit === ctx.run.sha ? ctx.github : ctx.githubAt(commit);
    if (!github) return { silent: true };
    // The service ARN scopes history to this service (several may share an environment name).
    const scoped = { ...payload, serviceArn: ctx.env['service-arn'], actor: ctx.run.actor };
    const id = await github.create(ctx.environment, scoped, description);
    run.deploymentId = id;
    ctx.state.save(POST_STATE.deploymentId, String(id));
    await github.setStatus(id, 'in_progress', description, environmentUrl(ctx));
    return `deployment ${id} in progress`;
  },
};
