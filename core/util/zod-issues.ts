import type { z } from 'zod';

export type PathSegment = string | number;

/** `environments.production.health.checks[1].expect.status` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node == null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        current + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** The closest known key to a misspelled one, when it is close enough to be a typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))
    ? best
    : undefined;
}

type SchemaDef = Record<string, unknown>;

/** The zod definition at a data path (through optional/default/pipe wrappers), if any. */
function defAt(schema: z.ZodType, path: readonly PropertyKey[]): SchemaDef | undefined {
  let node: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let current = s as { _zod?: { def?: Record<string, unknown> } };
    for (let i = 0; i < 10 && current?._zod?.def; i++) {
      const def = current._zod.def;
      if (def['innerType']) current = def['innerType'] as typeof current;
      else if (def['type'] === 'pipe' && def['in']) current = def['in'] as typeof current;
      else break;
    }
    return current;
  };
  for (const segment of path) {
    const def = (unwrap(node) as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return undefined;
    if (typeof segment === 'number' && def['type'] === 'array') node = def['element'];
    else if (def['type'] === 'object')
      node = (def['shape'] as Record<string, unknown>)[String(segment)];
    else if (def['type'] === 'record') node = def['valueType'];
    else return undefined;
  }
  return (unwrap(node) as { _zod?: { def?: SchemaDef } })?._zod?.def;
}

function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const def = defAt(schema, path);
  return def?.['type'] === 'object' ? Object.keys(def['shape'] as object) : [];
}

function discriminatorValues(
  schema: z.ZodType,
  parent: readonly PropertyKey[],
  key: PropertyKey | undefined,
): string[] {
  const def = defAt(schema, parent);
  if (!def || def['discriminator'] !== key || !Array.isArray(def['options'])) return [];
  return (def['options'] as { _zod: { def: SchemaDef } }[]).flatMap((option) => {
    const shape = option._zod.def['shape'] as Record<string, { _zod: { def: SchemaDef } }>;
    const tag = shape[String(key)]?._zod.def;
    // A literal lists `values`; an enum its `entries`.
    return (
      (tag?.['values'] as string[] | undefined) ??
      Object.values((tag?.['entries'] as Record<string, string> | undefined) ?? {})
    );
  });
}

function isIntegerAt(schema: z.ZodType, path: readonly PropertyKey[]): boolean {
  const def = defAt(schema, path);
  return (
    def?.['type'] === 'number' && typeof def['format'] === 'string' && /int/.test(def['format'])
  );
}

/**
 * One readable line per zod issue: `<path>: <what is wrong>`. `where(path)` may add a
 * location such as ` (line 23)`.
 */
export function formatIssues(
  schema: z.ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  where: (path: readonly PropertyKey[]) => string = () => '',
  prefix: readonly PropertyKey[] = [],
): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
      // Report the branch that got furthest rather than "invalid input".
      const best = [...issue.errors].sort((a, b) => maxDepth(b) - maxDepth(a))[0] ?? [];
      lines.push(...formatIssues(schema, data, best, where, prefix));
      continue;
    }
    const path = issue.path;
    const full = [...prefix, ...path];
    const at = formatPath(full) || '(top level)';
    const value = valueAt(data, path);
    let detail: string;
    switch (issue.code) {
      case 'invalid_type': {
        const expected =
          issue.expected === 'number' && isIntegerAt(schema, path) ? 'int' : issue.expected;
        detail =
          value === undefined
            ? `is required (expected ${article(expected)})`
            : `expected ${article(expected)}, got ${describeValue(value)}`;
        break;
      }
      case 'unrecognized_keys': {
        const known = knownKeysAt(schema, path);
        for (const key of issue.keys) {
          const hint = closestKey(key, known);
          lines.push(
            `${formatPath([...full, key])}: unknown key${hint ? `; did you mean "${hint}"?` : known.length ? `; expected one of ${known.join(', ')}` : ''}${where([...path, key])}`,
          );
        }
        continue;
      }
      case 'invalid_value':
        detail = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
        break;
      case 'invalid_union': {
        // A discriminated union whose tag matched no option, e.g. an unknown check type.
        const options = discriminatorValues(schema, path.slice(0, -1), path[path.length - 1]);
        if (options.length > 0) {
          const hint = typeof value === 'string' ? closestKey(value, options) : undefined;
          detail = `expected one of ${options.join(', ')}, got ${describeValue(value)}${hint ? `; did you mean "${hint}"?` : ''}`;
        } else {
          detail = issue.message;
        }
        break;
      }
      default:
        // Refinement messages already say what is expected; show the value when it is a scalar.
        detail =
          value === undefined || typeof value === 'object'
            ? issue.message
            : `${issue.message}, got ${describeValue(value)}`;
    }
    lines.push(`${at}: ${detail}${where(path)}`);
  }
  return lines;
}

function maxDepth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function article(expected: string): string {
  const word =
    expected === 'int'
      ? 'integer'
      : expected === 'record' || expected === 'object'
        ? 'mapping'
        : expected === 'array'
          ? 'list'
          : expected;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
