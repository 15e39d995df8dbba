import { z } from 'zod';
import type { TargetKind } from '../targets/target.js';
import { serviceRunning } from './service-running.js';
import { attestation } from './attestation.js';
import { backups } from './backups.js';
import { ciGreen } from './ci-green.js';
import { customDomains } from './custom-domains.js';
import { databaseAvailable } from './database-available.js';
import { databasePrivate } from './database-private.js';
import { ecrUntagged } from './ecr-untagged.js';
import { errorRate } from './error-rate.js';
import { freeStorage } from './free-storage.js';
import { health } from './health.js';
import { hsts } from './hsts.js';
import { httpsRedirect } from './https-redirect.js';
import { imagePresent } from './image-present.js';
import { latencyP99 } from './latency-p99.js';
import { lifecyclePolicy } from './lifecycle-policy.js';
import { logErrors } from './log-errors.js';
import { monitorsGreen } from './monitors-green.js';
import { pagesReachable } from './pages-reachable.js';
import { restoreVerified } from './restore-verified.js';
import { rotationDue } from './rotation-due.js';
import { secretsPresent } from './secrets-present.js';
import { serviceEnv } from './service-env.js';
import { snapshotFresh } from './snapshot-fresh.js';
import { snapshotRestore } from './snapshot-restore.js';
import { sql } from './sql.js';
import { tlsCheck } from './tls.js';
import { commonCheckFields, type CheckType } from './types.js';

/**
 * Every check type, once. The configuration's `checks.*` and `gates.*` lists, the ops-check
 * action, the go-live gate and the deploy's bake period all select from this list.
 * A new type: one file exporting `defineCheck({...})`, and one line here.
 */
export const CHECK_TYPES: readonly CheckType[] = [
  serviceRunning,
  attestation,
  backups,
  ciGreen,
  customDomains,
  databaseAvailable,
  databasePrivate,
  ecrUntagged,
  errorRate,
  freeStorage,
  health,
  hsts,
  httpsRedirect,
  imagePresent,
  latencyP99,
  lifecyclePolicy,
  logErrors,
  monitorsGreen,
  pagesReachable,
  restoreVerified,
  rotationDue,
  secretsPresent,
  serviceEnv,
  snapshotFresh,
  snapshotRestore,
  sql,
  tlsCheck,
];

export function checkType(type: string): CheckType | undefined {
  return CHECK_TYPES.find((t) => t.type === type);
}

/** Why a check type cannot run on a deploy target (custom-domains on ECS Express), if it cannot. */
export function targetMismatch(type: CheckType | undefined, kind: TargetKind): string | undefined {
  if (!type?.targets || type.targets.includes(kind)) return undefined;
  return `${type.type} reads what only ${type.targets.join(' and ')} has, and this environment's target is ${kind}: remove it from the environment's lists`;
}

function itemSchema(t: CheckType) {
  return z
    .strictObject({ type: z.literal(t.type), ...commonCheckFields, ...t.schema.shape })
    .describe(t.description);
}

const [first, ...rest] = CHECK_TYPES.map(itemSchema);

/** One configured check: `{ type, ...its fields, id?, group?, timeout? }`. */
export const checkItemSchema = z.discriminatedUnion('type', [
  first as ReturnType<typeof itemSchema>,
  ...rest,
]);
export type CheckItem = z.output<typeof checkItemSchema>;

/** Stable id of a configured check: its `id`, else type plus name (sql), else the type. */
export function checkId(item: { type: string; id?: string | undefined; name?: unknown }): string {
  if (item.id) return item.id;
  if (typeof item.name === 'string') return `${item.type}-${item.name}`;
  return item.type;
}
