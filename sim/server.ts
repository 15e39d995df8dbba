/**
 * The sim's one HTTP server. AWS requests are routed by the SigV4 credential scope
 * (`…/<region>/<service>/aws4_request`) or `x-amz-target`; GitHub, Slack and BetterStack by
 * path prefix; `/_sim/…` is the control API. Faults and the call log wrap every operation.
 */
import http from 'node:http';
import type net from 'node:net';
import {
  AwsError,
  encodeJsonError,
  encodeEc2Error,
  encodeEc2Result,
  encodeJsonResult,
  encodeQueryError,
  encodeQueryResult,
  newRequestId,
  parseJsonBody,
  parseQueryBody,
  type EncodedResponse,
} from './aws/protocol.js';
import type { AwsService } from './aws/service.js';
import { modelOf } from './aws/model.js';
import {
  describeResponseViolations,
  requestError,
  VALIDATION_STYLE,
  violations,
} from './aws/model-validate.js';
import type { CallRecord } from './call-log.js';
import type { FaultDecision } from './faults.js';
import { handleControl } from './control.js';
import type { RestRequest, RestResponse, RestService } from './rest.js';
import { appRunner } from './services/apprunner.js';
import { betterstack } from './services/betterstack.js';
import { cloudwatch } from './services/cloudwatch.js';
import { cloudwatchLogs } from './services/cloudwatch-logs.js';
import { autoscaling } from './services/autoscaling.js';
import { ec2 } from './services/ec2.js';
import { elbv2 } from './services/elbv2.js';
import { ecr } from './services/ecr.js';
import { ecs } from './services/ecs.js';
import { ecsServiceOperations } from './services/ecs-services.js';
import { fly } from './services/fly.js';
import { github } from './services/github.js';
import { rds } from './services/rds.js';
import { secretsManager } from './services/secrets-manager.js';
import { slack } from './services/slack.js';
import { ssm } from './services/ssm.js';
import { sts } from './services/sts.js';
import type { World } from './world.js';

/** Every AWS stand-in; a new service is one module and one entry here. */
export const AWS_SERVICES: readonly AwsService<World>[] = [
  appRunner,
  ecr,
  rds,
  sts,
  cloudwatch,
  cloudwatchLogs,
  ec2,
  secretsManager,
  ssm,
  { ...ecs, operations: { ...ecs.operations, ...ecsServiceOperations } },
  autoscaling,
  elbv2,
];
export const REST_SERVICES: readonly RestService<World>[] = [github, slack, betterstack, fly];

const MAX_BODY = 10 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, response: EncodedResponse): void {
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': Buffer.byteLength(response.body),
  });
  res.end(response.body);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies an injected fault's latency and connection reset (both protocols alike); returns
 * the failure still to answer with, or 'answered' when the connection is gone.
 */
async function applyFault(
  decision: FaultDecision,
  record: CallRecord,
  req: http.IncomingMessage,
): Promise<FaultDecision['fail'] | 'answered'> {
  if (decision.latencyMs > 0) {
    record.latencyMs = decision.latencyMs;
    await sleep(decision.latencyMs);
  }
  if (decision.fail === 'reset') {
    record.fault = 'reset';
    record.status = 0;
    req.socket.destroy();
    return 'answered';
  }
  if (decision.fail === 'hang') {
    // Read, never answered: only the client's own timeout (or the sim stopping) ends it.
    record.fault = 'hang';
    record.status = 0;
    return 'answered';
  }
  if (decision.fail) record.fault = decision.fail;
  return decision.fail;
}

/**
 * applied-then-lost: the operation has taken effect; the client gets a dropped connection or
 * a 500 instead of its answer. Returns true when the answer was lost.
 */
function loseAnswer(
  decision: FaultDecision,
  req: http.IncomingMessage,
  sendServerError: () => void,
): boolean {
  if (decision.fail !== 'applied-then-lost') return false;
  if (decision.lostAs === 'server-error') sendServerError();
  else req.socket.destroy();
  return true;
}

/** The service a signed AWS request is for, from its credential scope or target header. */
function awsServiceOf(req: http.IncomingMessage): {
  service?: AwsService;
  scope?: string;
  signed: boolean;
} {
  const auth = req.headers['authorization'];
  const scope =
    typeof auth === 'string'
      ? /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth)?.[1]
      : undefined;
  const target = req.headers['x-amz-target'];
  const prefix = typeof target === 'string' ? target.split('.')[0] : undefined;
  const service = AWS_SERVICES.find(
    (s) =>
      (scope !== undefined && s.signingName === scope) ||
      (scope === undefined && prefix !== undefined && s.targetPrefix === prefix),
  );
  return {
    ...(service ? { service } : {}),
    ...(scope ? { scope } : {}),
    signed: scope !== undefined,
  };
}

