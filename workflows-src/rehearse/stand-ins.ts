/**
 * Stand-ins for the third-party steps a rehearsal cannot run (they need GitHub or AWS). Each
 * says that it is a stand-in and sets what the real action would set, so the steps after it
 * see the same environment and outputs.
 */
export interface StandInStep {
  uses: string;
  inputs: Record<string, string>;
  workspace: string;
  /** The rehearsal's environment (e.g. the sim's endpoints and credentials). */
  env: Record<string, string>;
  log(line: string): void;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
}

/** Throw to fail the step, as the real action would. */
export type StandIn = (step: StandInStep) => void | Promise<void>;

export const REHEARSAL_ACCOUNT = '123456789012';

export const DEFAULT_STAND_INS: Record<string, StandIn> = {
  'actions/checkout': (step) => {
    step.log(`stand-in: ${step.uses}: the workspace is ${step.workspace}; nothing is fetched`);
  },
  'actions/setup-node': (step) => {
    const wanted = step.inputs['node-version'] || 'the default';
    step.log(
      `stand-in: ${step.uses}: using this machine's node ${process.version} (asked for ${wanted})`,
    );
    step.setOutput('node-version', process.version);
  },
  'aws-actions/configure-aws-credentials': (step) => {
    const role = step.inputs['role-to-assume'] ?? '';
    const region = step.inputs['aws-region'] ?? '';
    // The real action fails the same way: without a role there is nothing to assume by OIDC.
    if (!role)
      throw new Error(
        'role-to-assume is empty (is the AWS_ROLE_ARN variable set for this environment?)',
      );
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
      throw new Error(`aws-region "${region}" is not a region (is the AWS_REGION variable set?)`);
    step.log(
      `stand-in: ${step.uses}: would assume ${role} in ${region} by OIDC; exports the rehearsal's credentials instead`,
    );
    step.exportVariable('AWS_REGION', region);
    step.exportVariable('AWS_DEFAULT_REGION', region);
    // The sim's credentials when the rehearsal has them, else placeholders: never real ones.
    step.exportVariable(
      'AWS_ACCESS_KEY_ID',
      step.env['AWS_ACCESS_KEY_ID'] ?? 'ASIAREHEARSAL0000000',
    );
    step.exportVariable(
      'AWS_SECRET_ACCESS_KEY',
      step.env['AWS_SECRET_ACCESS_KEY'] ?? 'rehearsal-secret-access-key',
    );
    step.exportVariable('AWS_SESSION_TOKEN', 'rehearsal-session-token');
    step.setOutput('aws-account-id', REHEARSAL_ACCOUNT);
  },
};
