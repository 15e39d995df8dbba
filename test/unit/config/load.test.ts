import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, selectEnvironment } from '../../../core/config/load.js';
import { ConfigError } from '../../../core/util/errors.js';

const EXAMPLE = path.join(import.meta.dirname, '../../../examples/drop/apprunner-ops.yml');
const example = readFileSync(EXAMPLE, 'utf8');

function problems(text: string): string[] {
  try {
    parseConfig(text, 'test.yml');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration file', () => {
  it('accepts the Drop example and fills defaults', async () => {
    const config = await loadConfig(EXAMPLE);
    const production = selectEnvironment(config, 'production', EXAMPLE);
    expect(production['service-arn']).toMatch(/:123456789012:service\/drop-web\//);
    expect(production.health.checks.map((c) => c.name)).toEqual(['api-health', 'landing-page']);
    expect(production.health.checks[0]?.method).toBe('GET'); // default
    expect(production.health.checks[1]?.expect.status).toBe(200);
    expect(production.notify?.slack?.events).toContain('deploy');
    expect(production.gates?.['go-live']?.filter((g) => g.type === 'attestation')).toHaveLength(10);
  });

  it('names the YAML path, the wrong value and the line', () => {
    const text = example.replace(
      'data.checks.db.status: pass\n            max-latency-ms: 2000',
      'data.checks.db.status: pass\n            max-latency-ms: fast',
    );
    expect(problems(text)).toEqual([
      'environments.production.health.checks[0].expect.max-latency-ms: expected an integer, got "fast" (line 29)',
    ]);
  });

  it('reports every problem at once, with a suggestion for a misspelled key', () => {
    const text = example
      .replace('region: eu-west-1', 'region: Ireland')
      .replace('snapshot-retention: 10', 'snapshot-retension: 10')
      .replace("monitor-ids: ['1000001',", "monitor-ids: ['abc',");
    expect(problems(text)).toEqual([
      'environments.production.region: expected an AWS region like eu-west-1, got "Ireland" (line 8)',
      'environments.production.database.snapshot-retension: unknown key; did you mean "snapshot-retention"? (line 15)',
      'environments.production.maintenance.monitor-ids[0]: expected a numeric monitor id, got "abc" (line 41)',
    ]);
  });

  it('refuses a malformed service ARN and explains the form', () => {
    const text = example.replace(
      /service-arn: .*/,
      'service-arn: arn:aws:apprunner:eu-west-1:123456789012:service/drop-web',
    );
    expect(problems(text)[0]).toMatch(
      /^environments\.production\.service-arn: expected an App Runner service ARN like arn:aws:apprunner:eu-west-1:123456789012:service\/<name>\/<32 hex id>, got ".*" \(line 9\)$/,
    );
  });

  it('names a missing required field at its parent line', () => {
    const text = example.replace('    ecr-repository: drop-web\n', '');
    expect(problems(text)).toEqual([
      'environments.production.ecr-repository: is required (expected a string) (line 7)',
    ]);
  });

  it('refuses a check with both path and url, and an unknown go-live gate type', () => {
    const text = example
      .replace(
        '          path: /api/health\n',
        '          path: /api/health\n          url: https://getdrop.no/api/health\n',
      )
      .replace('- type: database-private', '- type: database-privat');
    const found = problems(text);
    expect(found).toContain(
      'environments.production.health.checks[0]: give exactly one of "path" or "url" (line 21)',
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /^environments\.production\.gates\.go-live\[4\]\.type: expected one of service-running, .*, got "database-privat"; did you mean "database-private"\? \(line 92\)$/,
      ),
    );
  });

  it('refuses invalid YAML with its line', () => {
    expect(problems('version: 1\nenvironments:\n  production: [\n')[0]).toMatch(
      /^invalid YAML: .* \(line \d\)$/,
    );
  });

  it('refuses another format version and an empty environment list', () => {
    expect(problems('version: 2\nenvironments: {}\n')).toEqual([
      'version: expected one of 1, got number 2 (line 1)',
      'environments: expected at least one environment (line 2)',
    ]);
  });

  it('names a missing file and how to fix it', async () => {
    await expect(loadConfig('/nonexistent/apprunner-ops.yml')).rejects.toThrow(
      'config /nonexistent/apprunner-ops.yml: file not found; create it (see examples/drop/apprunner-ops.yml) or set the "config" input to its path',
    );
  });

  it('lists the defined environments when the asked one is missing', () => {
    const config = parseConfig(example, 'x.yml');
    expect(() => selectEnvironment(config, 'qa', 'x.yml')).toThrow(
      'environments.qa: no such environment; the file defines "production", "staging"',
    );
  });
});
