/**
 * Reads the action.yml of our own actions (actions/<name>/action.yml). One reader shared by
 * the input-type generator, the workflow renderer and the local-action input check, so all
 * three agree on what an action declares.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface InputSpec {
  description: string;
  required: boolean;
  default?: string;
}

export interface ActionManifest {
  /** Folder name under actions/. */
  name: string;
  description: string;
  inputs: Record<string, InputSpec>;
  outputs: Record<string, { description: string }>;
}

interface RawManifest {
  description?: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
}

export function readActionManifest(name: string, root = REPO_ROOT): ActionManifest {
  const file = path.join(root, 'actions', name, 'action.yml');
  const raw = parse(readFileSync(file, 'utf8')) as RawManifest;
  const inputs: Record<string, InputSpec> = {};
  for (const [input, spec] of Object.entries(raw.inputs ?? {})) {
    inputs[input] = {
      description: spec.description ?? '',
      // The runner treats a missing `required` as false.
      required: spec.required === true,
      ...(spec.default !== undefined ? { default: String(spec.default) } : {}),
    };
  }
  const outputs: Record<string, { description: string }> = {};
  for (const [output, spec] of Object.entries(raw.outputs ?? {}))
    outputs[output] = { description: spec.description ?? '' };
  return { name, description: raw.description ?? '', inputs, outputs };
}

/** Every actions/<name> with an action.yml, sorted so generated output is stable. */
export function listActions(root = REPO_ROOT): string[] {
  return readdirSync(path.join(root, 'actions'))
    .filter((name) => existsSync(path.join(root, 'actions', name, 'action.yml')))
    .sort();
}

export function readAllActionManifests(root = REPO_ROOT): Map<string, ActionManifest> {
  return new Map(listActions(root).map((name) => [name, readActionManifest(name, root)]));
}
