/** What the GitHub stand-in holds (github.ts, github-issues.ts, github-graphql.ts answer from it). */
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import type { GithubCommit } from './github-history-schema.js';

/** Git's tag objects, refs and releases (the routes are in github-git.ts). */
export interface GithubTagObject {
  repo: string;
  sha: string;
  tag: string;
  message: string;
  object: { type: string; sha: string };
  tagger: { name: string; email: string; date: string };
}

export interface GithubRef {
  repo: string;
  ref: string;
  /** What the ref points at: a commit, or an annotated tag object. */
  object: { type: 'commit' | 'tag'; sha: string };
}

export interface GithubRelease {
  id: number;
  repo: string;
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  target_commitish: string;
  created_at: string;
}

export class GitData {
  tags: GithubTagObject[] = [];
  refs: GithubRef[] = [];
  releases: GithubRelease[] = [];
}

/** What the GitHub routes read of the world. */
export interface GithubWorld {
  github: GithubState;
  clock: SimClock;
  fixture: Fixture;
  /** Base URL of the sim: API URLs in answers start with it. */
  url: string;
}

export interface GithubDeploymentStatus {
  id: number;
  state: string;
  description: string;
  environment: string;
  target_url: string;
  log_url: string;
  environment_url: string;
  created_at: string;
  updated_at: string;
}

export interface GithubDeployment {
  id: number;
  repo: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  created_at: string;
  updated_at: string;
  statuses: GithubDeploymentStatus[];
}

export interface GithubCommitStatus {
  id: number;
  repo: string;
  sha: string;
  state: string;
  context: string;
  description: string | null;
  target_url: string | null;
  created_at: string;
}

export interface GithubCheckRun {
  id: number;
  repo: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  started_at: string;
  completed_at: string | null;
}

/** The primary rate limit of the sim's one token (GitHub: 5000 an hour for an installation). */
export interface GithubRateLimit {
  limit: number;
  used: number;
  /** Epoch ms when `used` goes back to 0. */
  resetAt: number;
}

export class GithubState {
  rateLimit: GithubRateLimit = { limit: 5000, used: 0, resetAt: 0 };
  deployments: GithubDeployment[] = [];
  commitStatuses: GithubCommitStatus[] = [];
  checkRuns: GithubCheckRun[] = [];
  issues: GithubIssue[] = [];
  /** Commits a fixture gave (github-history.ts); `GET …/commits/{sha}` answers them. */
  commits: GithubCommit[] = [];
  /**
   * Workflow runs by id, as `GET /repos/{owner}/{repo}/actions/runs/{id}` answers them: when
   * the run was created and when its latest attempt started (a re-run starts a new attempt).
   * A run the sim was not told about is answered 404, as GitHub does.
   */
  runs = new Map<number, { repo: string; createdAt: number; attempt: number; startedAt: number }>();
  git = new GitData();
  private nextId = 1000;
  id(): number {
    return this.nextId++;
  }
}

export interface GithubIssueComment {
  id: number;
  body: string;
  created_at: string;
}

export interface GithubIssue {
  id: number;
  repo: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  comments: GithubIssueComment[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}
