/**
 * Every operation the sim serves refuses, through the real SDK client, a request AWS's model
 * refuses: one missing a required member, one with a value outside an enum, one over a length
 * limit (where the operation has such members). Each is answered with the service's own
 * validation error, never reaches the handler, and leaves the sim's state as it was.
 *
 * The AWS SDK for JavaScript v3 does not validate inputs on the client (no required, enum or
 * length checks; it serializes what it is given), so every case goes through the real client.
 * The requests are built from the committed models: the other members get values that satisfy
 * the model, so the one violation is the only one.
 */
import * as appRunnerSdk from '@aws-sdk/client-apprunner';
import * as autoScalingSdk from '@aws-sdk/client-auto-scaling';
import * as elbSdk from '@aws-sdk/client-elastic-load-balancing-v2';
import * as cloudWatchSdk from '@aws-sdk/client-cloudwatch';
import * as logsSdk from '@aws-sdk/client-cloudwatch-logs';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import * as ecrSdk from '@aws-sdk/client-ecr';
import * as ecsSdk from '@aws-sdk/client-ecs';
import * as rdsSdk from '@aws-sdk/client-rds';
import * as secretsSdk from '@aws-sdk/client-secrets-manager';
import * as stsSdk from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { modelOf, type ModelShape, type ServiceModel } from '../../sim/aws/model.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { AWS_SERVICES } from '../../sim/server.js';
import { sdkError } from './helpers.js';

type Sdk = Record<string, unknown>;

/** Signing name → SDK module, client class and the refusal AWS answers with. */
const SERVICES: Record<
  string,
  {
    /** Absent: the project has no SDK client for it; requests go raw, as the client would send them. */
    sdk?: Sdk;
    client: string;
    code: string;
    missing?: string;
    style: 'coral' | 'ecr' | 'query';
    /** awsJson's X-Amz-Target prefix, for a service sent raw. */
    target?: string;
  }
> = {
  apprunner: {
    sdk: appRunnerSdk,
    client: 'AppRunnerClient',
    code: 'InvalidRequestException',
    style: 'coral',
  },
  ecs: { sdk: ecsSdk, client: 'ECSClient', code: 'InvalidParameterException', style: 'coral' },
  secretsmanager: {
    sdk: secretsSdk,
    client: 'SecretsManagerClient',
    code: 'ValidationException',
    style: 'coral',
  },
  logs: {
    sdk: logsSdk,
    client: 'CloudWatchLogsClient',
    code: 'InvalidParameterException',
    style: 'coral',
  },
  ecr: { sdk: ecrSdk, client: 'ECRClient', code: 'InvalidParameterException', style: 'ecr' },
  rds: {
    sdk: rdsSdk,
    client: 'RDSClient',
    code: 'InvalidParameterValue',
    missing: 'MissingParameter',
    style: 'query',
  },
  sts: {
    sdk: stsSdk,
    client: 'STSClient',
    code: 'InvalidParameterValue',
    missing: 'MissingParameter',
    style: 'query',
  },
  ec2: {
    sdk: ec2Sdk,
    client: 'EC2Client',
    code: 'InvalidParameterValue',
    missing: 'MissingParameter',
    style: 'query',
  },
  autoscaling: {
    sdk: autoScalingSdk,
    client: 'AutoScalingClient',
    code: 'ValidationError',
    style: 'coral',
  },
  elasticloadbalancing: {
    sdk: elbSdk,
    client: 'ElasticLoadBalancingV2Client',
    code: 'ValidationError',
    style: 'coral',
  },
  // Session Manager's API, which the aws CLI calls (sim/services/ssm.ts); no SDK client here.
  ssm: { client: 'SSMClient', code: 'ValidationException', style: 'coral', target: 'AmazonSSM' },
  // JSON on the wire with the query codes in x-amzn-query-error; the SDK names the error by
  // the modelled shape (InvalidParameterValue → InvalidParameterValueException).
  monitoring: {
    sdk: cloudWatchSdk,
    client: 'CloudWatchClient',
    code: 'InvalidParameterValueException',
    missing: 'MissingRequiredParameterException',
    style: 'query',
  },
};

