import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputReader } from '../../core/action/inputs.js';
import { readBuildPushInputs } from '../../actions/build-push/src/inputs.js';
import { readGateInputs } from '../../actions/compliance-gate/src/inputs.js';
import { readDeployInputs } from '../../actions/deploy/src/inputs.js';
import { readOpsCheckInputs } from '../../actions/ops-check/src/inputs.js';
import { readRestoreInputs } from '../../actions/restore-database/src/inputs.js';
import { readRollbackInputs } from '../../actions/rollback/src/inputs.js';
import { readRotateInputs } from '../../actions/rotate-secret/src/inputs.js';
import { readSmokeTestInputs } from '../../actions/smoke-test/src/inputs.js';

const ROOT = path.join(import.meta.dirname, '../..');
const actions = readdirSync(path.join(ROOT, 'actions')).filter((n) =>
  existsSync(path.join(ROOT, 'actions', n, 'action.yml')),
);

interface Manifest {
  name: string;
  description: string;
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string };
}
const manifest = (name: string): Manifest =>
  parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as Manifest;

/** Each action's input reader, with values that make every input valid. */
const readers: Record<
  string,
  { read: (r: InputReader) => unknown; sample: Record<string, string> }
> = {
  'smoke-test': {
    read: readSmokeTestInputs,
    sample: { checks: '- name: a\n  url: https://example.com/' },
  },
  'build-push': { read: readBuildPushInputs, sample: { environment: 'production' } },
  deploy: { read: readDeployInputs, sample: { environment: 'production' } },
  'ops-check': {
    read: readOpsCheckInputs,
    sample: { environment: 'production', schedule: 'daily' },
  },
  'compliance-gate': { read: readGateInputs, sample: { environment: 'production' } },
  'rotate-secret': {
    read: readRotateInputs,
    sample: { environment: 'production', secret: 'JWT_SECRET', reason: 'quarterly rotation' },
  },
  'restore-database': {
    read: readRestoreInputs,
    sample: { environment: 'production', to: 'latest', reason: 'bad delete at 14:02' },
  },
  rollback: {
    read: readRollbackInputs,
    sample: { environment: 'production', reason: 'checkout is broken' },
  },
};

describe.each(actions)('actions/%s/action.yml', (name) => {
  const m = manifest(name);

  it('runs on node24 from a committed bundle with a README', () => {
    expect(m.runs.using).toBe('node24');
    expect(m.runs.main).toBe('dist/index.js');
    expect(existsSync(path.join(ROOT, 'actions', name, m.runs.main))).toBe(true);
    if (m.runs.post) expect(existsSync(path.join(ROOT, 'actions', name, m.runs.post))).toBe(true);
    expect(existsSync(path.join(ROOT, 'actions', name, 'README.md'))).toBe(true);
  });

  it('uses kebab-case names and describes every input and output', () => {
    for (const [input, spec] of Object.entries(m.inputs ?? {})) {
      expect(input).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(spec.description, input).toBeTruthy();
    }
    for (const [output, spec] of Object.entries(m.outputs ?? {})) {
      expect(output).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(spec.description, output).toBeTruthy();
    }
  });

  it('declares exactly the inputs the code reads (defaults live only in action.yml)', () => {
    const entry = readers[name];
    expect(entry, `add actions/${name} to the readers table of this test`).toBeDefined();
    const values: Record<string, string> = {};
    for (const [input, spec] of Object.entries(m.inputs ?? {})) values[input] = spec.default ?? '';
    Object.assign(values, entry?.sample);
    const reader = new InputReader((n) => values[n] ?? '');
    entry?.read(reader);
    expect([...reader.names].sort()).toEqual(Object.keys(m.inputs ?? {}).sort());
  });

  it('keeps defaults out of the code', () => {
    const source = readFileSync(path.join(ROOT, 'actions', name, 'src', 'inputs.ts'), 'utf8');
    for (const [input, spec] of Object.entries(m.inputs ?? {})) {
      if (spec.default && spec.default.length > 1) {
        expect(
          source.includes(`'${spec.default}'`),
          `default of ${input} repeated in inputs.ts`,
        ).toBe(false);
      }
    }
  });
});
