import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/load.js';
import { CHECK_TYPES } from '../../../core/checks/registry.js';
import { CHECK_SCHEMAS } from '../../../core/checks/schemas/index.js';
import { runCheckList } from '../../../core/checks/run-checks.js';
import { defineCheck } from '../../../core/checks/types.js';
import { ConfigError } from '../../../core/util/errors.js';
import { bareCheckContext } from '../../helpers/check-context.js';

const base = `version: 1
environments:
  production:
    region: eu-west-1
    service-arn: arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/0123456789abcdef0123456789abcdef
    ecr-repository: drop-web
    health:
      base-url: https://getdrop.no
      checks:
        - name: api
          path: /api/health
          expect: { status: 200 }
    checks:
      daily:
`;

function problems(text: string): readonly string[] {
  try {
    parseConfig(text, 'cfg.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('check registry', () => {
  it('has one definition per type', () => {
    const types = CHECK_TYPES.map((t) => t.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('pairs each run with the item schema the configuration reads, in the same order', () => {
    expect(CHECK_TYPES.map((t) => t.type)).toEqual(CHECK_SCHEMAS.map((s) => s.type));
    for (const [index, type] of CHECK_TYPES.entries()) {
      const schema = CHECK_SCHEMAS[index]!;
      expect(Object.keys(type.schema.shape), type.type).toEqual(Object.keys(schema.shape));
      expect(type.description).toBe(schema.description);
      expect(type.targets).toEqual(schema.targets);
    }
  });

  it('suggests the closest type for a misspelled one, with its line', () => {
    expect(problems(`${base}        - type: servce-running\n`)).toEqual([
      expect.stringMatching(
        /^environments\.production\.checks\.daily\[0\]\.type: .*"service-running".*\(line 15\)$/,
      ),
    ]);
  });

  it('refuses a key the type does not have', () => {
    expect(problems(`${base}        - type: service-running\n          max-age: 1h\n`)).toEqual([
      expect.stringMatching(/daily\[0\].*max-age.*\(line 16\)/),
    ]);
  });
});

describe('running a list of checks', () => {
  const context = () => bareCheckContext();

  it('turns a throw or an overrun into that check’s error and still runs the others', async () => {
    const slow = defineCheck({
      type: 'service-running',
      description: '',
      shape: {},
      defaultTimeoutMs: 50,
      group: 'x',
      run: () => new Promise(() => {}),
    });
    const broken = defineCheck({
      type: 'health',
      description: '',
      shape: {},
      defaultTimeoutMs: 1000,
      group: 'x',
      run: () => Promise.reject(new Error('connection refused')),
    });
    const fine = defineCheck({
      type: 'monitors-green',
      description: '',
      shape: {},
      defaultTimeoutMs: 1000,
      group: 'x',
      run: async () => ({ status: 'pass', line: 'all up' }),
    });
    const types = new Map([slow, broken, fine].map((t) => [t.type, t]));
    const started = Date.now();
    const results = await runCheckList(
      [
        { type: 'service-running', timeout: '100ms' },
        { type: 'health' },
        { type: 'monitors-green' },
        { type: 'no-such-type' } as never,
      ],
      context(),
      (t) => types.get(t),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(results.map((r) => [r.id, r.status, r.line])).toEqual([
      [
        'service-running',
        'error',
        'no answer within 100ms (raise "timeout" on this check if it needs longer)',
      ],
      ['health', 'error', 'connection refused'],
      ['monitors-green', 'pass', 'all up'],
      ['no-such-type', 'error', 'unknown check type "no-such-type"'],
    ]);
  });
});