/** Candidate strings for members with a pattern; the first the pattern accepts is used. */
const CANDIDATES = [
  'a',
  'drop-web',
  'arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/0123456789abcdef0123456789abcdef',
  'arn:aws:ecs:eu-west-1:123456789012:service/default/drop-web',
  '123456789012',
  'sg-0123456789abcdef0',
  '0123456789abcdef0123456789abcdef',
  '12345678-1234-4123-8123-123456789012',
  'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
];

function fits(shape: ModelShape, s: string): boolean {
  if (shape.min !== undefined && s.length < shape.min) return false;
  if (shape.max !== undefined && s.length > shape.max) return false;
  return shape.pattern === undefined || new RegExp(`^(?:${shape.pattern})$`, 'u').test(s);
}

/** A value of the shape that satisfies the model (required members only). */
function valid(model: ServiceModel, name: string): unknown {
  const shape = model.shapes[name]!;
  switch (shape.type) {
    case 'structure': {
      const required = shape.required ?? [];
      // A required structure with no required members of its own would serialize to nothing
      // (the query protocols omit it): give it its first plain string member.
      const members =
        required.length > 0
          ? required
          : Object.keys(shape.members ?? {})
              .filter((m) => {
                const s = model.shapes[shape.members![m]!.shape]!;
                return s.type === 'string' && !s.enum && CANDIDATES.some((c) => fits(s, c));
              })
              .slice(0, 1);
      return Object.fromEntries(members.map((m) => [m, valid(model, shape.members![m]!.shape)]));
    }
    case 'list':
      return Array.from({ length: Math.max(shape.min ?? 0, 1) }, () =>
        valid(model, shape.member!.shape),
      );
    case 'map':
      return {};
    case 'string': {
      if (shape.enum) return shape.enum[0];
      const found = CANDIDATES.find((c) => fits(shape, c));
      if (found !== undefined) return found;
      if (shape.pattern === undefined) return 'a'.repeat(shape.min ?? 1);
      throw new Error(`no candidate value for ${name} (pattern ${shape.pattern})`);
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return Math.max(shape.min ?? 1, 1);
    case 'boolean':
      return true;
    case 'timestamp':
      return new Date();
    case 'blob':
      return new Uint8Array([1]);
  }
}

interface Step {
  name: string;
  shape: string;
  /** Entered as item 1 of a list. */
  list: boolean;
  /** The violation sits in a list's item, a map's key or a map's value (the last step). */
  leaf?: 'item' | 'key' | 'value';
}

interface Target {
  /** Member names from the input down to the member. */
  steps: Step[];
}

/** The first member (breadth first, any depth) whose shape satisfies `want`. */
function findMember(
  model: ServiceModel,
  input: string,
  want: (shape: ModelShape) => boolean,
): Target | undefined {
  const queue: { shape: string; steps: Step[] }[] = [{ shape: input, steps: [] }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { shape: name, steps } = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const shape = model.shapes[name]!;
    if (shape.type !== 'structure') continue;
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      const target = model.shapes[ref.shape]!;
      const step = { name: member, shape: ref.shape, list: false };
      if (want(target)) return { steps: [...steps, step] };
      if (target.type === 'structure') queue.push({ shape: ref.shape, steps: [...steps, step] });
      if (target.type === 'list') {
        const item = model.shapes[target.member!.shape]!;
        if (want(item)) return { steps: [...steps, { ...step, list: true, leaf: 'item' }] };
        if (item.type === 'structure')
          queue.push({ shape: target.member!.shape, steps: [...steps, { ...step, list: true }] });
      }
      if (target.type === 'map') {
        if (want(model.shapes[target.key!.shape]!))
          return { steps: [...steps, { ...step, leaf: 'key' }] };
        if (want(model.shapes[target.value!.shape]!))
          return { steps: [...steps, { ...step, leaf: 'value' }] };
      }
    }
  }
  return undefined;
}

/** The shape a target's value must fit: the member's, or its list item's, map key's or value's. */
function violated(model: ServiceModel, target: Target): ModelShape {
  const step = target.steps.at(-1)!;
  const shape = model.shapes[step.shape]!;
  const ref =
    step.leaf === 'item'
      ? shape.member
      : step.leaf === 'key'
        ? shape.key
        : step.leaf === 'value'
          ? shape.value
          : undefined;
  return ref ? model.shapes[ref.shape]! : shape;
}

