import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attestationsJsonSchema,
  configJsonSchema,
  evidenceJsonSchema,
} from '../../../scripts/generate-schema.js';

describe('schema/apprunner-ops.schema.json', () => {
  it('is what the zod schema generates today (run npm run schema after changing it)', () => {
    const committed = readFileSync(
      path.join(import.meta.dirname, '../../../schema/apprunner-ops.schema.json'),
      'utf8',
    );
    expect(committed).toBe(configJsonSchema());
  });

  it.each([
    ['attestations.schema.json', attestationsJsonSchema],
    ['gate-evidence.schema.json', evidenceJsonSchema],
  ])('schema/%s is current too', (file, generate) => {
    const committed = readFileSync(path.join(import.meta.dirname, '../../../schema', file), 'utf8');
    expect(committed).toBe(generate());
  });

  it('describes the keys an editor should offer', () => {
    const schema = JSON.parse(configJsonSchema());
    const environment = schema.properties.environments.additionalProperties;
    expect(Object.keys(environment.properties)).toEqual(
      expect.arrayContaining([
        'region',
        'service-arn',
        'ecr-repository',
        'database',
        'health',
        'maintenance',
        'notify',
        'secrets',
        'gates',
        'checks',
      ]),
    );
    expect(environment.additionalProperties).toBe(false);
    expect(environment.required).toEqual(
      expect.arrayContaining(['region', 'ecr-repository', 'health']),
    );
    // The service: service-arn (App Runner, version 1 files) or target (any platform).
    expect(Object.keys(environment.properties)).toContain('target');
    expect(environment.anyOf).toEqual([{ required: ['service-arn'] }, { required: ['target'] }]);
    // One shape per platform: App Runner, ECS Express, EC2 Auto Scaling, Fly.io.
    const kinds = (
      environment.properties.target.oneOf as {
        properties: { kind: { enum?: string[]; const?: string } };
      }[]
    ).flatMap((shape) => shape.properties.kind.enum ?? [shape.properties.kind.const ?? '']);
    expect(kinds).toEqual(['app-runner', 'ecs-express', 'asg', 'fly']);
  });
});
