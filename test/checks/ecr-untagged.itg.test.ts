import {
  BatchGetImageCommand,
  ECRClient,
  PutLifecyclePolicyCommand,
  type Image,
} from '@aws-sdk/client-ecr';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppRunnerService } from '../../core/aws/app-runner.js';
import { policyActions, policyGaps, type PolicyDocument } from '../workflows/iam-policy.js';
import { checkItemSchema } from '../../core/checks/registry.js';
import { runCheckList, type CheckResult } from '../../core/checks/run-checks.js';
import { GitHubDeployments } from '../../core/github/deployments.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import {
  SIM_GITHUB_TOKEN,
  simCheckContext,
  simClients,
  simEnvironment,
  simRunInfo,
} from '../helpers/check-context.js';

const REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web';
const INDEX = 'application/vnd.oci.image.index.v1+json';

/**
 * The Drop repository, every image older than the default min-age (7d), so only references
 * keep an untagged image: v1.5.0 is the fixture's multi-arch index with attestations (4
 * untagged children), one untagged build is what production runs (by digest), one an older
 * good deploy (a rollback target), one an orphan nothing references.
 */
function fixture() {
  const base = loadFixture();
  const repo = base.ecr.repositories[0]!;
  const ages: Record<string, string> = {
    'v1.3.9': '30d',
    'v1.4.0': '25d',
    'v1.4.1': '22d',
    'v1.4.2': '20d',
    'v1.5.0': '10d',
    'v1.5.1-broken': '9d',
    'v1.5.2-slow': '9d',
    'v1.5.3-crash': '9d',
  };
  const images = repo.images.map((i) => ({
    ...i,
    pushedAgo: ages[i.tags[0] ?? ''] ?? '14d',
  }));
  images.push(
    { ...images[0]!, tags: [], version: 'rollback-target', pushedAgo: '28d' },
    { ...images[0]!, tags: [], version: 'running', pushedAgo: '26d' },
  );
  return {
    ...base,
    ecr: { repositories: [{ ...repo, images }], protectIndexChildren: true },
  } as unknown as Parameters<typeof loadFixture>[0];
}

interface World {
  sim: SimHandle;
  arn: string;
  digests: { orphan: string; running: string; target: string; v150: string; children: string[] };
}

async function world(): Promise<World> {
  const sim = await startSim({ fixture: fixture(), timeScale: 0.002 });
  const images = sim.images('drop-web');
  const byVersion = (v: string) => images.find((i) => i.version === v && i.tags.length === 0)!;
  const v150 = images.find((i) => i.tags.includes('v1.5.0'))!;
  const orphan = images.find(
    (i) =>
      i.tags.length === 0 &&
      i.children.length === 0 &&
      !v150.children.includes(i.digest) &&
      !['running', 'rollback-target'].includes(i.version),
  )!;
  const arn = sim.service('drop-web').arn;
  const digests = {
    orphan: orphan.digest,
    running: byVersion('running').digest,
    target: byVersion('rollback-target').digest,
    v150: v150.digest,
    children: v150.children,
  };
  // History as deploys leave it: GitHub deployments with the digest in the payload.
  const github = new GitHubDeployments(
    { ...simRunInfo(sim), token: SIM_GITHUB_TOKEN },
    { clock: systemClock, logger: recordingLogger() },
  );
  const tagged = (tag: string) => images.find((i) => i.tags.includes(tag))!.digest;
  for (const [digest, tag] of [
    [tagged('v1.3.9'), 'v1.3.9'],
    [digests.target, undefined],
    [tagged('v1.4.2'), 'v1.4.2'],
    [digests.v150, 'v1.5.0'],
    [digests.running, undefined],
  ] as const) {
    const id = await github.create(
      'production',
      {
        tool: 'apprunner-ops',
        kind: 'deploy',
        image: `${REGISTRY}@${digest}`,
        digest,
        ...(tag ? { tag } : {}),
      },
      'deploy',
    );
    await github.setStatus(id, 'success', 'deployed');
  }
  // Production runs the untagged build, by digest, as a deploy leaves it.
  const clients = simClients(sim);
  const service = new AppRunnerService(clients.appRunner, arn, {
    clock: systemClock,
    logger: recordingLogger(),
  });
  const op = await service.updateImage(`${REGISTRY}@${digests.running}`);
  expect((await service.followOperation(op, 30_000, 20)).status).toBe('SUCCEEDED');
  sim.clearCalls();
  return { sim, arn, digests };
}

