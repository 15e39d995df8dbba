/**
 * What a stand-in AWS service is: its protocol and a table of operations. Adding an operation
 * is one entry `{ OperationName: { mutating, handle } }` in the service's module; the server
 * does routing, decoding, faults, the call log and encoding.
 */
import type { AwsError } from './protocol.js';
import { type AwsProtocol } from './protocol.js';

/**
 * `W` is what the service reads of the world: each service names the state it needs (its own,
 * the clock, the fixture), so a service never imports `World`, which holds them all.
 */
export interface AwsContext<W = unknown> {
  world: W;
  requestId: string;
}

export type Input = Record<string, unknown>;

export interface AwsOperation<W = unknown> {
  /** Changes state (counted by `mutatingCalls()`). */
  mutating: boolean;
  handle(input: Input, ctx: AwsContext<W>): unknown;
}

export interface AwsService<W = unknown> {
  /** SigV4 signing name in the credential scope: `…/eu-west-1/<name>/aws4_request`. */
  signingName: string;
  protocol: AwsProtocol;
  /** awsJson: `x-amz-target` is `<targetPrefix>.<Operation>`. */
  targetPrefix?: string;
  /** awsQuery: namespace of the `<XResponse>` element. */
  xmlns?: string;
  /** awsJson error body member: App Runner says `Message`, ECR `message`. */
  messageKey?: 'Message' | 'message';
  /**
   * awsQueryCompatible JSON services (CloudWatch): errors also carry their awsQuery code in
   * `x-amzn-query-error`; this maps that code to the JSON error shape named in `__type`.
   */
  queryCompatible?: Record<string, string>;
  /** Error of a request that does not fit the model (missing or bad parameter). */
  invalid(message: string): AwsError;
  /** Codes this service answers with when throttling or failing internally. */
  faults: { throttling: string; throttlingStatus: number; internal: string };
  operations: Record<string, AwsOperation<W>>;
}

// Readers for operation inputs; `service.invalid` makes each protocol's validation error.

/** What the readers need of a service: its validation error. */
export type ServiceErrors = Pick<AwsService, 'invalid'>;

export function optString(input: Input, name: string, service: ServiceErrors): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw service.invalid(`${name} must be a string`);
  return value;
}

export function reqString(input: Input, name: string, service: ServiceErrors): string {
  const value = optString(input, name, service);
  if (value === undefined || value === '') throw service.invalid(`${name} is required`);
  return value;
}

/** Integers arrive as numbers (awsJson) or strings (awsQuery). */
export function optInt(
  input: Input,
  name: string,
  service: ServiceErrors,
  range: { min: number; max: number },
): number | undefined {
  const raw = input[name];
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  )
    throw service.invalid(
      `Invalid parameter at '${name}' failed to satisfy constraint: 'Member must have value between ${range.min} and ${range.max}'`,
    );
  return value;
}

export function optList(input: Input, name: string, service: ServiceErrors): Input[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw service.invalid(`${name} must be a list`);
  return value as Input[];
}

/**
 * Opaque page tokens (the offset, base64) so clients cannot rely on their shape; a token
 * that was not issued here is refused the way the service refuses it.
 */
export function paginate<T>(
  items: readonly T[],
  token: string | undefined,
  pageSize: number,
  invalidToken: () => AwsError,
): { page: T[]; next: string | undefined } {
  let start = 0;
  if (token !== undefined) {
    const decoded = /^sim:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded) throw invalidToken();
    start = Number(decoded[1]);
  }
  const page = items.slice(start, start + pageSize);
  const end = start + page.length;
  return {
    page,
    next: end < items.length ? Buffer.from(`sim:${end}`).toString('base64') : undefined,
  };
}
