import { checkTarget } from './target-of.js';
import { serviceEnvSchema } from './schemas/service-env.js';
import { defineCheck } from './types.js';

/**
 * The runbook's "NODE_ENV=production, BANKID_MOCK NOT set" and "Secrets Manager holds …":
 * plain variables are compared (their values are configuration, not secrets); secrets are
 * only checked to be referenced, never read.
 */
export const serviceEnv = defineCheck({
  ...serviceEnvSchema,
  defaultTimeoutMs: 30_000,
  group: 'Application',
  async run(check, ctx) {
    // What runs: App Runner's configuration, or ECS Express's active configuration.
    const state = await (await checkTarget(ctx)).describe();
    const vars = state.environment;
    const secrets = state.secrets;
    const secretsIn =
      ctx.env.target.kind === 'app-runner'
        ? 'RuntimeEnvironmentSecrets'
        : "the container's secrets";
    const problems: string[] = [];
    for (const [name, want] of Object.entries(check.equals)) {
      if (!(name in vars)) problems.push(`${name} is not set (want "${want}")`);
      else if (vars[name] !== want) problems.push(`${name} is "${vars[name]}", want "${want}"`);
    }
    for (const name of check.absent)
      if (name in vars || name in secrets)
        problems.push(`${name} is set and must be absent (deploy with env-unset: ${name})`);
    const missingSecrets = check['secrets-referenced']
      ? (ctx.env.secrets ?? []).map((s) => s.name).filter((name) => !(name in secrets))
      : [];
    for (const name of missingSecrets) problems.push(`secret ${name} is not in ${secretsIn}`);
    const observed = {
      variables: Object.keys(vars).sort(),
      secretsReferenced: Object.keys(secrets).sort(),
      checked: { equals: Object.keys(check.equals), absent: check.absent },
    };
    if (problems.length > 0)
      return {
        status: 'fail',
        line: `${state.name}: ${problems.join('; ')}`,
        observed,
      };
    return {
      status: 'pass',
      line: `${state.name}: ${Object.keys(check.equals).length} variable(s) as expected, ${check.absent.length} absent, ${Object.keys(secrets).length} secret(s) referenced`,
      observed,
    };
  },
});