function check(sim: SimHandle, arn: string, item: Record<string, unknown>, extra = {}) {
  const ctx = simCheckContext(sim, { env: simEnvironment(sim, arn), ...extra });
  return runCheckList([checkItemSchema.parse({ type: 'ecr-untagged', ...item })], ctx).then(
    (r) => r[0]!,
  ) as Promise<CheckResult>;
}

/** Every tagged image and each child of its index answers BatchGetImage: it still pulls. */
async function everyTaggedImagePulls(sim: SimHandle): Promise<number> {
  const ecr = new ECRClient(sim.clientConfig({ maxAttempts: 1 }));
  let pulled = 0;
  for (const image of sim.images('drop-web').filter((i) => i.tags.length > 0)) {
    const out = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageTag: image.tags[0]! }],
        acceptedMediaTypes: [INDEX, 'application/vnd.oci.image.manifest.v1+json'],
      }),
    );
    expect(out.failures).toEqual([]);
    const got = out.images![0] as Image;
    if (got.imageManifestMediaType === INDEX) {
      const index = JSON.parse(got.imageManifest!) as { manifests: { digest: string }[] };
      const children = await ecr.send(
        new BatchGetImageCommand({
          repositoryName: 'drop-web',
          imageIds: index.manifests.map((m) => ({ imageDigest: m.digest })),
        }),
      );
      expect(children.failures, `children of ${image.tags[0]}`).toEqual([]);
      expect(children.images).toHaveLength(index.manifests.length);
    }
    pulled++;
  }
  ecr.destroy();
  return pulled;
}

let current: World | undefined;
afterEach(async () => {
  await current?.sim.stop();
  current = undefined;
});

