/**
 * The documented trust policies against the claims the rehearsal's OIDC issuer hands a job, in
 * each form of `sub`: the immutable policy accepts a production job of a repository on the
 * immutable form and nothing else, the classic policy the same on the classic form.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import type { SubjectForm } from '../../workflows-src/rehearse/oidc.js';

const ROOT = path.join(import.meta.dirname, '../..');
interface Statement {
  Condition: Record<string, Record<string, string | string[]>>;
}
const policy = (file: string): Statement =>
  (JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as { Statement: Statement[] })
    .Statement[0]!;

/** IAM's StringEquals / StringLike on `token.actions.githubusercontent.com:<claim>` keys. */
function allows(statement: Statement, claims: Record<string, string>): boolean {
  return Object.entries(statement.Condition).every(([operator, tests]) =>
    Object.entries(tests).every(([key, expected]) => {
      const claim = claims[key.replace('token.actions.githubusercontent.com:', '')];
      const values = Array.isArray(expected) ? expected : [expected];
      if (operator === 'StringEquals') return values.includes(claim ?? '');
      if (operator === 'StringLike')
        return values.some((v) =>
          new RegExp(
            `^${v
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '.*')
              .replace(/\?/g, '.')}$`,
          ).test(claim ?? ''),
        );
      throw new Error(`condition operator ${operator} is not evaluated by this test`);
    }),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'trust-'));
  // One job per environment asks for a token with the audience configure-aws-credentials uses.
  const job = (environment: string) => ({
    'runs-on': 'ubuntu-latest',
    environment,
    permissions: { 'id-token': 'write' },
    steps: [
      {
        name: 'token',
        run: "node -e \"fetch(process.env.ACTIONS_ID_TOKEN_REQUEST_URL + '&audience=sts.amazonaws.com', { headers: { authorization: 'bearer ' + process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } }).then((r) => { if (!r.ok) process.exit(1); })\"",
      },
    ],
  });
  await writeFile(
    path.join(dir, 'token.yml'),
    JSON.stringify({
      name: 'token',
      on: { workflow_dispatch: null },
      jobs: { production: job('production'), staging: job('staging') },
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function claimsFor(form: SubjectForm): Promise<Record<string, Record<string, string>>> {
  const result = await rehearseWorkflow({
    workflow: path.join(dir, 'token.yml'),
    workspace: dir,
    event: 'workflow_dispatch',
    github: { repository: 'example/drop', repository_owner: 'example' },
    oidcSubject: form,
    environments: { production: {}, staging: {} },
  });
  expect(result.conclusion, result.log.join('\n')).toBe('success');
  return Object.fromEntries(result.tokens.map((t) => [t['environment'] ?? '', t]));
}

describe('the documented trust policies and the OIDC claims of each sub form', () => {
  it('immutable form: docs/trust-policy.json lets production in, not staging; the classic policy refuses it', async () => {
    const claims = await claimsFor('immutable');
    expect(claims['production']?.['sub']).toBe(
      'repo:example@700000002/drop@700000001:environment:production',
    );
    expect(allows(policy('docs/trust-policy.json'), claims['production']!)).toBe(true);
    expect(allows(policy('docs/trust-policy.json'), claims['staging']!)).toBe(false);
    expect(allows(policy('docs/trust-policy-classic.json'), claims['production']!)).toBe(false);
  });

  it('classic form: docs/trust-policy-classic.json lets production in, not staging; the immutable policy refuses it', async () => {
    const claims = await claimsFor('classic');
    expect(claims['production']?.['sub']).toBe('repo:example/drop:environment:production');
    expect(allows(policy('docs/trust-policy-classic.json'), claims['production']!)).toBe(true);
    expect(allows(policy('docs/trust-policy-classic.json'), claims['staging']!)).toBe(false);
    expect(allows(policy('docs/trust-policy.json'), claims['production']!)).toBe(false);
  });
});
