/**
 * Checks a request against the operation's input shape (before any handler runs) and, in
 * tests, a handler's answer against the output shape: required members, types, enum values,
 * patterns, lengths and ranges, list sizes and unknown members, all from AWS's model
 * (`sim/models/`). A refused request is answered as the service answers it:
 *
 * - awsJson services (Coral): `1 validation error detected: Value 'x' at 'a.b' failed to
 *   satisfy constraint: Member must …` under the service's validation code (App Runner
 *   InvalidRequestException, ECS / Secrets Manager / CloudWatch Logs InvalidParameterException);
 *   a value of the wrong JSON type or an unknown member is a SerializationException, as Coral
 *   fails to read it.
 * - ECR: InvalidParameterException `Invalid parameter at 'x' failed to satisfy constraint: '…'`.
 * - awsQuery, ec2 and CloudWatch's query codes: MissingParameter `The request must contain the
 *   parameter X`, otherwise InvalidParameterValue; EC2 names an unknown one UnknownParameter.
 *
 * Values of `sensitive` shapes are never put in a message.
 */
import { AwsError, XmlList, type AwsProtocol } from './protocol.js';
import type { ModelMember, ModelShape, ServiceModel } from './model.js';

export interface Violation {
  /** Wire path of the member: `sourceConfiguration.imageRepository.imageIdentifier`. */
  path: string;
  kind: 'missing' | 'type' | 'unknown' | 'constraint';
  /** `Member must …` */
  constraint: string;
  /** The value as Coral prints it, or undefined for a sensitive or absent one. */
  shown: string | undefined;
}

type Direction = 'input' | 'output';

interface Walk {
  model: ServiceModel;
  protocol: AwsProtocol;
  direction: Direction;
  /** Coral names members lowerCamel in messages; query codes keep the parameter's name. */
  lowerCamel: boolean;
  out: Violation[];
}

const isQuery = (p: AwsProtocol): boolean => p === 'awsQuery' || p === 'ec2';

const ucfirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lcfirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** The name a member has on the wire for this protocol and direction. */
function wireName(walk: Walk, name: string, member: ModelMember): string {
  if (walk.protocol === 'ec2') {
    if (walk.direction === 'input')
      return member.queryName ?? (member.locationName ? ucfirst(member.locationName) : name);
    return member.locationName ?? lcfirst(name);
  }
  if (walk.protocol === 'awsQuery') return member.locationName ?? name;
  return name;
}

/** Coral writes member paths lowerCamel; query services use the parameter name. */
function pathPart(walk: Walk, wire: string): string {
  return walk.lowerCamel && walk.direction === 'input' ? lcfirst(wire) : wire;
}

const patternCache = new Map<string, RegExp | null>();

/** The model's (Java) pattern as a whole-value JS regex; null when JS cannot read it. */
function regexOf(pattern: string): RegExp | null {
  if (patternCache.has(pattern)) return patternCache.get(pattern)!;
  let re: RegExp | null = null;
  for (const flags of ['u', '']) {
    try {
      re = new RegExp(`^(?:${pattern})$`, flags);
      break;
    } catch {
      // try without unicode mode: some Java escapes (`\_`) are errors there
    }
  }
  patternCache.set(pattern, re);
  return re;
}

function show(shape: ModelShape, value: unknown): string | undefined {
  if (shape.sensitive) return undefined;
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === 'string') return `'${value}'`;
  return `'${JSON.stringify(value)}'`;
}

function add(
  walk: Walk,
  path: string,
  kind: Violation['kind'],
  constraint: string,
  shape?: ModelShape,
  value?: unknown,
): void {
  walk.out.push({
    path,
    kind,
    constraint,
    shown: kind === 'missing' ? 'null' : shape ? show(shape, value) : undefined,
  });
}

function length(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

/** The custom domain statuses App Runner answers (in lower case, unlike its model). */
export const APP_RUNNER_DOMAIN_STATUSES = [
  'creating',
  'create_failed',
  'active',
  'deleting',
  'delete_failed',
  'pending_certificate_dns_validation',
  'binding_certificate',
] as const;

/**
 * Answers AWS is seen to send outside its own model, by botocore service and shape: App Runner
 * answers DescribeCustomDomains' `Status` in lower case (`pending_certificate_dns_validation`,
 * `active`: boto3 responses captured from the API), while the model lists upper case.
 */
const ANSWER_ENUM_EXTRAS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  apprunner: { CustomDomainAssociationStatus: APP_RUNNER_DOMAIN_STATUSES },
};

