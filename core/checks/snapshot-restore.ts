import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsCall, type AwsCallDeps } from '../aws/call.js';
import { readRestoreDrills, recordRestoreDrill } from '../drill/record.js';
import { runRestoreDrill, type DrillReport } from '../drill/restore-drill.js';
import { DRILL_DEFAULTS } from '../drill/schema.js';
import { credentialsFromUrl, type DrillCredentials } from '../drill/verify.js';
import { formatDuration, parseDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import { snapshotRestoreSchema } from './schemas/snapshot-restore.js';
import { defineCheck, type CheckContext } from './types.js';

/** Master credentials from Secrets Manager (the RDS-managed secret's JSON). */
async function secretCredentials(
  secretId: string,
  ssl: boolean,
  ctx: CheckContext,
  deps: AwsCallDeps,
): Promise<DrillCredentials> {
  // createAwsClients gains a Secrets Manager client on main; until then make one here.
  const client =
    (ctx.aws as { secretsManager?: SecretsManagerClient }).secretsManager ??
    new SecretsManagerClient({ region: ctx.env.region, maxAttempts: 1 });
  const out = await awsCall(
    'GetSecretValue',
    () => client.send(new GetSecretValueCommand({ SecretId: secretId })),
    deps,
  );
  let parsed: { username?: unknown; password?: unknown; dbname?: unknown };
  try {
    parsed = JSON.parse(out.SecretString ?? '') as typeof parsed;
  } catch {
    throw new Error(
      `secret ${secretId} is not JSON with username and password (as RDS-managed master secrets are)`,
    );
  }
  if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string')
    throw new Error(`secret ${secretId} has no username and password keys`);
  return {
    user: parsed.username,
    password: parsed.password,
    database: typeof parsed.dbname === 'string' ? parsed.dbname : '',
    ssl: ssl ? { rejectUnauthorized: false } : false,
  };
}

function summary(report: DrillReport): string {
  const values = report.results.map((r) => `${r.name} = ${String(r.value)}`).join(', ');
  return [
    report.snapshot && `restored ${report.snapshot.id}`,
    report.drillInstance && `into ${report.drillInstance}`,
    report.restoreMs !== undefined && `in ${formatDuration(report.restoreMs)} (measured RTO)`,
    values && `verified ${values}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The monthly restore drill as a check: restore, verify with real SQL, delete, record.
 * It creates and deletes an instance, so it is `mutating` (the go-live gate refuses it and
 * reads its record through restore-verified instead).
 */
export const snapshotRestore = defineCheck({
  ...snapshotRestoreSchema,
  // Restore (deadline 60m) plus delete (30m) plus the rest; the job's timeout is derived from it.
  defaultTimeoutMs: DRILL_DEFAULTS.checkTimeoutMinutes * 60_000,
  group: 'Infrastructure',
  mutating: () => true,
  async run(check, ctx) {
    const deps: AwsCallDeps = { clock: ctx.clock, logger: ctx.logger };
    const db = ctx.env.database;
    if (!db)
      return {
        status: 'error',
        line: `snapshot-restore needs environments.${ctx.environment}.database.instance in the configuration`,
      };
    const source = db.instance;
    // Every input is checked before the first change.
    let credentials: DrillCredentials;
    try {
      if (check['master-secret'])
        credentials = await secretCredentials(check['master-secret'], check.ssl, ctx, deps);
      else if (ctx.secrets.databaseUrl) credentials = credentialsFromUrl(ctx.secrets.databaseUrl);
      else
        return {
          status: 'error',
          line: 'snapshot-restore needs credentials to verify the restore: set master-secret on the check, or give the job a database-url (its host is replaced by the drill instance’s)',
        };
    } catch (error) {
      return { status: 'error', line: `snapshot-restore: ${errorMessage(error)}` };
    }
    const ms = (text: string, fallback: number): number => parseDuration(text) ?? fallback;
    const report = await runRestoreDrill(
      ctx.aws.rds,
      {
        source,
        snapshot:
          check.from === 'pitr'
            ? { pitrAgeMs: ms(check['pitr-age'], 3_600_000) }
            : check.snapshot === 'newest-automated'
              ? 'automated'
              : { prefix: db['snapshot-prefix'] ?? `${source}-pre-deploy` },
        instanceClass: check['instance-class'],
        queries: check.queries,
        credentials,
        timing: {
          restoreTimeoutMs: ms(check.deadline, 3_600_000),
          deleteTimeoutMs: ms(check['delete-deadline'], 1_800_000),
          pollIntervalMs: ms(check['poll-interval'], 30_000),
        },
      },
      deps,
      ctx.signal,
    );

    const values = Object.fromEntries(report.results.map((r) => [r.name, r.value]));
    const observed: Record<string, unknown> = {
      instance: source,
      snapshot: report.snapshot?.id,
      snapshotTime: report.snapshot?.time.toISOString(),
      drillInstance: report.drillInstance,
      restoreMs: report.restoreMs,
      deleteMs: report.deleteMs,
      values,
      leftoversDeleted: report.leftoversDeleted,
    };
    let recorded = 'not recorded (no audit-database-url)';
    const audit = ctx.secrets.auditDatabaseUrl;
    if (audit && report.drillInstance) {
      try {
        const previous = await readRestoreDrills(audit, source, 5);
        observed['previousRestoreMs'] = previous.map((p) => ({
          at: p.at.toISOString(),
          restoreMs: p.restoreMs,
          result: p.result,
        }));
        await recordRestoreDrill(
          audit,
          {
            instance: source,
            environment: ctx.environment,
            result: report.ok ? 'pass' : 'fail',
            snapshot: report.snapshot?.id ?? '',
            snapshotTime: report.snapshot?.time.toISOString() ?? '',
            drillInstance: report.drillInstance,
            restoreMs: report.restoreMs,
            deleteMs: report.deleteMs,
            values,
            finishedAt: new Date(ctx.clock.now()).toISOString(),
            problem: report.problem ?? report.leftBehind,
          },
          { actor: ctx.run?.actor ?? 'apprunner-ops', runUrl: ctx.run?.runUrl ?? '' },
        );
        const earlier = previous.flatMap((p) =>
          p.restoreMs !== undefined ? [formatDuration(p.restoreMs)] : [],
        );
        recorded = `recorded in audit_log (restore_drill)${earlier.length > 0 ? `; earlier restores took ${earlier.join(', ')}` : ''}`;
      } catch (error) {
        recorded = `not recorded: ${errorMessage(error)}`;
      }
    }
    const evidence = { results: report.results, recorded };
    const leftovers =
      report.leftoversDeleted.length > 0
        ? `; first deleted leftover drill instance(s) ${report.leftoversDeleted.join(', ')}`
        : '';
    const deleted =
      report.deleteMs !== undefined
        ? `; drill instance deleted in ${formatDuration(report.deleteMs)}`
        : '';
    if (report.leftBehind)
      return {
        status: 'fail',
        line: `${source}: ${report.problem ? `drill failed (${report.problem}); ` : ''}${report.leftBehind}${leftovers}`,
        observed,
        evidence,
      };
    if (!report.ok)
      return {
        status: 'fail',
        line: `${source}: restore drill failed: ${report.problem ?? 'unknown'}${deleted}${leftovers}; nothing is left running`,
        observed,
        evidence,
      };
    return {
      status: recorded.startsWith('recorded') ? 'pass' : 'warn',
      line: `${source}: ${summary(report)}${deleted}${leftovers}; ${recorded}`,
      observed,
      evidence,
    };
  },
});
