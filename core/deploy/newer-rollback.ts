/**
 * A deploy never silently undoes a rollback. rollback.yml has a concurrency group of its own,
 * so it never waits behind a deploy that waits for approval; the price is that a deploy queued
 * before the rollback (behind or beside it) may run after it. Such a deploy stops in
 * preflight, naming the rollback, unless a person started it (or re-ran it, which asks the
 * environment's reviewers again) after the rollback and it does not put back the very version
 * that was rolled back.
 */
import type { ResolvedImage } from '../aws/ecr.js';
import { DomainFailure } from '../util/errors.js';
import type { OpsContext } from './context.js';
import { readHistory, type HistoryEntry } from './history.js';

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** The newest rollback of the environment that no successful deploy has followed. */
export function standingRollback(entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  // Newest first: a successful deploy met before the rollback supersedes it.
  for (const e of entries) {
    if (e.kind === 'rollback') return e;
    if (e.succeeded) return undefined;
  }
  return undefined;
}

function describe(ctx: OpsContext, r: HistoryEntry, source: string): string {
  return `${r.actor ?? 'a person'} rolled ${ctx.environment} back to ${r.tag ?? r.digest.slice(0, 19)} at ${iso(r.createdAt)} UTC${r.reason ? ` ("${r.reason}")` : ''} (${source === 'GitHub deployments' ? 'GitHub deployment' : 'audit row'} ${r.id})`;
}

/** Throws when this deploy would undo a newer rollback; logs the rollback it may follow. */
export async function assertNotUndoingRollback(
  ctx: OpsContext,
  target: ResolvedImage,
  targetVersion: string,
): Promise<void> {
  const history = await readHistory(ctx);
  const rollback = standingRollback(history.entries);
  if (!rollback) return;
  const what = describe(ctx, rollback, history.source);
  if (rollback.rolledBackFrom === target.digest)
    throw new DomainFailure(
      `${what}, away from ${targetVersion}, the version this deploy would put back. Deploy a newer version, or, if ${targetVersion} is wanted after all, put it back by name with rollback (to: ${targetVersion})`,
    );
  if (ctx.run.job === 'terminal') {
    ctx.logger.info(`  ${what}; deploying ${targetVersion} from the terminal, after it`);
    return;
  }
  if (!ctx.github)
    throw new DomainFailure(
      `${what}, and without github-token this run cannot tell whether it was started after that rollback, so it does not deploy ${targetVersion} over it: give github-token (and actions: read), or deploy from the terminal`,
    );
  const started = await ctx.github.runStartedAt();
  // GitHub's times are whole seconds; the rollback's record is made after its own preflight,
  // seconds after it was dispatched, so a run started in the same second came after it.
  if (started >= rollback.createdAt) {
    ctx.logger.info(
      `  ${what}; this run started at ${iso(started)} UTC, after it: deploying ${targetVersion}`,
    );
    return;
  }
  throw new DomainFailure(
    `${what}, after this run was queued (${iso(started)} UTC): deploying ${targetVersion} now would undo that rollback. To deploy ${targetVersion} after it, re-run this workflow (the environment's reviewers approve it again) or push a newer commit`,
  );
}
