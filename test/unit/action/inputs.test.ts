import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputReader } from '../../../core/action/inputs.js';

function reader(values: Record<string, string>, masked: string[] = []): InputReader {
  return new InputReader(
    (name) => values[name] ?? '',
    (v) => masked.push(v),
  );
}

describe('input readers', () => {
  it('reads strict booleans and refuses "yes"', () => {
    const r = reader({ a: 'true', b: 'FALSE', c: 'yes' });
    expect(r.boolean('a')).toBe(true);
    expect(r.boolean('b')).toBe(false);
    expect(() => r.boolean('c')).toThrow('input "c": expected true or false, got "yes"');
    expect(() => r.boolean('missing')).toThrow('input "missing": is required');
  });

  it('reads bounded integers', () => {
    const r = reader({ n: '12', big: '1000', frac: '1.5' });
    expect(r.integer('n', { min: 1, max: 100 })).toBe(12);
    expect(() => r.integer('big', { min: 1, max: 100 })).toThrow(
      'input "big": expected a number from 1 to 100, got 1000',
    );
    expect(() => r.integer('frac', { min: 1, max: 100 })).toThrow(
      'input "frac": expected a whole number, got "1.5"',
    );
  });

  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
  ])('reads the duration %s', (text, ms) => {
    expect(reader({ t: text }).duration('t', { min: 0, max: 86_400_000 })).toBe(ms);
  });

  it.each([['300'], ['-5m'], ['5 minutes'], ['m5']])(
    'refuses the duration %s and asks for a unit',
    (text) => {
      expect(() => reader({ t: text }).duration('t', { min: 0, max: 1e9 })).toThrow(
        /input "t": expected a duration with a unit like 90s, 5m or 1h30m/,
      );
    },
  );

  it('refuses an absurd duration with the bounds', () => {
    expect(() => reader({ t: '48h' }).duration('t', { min: 1000, max: 3_600_000 })).toThrow(
      'input "t": expected a duration from 1.0s to 1h, got 48h',
    );
  });

  it('reads URLs, ARNs, enums and lists', () => {
    const r = reader({
      u: 'https://getdrop.no/',
      arn: 'arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/0123456789abcdef0123456789abcdef',
      e: 'buildah',
      l: 'a, b\nc\n\n',
    });
    expect(r.url('u')?.href).toBe('https://getdrop.no/');
    expect(r.serviceArn('arn')).toContain('drop-web');
    expect(r.enumOf('e', ['docker', 'buildah'])).toBe('buildah');
    expect(r.list('l')).toEqual(['a', 'b', 'c']);
    expect(r.url('unset')).toBeUndefined();
    expect(() => reader({ arn: 'arn:aws:ecs:eu-west-1:1:service/x' }).serviceArn('arn')).toThrow(
      /input "arn": expected an App Runner service ARN/,
    );
    expect(() => reader({ e: 'podman' }).enumOf('e', ['docker', 'buildah'])).toThrow(
      'input "e": expected one of docker, buildah, got "podman"',
    );
  });

  it('validates inline YAML against a schema and names the path inside it', () => {
    const schema = z.array(z.strictObject({ name: z.string(), port: z.int() }));
    expect(reader({ y: '- { name: a, port: 80 }' }).yaml('y', schema)).toEqual([
      { name: 'a', port: 80 },
    ]);
    expect(() => reader({ y: '- { name: a, port: x }' }).yaml('y', schema)).toThrow(
      'input "y": [0].port: expected an integer, got "x"',
    );
    expect(() => reader({ y: '- { name: a, prot: 1 }' }).yaml('y', schema)).toThrow(
      'input "y": [0].port: is required (expected an integer); [0].prot: unknown key; did you mean "port"?',
    );
  });

  it('masks a secret the moment it is read and records every name read', () => {
    const masked: string[] = [];
    const r = reader({ token: 's3cr3t', other: 'x' }, masked);
    expect(r.secret('token')).toBe('s3cr3t');
    r.optional('other');
    expect(masked).toEqual(['s3cr3t']);
    expect([...r.names]).toEqual(['token', 'other']);
  });
});
