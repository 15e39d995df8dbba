/**
 * The login roles of an RDS instance backed by a real PostgreSQL, and their passwords over time,
 * so that a restore keeps the roles and passwords of its snapshot or of its point in time (as on
 * RDS, where roles live in the restored cluster), whatever the source changed since.
 *
 * PostgreSQL keeps roles cluster-wide, and a restored instance's database sits on its source's
 * server (sim/rds-restore.ts). So the sim records, per instance, each login role's SCRAM
 * verifier (`pg_authid.rolpassword`, never the password itself) and when it took it; a restore
 * makes roles of its own with the verifiers of its time, and its endpoint logs each user in as
 * the restore's role.
 *
 * When a role took a value: PostgreSQL's commit timestamp of the role's catalog row
 * (`track_commit_timestamp`, on for the sim's own servers), mapped to sim time; on a server
 * without it (DATABASE_URL), the time the sim read it. The sim reads the roles when the
 * instance starts, at every snapshot, whenever it sets a password itself (ModifyDBInstance, a
 * managed rotation), at every point-in-time restore, and every quarter second (real time)
 * while it runs (sampleRoles); a password changed twice between two readings keeps only its
 * latest value, and a role dropped is seen gone at the next reading.
 */
import pg from 'pg';

/** Login role → its SCRAM verifier (null: no password, so it cannot log in). */
export type Roles = Map<string, string | null>;

/** A role as read now; `changedRealMs` is when its catalog row was last written (wall clock). */
export interface RoleRow {
  name: string;
  verifier: string | null;
  changedRealMs: number | null;
}

interface Entry {
  /** Sim time from which the role had this value. */
  since: number;
  /** undefined: the role did not exist from `since` on. */
  verifier: string | null | undefined;
}

export interface RoleClock {
  now(): number;
  simTimeAt(realMs: number): number;
}

export class RoleHistory {
  private readonly entries = new Map<string, Entry[]>();
  /** Verifiers of passwords the sim set itself → the password (a restore's view reports it). */
  private readonly plaintexts = new Map<string, string>();
  private first = true;
  private started = 0;
  private applied = 0;

  constructor(
    private readonly read: () => Promise<RoleRow[]>,
    private readonly clock: RoleClock,
  ) {}

  /** Reads the roles now, adds what changed to the history, and returns them. */
  record(): Promise<Roles> {
    return this.recordRows(this.read);
  }

  /** The roles the history knows now, without reading them (tests wait on the sampler). */
  known(): string[] {
    return [...this.at(Infinity).keys()];
  }

  async recordRows(read: () => Promise<RoleRow[]>): Promise<Roles> {
    const seq = ++this.started;
    const rows = await read();
    // A reading that began before one already applied is older news: it would undo it.
    if (seq < this.applied) return this.at(Infinity);
    this.applied = seq;
    const now = this.clock.now();
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.name);
      const list = this.entries.get(row.name) ?? [];
      const last = list.at(-1);
      if (last && last.verifier === row.verifier) continue;
      // What exists at the first reading existed as long as the instance did.
      const changed =
        row.changedRealMs === null ? now : Math.min(now, this.clock.simTimeAt(row.changedRealMs));
      const since = this.first ? -Infinity : Math.max(changed, last?.since ?? -Infinity);
      list.push({ since, verifier: row.verifier });
      this.entries.set(row.name, list);
    }
    for (const [name, list] of this.entries) {
      const last = list.at(-1)!;
      if (!seen.has(name) && last.verifier !== undefined)
        list.push({ since: Math.max(now, last.since), verifier: undefined });
    }
    this.first = false;
    return this.at(Infinity);
  }

  /** The roles as they were at sim time `t`. */
  at(t: number): Roles {
    const roles: Roles = new Map();
    for (const [name, list] of this.entries) {
      let value: string | null | undefined;
      for (const e of list) if (e.since <= t) value = e.verifier;
      if (value !== undefined) roles.set(name, value);
    }
    return roles;
  }

  /** Notes the password the sim just set for `user` (after record()), by its verifier. */
  learn(user: string, password: string): void {
    const verifier = this.entries.get(user)?.at(-1)?.verifier;
    if (verifier) this.plaintexts.set(verifier, password);
  }

  /** The password behind a verifier, when the sim set it (undefined: set through SQL). */
  plaintext(verifier: string | null | undefined): string | undefined {
    return verifier ? this.plaintexts.get(verifier) : undefined;
  }
}