function checkScalar(
  walk: Walk,
  shapeName: string,
  shape: ModelShape,
  value: unknown,
  path: string,
): void {
  const query = isQuery(walk.protocol);
  const loose = query || walk.direction === 'output'; // query wires carry every scalar as text
  const bad = (what: string): void =>
    add(walk, path, 'type', `Member must be ${what}`, shape, value);
  // Constraint traits bind what clients send; AWS's own answers break them (an empty
  // `imageIds`, App Runner ids without dashes), so answers are checked for type and enum only.
  const bounded = walk.direction === 'input';
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') {
        if (!(walk.direction === 'output' && query && typeof value === 'number'))
          return bad('a string');
      }
      const text = String(value);
      const extras =
        walk.direction === 'output'
          ? (ANSWER_ENUM_EXTRAS[walk.model.service]?.[shapeName] ?? [])
          : [];
      if (shape.enum && !shape.enum.includes(text) && !extras.includes(text))
        add(
          walk,
          path,
          'constraint',
          `Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
          shape,
          value,
        );
      if (bounded) checkSize(walk, shape, length(text), path, value, 'shown');
      if (bounded && shape.pattern !== undefined && text !== '') {
        const re = regexOf(shape.pattern);
        if (re && !re.test(text))
          add(
            walk,
            path,
            'constraint',
            `Member must satisfy regular expression pattern: ${shape.pattern}`,
            shape,
            value,
          );
      }
      return;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const integral = shape.type === 'integer' || shape.type === 'long';
      let n: number;
      if (typeof value === 'number') n = value;
      else if (loose && typeof value === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value))
        n = Number(value);
      else return bad(integral ? 'an integer' : 'a number');
      if (!Number.isFinite(n) || (integral && !Number.isInteger(n)))
        return bad(integral ? 'an integer' : 'a number');
      if (bounded && shape.min !== undefined && n < shape.min)
        add(
          walk,
          path,
          'constraint',
          `Member must have value greater than or equal to ${shape.min}`,
          shape,
          value,
        );
      if (bounded && shape.max !== undefined && n > shape.max)
        add(
          walk,
          path,
          'constraint',
          `Member must have value less than or equal to ${shape.max}`,
          shape,
          value,
        );
      return;
    }
    case 'boolean':
      if (typeof value === 'boolean') return;
      if (loose && (value === 'true' || value === 'false')) return;
      return bad('a boolean');
    case 'timestamp':
      if (value instanceof Date && walk.direction === 'output') return;
      if (typeof value === 'number' && !query && Number.isFinite(value)) return;
      if (query && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return;
      return bad('a timestamp');
    case 'blob':
      if (typeof value === 'string' || value instanceof Uint8Array) return;
      return bad('a blob (base64)');
    default:
      return bad(shape.type);
  }
}

/**
 * The length traits of a string (`size` in characters), list or map. Over the maximum, Coral
 * prints a string's value but not a whole list or map (`tooLong: 'hidden'`).
 */
function checkSize(
  walk: Walk,
  shape: ModelShape,
  size: number,
  path: string,
  v: unknown,
  tooLong: 'shown' | 'hidden' = 'hidden',
): void {
  if (shape.min !== undefined && size < shape.min)
    add(
      walk,
      path,
      'constraint',
      `Member must have length greater than or equal to ${shape.min}`,
      shape,
      v,
    );
  if (shape.max !== undefined && size > shape.max) {
    const message = `Member must have length less than or equal to ${shape.max}`;
    if (tooLong === 'shown') add(walk, path, 'constraint', message, shape, v);
    else add(walk, path, 'constraint', message, { ...shape, sensitive: true });
  }
}

function checkValue(walk: Walk, shapeName: string, value: unknown, path: string): void {
  const shape = walk.model.shapes[shapeName];
  if (!shape) throw new Error(`sim model ${walk.model.service}: no shape ${shapeName}`);
  const query = isQuery(walk.protocol);
  switch (shape.type) {
    case 'structure': {
      if (
        value === null ||
        typeof value !== 'object' ||
        Array.isArray(value) ||
        value instanceof XmlList ||
        value instanceof Date
      ) {
        add(walk, path, 'type', 'Member must be a structure', shape, value);
        return;
      }
      const record = value as Record<string, unknown>;
      const members = shape.members ?? {};
      const byWire = new Map<string, [string, ModelMember]>();
      for (const [name, member] of Object.entries(members))
        byWire.set(wireName(walk, name, member), [name, member]);
      const prefix = path === '' ? '' : `${path}.`;
      for (const name of shape.required ?? []) {
        const member = members[name];
        if (!member) continue;
        const wire = wireName(walk, name, member);
        const v = record[wire];
        if (v === undefined || v === null)
          add(walk, `${prefix}${pathPart(walk, wire)}`, 'missing', 'Member must not be null');
      }
      for (const [key, v] of Object.entries(record)) {
        if (v === undefined || (v === null && !query)) continue;
        const found = byWire.get(key);
        if (!found) {
          add(walk, `${prefix}${key}`, 'unknown', 'Member is not in the model');
          continue;
        }
        checkValue(walk, found[1].shape, v, `${prefix}${pathPart(walk, key)}`);
      }
      return;
    }
    case 'list': {
      let items: readonly unknown[];
      if (value instanceof XmlList) {
        items = value.items;
        if (query && walk.direction === 'output' && !shape.flattened) {
          const memberName = shape.member?.locationName ?? 'member';
          if (value.member !== memberName)
            add(
              walk,
              path,
              'type',
              `Member must be a list of <${memberName}> (xmlList('${memberName}', …)), not <${value.member}>`,
            );
        }
      } else if (Array.isArray(value)) items = value;
      else if (query && walk.direction === 'input' && value === '')
        items = []; // the SDK writes an empty awsQuery list as `Name=`
      else {
        add(walk, path, 'type', 'Member must be a list', shape, value);
        return;
      }
      if (walk.direction === 'input') checkSize(walk, shape, items.length, path, value);
      items.forEach((item, i) => {
        // Coral: `tags.1.member`; awsQuery: `Tags.member.1`; ec2: `GroupId.1`.
        const itemPath = walk.lowerCamel
          ? `${path}.${i + 1}.member`
          : walk.protocol === 'ec2'
            ? `${path}.${i + 1}`
            : `${path}.member.${i + 1}`;
        if (item === undefined || item === null) {
          if (query && walk.direction === 'input')
            add(walk, itemPath, 'type', 'Member list has a gap in its numbering');
          return;
        }
        checkValue(walk, shape.member!.shape, item, itemPath);
      });
      return;
    }
    case 'map': {
      // Query maps arrive as `Name.entry.N.key/value`: a list of {key, value} records.
      let entries: [unknown, unknown][];
      if (query && Array.isArray(value)) {
        const k = shape.key?.locationName ?? 'key';
        const v = shape.value?.locationName ?? 'value';
        entries = (value as Record<string, unknown>[]).map((e) => [e?.[k], e?.[v]]);
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        entries = Object.entries(value);
      } else {
        add(walk, path, 'type', 'Member must be a map', shape, value);
        return;
      }
      if (walk.direction === 'input') checkSize(walk, shape, entries.length, path, value);
      for (const [k, v] of entries) {
        checkValue(walk, shape.key!.shape, k, `${path}.key`);
        if (v !== undefined && v !== null)
          checkValue(walk, shape.value!.shape, v, `${path}.${String(k)}.member`);
      }
      return;
    }
    default:
      checkScalar(walk, shapeName, shape, value, path);
  }
}

/** Every way `value` departs from the shape `shapeName` of `model` (empty when it fits). */
export function violations(
  model: ServiceModel,
  protocol: AwsProtocol,
  direction: Direction,
  shapeName: string | undefined,
  value: unknown,
  style: ValidationStyle = 'coral',
): Violation[] {
  const walk: Walk = { model, protocol, direction, lowerCamel: style !== 'query', out: [] };
  if (shapeName === undefined) {
    // No input (GetCallerIdentity) or output shape: nothing may be sent.
    const keys = value && typeof value === 'object' ? Object.keys(value) : [];
    for (const key of keys) add(walk, key, 'unknown', 'Member is not in the model');
    return walk.out;
  }
  checkValue(walk, shapeName, value ?? {}, '');
  return walk.out;
}

/**
 * Services whose model violations carry a code other than their `invalid()` one: Secrets
 * Manager answers its model's constraints with Coral's ValidationException (and keeps
 * InvalidParameterException for its own rules).
 */
const VALIDATION_CODE: Readonly<Record<string, string>> = { secretsmanager: 'ValidationException' };

/** How a service words a refused request. */
export type ValidationStyle = 'coral' | 'ecr' | 'query';

/** The style by SigV4 signing name (CloudWatch speaks JSON but keeps its query codes). */
export const VALIDATION_STYLE: Readonly<Record<string, ValidationStyle>> = {
  apprunner: 'coral',
  ecs: 'coral',
  secretsmanager: 'coral',
  logs: 'coral',
  ecr: 'ecr',
  rds: 'query',
  sts: 'query',
  ec2: 'query',
  monitoring: 'query',
  // Auto Scaling and ELB speak awsQuery but word refusals as coral does: ValidationError,
  // "1 validation error detected: Value null at 'autoScalingGroupName' …".
  autoscaling: 'coral',
  elasticloadbalancing: 'coral',
};

function describe(v: Violation): string {
  const value = v.shown === undefined ? 'Value' : `Value ${v.shown}`;
  return `${value} at '${v.path}' failed to satisfy constraint: ${v.constraint}`;
}

/**
 * The error AWS answers a refused request with; the Coral and ECR styles use the service's
 * own validation error (`invalid`, its code) unless VALIDATION_CODE names another.
 */
export function requestError(
  protocol: AwsProtocol,
  found: readonly Violation[],
  service: { signingName: string; invalid: (message: string) => AwsError },
): AwsError {
  const code = VALIDATION_CODE[service.signingName];
  const invalid = (message: string): AwsError =>
    code === undefined ? service.invalid(message) : new AwsError(code, message);
  const first = found[0]!;
  const style = VALIDATION_STYLE[service.signingName] ?? 'coral';
  if (style === 'query') {
    const missing = found.find((v) => v.kind === 'missing');
    if (missing)
      return new AwsError(
        'MissingParameter',
        `The request must contain the parameter ${missing.path}`,
      );
    const unknown = found.find((v) => v.kind === 'unknown');
    if (unknown && protocol === 'ec2')
      return new AwsError('UnknownParameter', `The parameter ${unknown.path} is not recognized`);
    if (unknown)
      return new AwsError(
        'InvalidParameterValue',
        `The parameter ${unknown.path} is not recognized`,
      );
    const value = first.shown === undefined ? '' : ` ${first.shown.replace(/^'|'$/g, '')}`;
    return new AwsError(
      'InvalidParameterValue',
      `Invalid value${value} for parameter ${first.path}: ${first.constraint}`,
    );
  }
  const serialization = found.find((v) => v.kind === 'type' || v.kind === 'unknown');
  if (serialization)
    return new AwsError(
      'SerializationException',
      serialization.kind === 'unknown'
        ? `Unrecognized field "${serialization.path}" (not in the operation's input shape)`
        : `Unexpected value at '${serialization.path}': ${serialization.constraint}`,
    );
  if (style === 'ecr')
    return invalid(
      `Invalid parameter at '${first.path}' failed to satisfy constraint: '${first.constraint}'`,
    );
  const shown = found.slice(0, 10);
  const n = found.length;
  return invalid(
    `${n} validation error${n === 1 ? '' : 's'} detected: ${shown.map(describe).join('; ')}`,
  );
}

/** One line per violation of an answer, for the test that caused it. */
export function describeResponseViolations(found: readonly Violation[]): string {
  return found
    .map((v) => `${v.path || '(result)'}: ${v.constraint}${v.shown ? ` (got ${v.shown})` : ''}`)
    .join('; ');
}
