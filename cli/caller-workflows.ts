/**
 * The caller workflows `init` writes into an application's repository: the callers of
 * docs/setup.md, read from examples/caller/ (the files the tests rehearse and compare with the
 * docs), with the user's environments and the suite reference put in. No second copy of them
 * lives in code, so `init` writes exactly what the docs show and the rehearsals run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './args.js';
import { packageRoot } from './suite.js';

/** The package ships these files (package.json `files`); read where the package is. */
const examples = (): string =>
  path.join(packageRoot(), 'examples', 'caller', '.github', 'workflows');
/** What the examples call: owner/repo/.github/workflows/<file>.yml@<40 hex> # <version>. */
const SUITE_USES =
  /(?<repo>[\w.-]+\/[\w.-]+)\/\.github\/workflows\/(?<file>[\w.-]+\.yml)@(?<sha>[0-9a-f]{40}) # (?<version>v[\w.-]+)/g;
/** The example's own environments, which the user's list replaces. */
const EXAMPLE_ENVIRONMENTS = 'staging production';

export const CALLER_FILES = [
  'apprunner-ops.yml',
  'apprunner-ops-rotate.yml',
  'apprunner-ops-go-live.yml',
  'apprunner-ops-restart.yml',
] as const;

export interface SuiteReference {
  /** owner/repo of the suite. */
  repository: string;
  /** A release tag, a branch or a commit SHA; with a tag, pin its SHA by hand (docs/setup.md §9). */
  ref: string;
}

/** The suite and release the examples (and docs/setup.md) name. */
export function exampleSuite(): { repository: string; sha: string; version: string } {
  const text = readFileSync(path.join(examples(), CALLER_FILES[0]), 'utf8');
  const match = [...text.matchAll(SUITE_USES)][0]?.groups;
  if (!match) throw new Error(`${CALLER_FILES[0]}: no suite reference found`);
  return { repository: match['repo']!, sha: match['sha']!, version: match['version']! };
}

/** `--suite owner/repo@ref`, checked before anything is written. */
export function parseSuiteReference(text: string): SuiteReference {
  const match = /^(?<repository>[\w.-]+\/[\w.-]+)@(?<ref>[\w./-]+)$/.exec(text);
  if (!match?.groups)
    throw new UsageError(
      `--suite: expected owner/repo@ref (a release tag, branch or commit SHA), got "${text}"`,
    );
  return { repository: match.groups['repository']!, ref: match.groups['ref']! };
}

export function callerWorkflows(
  environments: readonly string[],
  suite: SuiteReference | undefined,
): Record<string, string> {
  const last = environments.at(-1) ?? 'production';
  const files: Record<string, string> = {};
  for (const name of CALLER_FILES) {
    let text = readFileSync(path.join(examples(), name), 'utf8')
      .replaceAll(
        `environments: ${EXAMPLE_ENVIRONMENTS}`,
        `environments: ${environments.join(' ')}`,
      )
      // The rotation's schedule rotates what is due in the environment with reviewers.
      .replaceAll("inputs.environment || 'production'", `inputs.environment || '${last}'`)
      .replaceAll('every secret due in production', `every secret due in ${last}`)
      .replace(
        'deploy through staging to production',
        `deploy through ${environments.join(' to ')}`,
      );
    if (suite)
      text = text.replaceAll(
        SUITE_USES,
        (...args) =>
          `${suite.repository}/.github/workflows/${(args.at(-1) as Record<string, string>)['file']}@${suite.ref}`,
      );
    files[`.github/workflows/${name}`] = text;
  }
  return files;
}
