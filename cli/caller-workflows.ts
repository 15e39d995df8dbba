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
  /** A commit SHA (what init pins), or a release tag or branch given with --suite. */
  ref: string;
  /** What the SHA is, written after it as `# …` (a release: `v1.1.0`). */
  comment?: string;
}

/**
 * Owners that only ever stand for "yours" in docs and examples: a caller naming one calls a
 * repository that is not the suite (or someone else's), so init refuses it.
 */
export const PLACEHOLDER_OWNERS = [
  'example',
  'owner',
  'your-org',
  'your-name',
  'my-org',
  'org',
  'acme',
];

export function refusePlaceholderOwner(repository: string, where: string): void {
  const owner = repository.split('/')[0]?.toLowerCase() ?? '';
  if (PLACEHOLDER_OWNERS.includes(owner))
    throw new UsageError(
      `${where}: "${repository}" has a placeholder owner; name the repository apprunner-ops is released from (package.json's repository), or your fork`,
    );
}

/**
 * The suite as this copy of it is: its repository, its commit, and `# vX.Y.Z` when that
 * commit is the release (a packed release, or a checkout at the tag), else `# vX.Y.Z-dev`.
 */
export function ownSuiteReference(suite: {
  repository: string;
  commit: string | undefined;
  version: string;
  released: boolean;
}): SuiteReference {
  refusePlaceholderOwner(suite.repository, "package.json's repository");
  if (!suite.commit)
    throw new UsageError(
      'this copy of apprunner-ops does not know its commit (neither a git checkout nor a packed release): pass --suite owner/repo@<commit SHA>',
    );
  return {
    repository: suite.repository,
    ref: suite.commit,
    comment: suite.released ? `v${suite.version}` : `v${suite.version}-dev, not a release`,
  };
}

/** `--suite owner/repo@ref`, checked before anything is written. */
export function parseSuiteReference(text: string): SuiteReference {
  const match = /^(?<repository>[\w.-]+\/[\w.-]+)@(?<ref>[\w./-]+)$/.exec(text);
  if (!match?.groups)
    throw new UsageError(
      `--suite: expected owner/repo@ref (a release tag, branch or commit SHA), got "${text}"`,
    );
  refusePlaceholderOwner(match.groups['repository']!, '--suite');
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
          `${suite.repository}/.github/workflows/${(args.at(-1) as Record<string, string>)['file']}@${suite.ref}${suite.comment ? ` # ${suite.comment}` : ''}`,
      );
    files[`.github/workflows/${name}`] = text;
  }
  return files;
}
