/**
 * restore-database end to end: the configuration, the AWS client, the maintenance window, the
 * run, the audit row. The action's main.ts reads its inputs and calls this.
 */
import { randomUUID } from 'node:crypto';
import type { RunInfo } from '../action/github-context.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import { createAwsClients } from '../aws/clients.js';
import { loadConfig, selectEnvironment } from '../config/load.js';
import { openDatabaseAccess, preflightDatabases } from '../database/access.js';
import { closeMaintenanceWindow, openMaintenanceWindow } from '../maintenance/suite-pauses.js';
import { BetterStackMonitors, betterStackApiUrl } from '../notify/betterstack.js';
import type { Clock } from '../util/clock.js';
import { parseDuration } from '../util/duration.js';
import { ConfigError, errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { checkRequest, type RestoreRequest } from './request.js';
import { runRestore, type RestoreContext, type RestoreReport } from './run.js';
import { restoreConfigSchema } from './schema.js';

export async function restoreDatabase(
  request: RestoreRequest,
  deps: {
    clock: Clock;
    logger: Logger;
    run: RunInfo;
    /** The runner's saveState: the post step ends database sessions a cancelled run left. */
    saveState?: (name: string, value: string) => void;
  },
): Promise<RestoreReport> {
  checkRequest(request);
  const config = await loadConfig(request.config);
  const env = selectEnvironment(config, request.environment, request.config);
  if (!env.database)
    throw new ConfigError(request.config, [
      `environments.${request.environment}.database.instance: required to restore a database`,
    ]);
  const restoreConfig = env.restore ?? restoreConfigSchema.parse({});
  const ms = (text: string, fallback: number): number => parseDuration(text) ?? fallback;
  const clients = createAwsClients(env.region);
  const { clock, logger } = deps;
  // Before the first change (the forensics snapshot): the databases whose queries the restore
  // compares, and the audit database, answer along the environment's route (database.access).
  // The restored instance is reached the same way once it exists (a session of its own).
  const access = await openDatabaseAccess(
    env,
    { environment: request.environment, configFile: request.config },
    { clock, logger, clients, ...(deps.saveState ? { saveState: deps.saveState } : {}) },
  );
  await preflightDatabases(
    access,
    [
      { url: request.databaseUrl, what: 'the database (database-url)' },
      { url: request.auditDatabaseUrl, what: 'the audit database (audit-database-url)' },
    ],
    logger,
  );
  const maintenance = env.maintenance;
  const token = request.betterstackToken;
  const ctx: RestoreContext = {
    rdsClient: clients.rds,
    deps: { clock, logger },
    config: restoreConfig,
    source: env.database.instance.toLowerCase(),
    timing: {
      restoreTimeoutMs: ms(restoreConfig.deadline, 3_600_000),
      renameTimeoutMs: ms(restoreConfig['rename-deadline'], 900_000),
      snapshotTimeoutMs: ms(env.database['snapshot-timeout'], 1_800_000),
      pollIntervalMs: request.pollIntervalMs ?? 15_000,
    },
    maintenance: async () => {
      if (!maintenance || !token)
        return {
          line: maintenance
            ? 'no maintenance window: no betterstack-token given'
            : 'no maintenance monitors configured',
          close: () => Promise.resolve('no maintenance window to close'),
        };
      const client = new BetterStackMonitors(betterStackApiUrl(), token, { clock, logger });
      const pauseId = randomUUID();
      const ids = maintenance['monitor-ids'];
      const opened = await openMaintenanceWindow(
        client,
        ids,
        {
          environment: request.environment,
          action: 'restore-database',
          pauseId,
          runUrl: deps.run.runUrl,
          windowMs: parseDuration(maintenance.window) ?? 1_800_000,
        },
        { clock, logger },
      );
      return {
        line: `maintenance window: paused ${opened.paused.join(', ') || 'no monitor'}`,
        close: async () => {
          const closed = await closeMaintenanceWindow(client, ids, pauseId, { clock, logger });
          return `maintenance window closed: resumed ${closed.resumed.join(', ') || 'no monitor'}`;
        },
      };
    },
  };
  let report: RestoreReport | undefined;
  let failure: unknown;
  try {
    report = await runRestore(request, ctx);
  } catch (error) {
    failure = error;
  } finally {
    clients.rds.destroy();
  }
  if (request.auditDatabaseUrl && !request.dryRun) {
    try {
      await writeAuditEntry(request.auditDatabaseUrl, {
        action: `database_restore_${request.mode.replace('-', '_')}`,
        resourceType: 'rds_instance',
        resourceId: ctx.source,
        details: {
          reason: request.reason,
          to: report?.plan?.to,
          restored: report?.plan?.restored,
          replaced: report?.replaced,
          forensicsSnapshot: report?.forensicsSnapshot,
          result: failure || !report?.ok ? 'failed' : 'ok',
          ...(failure || !report?.ok
            ? { problem: failure ? errorMessage(failure) : report?.headline }
            : {}),
        },
        actor: deps.run.actor,
        runUrl: deps.run.runUrl,
      });
    } catch (error) {
      logger.warning(`audit row not written: ${errorMessage(error)}`);
    }
  }
  if (failure) throw failure;
  return report!;
}