function encodeError(service: AwsService, error: AwsError, requestId: string): EncodedResponse {
  if (service.protocol === 'ec2') return encodeEc2Error(error, requestId);
  if (service.protocol === 'awsQuery') return encodeQueryError(error, requestId);
  if (service.queryCompatible) {
    // The SDK takes the error's code from this header, the shape from __type.
    const shape = new AwsError(
      service.queryCompatible[error.code] ?? error.code,
      error.message,
      error.status,
    );
    const encoded = encodeJsonError(
      service.protocol,
      shape,
      requestId,
      service.messageKey ?? 'message',
    );
    encoded.headers['x-amzn-query-error'] = `${error.code};${error.fault}`;
    return encoded;
  }
  return encodeJsonError(service.protocol, error, requestId, service.messageKey ?? 'message');
}

function faultError(service: AwsService, kind: string): AwsError {
  if (kind === 'throttle')
    return new AwsError(
      service.faults.throttling,
      'Rate exceeded',
      service.faults.throttlingStatus,
    );
  if (kind === 'unavailable')
    return new AwsError(
      'ServiceUnavailable',
      'Service is unavailable. Please try again later.',
      503,
    );
  if (kind === 'access-denied')
    return service.protocol === 'awsQuery'
      ? new AwsError('AccessDenied', 'User is not authorized to perform this action', 403)
      : new AwsError('AccessDeniedException', 'User is not authorized to perform this action', 403);
  return new AwsError(
    service.faults.internal,
    'An internal error occurred. Please try again.',
    500,
  );
}

async function handleAws(
  world: World,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  raw: string,
): Promise<void> {
  const requestId = newRequestId();
  const { service, scope, signed } = awsServiceOf(req);
  if (!service) {
    const error = new AwsError(
      'UnknownOperationException',
      `sim: no stand-in for AWS service "${scope ?? String(req.headers['x-amz-target'] ?? 'unknown')}" (add one in sim/services/)`,
    );
    send(res, encodeJsonError('awsJson1_1', error, requestId, 'message'));
    return;
  }
  let operation: string;
  let input: Record<string, unknown>;
  try {
    if (service.protocol === 'awsQuery' || service.protocol === 'ec2') {
      const parsed = parseQueryBody(raw, service.protocol === 'ec2');
      operation = parsed.action;
      input = parsed.params;
    } else {
      const target = String(req.headers['x-amz-target'] ?? '');
      operation = target.startsWith(`${service.targetPrefix}.`)
        ? target.slice(service.targetPrefix!.length + 1)
        : '';
      input = parseJsonBody(raw);
    }
  } catch (error) {
    send(res, encodeError(service, error as AwsError, requestId));
    return;
  }
  const definition = service.operations[operation];
  const record: CallRecord = world.calls.add({
    service: service.signingName,
    operation: operation || '(none)',
    params: input,
    time: Date.now(),
    mutating: definition?.mutating ?? false,
  });
  const fail = (error: AwsError): void => {
    record.status = error.status;
    record.error = error.code;
    send(res, encodeError(service, error, requestId));
  };
  if (!signed) {
    fail(
      service.protocol === 'awsQuery' || service.protocol === 'ec2'
        ? new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
        : new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403),
    );
    return;
  }
  if (!definition) {
    fail(
      service.protocol === 'awsQuery' || service.protocol === 'ec2'
        ? new AwsError(
            'InvalidAction',
            `Could not find operation ${operation} for version 2014-10-31`,
          )
        : new AwsError(
            'UnknownOperationException',
            `sim: ${service.signingName} has no operation "${operation}" (add it to sim/services/)`,
          ),
    );
    return;
  }
  // AWS's model decides what a request may hold; a refused one never reaches the handler.
  const model = modelOf(service.signingName);
  const modelled = model?.operations[operation];
  if (!model || !modelled) {
    const message = `sim: ${service.signingName}.${operation} has no AWS model in sim/models/ (run npm run sim:models -- <botocore version>)`;
    world.modelViolations.push(message);
    fail(new AwsError(service.faults.internal, message, 500));
    return;
  }
  const refused = violations(
    model,
    service.protocol,
    'input',
    modelled.input?.shape,
    input,
    VALIDATION_STYLE[service.signingName],
  );
  if (refused.length > 0) {
    fail(requestError(service.protocol, refused, service));
    return;
  }
  const decision = world.faults.decide(service.signingName, operation);
  const failure = await applyFault(decision, record, req);
  if (failure === 'answered') return;
  if (failure && failure !== 'applied-then-lost') {
    fail(faultError(service, failure));
    return;
  }
  world.clock.runDue();
  try {
    const result = await definition.handle(input, { world, requestId });
    if (world.checkResponses) {
      const wrong = violations(model, service.protocol, 'output', modelled.output?.shape, result);
      if (wrong.length > 0) {
        // A handler invented a field or value AWS does not have: the test that caused it fails.
        const message = `sim: ${service.signingName}.${operation} answered outside AWS's model: ${describeResponseViolations(wrong)}`;
        world.modelViolations.push(message);
        console.error(message);
        fail(new AwsError(service.faults.internal, message, 500));
        return;
      }
    }
    if (loseAnswer(decision, req, () => fail(faultError(service, 'server-error')))) {
      record.status ??= 0;
      return;
    }
    record.status = 200;
    send(
      res,
      service.protocol === 'ec2'
        ? encodeEc2Result(operation, service.xmlns!, result as Record<string, unknown>, requestId)
        : service.protocol === 'awsQuery'
          ? encodeQueryResult(operation, service.xmlns!, result, requestId)
          : encodeJsonResult(service.protocol, result, requestId),
    );
  } catch (error) {
    if (error instanceof AwsError) fail(error);
    else {
      console.error(`sim: ${service.signingName}.${operation} failed:`, error);
      fail(faultError(service, 'server-error'));
    }
  }
}

