import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, selectEnvironment } from '../../../core/config/load.js';
import { ConfigError } from '../../../core/util/errors.js';

const EXAMPLE = path.join(import.meta.dirname, '../../../examples/drop/apprunner-ops.yml');
const example = readFileSync(EXAMPLE, 'utf8');
const DATABASE = `      instance: drop-db
      snapshot-prefix: drop-db-pre-deploy
      snapshot-retention: 10
      snapshot-timeout: 30m
`;

/** The example with `lines` added to production's database block (line 17 onwards). */
const withAccess = (lines: string): string => {
  expect(example).toContain(DATABASE);
  return example.replace(DATABASE, `${DATABASE}${lines}`);
};

function problems(text: string): string[] {
  try {
    parseConfig(text, 'test.yml');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('environments.<name>.database.access', () => {
  it('is direct with a 10 s preflight unless set', () => {
    const env = selectEnvironment(parseConfig(example, 'test.yml'), 'production', 'test.yml');
    expect(env.database).toMatchObject({ access: 'direct', 'reach-timeout': '10s' });
    expect(env.database?.via).toBeUndefined();
  });

  it('ssm takes an instance id or a tag filter', () => {
    const byId = parseConfig(
      withAccess('      access: ssm\n      via: i-0123456789abcdef0\n'),
      't',
    );
    expect(byId.environments['production']?.database).toMatchObject({
      access: 'ssm',
      via: 'i-0123456789abcdef0',
    });
    const byTag = parseConfig(
      withAccess('      access: ssm\n      via: { tag: Name, value: db-bastion }\n'),
      't',
    );
    expect(byTag.environments['production']?.database?.via).toEqual({
      tag: 'Name',
      value: 'db-bastion',
    });
  });

  it('ssm without an instance: the field to add, with its line', () => {
    expect(problems(withAccess('      access: ssm\n'))).toEqual([
      'environments.production.database.via: is required for access: ssm: the instance in the VPC that runs the SSM agent, e.g. via: i-0123456789abcdef0 or via: { tag: Name, value: db-bastion } (line 12)',
    ]);
  });

  it('an instance id of the wrong shape names the value and the line', () => {
    const [problem] = problems(withAccess('      access: ssm\n      via: i-xyz\n'));
    expect(problem).toMatch(
      /^environments\.production\.database\.via: .*i-0123456789abcdef0.*\(line 18\)$/,
    );
  });

  it('an unknown access and fields of another way are refused', () => {
    expect(problems(withAccess('      access: vpn\n'))[0]).toMatch(
      /^environments\.production\.database\.access: .*"direct".*"ssm".*"runner".*\(line 17\)$/,
    );
    expect(problems(withAccess('      via: i-0123456789abcdef0\n'))).toEqual([
      'environments.production.database.via: applies only to access: ssm (this database has access: direct); remove it or set access: ssm, got "i-0123456789abcdef0" (line 17)',
    ]);
    expect(problems(withAccess('      access: runner\n'))).toEqual([
      'environments.production.database.runner-label: is required for access: runner: the label of the self-hosted runner inside the VPC, e.g. runner-label: vpc-runner (line 12)',
    ]);
  });
});
