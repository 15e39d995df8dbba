/**
 * The change history behind RestoreDBInstanceToPointInTime (sim/services/rds-pitr.ts), for RDS
 * instances backed by a real PostgreSQL.
 *
 * RDS restores to a point in time from a snapshot plus the write-ahead log. The sim keeps the
 * equivalent inside each backed database, in a schema the master user cannot read
 * (`rds_sim`):
 * - every table in the customer's schemas gets a row trigger recording each INSERT, UPDATE and
 *   DELETE (the old and new row as jsonb) with `clock_timestamp()`, and a TRUNCATE trigger
 *   recording every row it removes; an event trigger gives tables created later the same
 *   triggers, so history covers whatever the application creates;
 * - a restore to time T copies the database as it is now (`CREATE DATABASE … TEMPLATE`) and
 *   undoes, newest first, every recorded change whose transaction committed after T, with
 *   triggers off (`session_replication_role = replica`); the undone changes leave the copy's
 *   history too.
 *
 * When a change happened is its transaction's commit time, as RDS replays the log: a
 * transaction that wrote before T but committed after it is absent, one committed at or
 * before T is present. It is PostgreSQL's commit timestamp of the history row
 * (`track_commit_timestamp`, on for the sim's own servers; on a server without it, the
 * statement's `clock_timestamp()`, which can only be earlier), in microseconds;
 * SimClock.simTimeAt maps it to the sim's time exactly (a test that advances the clock moves
 * later commits later, and a commit before the advance stays before it). Not modelled:
 * sequences are not rewound
 * (a restored table may skip ids, as after any rollback), schema changes (DDL) are not undone,
 * and a dropped table's history goes with it.
 */
import pg from 'pg';
import type { RdsBacking } from './rds-postgres.js';
import { captureSnapshot, type SnapshotData } from './rds-restore.js';

async function asAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const INSTALL = `
CREATE SCHEMA IF NOT EXISTS rds_sim;
REVOKE ALL ON SCHEMA rds_sim FROM PUBLIC;
CREATE TABLE IF NOT EXISTS rds_sim.changes (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  tbl text NOT NULL,
  op text NOT NULL,
  old_row jsonb,
  new_row jsonb
);
CREATE OR REPLACE FUNCTION rds_sim.record_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  INSERT INTO rds_sim.changes (tbl, op, old_row, new_row) VALUES (
    format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), TG_OP,
    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION rds_sim.record_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO rds_sim.changes (tbl, op, old_row) SELECT %L, ''DELETE'', to_jsonb(t) FROM %I.%I t',
    format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), TG_TABLE_SCHEMA, TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION rds_sim.watch(target regclass) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS rds_sim_history ON %s', target);
  EXECUTE format('DROP TRIGGER IF EXISTS rds_sim_history_truncate ON %s', target);
  EXECUTE format('CREATE TRIGGER rds_sim_history AFTER INSERT OR UPDATE OR DELETE ON %s
    FOR EACH ROW EXECUTE FUNCTION rds_sim.record_row()', target);
  EXECUTE format('CREATE TRIGGER rds_sim_history_truncate BEFORE TRUNCATE ON %s
    FOR EACH STATEMENT EXECUTE FUNCTION rds_sim.record_truncate()', target);
END $$;
CREATE OR REPLACE FUNCTION rds_sim.on_create() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands()
    WHERE object_type = 'table' AND schema_name NOT IN ('rds_sim', 'pg_catalog', 'information_schema')
  LOOP
    PERFORM rds_sim.watch(r.objid::regclass);
  END LOOP;
END $$;
DROP EVENT TRIGGER IF EXISTS rds_sim_history;
CREATE EVENT TRIGGER rds_sim_history ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO')
  EXECUTE FUNCTION rds_sim.on_create();
SELECT rds_sim.watch(c.oid::regclass)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND n.nspname NOT IN ('rds_sim', 'pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_%';
`;

/**
 * A history row's commit time: its transaction is the change's. NULL (the server does not track
 * commit times, or the row was frozen) falls back to when the statement ran.
 */
const COMMITTED = `coalesce(
  CASE WHEN current_setting('track_commit_timestamp') = 'on'
       THEN pg_xact_commit_timestamp(xmin) END,
  at)`;

/** Starts recording every row change of the instance's database (needs a superuser). */
export async function installHistory(backing: RdsBacking): Promise<void> {
  await asAdmin(backing.adminUrl, (c) => c.query(INSTALL));
}

interface Change {
  seq: string;
  /** When its transaction committed: milliseconds since the epoch (with the microseconds as
   * the fraction), PostgreSQL's wall clock. */
  at_ms: number;
  tbl: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  old_row: unknown;
  new_row: unknown;
}

/**
 * The instance's data as it was at sim time `targetMs`: a copy of the database now with every
 * later change undone. `simTimeAt` maps PostgreSQL's wall-clock timestamps to sim time.
 */
export async function captureAt(
  backing: RdsBacking,
  label: string,
  masterPassword: string,
  targetMs: number,
  simTimeAt: (realMs: number) => number,
): Promise<SnapshotData> {
  const data = await captureSnapshot(backing, label, masterPassword);
  // The roles and passwords as they were then (sim/rds-roles.ts), not as they are now.
  data.roles = backing.roles.at(targetMs);
  const master = data.roles.get(backing.masterUsername);
  data.masterPassword = backing.roles.plaintext(master) ?? masterPassword;
  const url = new URL(backing.adminUrl);
  url.pathname = `/${data.database}`;
  await asAdmin(url.href, async (c) => {
    // float8 keeps the microseconds (about 1.8e15 µs since 1970, exact below 2^53).
    const { rows } = await c.query<Change>(
      `SELECT seq::text,
              (extract(epoch FROM ${COMMITTED}) * 1000)::float8 AS at_ms,
              tbl, op, old_row, new_row
         FROM rds_sim.changes ORDER BY seq DESC`,
    );
    const later = rows.filter((r) => simTimeAt(r.at_ms) > targetMs);
    if (later.length === 0) return;
    await c.query('BEGIN');
    // Triggers (the history's own, and foreign keys') stay quiet while history is replayed.
    await c.query(`SET LOCAL session_replication_role = replica`);
    for (const change of later) {
      const table = change.tbl;
      if (change.op !== 'DELETE')
        await c.query(
          `DELETE FROM ${table} WHERE ctid = (SELECT ctid FROM ${table} t WHERE to_jsonb(t) = $1::jsonb LIMIT 1)`,
          [JSON.stringify(change.new_row)],
        );
      if (change.op !== 'INSERT')
        await c.query(
          `INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_record(NULL::${table}, $1::jsonb)`,
          [JSON.stringify(change.old_row)],
        );
    }
    await c.query(`DELETE FROM rds_sim.changes WHERE seq = ANY($1::bigint[])`, [
      later.map((r) => r.seq),
    ]);
    await c.query('COMMIT');
  });
  return data;
}
