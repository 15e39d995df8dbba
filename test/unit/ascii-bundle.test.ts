/**
 * scripts/ascii-bundle.ts writes a bundle's non-ASCII characters as escapes: the code must mean
 * exactly what it meant, wherever the character stood.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../scripts/ascii-bundle.js';

const ROOT = path.join(import.meta.dirname, '../..');
const NON_ASCII = /[\u0080-\u{10ffff}]/u;

/** Runs a script's last expression, as the bundle would. */
const evaluate = (code: string): unknown => vm.runInNewContext(code);

describe('asciiOnly', () => {
  const cases: [string, string][] = [
    ['a string', `'don’t — ø'`],
    ['a template', '`x’${1 + 1}—y`'],
    ['a regular expression', `[/[’—]/.test('’'), /[’]/u.test('’'), /ø+/.exec('øø')[0]]`],
    ['an identity escape', `['\\’', '\\\\’', '\\\\\\’']`],
    ['a character outside the BMP', `['😀', /😀/u.test('😀'), /^.$/u.test('😀'), '\\😀']`],
    ['an identifier', `(() => { const fjør = 2; return fjør * 2; })()`],
    ['a comment', `1 // don’t\n/* — */ + 1`],
  ];
  it.each(cases)('%s means what it meant', (_, code) => {
    const escaped = asciiOnly(code, 'case.js');
    expect(escaped).not.toMatch(NON_ASCII);
    expect(evaluate(escaped)).toEqual(evaluate(code));
  });

  it('refuses String.raw with a non-ASCII character, naming the line', () => {
    expect(() => asciiOnly('a = 1;\nb = String.raw`’`;', 'dist/index.js')).toThrow(
      /^dist\/index\.js:2: String\.raw holds a non-ASCII character/,
    );
    expect(asciiOnly('String.raw`x`', 'dist/index.js')).toBe('String.raw`x`');
  });
});

describe('the committed bundles', () => {
  const dists = [
    ...readdirSync(path.join(ROOT, 'actions')).map((name) => path.join('actions', name, 'dist')),
    'cli/dist',
  ].filter((dist) => existsSync(path.join(ROOT, dist)));
  const files = dists.flatMap((dist) =>
    readdirSync(path.join(ROOT, dist), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => path.join(dist, f)),
  );

  it('are ASCII only', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((f) => NON_ASCII.test(readFileSync(path.join(ROOT, f), 'utf8')))).toEqual(
      [],
    );
  });
});
