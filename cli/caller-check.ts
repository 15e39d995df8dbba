/**
 * What `validate` checks beyond the schema: the caller workflows in .github/workflows against
 * the configuration (an environment a caller deploys, rolls back or checks that the file does
 * not define fails on GitHub only when it runs), and settings that are valid but do not do
 * what they seem to. Every finding names its file and line.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

export interface Finding {
  level: 'error' | 'warning';
  file: string;
  line?: number;
  message: string;
}

/** The suite's reusable workflows a caller calls, by file name. */
const SUITE_WORKFLOW =
  /\/\.github\/workflows\/(deploy|rollback|checks|restart|rotate|go-live)\.yml@/;

function lineOf(node: Node | null | undefined, counter: LineCounter): number | undefined {
  return node?.range ? counter.linePos(node.range[0]).line : undefined;
}

/** Environment names in a caller's `with:` (a literal; an expression is decided at run time). */
function namesIn(value: unknown): string[] {
  if (typeof value !== 'string' || value.includes('${{')) return [];
  return value.split(/[\s,]+/).filter(Boolean);
}

export function checkCallers(
  files: readonly { file: string; text: string }[],
  environments: readonly string[],
  configFile: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const { file, text } of files) {
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter });
    if (doc.errors.length > 0) {
      const line = doc.errors[0]?.linePos?.[0]?.line;
      findings.push({
        level: 'error',
        file,
        ...(line ? { line } : {}),
        message: `invalid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`,
      });
      continue;
    }
    const jobs = doc.get('jobs', true);
    if (!isMap(jobs)) continue;
    for (const pair of jobs.items) {
      const job = pair.value;
      if (!isMap(job)) continue;
      const uses = job.get('uses');
      if (typeof uses !== 'string' || !SUITE_WORKFLOW.test(uses)) continue;
      const withMap = job.get('with', true);
      if (!isMap(withMap)) continue;
      for (const key of ['environments', 'environment']) {
        const node = withMap.get(key, true);
        const value = isScalar(node) ? node.value : undefined;
        for (const name of namesIn(value))
          if (!environments.includes(name))
            findings.push({
              level: 'error',
              file,
              ...(lineOf(node as Node, counter) ? { line: lineOf(node as Node, counter)! } : {}),
              message: `jobs.${String(isScalar(pair.key) ? pair.key.value : pair.key)}.with.${key}: "${name}" is not an environment of ${configFile} (${environments.join(', ')}); add it there or fix the name`,
            });
      }
    }
  }
  return findings;
}

/** Valid settings that do not do what they seem to, with their lines in the configuration. */
export function configWarnings(text: string, file: string): Finding[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const findings: Finding[] = [];
  const environments = doc.get('environments', true);
  if (!isMap(environments)) return findings;
  for (const pair of environments.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const env = pair.value;
    if (!isMap(env)) continue;
    const health = env.get('health', true);
    if (!isMap(health) || health.has('version-path')) continue;
    const checks = health.get('checks', true) as { items?: unknown[] } | undefined;
    (checks?.items ?? []).forEach((check, index) => {
      if (!isMap(check)) return;
      const flag = check.get('reports-version', true);
      if (!isScalar(flag) || flag.value !== true) return;
      const line = lineOf(flag, counter);
      findings.push({
        level: 'warning',
        file,
        ...(line ? { line } : {}),
        message: `environments.${name}.health.checks[${index}].reports-version is set, but environments.${name}.health.version-path is not: a deploy cannot see which version answers; set version-path (e.g. data.version)`,
      });
    });
  }
  return findings;
}