function sendRest(res: http.ServerResponse, response: RestResponse): void {
  const isText = typeof response.body === 'string';
  const body =
    response.body === undefined
      ? ''
      : isText
        ? (response.body as string)
        : JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type':
      response.contentType ??
      (isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
    'content-length': Buffer.byteLength(body),
    ...response.headers,
  });
  res.end(body);
}

async function handleRest(
  world: World,
  service: RestService,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  raw: string,
): Promise<void> {
  const path = url.pathname.slice(service.prefix.length) || '/';
  const method = req.method ?? 'GET';
  let body: unknown;
  let badBody = false;
  if (raw.trim() !== '') {
    try {
      const type = String(req.headers['content-type'] ?? '');
      body = type.includes('application/x-www-form-urlencoded')
        ? JSON.parse(new URLSearchParams(raw).get('payload') ?? '')
        : JSON.parse(raw);
    } catch {
      badBody = true;
    }
  }
  const request: RestRequest = {
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    rawBody: raw,
    body,
  };
  let route: RestService['routes'][number] | undefined;
  let params: Record<string, string> = {};
  for (const r of service.routes) {
    if (r.method !== method) continue;
    const match = r.pattern.exec(path);
    if (match) {
      route = r;
      params = { ...match.groups };
      break;
    }
  }
  const record: CallRecord = world.calls.add({
    service: service.name,
    operation: route?.operation ?? `${method} ${path}`,
    params: { ...params, ...Object.fromEntries(url.searchParams), body },
    time: Date.now(),
    mutating: route?.mutating ?? method !== 'GET',
  });
  let extraHeaders: Record<string, string> = {};
  const answer = (response: RestResponse): void => {
    record.status = response.status;
    if (response.status >= 400) record.error = String(response.status);
    sendRest(res, { ...response, headers: { ...extraHeaders, ...response.headers } });
  };
  const refused = service.authenticate(request, world);
  if (refused) return answer(refused);
  extraHeaders = service.responseHeaders?.(request, world) ?? {};
  if (!route) return answer(service.notFound(request));
  if (badBody) return answer(service.badBody());
  const decision = world.faults.decide(service.name, route.operation);
  const failure = await applyFault(decision, record, req);
  if (failure === 'answered') return;
  if (failure && failure !== 'applied-then-lost') {
    const throttle = service.faults.throttle;
    return answer(
      failure === 'throttle'
        ? decision.retryAfterSeconds !== undefined && throttle.headers?.['retry-after']
          ? {
              ...throttle,
              headers: { ...throttle.headers, 'retry-after': String(decision.retryAfterSeconds) },
            }
          : throttle
        : failure === 'unavailable'
          ? service.faults.unavailable
          : failure === 'access-denied'
            ? { status: 403, body: { message: 'Resource not accessible by integration' } }
            : service.faults.serverError,
    );
  }
  world.clock.runDue();
  const response = await route.handle(request, params, world);
  if (loseAnswer(decision, req, () => answer(service.faults.serverError))) return;
  answer(response);
}

export async function startServer(world: World, port: number): Promise<http.Server> {
  // Read the models now, not inside the first request's modelled time.
  for (const service of AWS_SERVICES) modelOf(service.signingName);
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const raw = await readBody(req);
        const url = new URL(req.url ?? '/', 'http://sim');
        if (url.pathname.startsWith('/_sim/'))
          return sendRest(res, await handleControl(world, req.method ?? 'GET', url, raw));
        const rest = REST_SERVICES.find(
          (s) => url.pathname === s.prefix || url.pathname.startsWith(`${s.prefix}/`),
        );
        if (rest) return await handleRest(world, rest, req, res, url, raw);
        return await handleAws(world, req, res, raw);
      } catch (error) {
        console.error('sim: request failed:', error);
        if (!res.headersSent) sendRest(res, { status: 500, body: { message: String(error) } });
        else res.destroy();
      }
    })();
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  world.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return server;
}
