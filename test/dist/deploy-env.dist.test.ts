import { afterAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, type DeployWorld } from '../helpers/deploy-world.js';

// deploy's env-set / env-unset through the bundle: one UpdateService carries the image and the
// variables, and the rollback after failed verification puts the old variables back.

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});
async function world(): Promise<DeployWorld> {
  const w = await startDeployWorld();
  worlds.push(w);
  return w;
}

type Source = {
  ImageRepository?: {
    ImageIdentifier?: string;
    ImageConfiguration?: {
      RuntimeEnvironmentVariables?: Record<string, string>;
      RuntimeEnvironmentSecrets?: Record<string, string>;
    };
  };
};
const updates = (w: DeployWorld): Source[] =>
  w.sim
    .calls({ service: 'apprunner', operation: 'UpdateService' })
    .filter((c) => !c.error)
    .map((c) => (c.params as { SourceConfiguration: Source }).SourceConfiguration);
const variables = (w: DeployWorld) =>
  (w.sim.service(w.serviceArn).sourceConfiguration as Source).ImageRepository?.ImageConfiguration
    ?.RuntimeEnvironmentVariables;

describe.concurrent('deploy env-set / env-unset', () => {
  it('sets and unsets variables in the same UpdateService as the image, keeping everything else', async () => {
    const w = await world();
    const before = variables(w)!;
    const result = await w.run('deploy', {
      image: 'v1.5.0',
      'env-set': 'NEXT_PUBLIC_APP_URL=https://getdrop.no\nLOG_LEVEL=warn',
      'env-unset': 'APP_BASE_URL',
    });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    const [update] = updates(w);
    expect(updates(w)).toHaveLength(1);
    expect(update!.ImageRepository?.ImageIdentifier).toMatch(/drop-web@sha256:|drop-web:v1\.5\.0/);
    expect(update!.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables).toEqual({
      NODE_ENV: before['NODE_ENV'],
      LOG_LEVEL: 'warn',
      NEXT_PUBLIC_APP_URL: 'https://getdrop.no',
    });
    // Secrets untouched.
    expect(
      Object.keys(update!.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? {}),
    ).toEqual(['DATABASE_URL', 'SESSION_SECRET']);
    expect(variables(w)).toMatchObject({ NEXT_PUBLIC_APP_URL: 'https://getdrop.no' });
    expect(variables(w)).not.toHaveProperty('APP_BASE_URL');
    expect(result.stdout).toContain(
      'with variables: set NEXT_PUBLIC_APP_URL, LOG_LEVEL; unset APP_BASE_URL',
    );
    expect(result.stdout).not.toContain('https://getdrop.no\n');
  });

  it('updates the variables even when the image already runs', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.4.2', 'env-unset': 'LOG_LEVEL' });
    expect(result.outputs['result']).toBe('deployed');
    expect(updates(w)).toHaveLength(1);
    expect(variables(w)).not.toHaveProperty('LOG_LEVEL');
  });

  it('the rollback after failed verification restores the old variables too', async () => {
    const w = await world();
    const before = variables(w);
    const result = await w.run('deploy', {
      image: 'v1.4.1',
      'env-set': 'NEXT_PUBLIC_APP_URL=https://getdrop.no',
    });
    expect(result.outputs['result']).toBe('rolled-back');
    const [first, back] = updates(w);
    expect(first!.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables).toHaveProperty(
      'NEXT_PUBLIC_APP_URL',
    );
    expect(back!.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables).toEqual(before);
    expect(variables(w)).toEqual(before);
  });

  it('snapshot-purpose pre-launch names the snapshot <instance>-pre-launch-YYYYMMDD-HHMM', async () => {
    const w = await world();
    const result = await w.run('deploy', {
      image: 'v1.5.0',
      'snapshot-purpose': 'pre-launch',
      'env-unset': 'APP_BASE_URL',
    });
    expect(result.outputs['result']).toBe('deployed');
    expect(result.outputs['snapshot-id']).toMatch(/^drop-db-pre-launch-\d{8}-\d{4}$/);
    expect(w.sim.snapshots('drop-db').map((s) => s.id)).toContain(result.outputs['snapshot-id']);
  });

  it('refuses a bad variable name before any AWS call', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.5.0', 'env-unset': 'bankid-mock' });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([
      'deploy: input "env-unset": "bankid-mock" is not a variable name; expected UPPER_SNAKE_CASE like NEXT_PUBLIC_APP_URL',
    ]);
    expect(w.sim.calls({ service: 'apprunner' })).toEqual([]);
  });
});
