/**
 * Renders workflows-src/action-inputs.generated.ts from every actions/<name>/action.yml: one
 * interface per action whose keys are exactly its inputs, required ones required. Workflow
 * sources type their `with:` against it, so renaming or adding a required input in an
 * action.yml breaks `npm run typecheck` instead of a production run.
 */
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { readAllActionManifests, REPO_ROOT, type ActionManifest } from './action-manifests.js';

export const ACTION_TYPES_FILE = path.join(
  REPO_ROOT,
  'workflows-src',
  'action-inputs.generated.ts',
);

const doc = (text: string): string => text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();

function actionBlock(manifest: ActionManifest): { inputs: string; outputs: string } {
  const inputs = Object.entries(manifest.inputs)
    .map(([name, spec]) => {
      const dflt = spec.default !== undefined ? ` Default: \`${spec.default}\`.` : '';
      return `    /** ${doc(spec.description)}${dflt} */\n    readonly ${JSON.stringify(name)}${spec.required ? '' : '?'}: InputValue;`;
    })
    .join('\n');
  const outputNames = Object.keys(manifest.outputs);
  return {
    inputs: `  /** ${doc(manifest.description)} */\n  ${JSON.stringify(manifest.name)}: {\n${inputs}\n  };`,
    outputs: `  ${JSON.stringify(manifest.name)}: ${outputNames.length ? outputNames.map((o) => JSON.stringify(o)).join(' | ') : 'never'};`,
  };
}

export async function renderActionTypes(root = REPO_ROOT): Promise<string> {
  const blocks = [...readAllActionManifests(root).values()].map(actionBlock);
  const source = [
    '// Generated from actions/*/action.yml by `npm run workflows` (scripts/generate-workflows.ts).',
    '// generated — do not edit: change the action.yml and regenerate.',
    '',
    '/** What a `with:` value may be; the runner turns it into a string. */',
    'export type InputValue = string | number | boolean;',
    '',
    '/** The inputs of each of our actions, keyed by folder name under actions/. */',
    'export interface ActionInputs {',
    blocks.map((b) => b.inputs).join('\n'),
    '}',
    '',
    '/** The output names of each of our actions. */',
    'export interface ActionOutputs {',
    blocks.map((b) => b.outputs).join('\n'),
    '}',
    '',
    'export type ActionName = keyof ActionInputs;',
    '',
  ].join('\n');
  // Prettier keeps the file identical to what `npm run format` would leave, so the
  // generated-files check and `prettier --check` agree.
  const options = (await resolveConfig(ACTION_TYPES_FILE)) ?? {};
  return format(source, { ...options, filepath: ACTION_TYPES_FILE });
}
