/**
 * The shape of the GitHub stand-in's starting history in a fixture (commits, deployments with
 * their statuses, check runs): apart from github-history.ts, which seeds it, so the fixture and
 * the state can name it without importing the routes (no import circle).
 */
import { z } from 'zod';

/** The states a GitHub deployment status takes (the history's and the live routes'). */
export const DEPLOYMENT_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const;

const SHA = /^[0-9a-f]{40}$/;
/** The repository sim/run-action.ts and the rehearsals run in. */
const DEFAULT_REPO = 'example/drop';
const when = z.iso.datetime({ offset: true });

export const githubHistorySchema = {
  commits: z
    .array(
      z.strictObject({
        repo: z.string().default(DEFAULT_REPO),
        sha: z.string().regex(SHA, { message: 'expected a full 40-character SHA' }),
        message: z.string().default('Change'),
        /** When it was written (author date). */
        authoredAt: when.optional(),
        /** When it was committed (the date lead time counts from); default authoredAt. */
        committedAt: when,
      }),
    )
    .default([]),
  deployments: z
    .array(
      z.strictObject({
        repo: z.string().default(DEFAULT_REPO),
        environment: z.string(),
        sha: z.string().regex(SHA, { message: 'expected a full 40-character SHA' }),
        ref: z.string().default('main'),
        payload: z.record(z.string(), z.unknown()).default({}),
        createdAt: when,
        /** Oldest first. */
        statuses: z
          .array(
            z.strictObject({
              state: z.enum(DEPLOYMENT_STATES),
              createdAt: when,
              description: z.string().default(''),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  checkRuns: z
    .array(
      z.strictObject({
        repo: z.string().default(DEFAULT_REPO),
        name: z.string(),
        headSha: z.string().regex(SHA, { message: 'expected a full 40-character SHA' }),
        conclusion: z.enum([
          'success',
          'failure',
          'neutral',
          'cancelled',
          'skipped',
          'timed_out',
          'action_required',
        ]),
        startedAt: when,
        completedAt: when,
        externalId: z.string().optional(),
        title: z.string().optional(),
      }),
    )
    .default([]),
};

export interface GithubCommit {
  repo: string;
  sha: string;
  message: string;
  authoredAt: string;
  committedAt: string;
}
