/**
 * AWS's own API models (botocore's `service-2.json`), cut down to the operations the sim
 * serves by `npm run sim:models` and committed under `sim/models/`. The sim checks requests
 * and responses against them (`model-validate.ts`), so its strictness comes from AWS's
 * published constraints rather than from hand-written checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ModelMember {
  shape: string;
  locationName?: string;
  queryName?: string;
  flattened?: boolean;
  idempotencyToken?: boolean;
  deprecated?: boolean;
}

export interface ModelShape {
  type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'float'
    | 'double'
    | 'boolean'
    | 'timestamp'
    | 'blob';
  members?: Record<string, ModelMember>;
  required?: string[];
  member?: ModelMember;
  key?: ModelMember;
  value?: ModelMember;
  enum?: string[];
  pattern?: string;
  min?: number;
  max?: number;
  flattened?: boolean;
  locationName?: string;
  sensitive?: boolean;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}

export interface ModelOperation {
  name: string;
  input?: { shape: string };
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
}

export interface ServiceModel {
  /** The botocore release the model was taken from. */
  botocore: string;
  /** botocore's folder name (`cloudwatch`, `logs`, …). */
  service: string;
  metadata: Record<string, unknown>;
  operations: Record<string, ModelOperation>;
  shapes: Record<string, ModelShape>;
}

/** The sim's services by SigV4 signing name → botocore's folder and our file name. */
export const MODEL_OF_SIGNING_NAME: Readonly<Record<string, string>> = {
  apprunner: 'apprunner',
  ecr: 'ecr',
  ecs: 'ecs',
  rds: 'rds',
  secretsmanager: 'secretsmanager',
  monitoring: 'cloudwatch',
  logs: 'logs',
  sts: 'sts',
  ec2: 'ec2',
  ssm: 'ssm',
  autoscaling: 'autoscaling',
  elasticloadbalancing: 'elbv2',
};

export const MODELS_DIR = fileURLToPath(new URL('../models/', import.meta.url));

const cache = new Map<string, ServiceModel | undefined>();

/** The committed model of a service (by signing name), or undefined when there is none. */
export function modelOf(signingName: string): ServiceModel | undefined {
  if (cache.has(signingName)) return cache.get(signingName);
  const name = MODEL_OF_SIGNING_NAME[signingName];
  const file = name === undefined ? undefined : `${MODELS_DIR}${name}.json`;
  const model =
    file !== undefined && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as ServiceModel)
      : undefined;
  cache.set(signingName, model);
  return model;
}