/** Roles a restore made for itself (sim/rds-restore.ts): never part of a source's roles. */
export const RESTORE_ROLE = /^rst_[0-9a-f]{8}_(?:m|r\d+)$/;

/** Which roles to read: only `names`, or (on a shared server) only those `database` concerns. */
export interface RoleFilter {
  names?: string[] | undefined;
  /**
   * On a server other instances share (DATABASE_URL), the roles that own or were granted
   * something in this database (or on it), and the roles that are members of those.
   */
  database?: string | undefined;
}

/**
 * Reads `pg_authid` as a superuser: login roles that are not superusers (RDS has none the
 * customer owns), each with its row's commit time when the server tracks it.
 */
export async function readRoles(adminUrl: string, filter: RoleFilter = {}): Promise<RoleRow[]> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await queryRoles(client, filter);
  } finally {
    await client.end();
  }
}

const CONCERNED = `
WITH RECURSIVE db AS (SELECT oid FROM pg_database WHERE datname = $2),
concerned(oid) AS (
  SELECT d.refobjid FROM pg_shdepend d, db
   WHERE d.refclassid = 'pg_authid'::regclass
     AND (d.dbid = db.oid OR (d.classid = 'pg_database'::regclass AND d.objid = db.oid))
  UNION
  SELECT m.member FROM pg_auth_members m JOIN concerned c ON m.roleid = c.oid
)
SELECT oid FROM concerned`;

/** Whether the server records commit times (a server setting: read once per connection). */
const tracksCommitTimes = new WeakMap<pg.Client, Promise<boolean>>();

async function queryRoles(client: pg.Client, filter: RoleFilter): Promise<RoleRow[]> {
  const { names, database } = filter;
  let tracking = tracksCommitTimes.get(client);
  if (!tracking) {
    tracking = client
      .query<{ on: string }>(`SELECT current_setting('track_commit_timestamp') AS on`)
      .then((r) => r.rows[0]?.on === 'on');
    tracksCommitTimes.set(client, tracking);
  }
  const tracked = await tracking;
  const changed = tracked
    ? `(extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000)::float8`
    : 'NULL::float8';
  const { rows } = await client.query<{
    name: string;
    verifier: string | null;
    changed: number | null;
  }>(
    `SELECT rolname AS name, rolpassword AS verifier, ${changed} AS changed
       FROM pg_authid
      WHERE rolcanlogin AND NOT rolsuper AND ($1::text[] IS NULL OR rolname = ANY($1::text[]))
        AND ($2::text IS NULL OR oid IN (${CONCERNED}))`,
    [names ?? null, database ?? null],
  );
  return rows
    .filter((r) => names !== undefined || !RESTORE_ROLE.test(r.name))
    .map((r) => ({ name: r.name, verifier: r.verifier, changedRealMs: r.changed }));
}

/**
 * Reads the roles every `everyMs` (real time) on one connection, so that a password changed
 * through SQL (a rotation) keeps its previous value in the history. Returns the stop function.
 */
export function sampleRoles(
  roles: RoleHistory,
  adminUrl: string,
  filter: RoleFilter,
  everyMs: number,
): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let busy = false;
  let reported = false;
  const tick = async (): Promise<void> => {
    if (busy || stopped) return;
    busy = true;
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
        // A dropped connection is replaced at the next tick.
        c.on('error', () => {
          if (client === c) client = undefined;
        });
        await c.connect();
        client = c;
      }
      const c = client;
      await roles.recordRows(() => queryRoles(c, filter));
    } catch (error) {
      client?.end().catch(() => undefined);
      client = undefined;
      if (!stopped && !reported) {
        reported = true;
        console.error(`sim: reading the RDS roles failed: ${(error as Error).message}`);
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await client?.end().catch(() => undefined);
  };
}
