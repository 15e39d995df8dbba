import { describe, expect, it } from 'vitest';
import { simEnvironment } from '../../sim/index.js';
import { loadFixture } from '../../sim/fixture.js';
import { assertSafeAwsEnvironment, runActionBundle } from '../../sim/run-action.js';

const sim = simEnvironment('http://127.0.0.1:4566', loadFixture());

describe('the harness refuses environments that could reach real AWS', () => {
  it('accepts the sim environment', () => {
    expect(() => assertSafeAwsEnvironment(sim)).not.toThrow();
  });

  it('refuses a misspelled endpoint variable (the SDK would silently ignore it)', () => {
    expect(() =>
      assertSafeAwsEnvironment({ ...sim, AWS_ENDPOINT_URL_APP_RUNNER: 'http://127.0.0.1:4566' }),
    ).toThrow(/AWS_ENDPOINT_URL_APP_RUNNER is not an endpoint variable the AWS SDK reads/);
  });

  it('refuses an endpoint that is not loopback', () => {
    expect(() =>
      assertSafeAwsEnvironment({
        ...sim,
        AWS_ENDPOINT_URL_RDS: 'https://rds.eu-west-1.amazonaws.com',
      }),
    ).toThrow(/AWS_ENDPOINT_URL_RDS must point at loopback/);
  });

  it('refuses an environment without the catch-all AWS_ENDPOINT_URL', () => {
    const { AWS_ENDPOINT_URL: _dropped, ...rest } = sim;
    expect(() => assertSafeAwsEnvironment(rest)).toThrow(
      /AWS_ENDPOINT_URL must point at the local sim/,
    );
  });

  it('refuses before starting the action', async () => {
    await expect(
      runActionBundle({
        action: 'smoke-test',
        env: { ...sim, AWS_ENDPOINT_URL: 'https://example.com' },
        inputs: { 'base-url': 'http://127.0.0.1:1' },
      }),
    ).rejects.toThrow(/refusing to run an action that could reach real AWS/);
  });

  it('refuses to start an AWS-calling action with no AWS environment at all', async () => {
    await expect(
      runActionBundle({ action: 'deploy', inputs: { environment: 'production' } }),
    ).rejects.toThrow(
      /refusing to run an action that could reach real AWS:\n- AWS_ENDPOINT_URL must point at the local sim/,
    );
  });
});
