/**
 * The repository variable holding an environment's clean-up role, the only role that may delete
 * images (docs/iam-policy-ecr-cleanup.json): the workflows read it, and ops-check names it when
 * `delete: true` has no job to run it.
 */
export const cleanupRoleVariable = (environment: string): string =>
  `${environment.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_CLEANUP_ROLE_ARN`;
