/**
 * The EventBridge rule actions/rotate-secret/README.md gives for `rds-managed` (dispatch the
 * rotation caller when RDS rotates its managed master secret): its event pattern matches the
 * CloudTrail service event of a rotation (Secrets Manager's "Log entries for rotation":
 * detail-type "AWS Service Event via CloudTrail", the secret's ARN in
 * detail.additionalEventData.SecretId, requestParameters null) of an RDS-managed secret and
 * nothing else nearby; its dispatch names a workflow GitHub can dispatch, with every input that
 * workflow requires and none it does not declare.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.join(import.meta.dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'actions/rotate-secret/README.md'), 'utf8');
const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (m) => JSON.parse(m[1]!.replace(/^ {2}/gm, '')) as Record<string, unknown>,
);
const pattern = blocks.find((b) => Array.isArray(b['source']))!;
const documented = blocks.find((b) => b['source'] === 'aws.secretsmanager')!;
const dispatch = blocks.find((b) => 'ref' in b) as {
  ref: string;
  inputs: Record<string, string>;
};

/**
 * EventBridge's matching for the operators the README uses: arrays of exact strings and
 * `{ "prefix": … }`; nested objects match fields of the event. Anything else is refused, so the
 * README cannot grow an operator this test does not understand.
 */
function matches(p: unknown, event: unknown): boolean {
  if (Array.isArray(p))
    return p.some((option) => {
      if (typeof option === 'string') return event === option;
      const keys = Object.keys(option as object);
      if (keys.length === 1 && keys[0] === 'prefix')
        return typeof event === 'string' && event.startsWith((option as { prefix: string }).prefix);
      throw new Error(`operator ${JSON.stringify(option)} is not understood by this test`);
    });
  if (p && typeof p === 'object') {
    if (!event || typeof event !== 'object') return false;
    return Object.entries(p).every(([key, sub]) =>
      matches(sub, (event as Record<string, unknown>)[key]),
    );
  }
  throw new Error(`pattern value ${JSON.stringify(p)}: EventBridge patterns hold arrays`);
}

/** The documented event with some of its fields changed (`detail.x` paths). */
function variant(changes: Record<string, unknown>): Record<string, unknown> {
  const event = structuredClone(documented) as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(changes)) {
    const [top, ...rest] = key.split('.');
    if (rest.length === 0) event[top!] = value as Record<string, unknown>;
    else if (rest.length === 1) event[top!]![rest[0]!] = value;
    else (event[top!]![rest[0]!] as Record<string, unknown>)[rest[1]!] = value;
  }
  return event;
}

describe('the EventBridge rule of the rotate-secret README', () => {
  it('matches the rotation service event of an RDS-managed secret', () => {
    expect(documented['detail-type']).toBe('AWS Service Event via CloudTrail');
    expect((documented['detail'] as Record<string, unknown>)['eventType']).toBe('AwsServiceEvent');
    expect(matches(pattern, documented)).toBe(true);
  });

  it('matches nothing else: another secret, another event, an API call, another source', () => {
    const others = {
      'a secret that is not RDS-managed': variant({
        'detail.additionalEventData.SecretId':
          'arn:aws:secretsmanager:eu-west-1:123456789012:secret:drop/production/database-url-AbCdEf',
      }),
      'a failed rotation': variant({ 'detail.eventName': 'RotationFailed' }),
      'a started rotation': variant({ 'detail.eventName': 'RotationStarted' }),
      'an API call (PutSecretValue by a person)': variant({
        'detail-type': 'AWS API Call via CloudTrail',
        'detail.eventName': 'PutSecretValue',
        'detail.eventType': 'AwsApiCall',
      }),
      'another account': variant({
        'detail.additionalEventData.SecretId':
          'arn:aws:secretsmanager:eu-west-1:210987654321:secret:rds!db-0a1b2c3d-MaNaGd',
      }),
      'another service': variant({ source: 'aws.rds' }),
    };
    for (const [what, event] of Object.entries(others))
      expect(matches(pattern, event), what).toBe(false);
  });

  it('dispatches the caller workflow with every input it requires, and only inputs it declares', () => {
    const url =
      /POST https:\/\/api\.github\.com\/repos\/<owner>\/<repo>\/actions\/workflows\/([\w.-]+)\/dispatches/.exec(
        readme,
      );
    expect(url?.[1]).toBe('apprunner-ops-rotate.yml');
    const caller = parse(
      readFileSync(path.join(ROOT, 'examples/caller/.github/workflows', url![1]!), 'utf8'),
    ) as {
      on: { workflow_dispatch: { inputs: Record<string, { required?: boolean }> } };
    };
    const declared = caller.on.workflow_dispatch.inputs;
    const required = Object.keys(declared).filter((k) => declared[k]!.required);
    expect(required.filter((k) => !(k in dispatch.inputs))).toEqual([]);
    expect(Object.keys(dispatch.inputs).filter((k) => !(k in declared))).toEqual([]);
    expect(dispatch.inputs['secret']).toBe('due');
    expect(dispatch.ref).toBe('main');
  });
});
