/**
 * `npm run sim:conformance [-- --check] [-- --write]`
 *
 * Per AWS service, the operations the suite calls (every `<Op>Command` and `paginate<Op>`
 * imported from an `@aws-sdk/client-*` package in core/, cli/ and actions/), whether the sim
 * serves each, and whether a served one is checked against AWS's model (request always,
 * response under tests; see sim/aws/model-validate.ts). `--write` puts the table into
 * sim/README.md between its conformance markers; `--check` exits 1 when an operation the suite
 * calls is not served and model-checked, or the README's table is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelOf } from '../sim/aws/model.js';
import { AWS_SERVICES } from '../sim/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** SDK client package → the SigV4 signing name the sim routes by. */
const SIGNING_NAME_OF_CLIENT: Readonly<Record<string, string>> = {
  'client-apprunner': 'apprunner',
  'client-ecr': 'ecr',
  'client-ecs': 'ecs',
  'client-rds': 'rds',
  'client-secrets-manager': 'secretsmanager',
  'client-cloudwatch': 'monitoring',
  'client-cloudwatch-logs': 'logs',
  'client-sts': 'sts',
  'client-ec2': 'ec2',
  'client-auto-scaling': 'autoscaling',
  'client-elastic-load-balancing-v2': 'elasticloadbalancing',
};

export interface ConformanceRow {
  service: string;
  operation: string;
  usedBy: string[];
  served: boolean;
  modelChecked: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      out.push(...sourceFiles(full));
    } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Operation → files, per signing name, from the suite's imports of the AWS SDK. */
export function operationsTheSuiteCalls(): Map<string, Map<string, Set<string>>> {
  const dirs = [
    'core',
    'cli',
    ...readdirSync(path.join(ROOT, 'actions')).map((a) => `actions/${a}/src`),
  ];
  const used = new Map<string, Map<string, Set<string>>>();
  for (const dir of dirs) {
    let files: string[];
    try {
      files = sourceFiles(path.join(ROOT, dir));
    } catch {
      continue; // an action without src/
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Static imports, and the commands of a client imported on first use
      // (`const { XCommand } = await import('@aws-sdk/client-x')`, core/aws/ec2.ts).
      for (const m of text.matchAll(
        /(?:import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*|const\s*\{([^}]*)\}\s*=\s*await\s+import\()'@aws-sdk\/(client-[a-z0-9-]+)'/g,
      )) {
        const names = m[1] ?? m[2]!;
        const signing = SIGNING_NAME_OF_CLIENT[m[3]!];
        if (signing === undefined) continue;
        for (const raw of names.split(',')) {
          const name = raw
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0]!;
          const op = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
          if (op === undefined) continue;
          const ops = used.get(signing) ?? new Map<string, Set<string>>();
          used.set(signing, ops);
          const where = ops.get(op) ?? new Set<string>();
          ops.set(op, where);
          where.add(path.relative(ROOT, file));
        }
      }
    }
  }
  return used;
}

export function conformance(): ConformanceRow[] {
  const rows: ConformanceRow[] = [];
  for (const [signing, ops] of operationsTheSuiteCalls()) {
    const service = AWS_SERVICES.find((s) => s.signingName === signing);
    const model = modelOf(signing);
    for (const [operation, files] of ops) {
      const served = service?.operations[operation] !== undefined;
      rows.push({
        service: signing,
        operation,
        usedBy: [...files].sort(),
        served,
        modelChecked: served && model?.operations[operation] !== undefined,
      });
    }
  }
  return rows.sort(
    (a, b) => a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation),
  );
}

/** A Markdown table laid out as prettier lays it out, so the README stays formatted. */
export function conformanceTable(rows: readonly ConformanceRow[]): string {
  const cells = [
    [
      'Service',
      'Operation the suite calls',
      'Served',
      'Request and response model-checked',
      'Called from',
    ],
    ...rows.map((r) => [
      r.service,
      r.operation,
      r.served ? 'yes' : '**no**',
      r.modelChecked ? 'yes' : '**no**',
      r.usedBy.map((f) => `\`${f}\``).join(', '),
    ]),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(3, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]): string =>
    `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(cells[0]!),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.slice(1).map(line),
  ].join('\n');
}

const START = '<!-- sim:conformance start (npm run sim:conformance -- --write) -->';
const END = '<!-- sim:conformance end -->';

function readmeWith(table: string): { before: string; after: string } {
  const file = path.join(ROOT, 'sim/README.md');
  const before = readFileSync(file, 'utf8');
  const from = before.indexOf(START);
  const to = before.indexOf(END);
  if (from < 0 || to < from) throw new Error(`sim/README.md has no ${START} … ${END} markers`);
  return {
    before,
    after: `${before.slice(0, from + START.length)}\n\n${table}\n\n${before.slice(to)}`,
  };
}

function main(args: string[]): void {
  const rows = conformance();
  const table = conformanceTable(rows);
  console.log(table);
  const missing = rows.filter((r) => !r.served || !r.modelChecked);
  const readme = readmeWith(table);
  if (args.includes('--write')) {
    writeFileSync(path.join(ROOT, 'sim/README.md'), readme.after);
    console.log('sim:conformance: wrote the table into sim/README.md');
  }
  if (args.includes('--check')) {
    const problems = missing.map(
      (r) =>
        `${r.service} ${r.operation}: called by ${r.usedBy.join(', ')} but ${r.served ? 'not model-checked' : 'not served by the sim'}`,
    );
    if (!args.includes('--write') && readme.before !== readme.after)
      problems.push(
        'sim/README.md: conformance table is stale (npm run sim:conformance -- --write)',
      );
    for (const p of problems) console.error(`sim:conformance: ${p}`);
    if (problems.length > 0) process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
