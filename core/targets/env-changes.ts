import { reservedBy } from './variables.js';
import { InputError } from '../util/errors.js';

/**
 * Changes to the service's plain environment variables made in the same update as the image
 * (go-live: set NEXT_PUBLIC_APP_URL, unset BANKID_MOCK). One update means one platform
 * deployment: the platform's own rollback restores the old variables with the old image, and
 * the deploy's rollback after failed verification puts them back as well. Secrets are never
 * touched here.
 */
export interface EnvChanges {
  set: Readonly<Record<string, string>>;
  unset: readonly string[];
}

const NAME = /^[A-Z_][A-Z0-9_]*$/;

function checkName(input: string, name: string): void {
  if (!NAME.test(name))
    throw new InputError(
      input,
      `"${name}" is not a variable name; expected UPPER_SNAKE_CASE like NEXT_PUBLIC_APP_URL`,
    );
  const platform = reservedBy(name);
  if (platform) throw new InputError(input, `"${name}" is reserved by ${platform}`);
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

/** "set NEXT_PUBLIC_APP_URL, unset BANKID_MOCK" — names only: values may be sensitive. */
export function describeEnvChanges(c: EnvChanges): string {
  return [
    ...(Object.keys(c.set).length ? [`set ${Object.keys(c.set).join(', ')}`] : []),
    ...(c.unset.length ? [`unset ${c.unset.join(', ')}`] : []),
  ].join('; ');
}
