import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/load.js';
import { ConfigError } from '../../../core/util/errors.js';

// RDS stores DB instance and snapshot identifiers lowercase (DescribeDBSnapshots reference):
// a capital in the configuration would never match what RDS lists, so retention would never
// apply. The configuration refuses capitals and says why.

const example = readFileSync(
  path.join(import.meta.dirname, '../../../examples/drop/apprunner-ops.yml'),
  'utf8',
);

function problems(text: string): string[] {
  try {
    parseConfig(text, 'test.yml');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('database identifiers', () => {
  it('refuses capitals in database.instance, naming the lowercase form', () => {
    const text = example.replace(/instance: drop-db\b/, 'instance: Drop-DB');
    expect(text).not.toBe(example);
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /^environments\.production\.database\.instance: RDS stores identifiers in lowercase, so capitals never match what RDS lists: write "drop-db", got "Drop-DB" \(line \d+\)$/,
      ),
    ]);
  });

  it('refuses capitals in database.snapshot-prefix, naming the lowercase form', () => {
    const text = example.replace(
      'snapshot-prefix: drop-db-pre-deploy',
      'snapshot-prefix: Drop-DB-Pre-Deploy',
    );
    expect(text).not.toBe(example);
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /^environments\.production\.database\.snapshot-prefix: RDS stores identifiers in lowercase, so capitals never match what RDS lists: write "drop-db-pre-deploy", got "Drop-DB-Pre-Deploy" \(line \d+\)$/,
      ),
    ]);
  });

  it('accepts lowercase identifiers', () => {
    expect(problems(example)).toEqual([]);
  });
});
