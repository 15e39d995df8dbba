/**
 * GitHub's GraphQL endpoint (POST /graphql), for the part of its schema the suite reads: an
 * environment's deployments with their statuses, in one request. Queries are parsed and
 * validated against that schema with graphql-js, so a field GitHub does not have, a missing
 * variable or an unpaginated connection is refused as GitHub refuses it (HTTP 200 with
 * `errors`), never answered leniently.
 */
import { buildSchema, graphqlSync, type GraphQLSchema } from 'graphql';
import { json, type RestRequest, type RestResponse } from '../rest.js';
import type { GithubDeployment, GithubWorld } from './github-state.js';

// The names and types as in GitHub's public schema (docs.github.com/graphql/reference).
const SDL = `
scalar DateTime
scalar GitObjectID
enum OrderDirection { ASC DESC }
enum DeploymentOrderField { CREATED_AT }
input DeploymentOrder { field: DeploymentOrderField!, direction: OrderDirection! }
enum DeploymentStatusState { ERROR FAILURE INACTIVE IN_PROGRESS PENDING QUEUED SUCCESS WAITING }
type PageInfo { hasNextPage: Boolean!, hasPreviousPage: Boolean!, endCursor: String, startCursor: String }
type Ref { name: String! }
type DeploymentStatus { state: DeploymentStatusState!, description: String, createdAt: DateTime!, environmentUrl: String, logUrl: String }
type DeploymentStatusConnection { nodes: [DeploymentStatus], pageInfo: PageInfo!, totalCount: Int! }
interface Node { id: ID! }
type Deployment implements Node {
  id: ID!
  databaseId: Int
  commitOid: GitObjectID!
  createdAt: DateTime!
  description: String
  environment: String
  originalEnvironment: String
  payload: String
  task: String
  ref: Ref
  latestStatus: DeploymentStatus
  statuses(first: Int, after: String, last: Int, before: String): DeploymentStatusConnection
}
type DeploymentConnection { nodes: [Deployment], pageInfo: PageInfo!, totalCount: Int! }
type Repository {
  nameWithOwner: String!
  deployments(environments: [String!], orderBy: DeploymentOrder, first: Int, after: String, last: Int, before: String): DeploymentConnection!
}
type Query {
  repository(owner: String!, name: String!, followRenames: Boolean): Repository
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
}
`;

let schema: GraphQLSchema | undefined;

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
}

/** GitHub's rules for a connection: `first` or `last`, at most 100; cursors are opaque. */
function paginate<T>(items: T[], args: PageArgs, connection: string) {
  const size = args.first ?? args.last;
  if (size === undefined || size === null)
    throw new Error(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${connection}\` connection.`,
    );
  if (size < 0 || size > 100)
    throw new Error(
      `Requesting ${size} records on the \`${connection}\` connection exceeds the \`${args.first !== undefined ? 'first' : 'last'}\` limit of 100 records.`,
    );
  const start = args.after ? Number(Buffer.from(args.after, 'base64').toString().slice(7)) + 1 : 0;
  if (!Number.isInteger(start) || start < 0) throw new Error('`after` is not a valid cursor');
  const slice = args.last != null ? items.slice(-size) : items.slice(start, start + size);
  const end = (args.last != null ? items.length - slice.length : start) + slice.length - 1;
  return {
    nodes: slice,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: args.last == null && start + size < items.length,
      hasPreviousPage: start > 0,
      endCursor: slice.length ? Buffer.from(`cursor:${end}`).toString('base64') : null,
      startCursor: slice.length ? Buffer.from(`cursor:${start}`).toString('base64') : null,
    },
  };
}

/** What GitHub answers for an id it does not know: the node is null, the error NOT_FOUND. */
class NotFound extends Error {}

function deploymentNode(d: GithubDeployment) {
  return {
    __typename: 'Deployment',
    id: `DE_sim${d.id}`,
    databaseId: d.id,
    commitOid: d.sha,
    createdAt: d.created_at,
    description: d.description,
    environment: d.environment,
    originalEnvironment: d.environment,
    // GraphQL gives the payload as a JSON string.
    payload: typeof d.payload === 'string' ? d.payload : JSON.stringify(d.payload ?? {}),
    task: d.task,
    ref: { name: d.ref },
    latestStatus: () => statusNode(d.statuses.at(-1)),
    statuses: (args: PageArgs) =>
      paginate(
        d.statuses.map((s) => statusNode(s)),
        args,
        'statuses',
      ),
  };
}

function statusNode(s: GithubDeployment['statuses'][number] | undefined) {
  return s
    ? {
        state: s.state.toUpperCase(),
        description: s.description,
        createdAt: s.created_at,
        environmentUrl: s.environment_url,
        logUrl: s.log_url,
      }
    : null;
}

export function answerGraphql(req: RestRequest, world: GithubWorld): RestResponse {
  schema ??= buildSchema(SDL);
  const body = (req.body ?? {}) as { query?: unknown; variables?: unknown };
  if (typeof body.query !== 'string')
    return json(200, {
      errors: [{ message: 'A query attribute must be specified and must be a string.' }],
    });
  const byNodeId = (id: string) => world.github.deployments.find((d) => `DE_sim${d.id}` === id);
  const root = {
    node: ({ id }: { id: string }) => {
      const d = byNodeId(id);
      return d
        ? deploymentNode(d)
        : new NotFound(`Could not resolve to a node with the global id of '${id}'`);
    },
    nodes: ({ ids }: { ids: string[] }) => {
      if (ids.length > 100)
        return new Error(
          `You may not request more than 100 nodes at once (you asked for ${ids.length}).`,
        );
      return ids.map((id) => {
        const d = byNodeId(id);
        return d
          ? deploymentNode(d)
          : new NotFound(`Could not resolve to a node with the global id of '${id}'.`);
      });
    },
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = `${owner}/${name}`;
      return {
        nameWithOwner: repo,
        deployments: (
          args: PageArgs & {
            environments?: string[] | null;
            orderBy?: { field: string; direction: 'ASC' | 'DESC' } | null;
          },
        ) => {
          const list = world.github.deployments.filter(
            (d) =>
              d.repo === repo && (!args.environments || args.environments.includes(d.environment)),
          );
          // Oldest first unless asked otherwise, as GitHub.
          const ordered = args.orderBy?.direction === 'DESC' ? [...list].reverse() : list;
          return paginate(ordered.map(deploymentNode), args, 'deployments');
        },
      };
    },
  };
  const result = graphqlSync({
    schema,
    source: body.query,
    rootValue: root,
    variableValues:
      body.variables && typeof body.variables === 'object'
        ? (body.variables as Record<string, unknown>)
        : {},
  });
  return json(200, {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors?.length
      ? {
          errors: result.errors.map((e) => ({
            ...(e.originalError instanceof NotFound ? { type: 'NOT_FOUND' } : {}),
            message: e.message,
            ...(e.locations ? { locations: e.locations } : {}),
            ...(e.path ? { path: e.path } : {}),
          })),
        }
      : {}),
  });
}
