/**
 * What release.yml runs before it tags anything:
 *   tsx scripts/release.ts check <X.Y.Z>            semver; CHANGELOG.md has "## [X.Y.Z] - date";
 *                                                   the tag vX.Y.Z does not exist yet
 *   tsx scripts/release.ts notes <X.Y.Z> <owner/repo> <sha>
 *                                                   the release notes: that changelog section
 *                                                   and the lines a caller pins
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Release notes: the changelog section, then how to pin this release by commit. */
export function releaseNotes(
  changelog: string,
  version: string,
  repository: string,
  sha: string,
): string {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`sha "${sha}": expected a full commit SHA`);
  const pins = ['deploy', 'rollback']
    .map((w) => `uses: ${repository}/.github/workflows/${w}.yml@${sha} # v${version}`)
    .join('\n');
  return `${changelogSection(changelog, version)}\n\n### Pin this release\n\n\`\`\`yaml\n${pins}\n\`\`\`\n\nConfiguration schema: https://raw.githubusercontent.com/${repository}/v${version}/schema/apprunner-ops.schema.json\n`;
}

function tagExists(tag: string, cwd: string): boolean {
  return execFileSync('git', ['tag', '--list', tag], { cwd, encoding: 'utf8' }).trim() !== '';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, version = '', repository = '', sha = ''] = process.argv.slice(2);
  const changelog = readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');
  try {
    if (command === 'check') {
      changelogSection(changelog, version);
      if (tagExists(`v${version}`, REPO_ROOT))
        throw new Error(
          `tag v${version} exists already: releases are never moved, pick the next version`,
        );
      console.log(`v${version}: changelog section found, tag is free`);
    } else if (command === 'notes') {
      process.stdout.write(releaseNotes(changelog, version, repository, sha));
    } else {
      throw new Error('usage: release.ts check <X.Y.Z> | notes <X.Y.Z> <owner/repo> <sha>');
    }
  } catch (error) {
    console.error(`release: ${(error as Error).message}`);
    process.exit(1);
  }
}
