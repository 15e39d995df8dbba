import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePrevious, readHistory } from '../../core/deploy/history.js';
import { GitHubDeployments } from '../../core/github/deployments.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { SIM_GITHUB_TOKEN, simEnvironment, simRunInfo } from '../helpers/check-context.js';
import {
  HISTORY_ENVIRONMENT,
  recordHistory,
  type RecordedHistory,
} from '../helpers/github-history.js';

// `previous` reads the environment's GitHub deployments: the REST list (100 a page), then
// every listed deployment's statuses in one GraphQL query, instead of one request each.

let sim: SimHandle;
let arn: string;
let recorded: RecordedHistory;
beforeAll(async () => {
  sim = await startSim({ timeScale: 0.01 });
  arn = sim.service('drop-web').arn;
  recorded = await recordHistory(sim, arn);
});
afterAll(async () => {
  await sim.stop();
});

async function previous() {
  const logger = recordingLogger();
  const github = new GitHubDeployments(
    { ...simRunInfo(sim), token: SIM_GITHUB_TOKEN },
    { clock: systemClock, logger },
  );
  sim.clearCalls();
  const history = await readHistory({
    environment: HISTORY_ENVIRONMENT,
    env: simEnvironment(sim, arn),
    github,
    auditDatabaseUrl: undefined,
    logger,
  });
  const calls = sim.calls({ service: 'github' });
  return { history, calls, logger, chosen: choosePrevious(history.entries, recorded.running) };
}

describe('GitHub deployment history', () => {
  it('picks previous over 100 deployments in at most 3 requests', async () => {
    expect(recorded.recorded).toBe(100);
    const { history, calls, chosen, logger } = await previous();
    expect(history.source).toBe('GitHub deployments');
    expect(history.entries).toHaveLength(100);
    expect(chosen).toMatchObject({
      id: String(recorded.expected.deploymentId),
      digest: recorded.expected.digest,
      kind: 'rollback',
    });
    // Two list pages (another tool's deployments share the environment) and one query.
    expect(calls.map((c) => c.operation)).toEqual([
      'listDeployments',
      'listDeployments',
      'graphql',
    ]);
    expect(calls.every((c) => c.status === 200)).toBe(true);
    // Older successes are inactive now; they still count as having succeeded.
    const older = history.entries.filter((e) => e.succeeded);
    expect(older.length).toBeGreaterThan(70);
    expect(
      sim.github.deployments().filter((d) => d.statuses.some((s) => s.state === 'inactive')).length,
    ).toBeGreaterThan(70);
    expect(JSON.stringify(logger.lines)).not.toContain(SIM_GITHUB_TOKEN);
  });

  it('reads the same history one deployment at a time when GraphQL is refused', async () => {
    const fast = await previous();
    sim.setFaults({ rules: [{ service: 'github', operation: 'graphql', kind: 'access-denied' }] });
    try {
      const slow = await previous();
      expect(slow.history.entries).toEqual(fast.history.entries);
      expect(slow.chosen?.id).toBe(String(recorded.expected.deploymentId));
      expect(slow.calls.filter((c) => c.operation === 'listDeploymentStatuses')).toHaveLength(100);
      expect(slow.logger.lines).toContainEqual({
        level: 'warning',
        message: expect.stringMatching(
          /^GitHub GraphQL did not answer for deployment statuses \(.*\); reading them one deployment at a time$/,
        ) as string,
      });
      expect(JSON.stringify(slow.logger.lines)).not.toContain(SIM_GITHUB_TOKEN);
    } finally {
      sim.setFaults({ rules: [] });
    }
  });
});
