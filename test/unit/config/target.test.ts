import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/load.js';
import { ConfigError } from '../../../core/util/errors.js';

const EXAMPLE = path.join(import.meta.dirname, '../../../examples/drop/apprunner-ops.yml');
const example = readFileSync(EXAMPLE, 'utf8');
const APP_RUNNER_LINE = /service-arn: arn:aws:apprunner:[^\n]+/;
const ECS_ARN = 'arn:aws:ecs:eu-west-1:123456789012:service/default/drop-web';
const APP_RUNNER_ARN = example.match(APP_RUNNER_LINE)![0].slice('service-arn: '.length);
const line = example.slice(0, example.search(APP_RUNNER_LINE)).split('\n').length;

// custom-domains reads App Runner only (refused on ECS Express: tested below).
const CUSTOM_DOMAINS = /\n\s*- type: custom-domains\n\s*hosts: \[[^\]]*\]/;
const withoutDomains = example.replace(CUSTOM_DOMAINS, '');

/** The example (without custom-domains) with its production service named by `replacement`. */
const withService = (replacement: string): string =>
  withoutDomains.replace(APP_RUNNER_LINE, replacement);

function problems(text: string): string[] {
  try {
    parseConfig(text, 'test.yml');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration: the deploy target', () => {
  it('service-arn alone keeps meaning App Runner (version 1 files stay valid)', () => {
    const env = parseConfig(example, 'test.yml').environments['production']!;
    expect(env.target).toEqual({ kind: 'app-runner', 'service-arn': APP_RUNNER_ARN });
    expect(env['service-arn']).toBe(APP_RUNNER_ARN);
  });

  it('target: { kind: ecs-express, service-arn } names an ECS Express service', () => {
    const text = withService(`target:\n      kind: ecs-express\n      service-arn: ${ECS_ARN}`);
    const env = parseConfig(text, 'test.yml').environments['production']!;
    expect(env.target).toEqual({ kind: 'ecs-express', 'service-arn': ECS_ARN });
    expect(env['service-arn']).toBe(ECS_ARN);
  });

  it.each([
    [
      'an unknown target kind',
      `target:\n      kind: fly-io\n      service-arn: ${ECS_ARN}`,
      'environments.production.target.kind: expected one of app-runner, ecs-express, asg, fly, got "fly-io"',
      1,
    ],
    [
      'an ECS ARN given as the App Runner service-arn',
      `service-arn: ${ECS_ARN}`,
      'environments.production.service-arn: this is an Amazon ECS service ARN, and service-arn alone means App Runner; for an ECS Express service write target: { kind: ecs-express, service-arn: <this ARN> }',
      0,
    ],
    [
      'an App Runner ARN given to an ecs-express target',
      `target:\n      kind: ecs-express\n      service-arn: ${APP_RUNNER_ARN}`,
      'environments.production.target.service-arn: this is an App Runner service ARN, but the target kind is ecs-express; write kind: app-runner (or service-arn alone), or give the ECS service ARN',
      2,
    ],
    [
      'neither service-arn nor target',
      '',
      'environments.production.service-arn: is required: give service-arn (an App Runner service) or target: { kind: ecs-express, service-arn: … }',
      undefined,
    ],
    [
      'both service-arn and target',
      `service-arn: ${APP_RUNNER_ARN}\n    target:\n      kind: ecs-express\n      service-arn: ${ECS_ARN}`,
      'environments.production.target: give either service-arn (App Runner) or target, not both: move the ARN into target.service-arn',
      1,
    ],
  ])(
    'refuses %s with one error naming the path and line',
    (_what, replacement, message, offset) => {
      const found = problems(withService(replacement));
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(message);
      if (offset !== undefined)
        expect(found[0]).toMatch(new RegExp(`\\(line ${line + offset}\\)$`));
      else expect(found[0]).toMatch(/\(line \d+\)$/);
    },
  );
});

describe('configuration: checks that cannot read the target', () => {
  const ecs = example.replace(
    APP_RUNNER_LINE,
    `target:\n      kind: ecs-express\n      service-arn: ${ECS_ARN}`,
  );
  const customDomainsLine =
    ecs.split('\n').findIndex((l) => l.includes('type: custom-domains')) + 1;

  it('refuses custom-domains in an ECS Express environment, naming the gate item and its line', () => {
    const found = problems(ecs);
    expect(found).toEqual([
      expect.stringMatching(
        new RegExp(
          `^environments\\.production\\.gates\\.go-live\\[\\d+\\]\\.type: custom-domains reads what only app-runner has, and this environment's target is ecs-express: remove it from the environment's lists, got "custom-domains" \\(line ${customDomainsLine}\\)$`,
        ),
      ),
    ]);
  });

  it('accepts the same environment on ECS Express once the check is gone', () => {
    const without = ecs.replace(CUSTOM_DOMAINS, '');
    expect(without).not.toContain('type: custom-domains');
    expect(parseConfig(without, 'test.yml').environments['production']!.target.kind).toBe(
      'ecs-express',
    );
  });
});
