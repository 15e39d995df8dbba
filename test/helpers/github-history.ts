import { GitHubDeployments, type DeploymentState } from '../../core/github/deployments.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import type { SimHandle } from '../../sim/index.js';
import { SIM_GITHUB_TOKEN, simRunInfo } from './check-context.js';

export const HISTORY_REPOSITORY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web';
/** Not production, so each success makes the older ones inactive (auto_inactive). */
export const HISTORY_ENVIRONMENT = 'staging';

const digestOf = (name: string): string =>
  `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`;

export interface RecordedHistory {
  /** What `previous` must pick: G, put back by the rollback away from H. */
  expected: { digest: string; deploymentId: number };
  /** The digest the service runs (R). */
  running: string;
  /** apprunner-ops deployments recorded (other tools' come on top). */
  recorded: number;
}

/**
 * 100 deployments of apprunner-ops in the sim as deploys and rollbacks leave them (created, in
 * progress, then success, failure or error), two of another tool among them. The newest ten:
 *
 *   G ok · X ok · rollback X→G · H ok · rollback H→G · F1 failure · X ok (by name) · R ok
 *   (running) · F2 failure · F3 error
 *
 * so `previous` skips R (running), X (rolled back from, though it succeeded since), F1,
 * and H (rolled back from), and picks G from the rollback record: not the newest, and one of
 * ninety older successes that auto_inactive has turned inactive.
 */
export async function recordHistory(sim: SimHandle, serviceArn: string): Promise<RecordedHistory> {
  const github = new GitHubDeployments(
    { ...simRunInfo(sim), token: SIM_GITHUB_TOKEN },
    { clock: systemClock, logger: recordingLogger() },
  );
  const record = async (
    kind: 'deploy' | 'rollback',
    name: string,
    final: DeploymentState,
    from?: string,
    tool = 'apprunner-ops',
  ): Promise<number> => {
    const digest = digestOf(name);
    const payload = {
      tool,
      kind,
      image: `${HISTORY_REPOSITORY}@${digest}`,
      digest,
      tag: name,
      serviceArn,
      ...(from ? { previousImage: `${HISTORY_REPOSITORY}@${digestOf(from)}` } : {}),
    };
    const id = await github.create(
      HISTORY_ENVIRONMENT,
      payload as Parameters<GitHubDeployments['create']>[1],
      `${kind} ${name}`,
    );
    await github.setStatus(id, 'in_progress', `${kind} ${name}`);
    await github.setStatus(id, final, `${kind} ${name}: ${final}`);
    return id;
  };
  // Ninety older ones: mostly good, every seventh failed, some rolled back from.
  let lastGood = 'v0.9.0';
  for (let i = 0; i < 90; i++) {
    const name = `v1.${i}.0`;
    if (i % 7 === 3) await record('deploy', name, 'failure');
    else if (i % 11 === 5) {
      await record('deploy', name, 'success');
      await record('rollback', lastGood, 'success', name);
      i++;
    } else {
      await record('deploy', name, 'success');
      lastGood = name;
    }
    if (i === 40 || i === 80) await record('deploy', `hotfix-${i}`, 'success', undefined, 'other');
  }
  await record('deploy', 'G', 'success');
  await record('deploy', 'X', 'success');
  await record('rollback', 'G', 'success', 'X');
  await record('deploy', 'H', 'success');
  const expected = await record('rollback', 'G', 'success', 'H');
  await record('deploy', 'F1', 'failure');
  await record('deploy', 'X', 'success');
  await record('deploy', 'R', 'success');
  await record('deploy', 'F2', 'failure');
  await record('deploy', 'F3', 'error');
  const recorded = sim.github
    .deployments()
    .filter((d) => (d.payload as { tool?: string }).tool === 'apprunner-ops').length;
  return {
    expected: { digest: digestOf('G'), deploymentId: expected },
    running: digestOf('R'),
    recorded,
  };
}
