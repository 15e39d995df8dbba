/**
 * Environments come from the caller: deploy.yml's `environments` input lists them in order,
 * rollback.yml's `environment` input names one. Each name is a GitHub environment of the
 * CALLER's repository (required reviewers, variables AWS_ROLE_ARN and AWS_REGION, secrets)
 * and an `environments.<name>` entry of its .github/apprunner-ops.yml. Nothing here lists
 * them.
 */
export interface DeployEnvironment {
  name: string;
  /** This environment should have required reviewers. */
  reviewers: boolean;
}

/**
 * Repository variable a team sets to `required` once the environment really has required
 * reviewers. Until then a push does not deploy there: only "Run workflow" (a person) does.
 * Required reviewers need a paid plan for private repositories, so this fails safe.
 */
export const reviewersVariable = (environment: string): string =>
  `${environment.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_REVIEWERS`;

/**
 * The environments of the Drop example (examples/drop/apprunner-ops.yml) as docs/setup.md's
 * caller passes them. Rehearsals and tests use them; the workflows never do.
 * @deprecated as a source of the workflows' environments: they come from the caller's inputs.
 */
export const ENVIRONMENTS: readonly DeployEnvironment[] = [
  { name: 'staging', reviewers: false },
  { name: 'production', reviewers: true },
];

/**
 * One concurrency group per environment, shared by deploy.yml, rollback.yml and rotation so
 * that no two of them change the same environment at once. `group` may be an expression.
 */
export const environmentConcurrency = (
  environment: string,
): { group: string; 'cancel-in-progress': false; queue: 'max' } => ({
  group: `apprunner-ops-${environment}`,
  // Cancelling a deploy half-way leaves App Runner mid-operation and the snapshot orphaned:
  // queue instead.
  'cancel-in-progress': false,
  // Without it GitHub keeps ONE pending run per group and cancels it for a newer one: a merge
  // during an incident would silently drop a waiting rollback. `max` queues them all, in order.
  queue: 'max',
});

/**
 * rollback.yml's own group per environment. A job waiting for its environment's approval
 * holds its concurrency group, so in the deploys' group a rollback would wait behind a push
 * deploy nobody has approved yet. In a group of its own it starts as soon as its own approval
 * (if any) is given; two rollbacks of one environment still queue, in order. A deploy running
 * when it starts is waited out on the platform (one update at a time, waitUntilUpdatable); a
 * deploy queued before it stops in preflight rather than undo it (core/deploy/newer-rollback.ts).
 */
export const rollbackConcurrency = (
  environment: string,
): { group: string; 'cancel-in-progress': false; queue: 'max' } => ({
  ...environmentConcurrency(environment),
  group: `apprunner-ops-rollback-${environment}`,
});
