/**
 * `target: { kind: asg, … }` in the configuration: defaults, and the bad input refused before
 * anything runs, each error naming the YAML path and line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/load.js';
import { ConfigError } from '../../../core/util/errors.js';

const EXAMPLE = path.join(import.meta.dirname, '../../../examples/drop/apprunner-ops.yml');
const example = readFileSync(EXAMPLE, 'utf8')
  // custom-domains and the other App Runner-only checks are not what this file tests.
  .replace(/\n\s*- type: custom-domains\n\s*hosts: \[[^\]]*\]/, '');
const APP_RUNNER_LINE = /service-arn: arn:aws:apprunner:[^\n]+/;
const LISTENER =
  'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/drop-web/0123456789abcdef/fedcba9876543210';

const withTarget = (lines: string): string =>
  example.replace(
    APP_RUNNER_LINE,
    `target:\n      kind: asg\n      listener-arn: ${LISTENER}\n      group-prefix: drop-web\n      launch-template: drop-web-lt${lines}`,
  );

function problems(text: string): string[] {
  try {
    parseConfig(text, 'test.yml');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration: target kind asg', () => {
  it('names the listener, group prefix and launch template; blue-green with keep-old 10m by default', () => {
    const env = parseConfig(withTarget(''), 'test.yml').environments['production']!;
    expect(env.target).toMatchObject({
      kind: 'asg',
      'listener-arn': LISTENER,
      strategy: 'blue-green',
      'keep-old': '10m',
      'image-via': 'user-data',
      canary: {
        steps: [{ weight: 10, hold: '10m' }, { weight: 50, hold: '10m' }, { weight: 100 }],
      },
    });
    // The records name it by its listener.
    expect(env['service-arn']).toBe(LISTENER);
  });

  it.each([
    [
      'weights that do not end at 100',
      '\n      strategy: canary\n      canary:\n        steps:\n          - { weight: 10, hold: 5m }\n          - { weight: 50, hold: 5m }',
      'environments.production.target.canary.steps[1].weight: the last step must be 100 (it is 50): a canary ends with all the traffic on the new group',
      '{ weight: 50, hold: 5m }',
    ],
    [
      'weights that go down',
      '\n      canary:\n        steps:\n          - { weight: 50, hold: 5m }\n          - { weight: 10, hold: 5m }\n          - { weight: 100 }',
      'environments.production.target.canary.steps[1].weight: 10 is not above the step before (50): weights must go up',
      '{ weight: 10, hold: 5m }',
    ],
    [
      'a step without a duration',
      '\n      canary:\n        steps:\n          - { weight: 10 }\n          - { weight: 100 }',
      'environments.production.target.canary.steps[0].hold: is required: the 10 % step must be held for a duration (e.g. hold: 10m) while it is judged',
      '{ weight: 10 }',
    ],
    [
      'a listener ARN that is not one',
      '',
      'environments.production.target.listener-arn: expected an Application Load Balancer listener ARN',
      undefined,
    ],
  ])('refuses %s, naming the path and line', (_what, lines, message, at) => {
    const text =
      at === undefined
        ? withTarget(lines).replace(
            LISTENER,
            'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/x/0123456789abcdef',
          )
        : withTarget(lines);
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    if (at !== undefined) {
      const line = text.split('\n').findIndex((l) => l.includes(at)) + 1;
      expect(found[0]).toMatch(new RegExp(`\\(line ${line}\\)`));
    }
  });
});
