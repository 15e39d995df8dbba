import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { SIM_GITHUB_TOKEN } from '../helpers/check-context.js';

// The sim's GitHub GraphQL is validated against its part of GitHub's schema (graphql-js): what
// GitHub would refuse is refused, never answered leniently.

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.stop();
});

async function query(
  text: string,
  variables: Record<string, unknown> = {},
  token: string | null = SIM_GITHUB_TOKEN,
): Promise<{
  status: number;
  body: { data?: unknown; errors?: { message: string; type?: string }[] };
}> {
  const res = await fetch(`${sim.url}/github/graphql`, {
    method: 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ query: text, variables }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('GitHub GraphQL in the sim', () => {
  it('refuses a field GitHub does not have, and an unpaginated connection', async () => {
    const unknown = await query(
      '{ repository(owner: "example", name: "drop") { deployments(first: 1) { nodes { sha } } } }',
    );
    expect(unknown.body.errors?.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/Cannot query field "sha" on type "Deployment"/),
    );
    const unpaginated = await query(
      '{ repository(owner: "example", name: "drop") { deployments { totalCount } } }',
    );
    expect(unpaginated.body.errors?.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/You must provide a `first` or `last` value/),
    );
  });

  it('answers an unknown node id with null and NOT_FOUND, and wants a token', async () => {
    const { body } = await query(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Deployment { id } } }',
      { ids: ['DE_sim999999'] },
    );
    expect(body.data).toEqual({ nodes: [null] });
    expect(body.errors?.[0]?.type).toBe('NOT_FOUND');
    const anonymous = await query('{ nodes(ids: []) { id } }', {}, null);
    expect(anonymous.status).toBe(401);
  });
});
