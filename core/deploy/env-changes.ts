import type { SourceConfiguration } from '@aws-sdk/client-apprunner';
import { InputError } from '../util/errors.js';

/**
 * Changes to the service's plain RuntimeEnvironmentVariables made in the same UpdateService as
 * the image (go-live: set NEXT_PUBLIC_APP_URL, unset BANKID_MOCK). One update means one
 * operation: App Runner's own rollback restores the old variables with the old image, and the
 * deploy's rollback after failed verification puts them back as well (restoreVariables).
 * Secrets (RuntimeEnvironmentSecrets) are never touched here.
 */
export interface EnvChanges {
  set: Readonly<Record<string, string>>;
  unset: readonly string[];
}

const NAME = /^[A-Z_][A-Z0-9_]*$/;
// App Runner reserves these names for itself.
const RESERVED = /^(AWSAPPRUNNER|AWS_APPRUNNER)/;

function checkName(input: string, name: string): void {
  if (!NAME.test(name))
    throw new InputError(
      input,
      `"${name}" is not a variable name; expected UPPER_SNAKE_CASE like NEXT_PUBLIC_APP_URL`,
    );
  if (RESERVED.test(name)) throw new InputError(input, `"${name}" is reserved by App Runner`);
}

/** `env-set`: one `NAME=value` per line; `env-unset`: names separated by commas or lines. */
export function parseEnvChanges(
  setText: string | undefined,
  unsetText: string | undefined,
): EnvChanges {
  const set: Record<string, string> = {};
  for (const raw of (setText ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at < 1)
      throw new InputError(
        'env-set',
        `expected NAME=value on each line, got "${line.slice(0, 40)}"`,
      );
    const name = line.slice(0, at).trim();
    checkName('env-set', name);
    if (name in set) throw new InputError('env-set', `${name} is set twice`);
    set[name] = line.slice(at + 1);
  }
  const unset = (unsetText ?? '')
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  for (const name of unset) {
    checkName('env-unset', name);
    if (name in set)
      throw new InputError('env-unset', `${name} is also in env-set; set it or unset it, not both`);
  }
  return { set, unset: [...new Set(unset)] };
}

export const hasEnvChanges = (c: EnvChanges | undefined): c is EnvChanges =>
  c !== undefined && (Object.keys(c.set).length > 0 || c.unset.length > 0);

export function variablesOf(source: SourceConfiguration | undefined): Record<string, string> {
  return { ...(source?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables ?? {}) };
}

function withVariables(
  source: SourceConfiguration,
  variables: Record<string, string>,
): SourceConfiguration {
  const repo = source.ImageRepository;
  if (!repo) return source;
  return {
    ...source,
    ImageRepository: {
      ...repo,
      ImageConfiguration: { ...repo.ImageConfiguration, RuntimeEnvironmentVariables: variables },
    },
  };
}

/** The variables after the changes (pure). */
export function changedVariables(
  current: Record<string, string>,
  changes: EnvChanges,
): Record<string, string> {
  const next = { ...current, ...changes.set };
  for (const name of changes.unset) delete next[name];
  return next;
}

/** Whether applying the changes would alter anything. */
export function changesAnything(current: Record<string, string>, changes: EnvChanges): boolean {
  const next = changedVariables(current, changes);
  const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
  return [...keys].some((k) => current[k] !== next[k]);
}

/** Read-modify-write of the variables inside a SourceConfiguration (pure). */
export function applyEnvChanges(
  source: SourceConfiguration,
  changes: EnvChanges,
): SourceConfiguration {
  return withVariables(source, changedVariables(variablesOf(source), changes));
}

/** Puts the variables from before the deploy back (pure). */
export function restoreVariables(
  source: SourceConfiguration,
  previous: Record<string, string>,
): SourceConfiguration {
  return withVariables(source, { ...previous });
}

/** "set NEXT_PUBLIC_APP_URL, unset BANKID_MOCK" — names only: values may be sensitive. */
export function describeEnvChanges(c: EnvChanges): string {
  return [
    ...(Object.keys(c.set).length ? [`set ${Object.keys(c.set).join(', ')}`] : []),
    ...(c.unset.length ? [`unset ${c.unset.join(', ')}`] : []),
  ].join('; ');
}
