/**
 * The environments deploy.yml deploys to, in order, and rollback.yml offers. Each name is a
 * GitHub environment (required reviewers, variables AWS_ROLE_ARN and AWS_REGION, secrets) and
 * an `environments.<name>` entry of .github/apprunner-ops.yml.
 */
export interface DeployEnvironment {
  name: string;
  /** Shown in docs/setup.md: this environment should have required reviewers. */
  reviewers: boolean;
}

/**
 * Repository variable a team sets to `required` once the environment really has required
 * reviewers. Until then a push does not deploy there: only "Run workflow" (a person) does.
 * Required reviewers need a paid plan for private repositories, so this fails safe.
 */
export const reviewersVariable = (environment: string): string =>
  `${environment.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_REVIEWERS`;

export const ENVIRONMENTS: readonly DeployEnvironment[] = [
  { name: 'staging', reviewers: false },
  { name: 'production', reviewers: true },
];

/**
 * One concurrency group per environment, shared by deploy.yml and rollback.yml so a deploy and
 * a rollback of the same environment never overlap. `group` may be an expression.
 */
export const environmentConcurrency = (
  environment: string,
): { group: string; 'cancel-in-progress': false } => ({
  group: `apprunner-ops-${environment}`,
  // Cancelling a deploy half-way leaves App Runner mid-operation and the snapshot orphaned:
  // queue instead.
  'cancel-in-progress': false,
});
