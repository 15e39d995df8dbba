import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { InputReader } from '../core/action/inputs.js';
import { packageRoot } from './suite.js';

/**
 * An action's input defaults, read from its action.yml: defaults live there and only there,
 * so the command line and the workflow can never disagree about them.
 */
export function actionDefaults(action: string): Record<string, string> {
  const manifest = parse(
    readFileSync(path.join(packageRoot(), 'actions', action, 'action.yml'), 'utf8'),
  ) as {
    inputs?: Record<string, { default?: unknown }>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(manifest.inputs ?? {})) {
    if (input.default !== undefined) defaults[name] = String(input.default);
  }
  return defaults;
}

/**
 * The same typed, validated reading of inputs the action does, fed from the command line:
 * given values first, then the action's defaults. Secrets come from the environment, never
 * from flags (a flag would land in the shell history).
 */
export function commandInputs(
  action: string,
  given: Record<string, string | undefined>,
): InputReader {
  const defaults = actionDefaults(action);
  return new InputReader((name) => given[name] ?? defaults[name] ?? '');
}

/** The secret inputs of deploy and rollback, from the variables a terminal session has. */
export function secretsFromEnvironment(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return {
    'github-token': env['GITHUB_TOKEN'] || undefined,
    'slack-webhook-url': env['SLACK_WEBHOOK_URL'] || undefined,
    'betterstack-token': env['BETTERSTACK_TOKEN'] || undefined,
    'audit-database-url': env['AUDIT_DATABASE_URL'] || undefined,
  };
}