describe('ecr-untagged against the sim', () => {
  it('dry run by default: lists only the orphan, and says why each survivor is kept', async () => {
    current = await world();
    const { sim, arn, digests } = current;
    const r = await check(sim, arn, {});
    expect(r.status, r.line).toBe('pass');
    expect(r.line).toMatch(/1 untagged image\(s\) .* would be deleted; set delete: true/);
    expect(r.line).toMatch(/4 index children, 1 running, 1 rollback targets/);
    const would = r.evidence!['wouldDelete'] as { digest: string }[];
    expect(would.map((w) => w.digest)).toEqual([digests.orphan]);
    const kept = r.evidence!['kept'] as { digest: string; kind: string; why: string }[];
    const kindOf = (d: string) => kept.find((k) => k.digest === d)?.kind;
    expect(kindOf(digests.running)).toBe('running');
    expect(kindOf(digests.target)).toBe('rollback-target');
    for (const child of digests.children) expect(kindOf(child)).toBe('index-child');
    expect(kept.find((k) => k.digest === digests.children[0])?.why).toBe('child of v1.5.0');
    // Each index was read with BatchGetImage; nothing was changed.
    expect(sim.calls({ service: 'ecr', operation: 'BatchGetImage' }).length).toBeGreaterThan(0);
    expect(sim.mutatingCalls({ service: 'ecr' })).toEqual([]);
  });

  it('delete: true deletes only the orphan; every tagged image still resolves and pulls', async () => {
    current = await world();
    const { sim, arn, digests } = current;
    const before = sim.images('drop-web').map((i) => i.digest);
    const r = await check(sim, arn, { delete: true });
    expect(r.status, r.line).toBe('pass');
    expect(r.line).toMatch(/deleted 1 untagged image/);
    const after = sim.images('drop-web').map((i) => i.digest);
    expect(before.filter((d) => !after.includes(d))).toEqual([digests.orphan]);
    const deletes = sim.calls({ service: 'ecr', operation: 'BatchDeleteImage' });
    expect(deletes).toHaveLength(1);
    expect((deletes[0]!.params as { imageIds: unknown[] }).imageIds).toEqual([
      { imageDigest: digests.orphan },
    ]);
    // The clean-up role's policy (docs/iam-policy-ecr-cleanup.json) allows every call the
    // clean-up made, and nothing else (ECS reads are for ECS Express environments); the routine
    // ops role (weekly policy) may not delete.
    const doc = (name: string) =>
      JSON.parse(
        readFileSync(path.join(import.meta.dirname, '../../docs', name), 'utf8'),
      ) as PolicyDocument;
    expect(
      policyGaps([doc('iam-policy-ecr-cleanup.json')], sim.calls(), [
        'EcrCleanupReadsWhatEcsExpressRuns',
      ]),
    ).toEqual({ denied: [], unneeded: [] });
    expect(policyActions(doc('iam-policy-ops-weekly.json'))).not.toContain('ecr:BatchDeleteImage');
    expect(await everyTaggedImagePulls(sim)).toBe(8);
    // And App Runner can still deploy the multi-arch image and go back to what ran.
    const service = new AppRunnerService(simClients(sim).appRunner, arn, {
      clock: systemClock,
      logger: recordingLogger(),
    });
    for (const id of [`${REGISTRY}:v1.5.0`, `${REGISTRY}@${digests.running}`]) {
      const op = await service.updateImage(id);
      expect((await service.followOperation(op, 30_000, 20)).status).toBe('SUCCEEDED');
    }
  });

  it('keeps index children even with min-age 0s, and deletes an untagged index before its children', async () => {
    current = await world();
    const { sim, arn, digests } = current;
    // A rebuilt v2.0.0 moves the tag: the first index and its 4 children become garbage.
    const old = sim.pushImage('drop-web', {
      tags: ['v2.0.0'],
      platforms: ['linux/amd64', 'linux/arm64'],
      attestations: true,
    });
    sim.pushImage('drop-web', {
      tags: ['v2.0.0'],
      version: 'v2.0.0-rebuilt',
      platforms: ['linux/amd64', 'linux/arm64'],
      attestations: true,
    });
    const r = await check(sim, arn, { delete: true, 'min-age': '0s' });
    expect(r.status, r.line).toBe('pass');
    const deletes = sim.calls({ service: 'ecr', operation: 'BatchDeleteImage' });
    const ids = deletes.map((c) =>
      (c.params as { imageIds: { imageDigest: string }[] }).imageIds.map((i) => i.imageDigest),
    );
    // The index first, in a call of its own (real ECR refuses a referenced child).
    expect(ids[0]).toEqual([old.digest]);
    expect(new Set(ids[1])).toEqual(new Set([...old.children, digests.orphan]));
    const left = sim.images('drop-web').map((i) => i.digest);
    for (const d of [...digests.children, digests.running, digests.target])
      expect(left).toContain(d);
    expect(await everyTaggedImagePulls(sim)).toBe(9);
  });

  it('lists per-image BatchDeleteImage failures and warns', async () => {
    current = await world();
    const { sim, arn, digests } = current;
    sim.failImageDeletes([digests.orphan]);
    const r = await check(sim, arn, { delete: true });
    expect(r.status, r.line).toBe('warn');
    expect(r.line).toContain(
      `deleted 0 of 1 untagged images; 1 failed: ${digests.orphan.slice(0, 19)} KmsError`,
    );
    expect(r.evidence!['failures']).toEqual([
      expect.objectContaining({ digest: digests.orphan, code: 'KmsError' }),
    ]);
    expect(sim.images('drop-web').map((i) => i.digest)).toContain(digests.orphan);
  });

  it('deletes nothing, and says why, when an environment’s running image cannot be resolved', async () => {
    current = await world();
    const { sim, arn } = current;
    const staging = simEnvironment(
      sim,
      'arn:aws:apprunner:eu-west-1:123456789012:service/drop-web-staging/0123456789abcdef0123456789abcdef',
    );
    const production = simEnvironment(sim, arn);
    const r = await check(sim, arn, { delete: true }, { environments: { production, staging } });
    expect(r.status, r.line).toBe('warn');
    expect(r.line).toMatch(/deleting nothing, because the image staging runs cannot be read/);
    expect(sim.mutatingCalls({ service: 'ecr' })).toEqual([]);
  });

  it('deletes nothing without a readable deployment history (rollback targets unknown)', async () => {
    current = await world();
    const { sim, arn } = current;
    const r = await check(sim, arn, { delete: true }, { secrets: {} });
    expect(r.status, r.line).toBe('warn');
    expect(r.line).toMatch(/rollback targets are unknown: no deployment history is readable/);
    expect(sim.mutatingCalls({ service: 'ecr' })).toEqual([]);
  });
});

describe('ecr-untagged without any deployment history', () => {
  it('keeps everything unless told rollback-targets: 0', async () => {
    const sim = await startSim({ timeScale: 0.002 });
    current = { sim } as World;
    const arn = sim.service('drop-web').arn;
    const blocked = await check(sim, arn, { delete: true });
    expect(blocked.status).toBe('warn');
    expect(blocked.line).toMatch(/no deployment history was found for production/);
    expect(sim.mutatingCalls({ service: 'ecr' })).toEqual([]);
    const r = await check(sim, arn, { delete: true, 'rollback-targets': 0 });
    expect(r.status, r.line).toBe('pass');
    expect(r.line).toMatch(/deleted 1 untagged image/);
  });
});

