/**
 * Checks what a rollback can check without changing anything, and chooses the version to go
 * back to: the last good one (from GitHub deployments or the audit log), a tag, a digest or a
 * GitHub deployment. A target that cannot be found names the candidates ECR holds.
 */
import { InputError } from '../../util/errors.js';
import type { OpsContext } from '../context.js';
import { badDigests, choosePrevious, readHistory, type HistoryEntry } from '../history.js';
import { versionOf, type RunningImage } from '../images.js';
import type { OpsRun } from '../ops-run.js';
import { NoRollbackTarget, type RollbackTarget } from '../rollback-target.js';
import type { ResolvedImage } from '../../aws/ecr.js';
import { checkAccess, choose, readService } from './preflight.js';
import type { StageDefinition } from './stage.js';

interface Resolved {
  target: ResolvedImage;
  targetVersion: string;
  history: { entries: HistoryEntry[]; source: string };
  why: string;
  /** The commit of the version rolled back to, when history knows it. */
  commit: string | undefined;
}

async function candidatesLine(ctx: OpsContext, exclude: string | undefined): Promise<string> {
  const images = (await ctx.ecr.recentTagged(10)).filter((i) => i.digest !== exclude);
  if (images.length === 0)
    return `ECR repository ${ctx.ecr.location.repository} holds no other tagged image`;
  return `candidates in ECR, newest first: ${images.map((i) => `${i.tags.join('/')} (${i.digest.slice(0, 19)}${i.pushedAt ? `, pushed ${i.pushedAt.toISOString().slice(0, 16).replace('T', ' ')}` : ''})`).join('; ')}`;
}

async function resolveTarget(
  ctx: OpsContext,
  to: RollbackTarget,
  running: RunningImage,
): Promise<Resolved> {
  const history = await readHistory(ctx);
  if (to.kind === 'previous') {
    // The digest in the running identifier counts even when its image has left ECR.
    const chosen = choosePrevious(history.entries, running.digest ?? running.image?.digest);
    if (!chosen) {
      throw new NoRollbackTarget(
        `no earlier good version of ${ctx.environment} in ${history.source === 'no history' ? 'GitHub deployments or the audit log (give github-token or audit-database-url)' : history.source}; name one with to: <tag> or to: <sha256:digest> — ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`,
      );
    }
    const target = await ctx.ecr.find({ kind: 'digest', digest: chosen.digest });
    if (!target) {
      throw new NoRollbackTarget(
        `the last good version ${chosen.tag ?? chosen.digest} (${chosen.source} ${chosen.id}) is no longer in ECR; name another with to: <tag> — ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`,
      );
    }
    return {
      target,
      targetVersion: chosen.tag ?? versionOf(target),
      history,
      why: chosen.adoptedFrom
        ? `the version that ran before the first deploy through apprunner-ops (recorded by ${chosen.source === 'github' ? 'deployment' : 'audit row'} ${chosen.id} from ${history.source})`
        : `last good version before ${running.version} (from ${history.source}, ${chosen.source === 'github' ? 'deployment' : 'audit row'} ${chosen.id})`,
      commit: chosen.sha,
    };
  }
  if (to.kind === 'deployment') {
    const entry = history.entries.find((e) => e.source === 'github' && e.id === to.id);
    if (!entry)
      throw new InputError(
        'to',
        `GitHub deployment ${to.id} of ${ctx.environment} made by apprunner-ops was not found${ctx.github ? '' : ' (no github-token given)'}`,
      );
    const target = await ctx.ecr.resolve({ kind: 'digest', digest: entry.digest });
    return {
      target,
      targetVersion: entry.tag ?? versionOf(target),
      history,
      why: `GitHub deployment ${to.id}`,
      commit: entry.sha,
    };
  }
  const ref =
    to.kind === 'tag'
      ? { kind: 'tag' as const, tag: to.tag }
      : { kind: 'digest' as const, digest: to.digest };
  const target = await ctx.ecr.find(ref);
  if (!target) {
    throw new NoRollbackTarget(
      `${to.kind === 'tag' ? `tag ${to.tag}` : `digest ${to.digest}`} is not in ECR repository ${ctx.ecr.location.repository}; ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`,
    );
  }
  const bad = badDigests(history.entries).has(target.digest);
  return {
    target,
    targetVersion: to.kind === 'tag' ? to.tag : versionOf(target),
    history,
    why: `named by to${bad ? ' (a version rolled back away from before: chosen by name only)' : ''}`,
    commit: history.entries.find((e) => e.digest === target.digest && e.sha)?.sha,
  };
}

export const rollbackPreflight: StageDefinition<
  OpsRun & { to: RollbackTarget; commit: string | undefined }
> = {
  name: 'Preflight',
  // Nothing has changed yet: the error is the run's error, as it is.
  failure: 'throw',
  run: async (run) => {
    await checkAccess(run);
    const { state, running } = await readService(run);
    const resolved = await resolveTarget(run.ctx, run.to, running);
    run.commit = resolved.commit;
    choose(run, state, {
      running,
      target: resolved.target,
      targetVersion: resolved.targetVersion,
      back: undefined,
    });
    return `${running.version} runs; rolling back to ${resolved.targetVersion}: ${resolved.why}`;
  },
};
