import { readFile } from 'node:fs/promises';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError, errorMessage } from '../util/errors.js';
import { formatIssues } from '../util/zod-issues.js';
import { configSchema, type Config, type EnvironmentConfig } from './schema.js';

/** Parses and validates config text. Every problem names its YAML path and line. */
export function parseConfig(text: string, file: string): Config {
  return parseYamlDocument(text, configSchema, (problems) => new ConfigError(file, problems)).data;
}

/**
 * Parses YAML text and validates it with a zod schema; every problem (YAML syntax or schema)
 * is one line naming its path and line, handed to `fail` to make the error to throw. Also
 * returns `lineOf(path)` for checks made after the schema's. Shared by the configuration
 * and the attestations file.
 */
export function parseYamlDocument<S extends z.ZodType>(
  text: string,
  schema: S,
  fail: (problems: string[]) => Error,
): { data: z.output<S>; lineOf: (path: readonly PropertyKey[]) => string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw fail(
      doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line;
        const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return `invalid YAML: ${first}${line ? ` (line ${line})` : ''}`;
      }),
    );
  }
  const data: unknown = doc.toJS();
  const lines = lineOf(doc, lineCounter);
  // A document is parsed once: compiling zod's fast path for the schema (new Function over
  // every object in it) costs more than it saves, ≈ 20 ms of a deploy's start-up.
  const result = schema.safeParse(data, { jitless: true });
  if (result.success) return { data: result.data, lineOf: lines };
  throw fail(formatIssues(schema, data, result.error.issues, lines));
}

function lineOf(doc: Document, counter: LineCounter) {
  return (path: readonly PropertyKey[]): string => {
    // The innermost node that exists along the path: a missing key points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const keys = path.slice(0, depth) as (string | number)[];
      const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
      if (isNode(node) && node.range) {
        // For an unknown key, point at the key itself rather than its value.
        return ` (line ${counter.linePos(keyStart(doc, keys) ?? node.range[0]).line})`;
      }
    }
    return '';
  };
}

function keyStart(doc: Document, keys: (string | number)[]): number | undefined {
  if (keys.length === 0) return undefined;
  const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
  const last = keys[keys.length - 1];
  if (parent && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
    for (const item of parent.items as unknown[]) {
      if (item && typeof item === 'object' && 'key' in item) {
        const key = (item as { key: unknown }).key;
        if (isNode(key) && (key as { value?: unknown }).value === last && key.range)
          return key.range[0];
      }
    }
  }
  return undefined;
}

export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [
      code === 'ENOENT'
        ? 'file not found; create it (see examples/drop/apprunner-ops.yml) or set the "config" input to its path'
        : `cannot read: ${errorMessage(error)}`,
    ]);
  }
  return parseConfig(text, file);
}

export function selectEnvironment(config: Config, name: string, file: string): EnvironmentConfig {
  const env = config.environments[name];
  if (!env) {
    const known = Object.keys(config.environments);
    throw new ConfigError(file, [
      `environments.${name}: no such environment; the file defines ${known.map((k) => `"${k}"`).join(', ')}`,
    ]);
  }
  return env;
}
