/** Global setup: looks each Debian tool up once for the whole run (see tools.ts). */
import type { TestProject } from 'vitest/node';
import { lookUpMissingTools } from './tools.js';

export default function setup(project: TestProject): void {
  project.provide('missingTools', lookUpMissingTools());
}
