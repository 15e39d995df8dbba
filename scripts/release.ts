/**
 * What release.yml runs:
 *   tsx scripts/release.ts check <X.Y.Z>      semver; package.json's version is X.Y.Z;
 *                                             CHANGELOG.md has "## [X.Y.Z] - date"; the tag
 *                                             vX.Y.Z does not exist yet; GITHUB_REPOSITORY (when
 *                                             set) is package.json's repository
 *   tsx scripts/release.ts notes <X.Y.Z> <sha> the release notes: that changelog section and
 *                                             the lines a caller pins
 *   tsx scripts/release.ts publish <X.Y.Z> <sha> [--dry-run]
 *                                             through GitHub's API (GITHUB_API_URL,
 *                                             GITHUB_TOKEN): the annotated tag vX.Y.Z, vX moved
 *                                             to it, and the release with the notes
 * The repository is package.json's `repository`, the one place it is written.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suiteIdentity } from '../cli/suite.js';
import { createOctokit, type Octokit } from '../core/github/octokit.js';
import { statusOf } from '../core/github/status.js';
import type { Logger } from '../core/util/logger.js';
import { REPO_ROOT } from '../workflows-src/action-manifests.js';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

/** The body of `## [version] - YYYY-MM-DD` in a Keep a Changelog file. */
export function changelogSection(changelog: string, version: string): string {
  if (!SEMVER.test(version))
    throw new Error(`version "${version}": expected semantic version X.Y.Z (no leading v)`);
  const lines = changelog.split('\n');
  const heading = new RegExp(
    `^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`,
  );
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0)
    throw new Error(
      `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under it and commit`,
    );
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^## \[/.test(line) || /^\[[^\]]+\]: /.test(line));
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  if (!body) throw new Error(`CHANGELOG.md: the ${version} section is empty`);
  return body;
}

/** The reusable workflows a caller pins (docs/setup.md's callers, `init`'s files). */
export const PINNED_WORKFLOWS = [
  'deploy',
  'rollback',
  'checks',
  'restart',
  'rotate',
  'go-live',
  'restore',
];

/** Release notes: the changelog section, then how to pin this release by commit. */
export function releaseNotes(
  changelog: string,
  version: string,
  repository: string,
  sha: string,
): string {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`sha "${sha}": expected a full commit SHA`);
  const pins = PINNED_WORKFLOWS.map(
    (w) => `uses: ${repository}/.github/workflows/${w}.yml@${sha} # v${version}`,
  ).join('\n');
  return `${changelogSection(changelog, version)}\n\n### Pin this release\n\nThe callers pin this release with these lines (\`apprunner-ops init\` writes them; the restore caller is in docs/setup.md); pin by the commit, the comment names the release:\n\n\`\`\`yaml\n${pins}\n\`\`\`\n\nCommand line: \`git clone --branch v${version} https://github.com/${repository}.git && cd apprunner-ops && npm pack && npm install -g ./apprunner-ops-${version}.tgz\` (Node 22 or newer).\n\nConfiguration schema: https://raw.githubusercontent.com/${repository}/v${version}/schema/apprunner-ops.schema.json\n`;
}

function tagExists(tag: string, cwd: string): boolean {
  return execFileSync('git', ['tag', '--list', tag], { cwd, encoding: 'utf8' }).trim() !== '';
}

/** Everything `check` verifies, as one list of problems (empty: ready to release). */
export function releaseProblems(
  version: string,
  facts: {
    changelog: string;
    packageVersion: string;
    repository: string;
    tagExists: boolean;
    githubRepository?: string;
  },
): string[] {
  const problems: string[] = [];
  try {
    changelogSection(facts.changelog, version);
  } catch (error) {
    problems.push((error as Error).message);
    if (!SEMVER.test(version)) return problems;
  }
  if (facts.packageVersion !== version)
    problems.push(
      `package.json version is ${facts.packageVersion}: set it to ${version} (npm pkg set version=${version}) and commit`,
    );
  if (facts.tagExists)
    problems.push(
      `tag v${version} exists already: releases are never moved, pick the next version`,
    );
  if (facts.githubRepository && facts.githubRepository !== facts.repository)
    problems.push(
      `this runs in ${facts.githubRepository} but package.json's repository is ${facts.repository}: the pin lines would name the wrong repository; change package.json's repository first`,
    );
  return problems;
}

const consoleLogger: Logger = {
  debug: () => {},
  info: (m) => console.log(m),
  warning: (m) => console.log(`warning: ${m}`),
  error: (m) => console.error(m),
  group: (_name, fn) => fn(),
};

