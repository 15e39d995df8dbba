/**
 * The run's GitHub context from the runner's environment variables. Read in one place so
 * domain code takes plain values.
 */
export interface RunInfo {
  repository: string;
  sha: string;
  sha7: string;
  ref: string;
  actor: string;
  runId: string;
  /** GITHUB_RUN_ATTEMPT: 1, then 2… for each re-run. */
  runAttempt: string;
  /** GITHUB_JOB: the job's id in the workflow. */
  job: string;
  serverUrl: string;
  apiUrl: string;
  runUrl: string;
}

export function readRunInfo(env: NodeJS.ProcessEnv = process.env): RunInfo {
  const repository = env['GITHUB_REPOSITORY'] ?? 'local/unknown';
  const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const runId = env['GITHUB_RUN_ID'] ?? '0';
  const sha = env['GITHUB_SHA'] ?? '';
  return {
    repository,
    sha,
    sha7: sha.slice(0, 7),
    ref: env['GITHUB_REF'] ?? '',
    actor: env['GITHUB_ACTOR'] ?? 'unknown',
    runId,
    runAttempt: env['GITHUB_RUN_ATTEMPT'] ?? '1',
    job: env['GITHUB_JOB'] ?? '',
    serverUrl,
    apiUrl: (env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/$/, ''),
    runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`,
  };
}
