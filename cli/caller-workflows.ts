/**
 * The caller workflows `init` writes into an application's repository: short files that call
 * the suite's reusable workflows. Kept in step with docs/setup.md by a test.
 */
export function callerWorkflows(
  environments: readonly string[],
  ref: string | undefined,
): Record<string, string> {
  const pin = ref ?? 'v0';
  const list = environments.join(',');
  return {
    '.github/workflows/deploy.yml': `# Calls the apprunner-ops deploy workflow; written by \`apprunner-ops init\`.
name: deploy
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  id-token: write
  deployments: write
jobs:
  deploy:
    uses: apprunner-ops/apprunner-ops/.github/workflows/deploy.yml@${pin}
    with:
      environments: ${list}
    secrets: inherit
`,
  };
}