/** Whether any shape the input reaches (at any depth) satisfies `want`: what the cases must cover. */
function reaches(
  model: ServiceModel,
  input: string,
  want: (shape: ModelShape) => boolean,
): boolean {
  const seen = new Set<string>();
  const todo = [input];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const shape = model.shapes[name]!;
    if (name !== input && want(shape)) return true;
    for (const ref of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value])
      if (ref) todo.push(ref.shape);
  }
  return false;
}

/** A valid input with the target member set to `value`; returns it and the member's path. */
function withValue(
  model: ServiceModel,
  input: string,
  target: Target,
  value: unknown,
  style: 'coral' | 'ecr' | 'query',
): { request: Record<string, unknown>; path: string } {
  const request = valid(model, input) as Record<string, unknown>;
  let node = request;
  const path: string[] = [];
  const item = (style === 'query' ? 'member.1' : '1.member') as string;
  target.steps.forEach((step, i) => {
    const last = i === target.steps.length - 1;
    path.push(
      style === 'query' ? step.name : step.name.charAt(0).toLowerCase() + step.name.slice(1),
    );
    if (last) {
      const shape = model.shapes[step.shape]!;
      if (step.leaf === 'item') {
        node[step.name] = [value];
        path.push(item);
      } else if (step.leaf === 'key') {
        node[step.name] = { [String(value)]: valid(model, shape.value!.shape) };
        path.push('key');
      } else if (step.leaf === 'value') {
        node[step.name] = { a: value };
        path.push('a.member');
      } else node[step.name] = value;
      return;
    }
    if (step.list) {
      const list = (node[step.name] as Record<string, unknown>[] | undefined) ?? [
        valid(model, model.shapes[step.shape]!.member!.shape) as Record<string, unknown>,
      ];
      node[step.name] = list;
      node = list[0]!;
      path.push(item);
    } else {
      node[step.name] ??= valid(model, step.shape);
      node = node[step.name] as Record<string, unknown>;
    }
  });
  return { request, path: path.join('.') };
}

interface Case {
  service: string;
  operation: string;
  kind: 'missing' | 'enum' | 'length' | 'range';
  request: Record<string, unknown>;
  /** What the refusal's message must name. */
  names: string;
  constraint: RegExp;
}

/** The members each kind of case violates. */
const KINDS = {
  enum: (s: ModelShape): boolean => s.type === 'string' && s.enum !== undefined,
  length: (s: ModelShape): boolean =>
    s.type === 'string' && s.max !== undefined && s.max < 100_000 && !s.enum,
  range: (s: ModelShape): boolean =>
    (s.type === 'integer' || s.type === 'long') && s.max !== undefined,
};

function casesOf(signing: string): Case[] {
  const model = modelOf(signing)!;
  const { style } = SERVICES[signing]!;
  const out: Case[] = [];
  const service = AWS_SERVICES.find((s) => s.signingName === signing)!;
  for (const operation of Object.keys(service.operations)) {
    const input = model.operations[operation]!.input?.shape;
    if (input === undefined) continue; // nothing to send (GetCallerIdentity)
    const shape = model.shapes[input]!;
    const required = shape.required?.[0];
    if (required !== undefined) {
      const request = valid(model, input) as Record<string, unknown>;
      delete request[required];
      out.push({
        service: signing,
        operation,
        kind: 'missing',
        request,
        names: style === 'query' ? required : required.charAt(0).toLowerCase() + required.slice(1),
        constraint: style === 'query' ? /must contain the parameter/ : /Member must not be null/,
      });
    }
    const enumTarget = findMember(model, input, KINDS.enum);
    if (enumTarget) {
      const { request, path } = withValue(model, input, enumTarget, 'NOT_A_MODEL_VALUE', style);
      out.push({
        service: signing,
        operation,
        kind: 'enum',
        request,
        names: path,
        constraint: /Member must satisfy enum value set: \[/,
      });
    }
    const longTarget = findMember(model, input, KINDS.length);
    if (longTarget) {
      const max = violated(model, longTarget).max!;
      const { request, path } = withValue(model, input, longTarget, 'a'.repeat(max + 1), style);
      out.push({
        service: signing,
        operation,
        kind: 'length',
        request,
        names: path,
        constraint: new RegExp(`Member must have length less than or equal to ${max}`),
      });
    }
    const rangeTarget = findMember(model, input, KINDS.range);
    if (rangeTarget) {
      const max = violated(model, rangeTarget).max!;
      const { request, path } = withValue(model, input, rangeTarget, max + 1, style);
      out.push({
        service: signing,
        operation,
        kind: 'range',
        request,
        names: path,
        constraint: new RegExp(`Member must have value less than or equal to ${max}`),
      });
    }
  }
  return out;
}

/** An awsJson 1.1 request as an SDK client sends it (signed with a dummy signature). */
async function sendRaw(
  signing: string,
  target: string,
  operation: string,
  request: Record<string, unknown>,
): Promise<{ name: string; status: number | undefined; message: string }> {
  const response = await fetch(`${sim.url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `${target}.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDSIM/20260101/eu-west-1/${signing}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { __type?: string; message?: string; Message?: string };
  return {
    name: String(body.__type).split('#').at(-1)!,
    status: response.status,
    message: body.message ?? body.Message ?? '',
  };
}

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSim({ timeScale: 0.002 });
});
afterAll(async () => {
  await sim.stop();
});

