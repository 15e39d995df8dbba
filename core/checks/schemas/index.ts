import { z } from 'zod';
import type { TargetKind } from '../../config/fields.js';
import { serviceRunningSchema } from './service-running.js';
import { attestationSchema } from './attestation.js';
import { backupsSchema } from './backups.js';
import { ciGreenSchema } from './ci-green.js';
import { customDomainsSchema } from './custom-domains.js';
import { databaseAvailableSchema } from './database-available.js';
import { databasePrivateSchema } from './database-private.js';
import { ecrUntaggedSchema } from './ecr-untagged.js';
import { errorRateSchema } from './error-rate.js';
import { freeStorageSchema } from './free-storage.js';
import { healthSchema } from './health.js';
import { hstsSchema } from './hsts.js';
import { httpsRedirectSchema } from './https-redirect.js';
import { imagePresentSchema } from './image-present.js';
import { latencyP99Schema } from './latency-p99.js';
import { lifecyclePolicySchema } from './lifecycle-policy.js';
import { logErrorsSchema } from './log-errors.js';
import { monitorsGreenSchema } from './monitors-green.js';
import { pagesReachableSchema } from './pages-reachable.js';
import { pitrTestedSchema, restoreVerifiedSchema } from './restore-verified.js';
import {
  blockingSchema,
  connectionsSchema,
  longQueriesSchema,
  replicationLagSchema,
  storageGrowthSchema,
} from './db-diagnostics.js';
import { rotationDueSchema } from './rotation-due.js';
import { secretsPresentSchema } from './secrets-present.js';
import { serviceEnvSchema } from './service-env.js';
import { snapshotFreshSchema } from './snapshot-fresh.js';
import { snapshotRestoreSchema } from './snapshot-restore.js';
import { sqlSchema } from './sql.js';
import { tlsCheckSchema } from './tls.js';
import { reportSchema } from './report.js';
import { incidentsResolvedSchema } from './incidents-resolved.js';
import { escalationTestSchema } from './escalation-test.js';
import { commonCheckFields, type CheckSchema } from './common.js';

/**
 * Every check type's item schema, once, in the order of `CHECK_TYPES` (core/checks/registry.ts,
 * which pairs each with its run). The configuration's `checks.*` and `gates.*` lists are built
 * from this list, so reading a configuration loads no check.
 */
export const CHECK_SCHEMAS: readonly CheckSchema[] = [
  serviceRunningSchema,
  attestationSchema,
  backupsSchema,
  ciGreenSchema,
  customDomainsSchema,
  databaseAvailableSchema,
  databasePrivateSchema,
  ecrUntaggedSchema,
  errorRateSchema,
  freeStorageSchema,
  healthSchema,
  hstsSchema,
  httpsRedirectSchema,
  imagePresentSchema,
  latencyP99Schema,
  lifecyclePolicySchema,
  logErrorsSchema,
  monitorsGreenSchema,
  pagesReachableSchema,
  restoreVerifiedSchema,
  rotationDueSchema,
  secretsPresentSchema,
  serviceEnvSchema,
  snapshotFreshSchema,
  snapshotRestoreSchema,
  sqlSchema,
  tlsCheckSchema,
  reportSchema,
  incidentsResolvedSchema,
  escalationTestSchema,
  pitrTestedSchema,
  connectionsSchema,
  longQueriesSchema,
  blockingSchema,
  replicationLagSchema,
  storageGrowthSchema,
];

export function checkSchema(type: string): CheckSchema | undefined {
  return CHECK_SCHEMAS.find((t) => t.type === type);
}

/** Why a check type cannot run on a deploy target (custom-domains on ECS Express), if it cannot. */
export function targetMismatch(
  type: Pick<CheckSchema, 'type' | 'targets'> | undefined,
  kind: TargetKind,
): string | undefined {
  if (!type?.targets || type.targets.includes(kind)) return undefined;
  return `${type.type} reads what only ${type.targets.join(' and ')} has, and this environment's target is ${kind}: remove it from the environment's lists`;
}

function itemSchema(t: CheckSchema) {
  return z
    .strictObject({ type: z.literal(t.type), ...commonCheckFields, ...t.shape })
    .describe(t.description);
}

const [first, ...rest] = CHECK_SCHEMAS.map(itemSchema);

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
