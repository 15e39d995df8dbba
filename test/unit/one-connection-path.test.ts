import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter((f) => !f.split(path.sep).includes('dist') && !f.includes('node_modules'));
}

describe('one connection path to PostgreSQL (core/util/pg-client.ts)', () => {
  it('no other file of core/, actions/ or cli/ loads the driver to open a connection', () => {
    const files = [...sources('core'), ...sources('actions'), ...sources('cli')];
    expect(files.length).toBeGreaterThan(50);
    const opening = files.filter((file) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // A type-only import opens nothing; a value import or a dynamic import of pg could.
      const valueImport = /^import\s+(?!type\b)[^;]*from\s+['"]pg['"]/m.test(text);
      const dynamic = /import\(\s*['"]pg['"]\s*\)/.test(text);
      const required = /require\(\s*['"]pg['"]\s*\)/.test(text);
      return valueImport || dynamic || required;
    });
    expect(opening).toEqual(['core/util/pg-client.ts']);
  });
});
