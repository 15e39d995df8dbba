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
import { pitrTested, restoreVerified } from './restore-verified.js';
import { blocking, connections, longQueries } from './db-diagnostics.js';
import { replicationLag } from './replication-lag.js';
import { storageGrowth } from './storage-growth.js';
import { rotationDue } from './rotation-due.js';
import { secretsPresent } from './secrets-present.js';
import { serviceEnv } from './service-env.js';
import { snapshotFresh } from './snapshot-fresh.js';
import { snapshotRestore } from './snapshot-restore.js';
import { sql } from './sql.js';
import { tlsCheck } from './tls.js';
import { reportCheck } from './report-check.js';
import { incidentsResolved } from './incidents-resolved.js';
import { escalationTest } from './escalation-test.js';
import type { CheckType } from './types.js';

/**
 * Every check type, once. The configuration's `checks.*` and `gates.*` lists, the ops-check
 * action, the go-live gate and the deploy's bake period all select from this list.
 * A new type: its item schema in `schemas/<type>.ts` (one line in `schemas/index.ts`, in the
 * same place), and its run in `<type>.ts`, which spreads that schema into `defineCheck({...})`
 * and is one line here.
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
  reportCheck,
  incidentsResolved,
  escalationTest,
  pitrTested,
  connections,
  longQueries,
  blocking,
  replicationLag,
  storageGrowth,
];

export function checkType(type: string): CheckType | undefined {
  return CHECK_TYPES.find((t) => t.type === type);
}

/**
 * The configuration's view of the check types (their item schemas), re-exported for the
 * runners that read both.
 */
export { checkId, checkItemSchema, targetMismatch, type CheckItem } from './schemas/index.js';
