/**
 * Plain REST stand-ins (GitHub, Slack, BetterStack) share this shape: a path prefix, an
 * authentication check and a table of routes. Adding an endpoint is one route entry.
 */

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

/** `W` is what the service reads of the world (see AwsContext in aws/service.ts). */
export interface RestRoute<W = unknown> {
  method: string;
  /** Matched against `path`; named groups become `params`. */
  pattern: RegExp;
  /** Name in the call log, e.g. `createDeployment`. */
  operation: string;
  mutating: boolean;
  /** A promise for a long poll (Fly's `wait`); the others answer at once. */
  handle(
    req: RestRequest,
    params: Record<string, string>,
    world: W,
  ): RestResponse | Promise<RestResponse>;
}

export interface RestService<W = unknown> {
  name: string;
  prefix: string;
  /** An answer refusing the request, or undefined to let it through. */
  authenticate(req: RestRequest, world: W): RestResponse | undefined;
  /** Parse failure of the body (before routing), e.g. GitHub's "Problems parsing JSON". */
  badBody(): RestResponse;
  notFound(req: RestRequest): RestResponse;
  faults: { throttle: RestResponse; serverError: RestResponse; unavailable: RestResponse };
  routes: RestRoute<W>[];
  /** Headers on every answer after authentication (GitHub's `x-ratelimit-*`). */
  responseHeaders?(req: RestRequest, world: W): Record<string, string>;
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