const ALL = Object.keys(SERVICES).flatMap(casesOf);

it('covers every service the sim serves, and every served operation that has a required, enum, length-limited or ranged member', () => {
  expect(Object.keys(SERVICES).sort()).toEqual(AWS_SERVICES.map((s) => s.signingName).sort());
  const wanted: string[] = [];
  const covered = new Set(ALL.map((c) => `${c.service} ${c.operation} ${c.kind}`));
  for (const service of AWS_SERVICES) {
    const model = modelOf(service.signingName)!;
    for (const operation of Object.keys(service.operations)) {
      const input = model.operations[operation]!.input?.shape;
      if (input === undefined) continue;
      const key = `${service.signingName} ${operation}`;
      if ((model.shapes[input]!.required ?? []).length > 0) wanted.push(`${key} missing`);
      for (const [kind, want] of Object.entries(KINDS))
        if (reaches(model, input, want)) wanted.push(`${key} ${kind}`);
    }
  }
  // Read from the models: a case for each kind an operation's input can break, and no other.
  expect([...covered].sort()).toEqual(wanted.sort());
});

it('STS GetCallerIdentity has no input members; anything sent with it is refused', async () => {
  const response = await fetch(sim.env['AWS_ENDPOINT_URL_STS'] ?? `${sim.url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDSIM/20260101/eu-west-1/sts/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: 'Action=GetCallerIdentity&Version=2011-06-15&RoleArn=x',
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('<Code>InvalidParameterValue</Code>');
});

describe.each(Object.keys(SERVICES).filter((s) => s !== 'sts'))(
  '%s refuses what its model refuses',
  (signing) => {
    const cases = ALL.filter((c) => c.service === signing);
    it.each(cases.map((c) => [`${c.operation}: ${c.kind} (${c.names})`, c] as const))(
      '%s',
      async (_title, c) => {
        const { sdk, client: clientName, code, style, target } = SERVICES[signing]!;
        const service = AWS_SERVICES.find((s) => s.signingName === signing)!;
        const handler = vi.spyOn(service.operations[c.operation]!, 'handle');
        const before = JSON.stringify(sim.state());
        let destroy = (): void => undefined;
        try {
          let error: { name: string; status: number | undefined; message: string };
          if (sdk) {
            const Client = sdk[clientName] as new (config: unknown) => {
              send(command: unknown): Promise<unknown>;
              destroy(): void;
            };
            const Command = sdk[`${c.operation}Command`] as new (input: unknown) => unknown;
            const client = new Client(sim.clientConfig({ maxAttempts: 1 }));
            destroy = () => client.destroy();
            error = await sdkError(client.send(new Command(c.request)));
          } else error = await sendRaw(signing, target!, c.operation, c.request);
          const expected = c.kind === 'missing' ? (SERVICES[signing]!.missing ?? code) : code;
          expect(error).toMatchObject({ name: expected, status: 400 });
          expect(error.message).toMatch(c.constraint);
          expect(error.message).toContain(style === 'query' ? c.names : `'${c.names}'`);
          expect(handler).not.toHaveBeenCalled();
          expect(JSON.stringify(sim.state())).toBe(before);
        } finally {
          handler.mockRestore();
          destroy();
        }
      },
    );
  },
);
