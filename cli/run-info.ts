import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { RunInfo } from '../core/action/github-context.js';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * What a workflow run knows about itself, for a person at a terminal: the repository from
 * GITHUB_REPOSITORY or the origin remote, the commit (GITHUB_SHA or the checkout's HEAD), and
 * who ran it. The run id
 * is unique per invocation, so records made from a terminal never merge with a run's.
 */
export function terminalRunInfo(env: NodeJS.ProcessEnv, cwd: string, now: number): RunInfo {
  const remote = git(['remote', 'get-url', 'origin'], cwd);
  const fromRemote = remote ? /[:/]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(remote)?.[1] : undefined;
  const repository = env['GITHUB_REPOSITORY'] || fromRemote || 'local/unknown';
  const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com';
  const sha = env['GITHUB_SHA'] || git(['rev-parse', 'HEAD'], cwd) || '';
  const user = env['USER'] || os.userInfo().username || 'unknown';
  return {
    repository,
    sha,
    sha7: sha.slice(0, 7),
    ref: git(['symbolic-ref', '-q', 'HEAD'], cwd) ?? '',
    actor: `${user} (terminal)`,
    runId: String(now),
    runAttempt: '1',
    job: 'terminal',
    serverUrl,
    apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/$/, ''),
    runUrl: `${serverUrl}/${repository}/deployments`,
  };
}
