/**
 * A secret that arrives empty where the configuration turns its feature on: a warning
 * annotation naming the missing input, instead of silently doing nothing. The usual cause is a
 * caller that neither passes the secret nor uses `secrets: inherit`, or an environment without
 * it (docs/setup.md, "Secrets: inherit or explicit").
 */
import type { Logger } from '../util/logger.js';

export interface SecretUse {
  /** The action input that carries the secret, e.g. slack-webhook-url. */
  input: string;
  /** The configuration path that turns the feature on, when it is on; else undefined. */
  enabledBy: string | undefined;
  /** What the feature does, for the message. */
  feature: string;
  /** Whether the input had a value (the value itself never reaches this function). */
  given: boolean;
}

/** Warns once per secret the configuration needs but did not arrive; returns the inputs. */
export function warnMissingSecrets(uses: readonly SecretUse[], logger: Logger): string[] {
  const missing = uses.filter((u) => u.enabledBy !== undefined && !u.given);
  for (const use of missing)
    logger.warning(
      `${use.input} is empty but ${use.enabledBy} is configured: ${use.feature} is skipped. Pass the secret to the workflow (secrets: inherit, or name it under secrets:) or set it on the environment.`,
      { title: `${use.input} is empty` },
    );
  return missing.map((u) => u.input);
}
