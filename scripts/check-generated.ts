/**
 * Rebuilds every generated file into a temporary folder and compares it with the tree:
 * actions/<name>/dist, schema/apprunner-ops.schema.json (and the workflows, once they exist).
 * Exits 1 and names each file that differs, is missing or should not be there.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildActions, ROOT } from './build-actions.js';
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

const tmp = await mkdtemp(path.join(os.tmpdir(), 'check-generated-'));
try {
  const problems: string[] = [];
  const actions = await buildActions(path.join(tmp, 'actions'));
  for (const name of actions) {
    problems.push(
      ...(await compareDirs(
        path.join(tmp, 'actions', name, 'dist'),
        path.join(ROOT, 'actions', name, 'dist'),
        `actions/${name}/dist`,
      )),
    );
  }
  await writeConfigSchema(path.join(tmp, 'schema'));
  problems.push(
    ...(await compareDirs(path.join(tmp, 'schema'), path.join(ROOT, 'schema'), 'schema')),
  );
  const workflowsScript = path.join(ROOT, 'scripts', 'generate-workflows.ts');
  if (existsSync(workflowsScript)) {
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
      `Generated files are current (${actions.length} action bundles, schema${existsSync(workflowsScript) ? ', workflows' : ''}).`,
    );
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