describe('lifecycle-policy against the sim', () => {
  it('passes without a policy; warns on a rule that can expire what runs or a rollback target', async () => {
    const sim = await startSim({ timeScale: 0.002 });
    current = { sim } as World;
    const arn = sim.service('drop-web').arn;
    const ctx = simCheckContext(sim, { env: simEnvironment(sim, arn) });
    const run = async () =>
      (await runCheckList([checkItemSchema.parse({ type: 'lifecycle-policy' })], ctx))[0]!;
    const none = await run();
    expect(none.status, none.line).toBe('pass');
    expect(none.line).toMatch(/drop-web has no ECR lifecycle policy: nothing expires/);

    const ecr = new ECRClient(sim.clientConfig({ maxAttempts: 1 }));
    const put = (rules: unknown[]) =>
      ecr.send(
        new PutLifecyclePolicyCommand({
          repositoryName: 'drop-web',
          lifecyclePolicyText: JSON.stringify({ rules }),
        }),
      );
    // What the check suggested before: untagged images 14 days after push.
    await put([
      {
        rulePriority: 1,
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: 14,
        },
        action: { type: 'expire' },
      },
    ]);
    const untagged = await run();
    expect(untagged.status).toBe('warn');
    expect(untagged.line).toMatch(
      /rule 1 \(untagged sinceImagePushed 14\) expires untagged images/,
    );

    // Keep one v1.4.* image: production runs v1.4.2, which is not the newest v1.4.* push here.
    sim.pushImage('drop-web', { tags: ['v1.4.9'] });
    await put([
      {
        rulePriority: 1,
        selection: {
          tagStatus: 'tagged',
          tagPatternList: ['v1.4.*'],
          countType: 'imageCountMoreThan',
          countNumber: 1,
        },
        action: { type: 'expire' },
      },
    ]);
    const tagged = await run();
    expect(tagged.status, tagged.line).toBe('warn');
    expect(tagged.line).toMatch(
      /rule 1 \(tagged imageCountMoreThan 1\) would expire sha256:\w+ \(running in production/,
    );

    await put([
      {
        rulePriority: 1,
        selection: {
          tagStatus: 'tagged',
          tagPrefixList: ['pr-'],
          countType: 'imageCountMoreThan',
          countNumber: 1,
        },
        action: { type: 'expire' },
      },
    ]);
    ecr.destroy();
    // A rule on other tags only, but no deployment history to name the rollback targets: in doubt.
    const unknown = await run();
    expect(unknown.status).toBe('warn');
    expect(unknown.line).toMatch(
      /not known for certain \(no deployment history was found for production/,
    );
  });
});

describe('ecr-untagged on App Runner pinned by a tag that moved', () => {
  it('keeps the digest the history recorded for the tag, with rollback-targets: 0', async () => {
    const sim = await startSim({ timeScale: 0.002 });
    current = { sim } as World;
    const arn = sim.service('drop-web').arn;
    const deployed = sim.images('drop-web').find((i) => i.tags.includes('v1.4.2'))!.digest;
    const github = new GitHubDeployments(
      { ...simRunInfo(sim), token: SIM_GITHUB_TOKEN },
      { clock: systemClock, logger: recordingLogger() },
    );
    const id = await github.create(
      'production',
      {
        tool: 'apprunner-ops',
        kind: 'deploy',
        image: `${REGISTRY}@${deployed}`,
        digest: deployed,
        tag: 'v1.4.2',
      },
      'deploy v1.4.2',
    );
    await github.setStatus(id, 'success', 'deployed');
    sim.pushImage('drop-web', { tags: ['v1.4.2', 'latest'], version: 'v1.4.2-rebuild' });
    const r = await check(sim, arn, { delete: true, 'min-age': '1d', 'rollback-targets': 0 });
    expect(r.status, r.line).toBe('pass');
    expect(sim.images('drop-web').map((i) => i.digest)).toContain(deployed);
    expect(r.evidence!['kept']).toContainEqual(
      expect.objectContaining({ digest: deployed, kind: 'running' }),
    );
    expect(r.line).toMatch(/deleted 1 untagged image/);
  });
});
