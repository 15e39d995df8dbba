/** Every workflow source; `npm run workflows` writes one .github/workflows/<file> for each. */
import { checksWorkflow } from './checks.js';
import { ci } from './ci.js';
import { deploy } from './deploy.js';
import type { WorkflowSource } from './dsl.js';
import { goLive } from './go-live.js';
import { release } from './release.js';
import { restart } from './restart.js';
import { rollback } from './rollback.js';
import { rotate } from './rotate.js';
import { restoreWorkflow } from './restore.js';
import { opsDaily, opsMonthly, opsWeekly } from './ops.js';

export const WORKFLOWS: readonly WorkflowSource[] = [
  ci,
  deploy,
  rollback,
  restart,
  opsDaily,
  opsWeekly,
  opsMonthly,
  goLive,
  rotate,
  release,
  checksWorkflow,
  restoreWorkflow,
];
