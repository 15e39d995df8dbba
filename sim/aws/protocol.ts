/**
 * Wire codecs shared by the AWS stand-ins: awsJson 1.0/1.1 (App Runner, ECR, Secrets Manager)
 * and awsQuery (RDS, STS). A service module only returns plain values; this file decides how
 * they look on the wire, so element names, timestamp formats and list wrappers are right in
 * one place.
 */
import { randomUUID } from 'node:crypto';

export type AwsProtocol = 'awsJson1_0' | 'awsJson1_1' | 'awsQuery' | 'ec2';

/** An error the service answers with, as the real one would (code, HTTP status, message). */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
  get fault(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

/** A list in an awsQuery answer: `<Name><Member>…</Member><Member>…</Member></Name>`. */
export class XmlList {
  constructor(
    readonly member: string,
    readonly items: readonly unknown[],
  ) {}
}

/** Shorthand used by awsQuery handlers: `{ DBSnapshots: xmlList('DBSnapshot', [...]) }`. */
export const xmlList = (member: string, items: readonly unknown[]): XmlList =>
  new XmlList(member, items);

export interface EncodedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// ---------------------------------------------------------------- awsJson

/** Dates become epoch seconds (numbers, fractional allowed): awsJson's timestamp format. */
function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof XmlList) return value.items.map(toJsonValue);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

export function jsonContentType(protocol: AwsProtocol): string {
  return protocol === 'awsJson1_0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1';
}

export function encodeJsonResult(
  protocol: AwsProtocol,
  result: unknown,
  requestId: string,
): EncodedResponse {
  return {
    status: 200,
    headers: { 'content-type': jsonContentType(protocol), 'x-amzn-requestid': requestId },
    body: JSON.stringify(toJsonValue(result ?? {})),
  };
}

/**
 * `{"__type": "...", "<message key>": "..."}` plus the `x-amzn-errortype` header, as AWS
 * JSON services answer. App Runner's errors carry `Message`, ECR's `message`.
 */
export function encodeJsonError(
  protocol: AwsProtocol,
  error: AwsError,
  requestId: string,
  messageKey: 'Message' | 'message',
): EncodedResponse {
  return {
    status: error.status,
    headers: {
      'content-type': jsonContentType(protocol),
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
    body: JSON.stringify({ __type: error.code, [messageKey]: error.message }),
  };
}

export function parseJsonBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new AwsError('SerializationException', 'Could not parse the request body as JSON');
}

// ---------------------------------------------------------------- awsQuery

/**
 * Turns an awsQuery form body into nested values. Lists arrive as `Name.Member.N.Field`
 * (`Filters.Filter.1.Name`, `Tags.Tag.1.Key`, `X.member.1`); the member segment is dropped
 * and `Name` becomes an array. Values stay strings: handlers coerce what they read.
 * The EC2 protocol names no member (`Filter.1.Value.1`, `GroupId.1`): with `ec2`, every
 * segment before an index is a list's own name.
 */
export function parseQueryBody(
  body: string,
  ec2 = false,
): { action: string; params: Record<string, unknown> } {
  const form = new URLSearchParams(body);
  const params: Record<string, unknown> = {};
  let action = '';
  for (const [key, value] of form) {
    if (key === 'Action') {
      action = value;
      continue;
    }
    if (key === 'Version') continue;
    const segments = key.split('.');
    // Collapse `Name.Member.N` into `Name.N` (index marks the list).
    const path: (string | number)[] = [];
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const next = segments[i + 1];
      if (/^\d+$/.test(seg)) path.push(Number(seg) - 1);
      else if (!ec2 && next !== undefined && /^\d+$/.test(next) && i > 0)
        continue; // the member name
      else path.push(seg);
    }
    let node: Record<string | number, unknown> = params;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (i === path.length - 1) {
        node[seg] = value;
      } else {
        const nextIsIndex = typeof path[i + 1] === 'number';
        node[seg] ??= nextIsIndex ? [] : {};
        node = node[seg] as Record<string | number, unknown>;
      }
    }
  }
  return { action, params };
}

const escapeXml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** Dates become ISO 8601 (awsQuery's timestamp format); lists need an explicit member name. */
function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (value instanceof XmlList)
    return `<${name}>${value.items.map((item) => toXml(value.member, item)).join('')}</${name}>`;
  if (Array.isArray(value))
    throw new Error(`sim: awsQuery list ${name} needs xmlList(member, items) to name its members`);
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function encodeQueryResult(
  action: string,
  xmlns: string,
  result: unknown,
  requestId: string,
): EncodedResponse {
  const inner = result === undefined ? '' : toXml(`${action}Result`, result);
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<${action}Response xmlns="${xmlns}">${inner}` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

export function encodeQueryError(error: AwsError, requestId: string): EncodedResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<ErrorResponse><Error><Type>${error.fault}</Type><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

// ---------------------------------------------------------------- ec2

/**
 * The EC2 query protocol: the request is an awsQuery form, but the answer has no
 * `<XResult>` wrapper, lowerCamel element names, `<requestId>` first and every list member
 * named `item` (use `xmlList('item', …)`); errors are `<Response><Errors><Error>`.
 */
export function encodeEc2Result(
  action: string,
  xmlns: string,
  result: Record<string, unknown>,
  requestId: string,
): EncodedResponse {
  const inner = Object.entries(result)
    .map(([k, v]) => toXml(k, v))
    .join('');
  return {
    status: 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
    body: `<${action}Response xmlns="${xmlns}"><requestId>${requestId}</requestId>${inner}</${action}Response>`,
  };
}

export function encodeEc2Error(error: AwsError, requestId: string): EncodedResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
    body:
      `<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
      `<RequestID>${requestId}</RequestID></Response>`,
  };
}

export const newRequestId = (): string => randomUUID();
