import { describe, expect, it } from 'vitest';
import { changesAnything, parseEnvChanges } from '../../core/targets/env-changes.js';
import { applyEnvChanges, restoreVariables } from '../../core/targets/app-runner-variables.js';

const source = {
  ImageRepository: {
    ImageIdentifier: 'x:1',
    ImageRepositoryType: 'ECR' as const,
    ImageConfiguration: {
      Port: '3000',
      RuntimeEnvironmentVariables: { NODE_ENV: 'production', BANKID_MOCK: 'true' },
      RuntimeEnvironmentSecrets: { JWT_SECRET: 'arn:secret' },
    },
  },
  AutoDeploymentsEnabled: false,
};

describe('env changes', () => {
  it('parses env-set lines and env-unset lists, refusing bad names and contradictions', () => {
    expect(parseEnvChanges('A=1\n# note\nB=x=y\n', 'C, D\nE')).toEqual({
      set: { A: '1', B: 'x=y' },
      unset: ['C', 'D', 'E'],
    });
    expect(() => parseEnvChanges('lower=1', '')).toThrow(
      /input "env-set": "lower" is not a variable name/,
    );
    expect(() => parseEnvChanges('NOEQUALS', '')).toThrow(/expected NAME=value/);
    expect(() => parseEnvChanges('A=1', 'A')).toThrow(/input "env-unset": A is also in env-set/);
    expect(() => parseEnvChanges('A=1\nA=2', '')).toThrow(/A is set twice/);
    expect(() => parseEnvChanges('AWSAPPRUNNER_X=1', '')).toThrow(/reserved/);
  });

  it('changes only the variables, keeping port, secrets and the rest; restore puts them back', () => {
    const changes = parseEnvChanges('NEXT_PUBLIC_APP_URL=https://getdrop.no', 'BANKID_MOCK');
    const next = applyEnvChanges(source, changes);
    expect(next.ImageRepository?.ImageConfiguration).toEqual({
      Port: '3000',
      RuntimeEnvironmentVariables: {
        NODE_ENV: 'production',
        NEXT_PUBLIC_APP_URL: 'https://getdrop.no',
      },
      RuntimeEnvironmentSecrets: { JWT_SECRET: 'arn:secret' },
    });
    expect(next.AutoDeploymentsEnabled).toBe(false);
    expect(source.ImageRepository.ImageConfiguration.RuntimeEnvironmentVariables).toHaveProperty(
      'BANKID_MOCK',
    );
    expect(restoreVariables(next, { NODE_ENV: 'production', BANKID_MOCK: 'true' })).toEqual(source);
    expect(changesAnything({ A: '1' }, parseEnvChanges('A=1', 'B'))).toBe(false);
    expect(changesAnything({ A: '1' }, parseEnvChanges('A=2', ''))).toBe(true);
  });
});
