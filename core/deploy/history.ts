import { DEPLOY_RESOURCE_TYPE, readAuditEntries } from '../audit/audit-log.js';
import { registryHost } from '../aws/image-ref.js';
import type { DeploymentRecord } from '../github/deployments.js';
import { errorMessage } from '../util/errors.js';
import { ecrLocation, type OpsContext } from './context.js';

/** One deploy or rollback as history remembers it. */
export interface HistoryEntry {
  source: 'github' | 'audit';
  /** GitHub deployment id, or audit row id. */
  id: string;
  kind: 'deploy' | 'rollback';
  digest: string;
  image: string;
  tag: string | undefined;
  createdAt: number;
  succeeded: boolean;
  /** For a rollback: the digest it rolled back away from (a version known to be bad). */
  rolledBackFrom: string | undefined;
  /**
   * The digest that ran before it, recorded before the update: for the first deploy through
   * the suite, the version from before adoption.
   */
  before: string | undefined;
  /** Who ran it, and why (a rollback's reason), when recorded. */
  actor: string | undefined;
  reason: string | undefined;
  /** Not a record of its own: what the entry `id` recorded as running before it (adoption). */
  adoptedFrom?: true;
  /** The service it changed (its ARN); absent in records older than this field. */
  serviceArn: string | undefined;
  /** The commit deployed, when recorded. */
  sha: string | undefined;
}

function digestOf(image: unknown): string | undefined {
  return typeof image === 'string' ? /@(sha256:[0-9a-f]{64})$/.exec(image)?.[1] : undefined;
}

export function fromGitHub(records: readonly DeploymentRecord[]): HistoryEntry[] {
  return records.flatMap((r) => {
    const digest = r.payload.digest ?? digestOf(r.payload.image);
    if (!digest || !r.payload.image) return [];
    return [
      {
        source: 'github' as const,
        id: String(r.id),
        kind: r.payload.kind === 'rollback' ? ('rollback' as const) : ('deploy' as const),
        digest,
        image: r.payload.image,
        tag: r.payload.tag,
        createdAt: Date.parse(r.createdAt),
        // auto_inactive turns older successes inactive: "ever succeeded" is what counts.
        succeeded: r.statuses.some((s) => s.state === 'success'),
        rolledBackFrom:
          r.payload.kind === 'rollback' ? digestOf(r.payload.previousImage) : undefined,
        before: digestOf(r.payload.previousImage),
        actor: stringOf(r.payload.actor),
        reason: stringOf(r.payload.reason),
        serviceArn: stringOf((r.payload as Record<string, unknown>)['serviceArn']),
        sha: r.sha || undefined,
      },
    ];
  });
}

/** What reading history needs: the environment, and GitHub and/or the audit log. */
export type HistorySources = Pick<
  OpsContext,
  'environment' | 'env' | 'github' | 'auditDatabaseUrl' | 'logger'
>;

async function fromAudit(ctx: HistorySources): Promise<HistoryEntry[]> {
  if (!ctx.auditDatabaseUrl) return [];
  const rows = await readAuditEntries(ctx.auditDatabaseUrl, {
    resourceType: DEPLOY_RESOURCE_TYPE,
    limit: 500,
  });
  return rows
    .filter((row) => row.resource_id === ctx.environment && /^(deploy|rollback)_/.test(row.action))
    .flatMap((row) => {
      const digest = digestOf(row.details['image']);
      if (!digest) return [];
      const kind = row.action.startsWith('rollback') ? ('rollback' as const) : ('deploy' as const);
      return [
        {
          source: 'audit' as const,
          id: row.id,
          kind,
          digest,
          image: String(row.details['image']),
          tag: typeof row.details['tag'] === 'string' ? row.details['tag'] : undefined,
          createdAt: row.created_at.getTime(),
          succeeded: row.action === 'deploy_succeeded' || row.action === 'rollback_succeeded',
          rolledBackFrom: kind === 'rollback' ? digestOf(row.details['previous_image']) : undefined,
          before: digestOf(row.details['previous_image']),
          actor: stringOf(row.actor),
          reason: stringOf(row.details['reason']),
          serviceArn: stringOf(row.details['service_arn']),
          sha: stringOf(row.details['commit']),
        },
      ];
    });
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Keeps the records of this service: one environment name may hold several services (a
 * monorepo, a shared audit database). Records carry the service ARN; older ones, without it,
 * count when their image is in this service's repository.
 */
export function ofService(
  entries: readonly HistoryEntry[],
  serviceArn: string,
  repositoryUri: string,
): HistoryEntry[] {
  return entries.filter((e) =>
    e.serviceArn !== undefined
      ? e.serviceArn === serviceArn
      : e.image.startsWith(`${repositoryUri}@`) || e.image.startsWith(`${repositoryUri}:`),
  );
}

/**
 * Deploy and rollback history of the service, newest first: GitHub deployments made by
 * apprunner-ops, or the audit log when GitHub has none (or no token was given, or GitHub
 * could not be read: then with a warning).
 */
export async function readHistory(
  ctx: HistorySources,
): Promise<{ entries: HistoryEntry[]; source: string }> {
  const location = ecrLocation(ctx.env);
  const scope = (entries: HistoryEntry[]): HistoryEntry[] =>
    ofService(entries, ctx.env['service-arn'], `${registryHost(location)}/${location.repository}`);
  if (ctx.github) {
    try {
      const entries = scope(fromGitHub(await ctx.github.history(ctx.environment, 100)));
      if (entries.length > 0)
        return { entries: sortNewestFirst(entries), source: 'GitHub deployments' };
    } catch (error) {
      ctx.logger.warning(
        `could not read GitHub deployments (${errorMessage(error)}); using the audit log`,
      );
    }
  }
  const audit = scope(await fromAudit(ctx));
  return {
    entries: sortNewestFirst(audit),
    source: audit.length > 0 ? 'the audit log' : 'no history',
  };
}

function sortNewestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  return entries.sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id));
}

/**
 * "previous": the newest successful deploy or rollback older than the one that put the
 * running version in place, skipping the running version and every version a rollback moved
 * away from (those stay reachable by name only). With nothing older — the day of adoption,
 * after the first deploy through the suite — the version that deploy recorded as running
 * before it (`before`), marked `adoptedFrom`.
 */
export function choosePrevious(
  entries: readonly HistoryEntry[],
  runningDigest: string | undefined,
): HistoryEntry | undefined {
  const bad = badDigests(entries);
  const successes = entries.filter((e) => e.succeeded);
  const current = successes.find((e) => e.digest === runningDigest);
  const older = current
    ? successes.filter(
        (e) =>
          e.createdAt < current.createdAt ||
          (e.createdAt === current.createdAt && Number(e.id) < Number(current.id)),
      )
    : successes;
  const found = older.find((e) => e.digest !== runningDigest && !bad.has(e.digest));
  if (found || !current || older.length > 0) return found;
  const before = current.before;
  if (before === undefined || before === runningDigest || bad.has(before)) return undefined;
  return {
    ...current,
    kind: 'deploy',
    digest: before,
    image: current.image.replace(/@sha256:[0-9a-f]{64}$/, `@${before}`),
    tag: undefined,
    before: undefined,
    rolledBackFrom: undefined,
    sha: undefined,
    reason: undefined,
    adoptedFrom: true,
  };
}

export function badDigests(entries: readonly HistoryEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.rolledBackFrom ? [e.rolledBackFrom] : [])));
}
