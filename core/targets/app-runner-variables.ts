/** Read-modify-write of App Runner's RuntimeEnvironmentVariables inside a SourceConfiguration. */
import type { SourceConfiguration } from '@aws-sdk/client-apprunner';
import { changedVariables, type EnvChanges } from './env-changes.js';

export function variablesOf(source: SourceConfiguration | undefined): Record<string, string> {
  return { ...(source?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables ?? {}) };
}

export function withVariables(
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
