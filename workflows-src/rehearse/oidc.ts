/**
 * The runner's OIDC token endpoint, as a rehearsal needs it: a job whose permissions grant
 * `id-token: write` gets ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, and
 * a GET with that bearer token answers `{ "value": "<JWT>" }` carrying the job's claims
 * (sub, repository, job_workflow_ref, job_workflow_sha, ...). A job without the permission
 * gets neither variable, as on GitHub. The JWT is unsigned: nothing here verifies it.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcIssuer {
  /** Environment variables for one job with these claims. */
  forJob(claims: Record<string, string>): Record<string, string>;
  /** Every token issued, for tests. */
  issued: Record<string, string>[];
  close(): Promise<void>;
}

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startOidcIssuer(): Promise<OidcIssuer> {
  const jobs = new Map<string, Record<string, string>>();
  const issued: Record<string, string>[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const bearer = /^bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const claims = bearer ? jobs.get(bearer) : undefined;
    if (url.pathname !== '/token' || !claims) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'bad request token' }));
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: 'https://token.actions.githubusercontent.com',
      aud: url.searchParams.get('audience') ?? `https://github.com/${claims['repository_owner']}`,
      iat: now,
      nbf: now,
      exp: now + 300,
      ...claims,
    };
    issued.push(payload as unknown as Record<string, string>);
    const jwt = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.rehearsal`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ count: 1, value: jwt }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    issued,
    forJob(claims) {
      const token = randomBytes(16).toString('hex');
      jobs.set(token, claims);
      return {
        ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
      };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * GitHub's two forms of the `sub` claim. Repositories created or renamed since July 2026 get
 * the immutable one by default, which names the owner and repository with their numeric ids
 * so that a repository re-created under the same name cannot assume the role:
 *   immutable  repo:<owner>@<owner id>/<repo>@<repo id>:environment:<name>
 *   classic    repo:<owner>/<repo>:environment:<name>
 * Without an environment the context is `ref:<ref>` instead.
 */
export type SubjectForm = 'immutable' | 'classic';

export function oidcSubject(
  form: SubjectForm,
  repo: { repository: string; repositoryId: string; ownerId: string },
  context: { environment?: string; ref: string },
): string {
  const [owner = '', name = ''] = repo.repository.split('/');
  const who =
    form === 'immutable'
      ? `${owner}@${repo.ownerId}/${name}@${repo.repositoryId}`
      : repo.repository;
  return `repo:${who}:${context.environment ? `environment:${context.environment}` : `ref:${context.ref}`}`;
}
