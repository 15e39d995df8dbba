/**
 * github-history: how many GitHub requests a rollback to `previous` (the rollback bundle, end
 * to end) makes to read the environment's history, over 100 recorded deployments: the REST
 * list (exact ids; GraphQL's 32-bit `databaseId` is outgrown by deployment ids), then every
 * listed deployment's statuses in one GraphQL `nodes` query. Before, each deployment's
 * statuses were one more REST request (51 for the 50 that history keeps). Target ≤ 3.
 */
import { systemClock } from '../core/util/clock.js';
import { recordingLogger } from '../core/util/logger.js';
import { GitHubDeployments } from '../core/github/deployments.js';
import { startDeployWorld } from '../sim/deploy-world.js';
import type { BenchResult } from './stats.js';

const RECORDED = 100;

export async function run(): Promise<BenchResult[]> {
  const world = await startDeployWorld();
  try {
    const { sim } = world;
    const github = new GitHubDeployments(
      {
        repository: 'example/drop',
        sha: 'abc1234def567890000000000000000000000000',
        ref: 'refs/heads/main',
        runId: '1',
        runAttempt: '1',
        job: 'bench',
        serverUrl: 'https://github.com',
        apiUrl: sim.env['GITHUB_API_URL']!,
        token: 'ghs_simtoken',
        actor: 'bench',
      },
      { clock: systemClock, logger: recordingLogger() },
    );
    const images = sim.images('drop-web');
    const byTag = (tag: string) => images.find((i) => i.tags.includes(tag))!;
    const registry = `${sim.accountId}.dkr.ecr.${sim.region}.amazonaws.com/drop-web`;
    // 99 deploys alternating v1.4.0 and v1.4.1 (every fifth failed), then v1.4.2, which runs.
    for (let n = 1; n <= RECORDED; n++) {
      const tag = n === RECORDED ? 'v1.4.2' : n % 2 ? 'v1.4.0' : 'v1.4.1';
      const image = byTag(tag);
      const id = await github.create(
        'production',
        {
          tool: 'apprunner-ops',
          kind: 'deploy',
          image: `${registry}@${image.digest}`,
          digest: image.digest,
          tag,
          serviceArn: world.serviceArn,
        } as Parameters<GitHubDeployments['create']>[1],
        `Deploying ${tag}`,
      );
      await github.setStatus(id, n % 5 === 0 && n !== RECORDED ? 'failure' : 'success', tag);
    }
    sim.clearCalls();
    const result = await world.run('rollback', {
      to: 'previous',
      reason: 'bench',
      snapshot: 'false',
    });
    if (result.outputs['result'] !== 'rolled-back')
      throw new Error(`github-history bench: the rollback did not succeed:\n${result.stdout}`);
    const reads = sim
      .calls({ service: 'github' })
      .filter((c) => (!c.mutating && c.operation !== 'listDeployments' ? true : !c.mutating));
    const historyReads = reads.filter((c) =>
      ['graphql', 'listDeployments', 'listDeploymentStatuses'].includes(c.operation),
    ).length;
    return [
      { name: 'deployments recorded', value: RECORDED, unit: '' },
      {
        name: 'GitHub requests to read the history for previous',
        value: historyReads,
        unit: 'requests',
        target: '≤ 3',
        ok: historyReads <= 3,
      },
      {
        name: 'the same over REST (1 list + 1 statuses request per deployment kept)',
        value: 1 + 50,
        unit: 'requests',
      },
    ];
  } finally {
    await world.stop();
  }
}
