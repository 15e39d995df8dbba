import type { InputReader } from '../../../core/action/inputs.js';
import type { GateRequest } from '../../../core/gate/gate.js';
import { InputError } from '../../../core/util/errors.js';

const NAME = /^[a-z][a-z0-9-]*$/;

/** Reads and validates every input once, before anything is called. */
export function readGateInputs(inputs: InputReader): GateRequest {
  const environment = inputs.required('environment');
  if (!NAME.test(environment))
    throw new InputError(
      'environment',
      `expected a lowercase name like production, got "${environment}"`,
    );
  const gate = inputs.required('gate');
  if (!NAME.test(gate))
    throw new InputError('gate', `expected a lowercase gate name like go-live, got "${gate}"`);
  return Object.freeze({
    configFile: inputs.required('config'),
    environment,
    gate,
    attestationsFile: inputs.required('attestations'),
    evidenceDir: inputs.required('evidence-dir'),
    secrets: {
      githubToken: inputs.secret('github-token'),
      betterstackToken: inputs.secret('betterstack-token'),
      databaseUrl: inputs.secretUrl('database-url', ['postgres', 'postgresql'])?.href,
    },
    slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
  });
}
