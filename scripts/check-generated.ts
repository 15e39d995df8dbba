/**
 * Rebuilds every generated file into a temporary folder and compares it with the tree:
 * actions/<name>/dist, cli/dist, schema/apprunner-ops.schema.json and .github/workflows/.
 * Exits 1 and names each file that differs, is missing or should not be there.
 * `--only schema,workflows` checks just those parts (the bundles take minutes to build).
 * `--out DIR` keeps the fresh bundles in DIR/<name>/dist: .ci/run then runs the tests on that
 * same build (APPRUNNER_OPS_ACTIONS_DIR, see sim/run-action.ts), so the bundles are built once
 * per CI run, and what was tested is what was compared with the committed dist/.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildActions, ROOT, runNode } from './build-actions.js';
import { CLI_DIST } from './build-cli.js';
import { writeConfigSchema } from './generate-schema.js';

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function compareDirs(fresh: string, committed: string, label: string): Promise<string[]> {
  const problems: string[] = [];
  const freshFiles = await listFiles(fresh);
  const committedFiles = new Set(await listFiles(committed));
  for (const file of freshFiles) {
    const where = `${label}/${file}`;
    if (!committedFiles.has(file)) {
      problems.push(`${where}: missing (run npm run all and commit)`);
      continue;
    }
    committedFiles.delete(file);
    const [a, b] = await Promise.all([
      readFile(path.join(fresh, file)),
      readFile(path.join(committed, file)),
    ]);
    if (!a.equals(b))
      problems.push(`${where}: differs from a fresh build (run npm run all and commit)`);
  }
  for (const extra of committedFiles)
    problems.push(`${label}/${extra}: not produced by the build (delete it)`);
  return problems;
}

const PARTS = ['bundles', 'cli', 'schema', 'workflows'] as const;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? [...PARTS] : (process.argv[onlyAt + 1] ?? '').split(',');
for (const part of only)
  if (!(PARTS as readonly string[]).includes(part)) {
    console.error(`check-generated: --only ${part}: expected some of ${PARTS.join(',')}`);
    process.exit(2);
  }
const checks = (part: (typeof PARTS)[number]): boolean => only.includes(part);
const outAt = process.argv.indexOf('--out');
const out = outAt < 0 ? undefined : process.argv[outAt + 1];
if (outAt >= 0 && !out) {
  console.error('check-generated: --out needs a folder to keep the fresh bundles in');
  process.exit(2);
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'check-generated-'));
try {
  const problems: string[] = [];
  const bundles = out ? path.resolve(out) : path.join(tmp, 'actions');
  // The command line builds in a process of its own beside the actions' builds (which keep
  // one process per core busy): it fills their gaps instead of running alone after them.
  const cliBuilt = checks('cli')
    ? runNode([
        '--import',
        'tsx',
        path.join(ROOT, 'scripts', 'build-cli.ts'),
        '--out',
        path.join(tmp, 'cli'),
      ])
    : Promise.resolve(undefined);
  let actions: string[] = [];
  try {
    actions = checks('bundles') ? await buildActions(bundles) : [];
  } finally {
    // Not before the command line's build has ended: the folder it writes into goes below.
    await cliBuilt;
  }
  for (const name of actions) {
    problems.push(
      ...(await compareDirs(
        path.join(bundles, name, 'dist'),
        path.join(ROOT, 'actions', name, 'dist'),
        `actions/${name}/dist`,
      )),
    );
  }
  const cliProblem = await cliBuilt;
  if (cliProblem) throw new Error(`building cli/dist failed: ${cliProblem} (see above)`);
  if (checks('cli')) {
    problems.push(...(await compareDirs(path.join(tmp, 'cli'), CLI_DIST, 'cli/dist')));
  }
  if (checks('schema')) {
    await writeConfigSchema(path.join(tmp, 'schema'));
    problems.push(
      ...(await compareDirs(path.join(tmp, 'schema'), path.join(ROOT, 'schema'), 'schema')),
    );
  }
  const workflowsScript = path.join(ROOT, 'scripts', 'generate-workflows.ts');
  if (checks('workflows') && existsSync(workflowsScript)) {
    const { writeWorkflows } = (await import(workflowsScript)) as {
      writeWorkflows: (dir: string) => Promise<unknown>;
    };
    await writeWorkflows(path.join(tmp, 'workflows'));
    problems.push(
      ...(await compareDirs(
        path.join(tmp, 'workflows'),
        path.join(ROOT, '.github', 'workflows'),
        '.github/workflows',
      )),
    );
  }
  if (problems.length > 0) {
    console.error(
      `Generated files are out of date:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `Generated files are current (${[
        checks('bundles') && `${actions.length} action bundles`,
        checks('cli') && 'command line',
        checks('schema') && 'schema',
        checks('workflows') && 'workflows',
      ]
        .filter(Boolean)
        .join(', ')}).`,
    );
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
