/**
 * What a rehearsal of restore.yml (called by docs/setup.md §12's caller,
 * examples/caller/.github/workflows/apprunner-ops-restore.yml) needs on top of the deploy
 * rehearsal: drop-db backed by a real PostgreSQL, production's `restore.verify` queries, the
 * DATABASE_URL the queries log in with (the service's, through the instance's endpoint), the
 * environment's restore role (RESTORE_AWS_ROLE_ARN) and the audit database; and the incident
 * itself: rows written at T1, a bad DELETE of them at T2 = T1 + 2 min. `npm run rehearse --
 * restore` dispatches the caller with `to: T1 + 30 s, mode: cut-over`: the restore job (first
 * approval) restores beside drop-db and shows the queries side by side, the cut-over job
 * (second approval) swaps the instances by renaming. Production's reviewers approve each job
 * (RehearsalOptions.approve); a job in an environment without reviewers is refused, as the
 * suite asks for them.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import pg from 'pg';
import type { FixtureInput } from '../../sim/fixture.js';
import type { SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { readActionManifest, REPO_ROOT } from '../action-manifests.js';
import { ENVIRONMENTS } from '../environments.js';
import type { RehearsalOptions } from './engine.js';
import { REHEARSAL_ACCOUNT } from './stand-ins.js';
import { rehearsalFixture, simConfig, simRehearsalOptions } from './with-sim.js';

/** docs/setup.md §12's caller: restore by hand, inspect then (second approval) cut over. */
export const RESTORE_CALLER_WORKFLOW = path.join(
  REPO_ROOT,
  'examples',
  'caller',
  '.github',
  'workflows',
  'apprunner-ops-restore.yml',
);

export const RESTORE_ROLE_ARN = `arn:aws:iam::${REHEARSAL_ACCOUNT}:role/apprunner-ops-production-restore`;

/** What restore.verify compares on both instances: all users, and the rows the DELETE took. */
const RESTORE_ITEM = `    restore:
      verify:
        - name: users
          sql: SELECT count(*) FROM users
        - name: t1-rows
          sql: SELECT count(*) FROM users WHERE email LIKE 't1-%'
`;

const MINUTE = 60_000;

export function restoreRehearsalFixture(): FixtureInput {
  return withPostgres(rehearsalFixture() as FixtureInput & { rds: { instances: object[] } });
}

/** The service's DATABASE_URL: drop-db's endpoint (host and port follow the name). */
export async function serviceDatabaseUrl(sim: SimHandle): Promise<string> {
  const rds = new RDSClient(sim.clientConfig());
  try {
    const db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' })))
      .DBInstances?.[0];
    if (!db?.Endpoint?.Address || !db.Endpoint.Port)
      throw new Error('rehearse: drop-db has no endpoint in the sim');
    const url = new URL(sim.database('drop-db').masterUrl);
    url.hostname = db.Endpoint.Address;
    url.port = String(db.Endpoint.Port);
    return url.toString();
  } finally {
    rds.destroy();
  }
}

async function exec(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The incident: three rows at T1, a bad DELETE of them at T2 = T1 + 2 min, then ten minutes,
 * so T1 + 30 s is inside the restore window (LatestRestorableTime trails by five minutes).
 * T1 is read once the three INSERTs have committed, so T1 + 30 s is after their commits as the
 * sim's clock maps them (sim/rds-history.ts), and the DELETE commits after the advance, at
 * T2. Returns T1 + 30 s, the time to restore to.
 */
export async function badDelete(sim: SimHandle, databaseUrl: string): Promise<Date> {
  for (const n of [1, 2, 3])
    await exec(databaseUrl, `INSERT INTO users (email) VALUES ('t1-${n}@example.com')`);
  const t1 = sim.now();
  sim.advance(2 * MINUTE);
  await exec(databaseUrl, `DELETE FROM users WHERE email LIKE 't1-%'`);
  sim.advance(10 * MINUTE);
  return new Date(t1 + 30_000);
}

export function restoreInputs(to: Date, mode: 'inspect' | 'cut-over' = 'cut-over') {
  return {
    environment: 'production',
    to: to.toISOString(),
    mode,
    reason: 'rehearsal: a bad DELETE on users',
  };
}

/** One approval a job waited for: which job, in which environment, when. */
export interface Approval {
  job: string;
  environment: string;
  at: number;
}

export async function restoreRehearsalOptions(
  sim: SimHandle,
  workspaceOptions: { callerWorkflow?: string } = {},
  onApproval: (job: { id: string; environment: string }) => Promise<void> = async () => {},
): Promise<
  Awaited<ReturnType<typeof simRehearsalOptions>> & {
    approve: NonNullable<RehearsalOptions['approve']>;
    approvals: Approval[];
    databaseUrl: string;
  }
> {
  const options = await simRehearsalOptions(sim, workspaceOptions);
  const config = simConfig(sim).replace(/(\n {2}production:\n)/, `$1${RESTORE_ITEM}`);
  if (!config.includes(RESTORE_ITEM)) throw new Error('rehearse: no production in the config');
  await writeFile(path.join(options.workspace as string, '.github', 'apprunner-ops.yml'), config);
  const databaseUrl = await serviceDatabaseUrl(sim);
  const environments = structuredClone(options.environments ?? {});
  const production = (environments['production'] ??= {});
  production.vars = { ...production.vars, RESTORE_AWS_ROLE_ARN: RESTORE_ROLE_ARN };
  production.secrets = { ...production.secrets, DATABASE_URL: databaseUrl };
  const declared = readActionManifest('restore-database').inputs;
  const approvals: Approval[] = [];
  return {
    ...options,
    environments,
    secrets: { ...options.secrets, AUDIT_DATABASE_URL: sim.database('drop-db').adminUrl },
    actionInputs: {
      ...options.actionInputs,
      'restore-database': 'poll-interval' in declared ? { 'poll-interval': '100ms' } : {},
    },
    approvals,
    databaseUrl,
    // As GitHub does: a job in an environment with required reviewers waits for one of them.
    approve: async (job) => {
      if (!ENVIRONMENTS.find((e) => e.name === job.environment)?.reviewers)
        throw new Error(
          `job ${job.id} runs in ${job.environment}, which has no required reviewers: a restore must be approved`,
        );
      await onApproval(job);
      approvals.push({ job: job.id, environment: job.environment, at: Date.now() });
    },
  };
}
