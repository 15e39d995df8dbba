import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { movePin, PINS_FILE } from '../../scripts/pin.js';
import { changelogSection, releaseNotes, releaseProblems } from '../../scripts/release.js';
import { PINS } from '../../workflows-src/pins.js';

const ROOT = path.join(import.meta.dirname, '../..');
const pins = readFileSync(PINS_FILE, 'utf8');
const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
const SHA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

describe('npm run pin', () => {
  it('moves exactly one pin: its SHA and its version', () => {
    const moved = movePin(pins, 'actions/checkout', 'v7.0.2', SHA);
    expect(moved).toContain(`repo: 'actions/checkout',\n  sha: '${SHA}',\n  version: 'v7.0.2',`);
    const changed = moved.split('\n').filter((line, i) => line !== pins.split('\n')[i]);
    expect(changed).toEqual([`  sha: '${SHA}',`, `  version: 'v7.0.2',`]);
  });

  it('refuses what is not a pin: a short SHA, a branch, an action not in the table', () => {
    expect(() => movePin(pins, 'actions/checkout', 'v7.0.2', 'abc123')).toThrow(
      'sha "abc123": expected the full 40-hex commit SHA of actions/checkout@v7.0.2',
    );
    expect(() => movePin(pins, 'actions/checkout', 'main', SHA)).toThrow(
      'version "main": expected a release tag such as v5.0.0',
    );
    expect(() => movePin(pins, 'actions/cache', 'v4.0.0', SHA)).toThrow(
      'actions/cache is not in the pin table; pinned: actions/checkout, actions/setup-node, aws-actions/configure-aws-credentials, actions/upload-artifact',
    );
  });

  it('pins every third-party action to a full SHA of a node24 release, version recorded', () => {
    // Checked against each repository's tags when pinned (docs/setup.md §9).
    expect(PINS.map((p) => `${p.repo}@${p.version}`)).toEqual([
      'actions/checkout@v7.0.1',
      'actions/setup-node@v7.0.0',
      'aws-actions/configure-aws-credentials@v6.2.3',
      'actions/upload-artifact@v7.0.0',
    ]);
    for (const pin of PINS) expect(pin.sha).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('release notes from CHANGELOG.md', () => {
  it('takes the version section and adds the lines a caller pins', () => {
    const notes = releaseNotes(changelog, '1.0.0', 'apprunner-ops/apprunner-ops', SHA);
    expect(notes).toMatch(/^The first release: /);
    expect(notes).toContain('### Added');
    expect(notes).not.toContain('## [Unreleased]');
    expect(notes).not.toContain('[1.0.0]: https://');
    expect(notes).toContain(
      `uses: apprunner-ops/apprunner-ops/.github/workflows/rollback.yml@${SHA} # v1.0.0`,
    );
  });

  it('refuses a version that is not semver or has no section', () => {
    expect(() => changelogSection(changelog, 'v1.0.0')).toThrow(
      'version "v1.0.0": expected semantic version X.Y.Z (no leading v)',
    );
    expect(() => changelogSection(changelog, '2.0.0')).toThrow(
      'CHANGELOG.md has no "## [2.0.0] - YYYY-MM-DD" section',
    );
  });
});

describe('release check', () => {
  const facts = {
    changelog,
    packageVersion: '1.1.0',
    repository: 'apprunner-ops/apprunner-ops',
    tagExists: false,
  };

  it('passes 1.1.0 as cut: its changelog section, package.json and a free tag', () => {
    expect(releaseProblems('1.1.0', facts)).toEqual([]);
    expect(changelogSection(changelog, '1.1.0')).toContain('cloudwatch:GetMetricStatistics');
    expect(changelogSection(changelog, '1.0.0')).toMatch(/lacks `cloudwatch:GetMetricStatistics`/);
  });

  it('names every reason not to release, before anything is tagged', () => {
    expect(
      releaseProblems('1.2.0', {
        ...facts,
        tagExists: true,
        githubRepository: 'someone/apprunner-ops',
      }),
    ).toEqual([
      'CHANGELOG.md has no "## [1.2.0] - YYYY-MM-DD" section: move the Unreleased entries under it and commit',
      'package.json version is 1.1.0: set it to 1.2.0 (npm pkg set version=1.2.0) and commit',
      'tag v1.2.0 exists already: releases are never moved, pick the next version',
      "this runs in someone/apprunner-ops but package.json's repository is apprunner-ops/apprunner-ops: the pin lines would name the wrong repository; change package.json's repository first",
    ]);
  });
});
