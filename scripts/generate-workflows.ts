/**
 * `npm run workflows`: regenerates workflows-src/action-inputs.generated.ts from the
 * action.yml files, then writes .github/workflows/<file> for every source in workflows-src/.
 * `writeWorkflows(dir)` is what the generated-files check calls. Refuses to write a workflow
 * whose `uses: ./actions/*` steps do not match their action.yml (the types catch it at
 * typecheck; this catches it even when the generated types are stale).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../workflows-src/action-manifests.js';
import { ACTION_TYPES_FILE, renderActionTypes } from '../workflows-src/action-types.js';
import { WORKFLOWS } from '../workflows-src/index.js';
import { renderWorkflow } from '../workflows-src/render.js';
import { checkLocalActionInputs } from '../workflows-src/validate/local-actions.js';
import { formatFinding, parseWorkflowFile } from '../workflows-src/validate/model.js';

export const WORKFLOWS_DIR = path.join(REPO_ROOT, '.github', 'workflows');
const GENERATED_MARK = '— generated — do not edit';

/** Renders every workflow; throws when one passes our actions inputs they do not declare. */
export function renderWorkflows(): Map<string, string> {
  const rendered = new Map<string, string>();
  const problems: string[] = [];
  for (const source of WORKFLOWS) {
    const text = renderWorkflow(source);
    const model = parseWorkflowFile({ file: `.github/workflows/${source.file}`, text });
    problems.push(...checkLocalActionInputs(model).map(formatFinding));
    rendered.set(source.file, text);
  }
  if (problems.length > 0)
    throw new Error(
      `workflow sources do not match the action.yml files:\n  ${problems.join('\n  ')}`,
    );
  return rendered;
}

/** Writes every generated workflow into `dir` and removes generated ones no source makes. */
export async function writeWorkflows(dir: string): Promise<string[]> {
  const rendered = renderWorkflows();
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (rendered.has(name) || !name.endsWith('.yml')) continue;
    const text = await readFile(path.join(dir, name), 'utf8');
    if (text.includes(GENERATED_MARK)) await rm(path.join(dir, name));
  }
  const written: string[] = [];
  for (const [name, text] of rendered) {
    await writeFile(path.join(dir, name), text);
    written.push(path.join(dir, name));
  }
  return written;
}

/** Rewrites action-inputs.generated.ts; returns whether it changed. */
export async function writeActionTypes(): Promise<boolean> {
  const fresh = await renderActionTypes();
  const current = existsSync(ACTION_TYPES_FILE) ? await readFile(ACTION_TYPES_FILE, 'utf8') : '';
  if (fresh === current) return false;
  await writeFile(ACTION_TYPES_FILE, fresh);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (await writeActionTypes())
    console.log(`updated ${path.relative(REPO_ROOT, ACTION_TYPES_FILE)} (run npm run typecheck)`);
  for (const file of await writeWorkflows(WORKFLOWS_DIR))
    console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}
