/**
 * release.yml rehearsed in a clone of this repository's committed HEAD against the sim's
 * GitHub (`npm run rehearse -- release` does the same): the version, changelog and package.json
 * checks, the generated-files check (schema and workflows; the bundles take minutes to rebuild
 * and CI's test job checks them), then the tag vX.Y.Z, the moved vX and the release, made
 * through the git refs and releases API, with the notes and the pin lines `init` writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerWorkflows } from '../../cli/caller-workflows.js';
import { suiteIdentity } from '../../cli/suite.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import {
  cloneHead,
  rehearseRelease,
  type ReleaseClone,
} from '../../workflows-src/rehearse/release.js';

const REPOSITORY = suiteIdentity().repository;
const VERSION = suiteIdentity().version;
let sim: SimHandle;
let clone: ReleaseClone;
beforeAll(async () => {
  sim = await startSim();
  clone = await cloneHead();
}, 60_000);
afterAll(async () => {
  await clone?.remove();
  await sim?.stop();
});

const refs = () => sim.github.git().refs.filter((r) => r.repo === REPOSITORY);
const commitOf = (ref: string): string | undefined => {
  const git = sim.github.git();
  const target = git.refs.find((r) => r.repo === REPOSITORY && r.ref === ref)?.object;
  if (target?.type !== 'tag') return target?.sha;
  return git.tags.find((t) => t.sha === target.sha)?.object.sha;
};

describe('release.yml against the sim', () => {
  it('refuses a version the changelog and package.json do not describe, before tagging', async () => {
    const result = await rehearseRelease({ sim, clone, version: '1.0.1' });
    expect(result.conclusion).toBe('failure');
    expect(result.log).toContain(
      '    | release: CHANGELOG.md has no "## [1.0.1] - YYYY-MM-DD" section: move the Unreleased entries under it and commit',
    );
    expect(result.log).toContain(
      `    | release: package.json version is ${VERSION}: set it to 1.0.1 (npm pkg set version=1.0.1) and commit`,
    );
    expect(result.jobs['release']?.steps.at(-1)?.outcome).toBe('skipped');
    expect(refs()).toEqual([]);
  }, 120_000);

  it(`with dry-run prints the notes and changes nothing on GitHub`, async () => {
    const result = await rehearseRelease({ sim, clone, version: VERSION, dryRun: true });
    expect(result.conclusion, result.log.join('\n')).toBe('success');
    expect(result.log.join('\n')).toContain(`dry-run: would tag v${VERSION} and move v1`);
    expect(refs()).toEqual([]);
    expect(sim.github.git().releases).toEqual([]);
  }, 120_000);

  it(`cuts v${VERSION}: tag, v1 moved from the previous release, release notes with init's pin lines`, async () => {
    // v1 points at the previous release, as it would on GitHub.
    const old = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
    const api = sim.env['GITHUB_API_URL'] as string;
    const created = await fetch(`${api}/repos/${REPOSITORY}/git/refs`, {
      method: 'POST',
      headers: { authorization: 'Bearer ghs_test', 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'refs/tags/v1', sha: old }),
    });
    expect(created.status).toBe(201);

    const result = await rehearseRelease({ sim, clone, version: VERSION });
    const steps = result.jobs['release']?.steps.map((s) => `${s.label}: ${s.outcome}`);
    expect(steps, result.log.join('\n')).toEqual([
      expect.stringMatching(/^actions\/checkout@[0-9a-f]{40}: success$/),
      expect.stringMatching(/^actions\/setup-node@[0-9a-f]{40}: success$/),
      'Install dependencies: success',
      'Version and changelog: success',
      'Generated files are current: success',
      'Tag, move the major tag, publish: success',
    ]);
    expect(commitOf(`refs/tags/v${VERSION}`)).toBe(clone.head);
    expect(commitOf('refs/tags/v1')).toBe(clone.head);
    expect(result.log).toContain(`    | v1 -> ${clone.head} (moved from tag object ${old})`);

    const [release] = sim.github.git().releases;
    expect(release?.tag_name).toBe(`v${VERSION}`);
    const notes = release?.body ?? '';
    expect(notes).toMatch(/^### Added\n/);
    expect(notes).toContain('cloudwatch:GetMetricStatistics');
    // The pin lines are the ones init of this release writes into the callers.
    const init = Object.values(
      callerWorkflows(['staging', 'production'], {
        repository: REPOSITORY,
        ref: clone.head,
        comment: `v${VERSION}`,
      }),
    )
      .join('\n')
      .match(/uses: \S+ # \S+/g);
    expect(init?.length).toBeGreaterThan(0);
    for (const line of init ?? []) expect(notes).toContain(line);

    // A second run of the same version is refused: releases are never moved.
    const again = await rehearseRelease({ sim, clone, version: VERSION });
    expect(again.conclusion).toBe('failure');
    expect(again.log.join('\n')).toContain(
      `release: tag v${VERSION} exists on GitHub already: releases are never moved, pick the next version`,
    );
    expect(sim.github.git().releases).toHaveLength(1);
  }, 180_000);
});
