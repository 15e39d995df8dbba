import { describe, expect, it } from 'vitest';
import { inCliWords } from '../../cli/main.js';

// The command line's messages come from the same core as the actions' ones; a person at a
// terminal reads its own words: flags and environment variables, not inputs and secrets.
describe('messages in the command line’s words', () => {
  it('names flags and variables where the action names inputs', () => {
    expect(inCliWords('input "reason": required; say why')).toBe('--reason: required; say why');
    expect(
      inCliWords(
        'no earlier good version of production in GitHub deployments or the audit log (give github-token or audit-database-url); name one with to: <tag> or to: <sha256:digest> — v1',
      ),
    ).toBe(
      'no earlier good version of production in GitHub deployments or the audit log (set GITHUB_TOKEN or AUDIT_DATABASE_URL); name one with --to <tag> or --to <sha256:digest> — v1',
    );
    expect(inCliWords('deployment 7 was not found (no github-token given)')).toBe(
      'deployment 7 was not found (GITHUB_TOKEN is not set)',
    );
  });

  it.each([
    [
      'database-url is empty: sql checks need a read-only database URL (set the database-url input from a secret)',
      'OPS_DATABASE_URL is not set: sql checks need a read-only database URL (set OPS_DATABASE_URL)',
    ],
    [
      'ci-green needs the github-token input (checks: read, statuses: read)',
      'ci-green needs GITHUB_TOKEN (checks: read, statuses: read)',
    ],
    [
      'restore-verified needs the database-url input (read access to audit_log)',
      'restore-verified needs OPS_DATABASE_URL (read access to audit_log)',
    ],
    [
      'No github-token: no check run on the commit',
      'GITHUB_TOKEN is not set: no check run on the commit',
    ],
    [
      'snapshot-restore needs credentials to verify the restore: set master-secret on the check, or give the job a database-url (its host is replaced by the drill instance’s)',
      'snapshot-restore needs credentials to verify the restore: set master-secret on the check, or set OPS_DATABASE_URL (its host is replaced by the drill instance’s)',
    ],
    ['not recorded (no audit-database-url)', 'not recorded (AUDIT_DATABASE_URL is not set)'],
    [
      'file not found; create it (see examples/drop/apprunner-ops.yml) or set the "config" input to its path',
      'file not found; create it (see examples/drop/apprunner-ops.yml) or pass its path with --config',
    ],
    [
      'environments.production.gates.launch: no such gate; the environment defines "go-live" (set the "gate" input to one of them, or add it)',
      'environments.production.gates.launch: no such gate; the environment defines "go-live" (name one of them after the environment, or add it)',
    ],
    [
      'environments.production.checks.weekly: no checks configured; add some (see examples/drop/apprunner-ops.yml) or pass them in the checks input',
      'environments.production.checks.weekly: no checks configured; add some (see examples/drop/apprunner-ops.yml)',
    ],
    [
      'slack-webhook-url is empty but environments.production.notify.slack is configured: the Slack message is skipped.',
      'SLACK_WEBHOOK_URL is not set but environments.production.notify.slack is configured: the Slack message is skipped.',
    ],
    [
      'betterstack-token is set but environments.production.maintenance is not configured: no maintenance window will be opened',
      'BETTERSTACK_TOKEN is set but environments.production.maintenance is not configured: no maintenance window will be opened',
    ],
    [
      'monitors 1, 2 may still be paused, and no betterstack-token is available to resume them (the next run)',
      'monitors 1, 2 may still be paused, and without BETTERSTACK_TOKEN they cannot be resumed (the next run)',
    ],
    [
      'put it back by name with rollback (to: v1.4.2)',
      'put it back by name with rollback --to v1.4.2',
    ],
    [
      'and without github-token this run cannot tell whether it was started after that rollback: give github-token (and actions: read), or deploy from the terminal',
      'and without GITHUB_TOKEN this run cannot tell whether it was started after that rollback: set GITHUB_TOKEN (a token with actions: read), or deploy from the terminal',
    ],
  ])('%s', (action, cli) => {
    expect(inCliWords(action)).toBe(cli);
  });
});
