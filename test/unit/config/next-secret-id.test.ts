/** `next-secret-id`: a JWT key the app accepts before it signs with it (two-phase rotation). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, selectEnvironment } from '../../../core/config/load.js';
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

describe('next-secret-id', () => {
  it('the Drop example rotates JWT_SECRET in two phases', () => {
    const env = selectEnvironment(parseConfig(example, 'drop.yml'), 'production', 'drop.yml');
    const jwt = env.secrets?.find((s) => s.name === 'JWT_SECRET');
    expect(jwt?.['next-secret-id']).toBe('drop/production/jwt-secret-next');
    expect(jwt?.['previous-secret-id']).toBe('drop/production/jwt-secret-previous');
  });

  it('needs previous-secret-id: the old key must stay accepted while the new one starts signing', () => {
    const text = example.replace(/ {8}previous-secret-id: .*\n/, '');
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /^environments\.production\.secrets\[0\]\.next-secret-id: needs previous-secret-id: .*old key must stay accepted as the previous key, got ".*" \(line \d+\)$/,
      ),
      expect.stringMatching(/secrets\[0\]\.grace-days: needs previous-secret-id/),
    ]);
  });

  it('applies to kind random only, and is a secret of its own', () => {
    const text = example
      .replace(
        'next-secret-id: drop/production/jwt-secret-next ',
        'next-secret-id: drop/production/jwt-secret ',
      )
      .replace(
        '        database-url-secret-id: drop/production/database-url\n',
        '        database-url-secret-id: drop/production/database-url\n        next-secret-id: drop/production/db-next\n',
      );
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /^environments\.production\.secrets\[0\]\.next-secret-id: must be a secret of its own, not secret-id or previous-secret-id, got ".*" \(line \d+\)$/,
      ),
      expect.stringMatching(
        /^environments\.production\.secrets\[1\]\.next-secret-id: only applies to kind random .*\(line \d+\)$/,
      ),
    ]);
  });
});
