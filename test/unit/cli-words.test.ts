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
});