/** GET a tag's ref; undefined when GitHub answers 404. */
async function readTagRef(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  tag: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `tags/${tag}` });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Tags vX.Y.Z (an annotated tag on `sha`), moves vX to the same commit, creates the release.
 * Each write is sent once: a create that GitHub answers with an error is reported, never
 * repeated, and every step says what it did so a half-done release can be finished by hand.
 */
export async function publishRelease(options: {
  version: string;
  sha: string;
  repository: string;
  notes: string;
  apiUrl: string;
  token: string;
  log: (line: string) => void;
}): Promise<{ tag: string; major: string; previousMajor: string | undefined; releaseUrl: string }> {
  const { version, sha, log } = options;
  const [owner = '', name = ''] = options.repository.split('/');
  const repo = { owner, repo: name };
  const octokit = createOctokit(options.token, { apiUrl: options.apiUrl, logger: consoleLogger });
  const once = { request: { retries: 0 } };
  const tag = `v${version}`;
  const major = `v${version.split('.')[0]}`;
  if (await readTagRef(octokit, repo, tag))
    throw new Error(
      `tag ${tag} exists on GitHub already: releases are never moved, pick the next version`,
    );
  const annotated = async (name: string, message: string): Promise<string> =>
    (
      await octokit.rest.git.createTag({
        ...repo,
        tag: name,
        message,
        object: sha,
        type: 'commit',
        ...once,
      })
    ).data.sha;
  const tagObject = await annotated(tag, `apprunner-ops ${tag}`);
  await octokit.rest.git.createRef({ ...repo, ref: `refs/tags/${tag}`, sha: tagObject, ...once });
  log(`${tag} -> ${sha} (tag object ${tagObject})`);
  const previousMajor = await readTagRef(octokit, repo, major);
  const majorObject = await annotated(major, `apprunner-ops ${major} (${tag})`);
  if (previousMajor)
    await octokit.rest.git.updateRef({
      ...repo,
      ref: `tags/${major}`,
      sha: majorObject,
      force: true,
      ...once,
    });
  else
    await octokit.rest.git.createRef({
      ...repo,
      ref: `refs/tags/${major}`,
      sha: majorObject,
      ...once,
    });
  log(
    `${major} -> ${sha}${previousMajor ? ` (moved from tag object ${previousMajor})` : ' (new)'}`,
  );
  const release = await octokit.rest.repos.createRelease({
    ...repo,
    tag_name: tag,
    name: tag,
    body: options.notes,
    make_latest: 'true',
    ...once,
  });
  log(`release ${tag}: ${release.data.html_url}`);
  return { tag, major, previousMajor, releaseUrl: release.data.html_url };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, version = '', sha = ''] = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('--'));
  const dryRun = process.argv.includes('--dry-run');
  const changelog = readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');
  const suite = suiteIdentity();
  try {
    if (command === 'check') {
      const problems = releaseProblems(version, {
        changelog,
        packageVersion: suite.version,
        repository: suite.repository,
        tagExists: SEMVER.test(version) && tagExists(`v${version}`, REPO_ROOT),
        githubRepository: process.env['GITHUB_REPOSITORY'] || undefined,
      });
      if (problems.length > 0) throw new Error(problems.join('\nrelease: '));
      console.log(
        `v${version} of ${suite.repository}: changelog section found, package.json agrees, tag is free`,
      );
    } else if (command === 'notes') {
      process.stdout.write(releaseNotes(changelog, version, suite.repository, sha));
    } else if (command === 'publish') {
      const notes = releaseNotes(changelog, version, suite.repository, sha);
      if (dryRun) {
        console.log(
          `dry-run: would tag v${version} and move v${version.split('.')[0]} to ${sha} in ${suite.repository}, and publish these notes:`,
        );
        process.stdout.write(notes);
      } else {
        const token = process.env['GITHUB_TOKEN'];
        if (!token)
          throw new Error('GITHUB_TOKEN is not set: the job token (contents: write) is needed');
        await publishRelease({
          version,
          sha,
          repository: suite.repository,
          notes,
          apiUrl: process.env['GITHUB_API_URL'] || 'https://api.github.com',
          token,
          log: (line) => console.log(line),
        });
      }
    } else {
      throw new Error(
        'usage: release.ts check <X.Y.Z> | notes <X.Y.Z> <sha> | publish <X.Y.Z> <sha> [--dry-run]',
      );
    }
  } catch (error) {
    console.error(`release: ${(error as Error).message}`);
    process.exit(1);
  }
}
