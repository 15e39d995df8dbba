/**
 * Plain REST stand-ins (GitHub, Slack, BetterStack) share this shape: a path prefix, an
 * authentication check and a table of routes. Adding an endpoint is one route entry.
 */
import type { World } from './world.js';

export interface RestRequest {
  method: string;
  /** Path below the service prefix, e.g. `/repos/o/r/deployments`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  /** Parsed JSON body (or `payload=` form for Slack); undefined when empty. */
  body: unknown;
}

export interface RestResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON, strings as text/plain (or `contentType`). */
  body?: unknown;
  contentType?: string;
}

export interface RestRoute {
  method: string;
  /** Matched against `path`; named groups become `params`. */
  pattern: RegExp;
  /** Name in the call log, e.g. `createDeployment`. */
  operation: string;
  mutating: boolean;
  handle(req: RestRequest, params: Record<string, string>, world: World): RestResponse;
}

export interface RestService {
  name: string;
  prefix: string;
  /** An answer refusing the request, or undefined to let it through. */
  authenticate(req: RestRequest, world: World): RestResponse | undefined;
  /** Parse failure of the body (before routing), e.g. GitHub's "Problems parsing JSON". */
  badBody(): RestResponse;
  notFound(req: RestRequest): RestResponse;
  faults: { throttle: RestResponse; serverError: RestResponse; unavailable: RestResponse };
  routes: RestRoute[];
  /** Headers on every answer after authentication (GitHub's `x-ratelimit-*`). */
  responseHeaders?(req: RestRequest, world: World): Record<string, string>;
}

export const json = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): RestResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
