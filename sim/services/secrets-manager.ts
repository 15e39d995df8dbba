/**
 * Secrets Manager (awsJson 1.1, `secretsmanager.<Op>`) with the real staging-label rules:
 * - a version's id is the ClientRequestToken that made it; the same token with the same value
 *   is accepted again (idempotent), with another value it is ResourceExistsException;
 * - a label sits on at most one version; AWSCURRENT is always on exactly one version once the
 *   secret has a value, and moving it labels the version it leaves AWSPREVIOUS;
 * - UpdateSecretVersionStage must name the version a label is moved away from;
 * - versions without labels are deprecated: listed only with IncludeDeprecated.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import { AwsError } from '../aws/protocol.js';
import { optString, paginate, type AwsService, type Input } from '../aws/service.js';
import type { RdsState } from './rds.js';

/** What this service reads of the world. */
interface SecretsWorld {
  secrets: SecretsState;
}

export interface SecretVersion {
  id: string;
  secretString?: string;
  secretBinary?: string;
  createdAt: number;
  stages: Set<string>;
  lastAccessedAt?: number;
}

export interface SimSecret {
  arn: string;
  name: string;
  description?: string;
  kmsKeyId?: string;
  createdAt: number;
  lastChangedAt: number;
  lastRotatedAt?: number;
  lastAccessedAt?: number;
  rotationEnabled: boolean;
  rotationLambdaArn?: string;
  /** Days between rotations (RotationRules.AutomaticallyAfterDays) when rotation is on. */
  rotationDays?: number;
  owningService?: string;
  deletedAt?: number;
  /** In creation order. */
  versions: SecretVersion[];
  tags: { Key: string; Value: string }[];
}

const invalidParameter = (message: string): AwsError =>
  new AwsError('InvalidParameterException', message);
const validation = (message: string): AwsError => new AwsError('ValidationException', message);
const notFound = (): AwsError =>
  new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");

const suffixOf = (name: string): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const digest = createHash('sha256').update(name).digest();
  return [...digest.subarray(0, 6)].map((b) => alphabet[b % alphabet.length]).join('');
};

export class SecretsState {
  readonly secrets = new Map<string, SimSecret>();

  constructor(
    private readonly fixture: Fixture,
    private readonly clock: SimClock,
  ) {}

  /** Seeds the fixture's secrets; values may be built from (backed) RDS instances. */
  seed(rds: RdsState): void {
    const now = this.clock.now();
    for (const f of this.fixture.secretsmanager.secrets) {
      let value = f.value;
      if (f.databaseUrlOf !== undefined) {
        const instance = rds.instance(f.databaseUrlOf);
        const b = instance.backing;
        const user = f.databaseUser?.name ?? b?.masterUsername ?? instance.fixture.masterUsername;
        const password = f.databaseUser?.password ?? instance.masterPassword;
        value = b
          ? rds.customerUrl(instance, user, password)
          : `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${String((rds.describeInstance(instance)['Endpoint'] as Input)['Address'])}:5432/${instance.fixture.dbName}`;
      }
      if (f.rdsMasterSecretOf !== undefined) {
        const instance = rds.instance(f.rdsMasterSecretOf);
        value = JSON.stringify({
          username: instance.backing?.masterUsername ?? instance.fixture.masterUsername,
          password: instance.masterPassword,
        });
      }
      const arn = `arn:aws:secretsmanager:${this.fixture.region}:${this.fixture.account}:secret:${f.name}-${f.suffix ?? suffixOf(f.name)}`;
      const createdAt = now - f.createdAgo;
      const changedAt = now - f.lastChangedAgo;
      const secret: SimSecret = {
        arn,
        name: f.name,
        ...(f.description !== undefined ? { description: f.description } : {}),
        createdAt,
        lastChangedAt: changedAt,
        ...(f.lastRotatedAgo !== undefined ? { lastRotatedAt: now - f.lastRotatedAgo } : {}),
        rotationEnabled: f.rotationEnabled,
        ...(f.rotationEnabled ? this.rotationOf(f, arn) : {}),
        ...(f.owningService !== undefined ? { owningService: f.owningService } : {}),
        versions: [],
        tags: [],
      };
      if (value !== undefined)
        secret.versions.push({
          id: randomUUID(),
          secretString: value,
          createdAt: changedAt,
          stages: new Set(['AWSCURRENT']),
        });
      this.secrets.set(arn, secret);
    }
  }

  /**
   * A secret RDS manages rotates on RDS's schedule (sim/index.ts scheduleManagedRotations: the
   * instance's rotateEveryDays, 7 by default) with no Lambda function of the customer's; any
   * other rotation goes through a Lambda function every 7 days.
   */
  private rotationOf(
    f: Fixture['secretsmanager']['secrets'][number],
    arn: string,
  ): Pick<SimSecret, 'rotationLambdaArn' | 'rotationDays'> {
    if (f.owningService === 'rds') {
      const instance = this.fixture.rds.instances.find(
        (i) => i.manageMasterUserPassword && i.masterUserSecret?.secretArn === arn,
      );
      // rotateEveryDays 0 only stops the sim's own schedule (a test rotates by hand); what
      // RDS shows is still its default.
      return { rotationDays: instance?.masterUserSecret?.rotateEveryDays || 7 };
    }
    return {
      rotationLambdaArn: `arn:aws:lambda:${this.fixture.region}:${this.fixture.account}:function:SecretsManagerRotation`,
      rotationDays: 7,
    };
  }

  /** By name, full ARN, or ARN without the random suffix. */
  find(id: string): SimSecret | undefined {
    const direct = this.secrets.get(id);
    if (direct) return direct;
    for (const s of this.secrets.values()) {
      if (s.name === id) return s;
      if (id.startsWith('arn:') && s.arn.slice(0, -7) === id) return s;
    }
    return undefined;
  }

  get(id: string, options: { allowDeleted?: boolean } = {}): SimSecret {
    const secret = this.find(id);
    if (!secret) throw notFound();
    if (secret.deletedAt !== undefined && !options.allowDeleted)
      throw new AwsError(
        'InvalidRequestException',
        "You can't perform this operation on the secret because it was marked for deletion.",
      );
    return secret;
  }

  /** The value App Runner reads at deployment: AWSCURRENT of the referenced secret. */
  currentValue(id: string): string | undefined {
    const secret = this.find(id);
    if (!secret || secret.deletedAt !== undefined) return undefined;
    return secret.versions.find((v) => v.stages.has('AWSCURRENT'))?.secretString;
  }

  /** Sets a new AWSCURRENT from the sim side (RDS rotating its managed secret). */
  rotateFromService(id: string, value: string): void {
    const secret = this.get(id);
    this.addVersion(secret, randomUUID(), { secretString: value }, ['AWSCURRENT']);
    // One moment for both dates: the sim's clock runs on between two reads of it.
    secret.lastRotatedAt = secret.lastChangedAt;
  }

  private holder(secret: SimSecret, stage: string): SecretVersion | undefined {
    return secret.versions.find((v) => v.stages.has(stage));
  }

  /** Attaches a label to a version, with AWSCURRENT's old holder becoming AWSPREVIOUS. */
  private attach(secret: SimSecret, version: SecretVersion, stage: string): void {
    const old = this.holder(secret, stage);
    if (old === version) return;
    old?.stages.delete(stage);
    version.stages.add(stage);
    if (stage === 'AWSCURRENT' && old) {
      this.holder(secret, 'AWSPREVIOUS')?.stages.delete('AWSPREVIOUS');
      old.stages.add('AWSPREVIOUS');
    }
  }

  private addVersion(
    secret: SimSecret,
    id: string,
    value: { secretString?: string; secretBinary?: string },
    stages: string[],
  ): SecretVersion {
    const version: SecretVersion = {
      id,
      ...value,
      createdAt: this.clock.now(),
      stages: new Set(),
    };
    secret.versions.push(version);
    // The first value of a secret is AWSCURRENT whatever the request says.
    const labels = this.holder(secret, 'AWSCURRENT')
      ? stages
      : [...new Set([...stages, 'AWSCURRENT'])];
    for (const stage of labels) this.attach(secret, version, stage);
    secret.lastChangedAt = this.clock.now();
    return version;
  }

  private readValue(input: Input): { secretString?: string; secretBinary?: string } {
    const secretString = optString(input, 'SecretString', secretsManager);
    const secretBinary = optString(input, 'SecretBinary', secretsManager);
    if (secretString !== undefined && secretBinary !== undefined)
      throw invalidParameter('You must provide either SecretString or SecretBinary, but not both.');
    return {
      ...(secretString !== undefined ? { secretString } : {}),
      ...(secretBinary !== undefined ? { secretBinary } : {}),
    };
  }

  create(input: Input): Input {
    const name = input['Name'] as string; // required and 1–512 long: checked by the model
    if (!/^[A-Za-z0-9/_+=.@!-]{1,512}$/.test(name))
      throw validation(
        'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
      );
    const token = optString(input, 'ClientRequestToken', secretsManager) ?? randomUUID();
    const value = this.readValue(input);
    const existing = [...this.secrets.values()].find((s) => s.name === name);
    if (existing) {
      if (existing.deletedAt !== undefined)
        throw new AwsError(
          'InvalidRequestException',
          `You can't create this secret because a secret with this name is already scheduled for deletion.`,
        );
      throw new AwsError(
        'ResourceExistsException',
        `The operation failed because the secret ${name} already exists.`,
      );
    }
    const now = this.clock.now();
    const secret: SimSecret = {
      arn: `arn:aws:secretsmanager:${this.fixture.region}:${this.fixture.account}:secret:${name}-${suffixOf(`${name}${now}`)}`,
      name,
      ...(optString(input, 'Description', secretsManager) !== undefined
        ? { description: optString(input, 'Description', secretsManager)! }
        : {}),
      ...(optString(input, 'KmsKeyId', secretsManager) !== undefined
        ? { kmsKeyId: optString(input, 'KmsKeyId', secretsManager)! }
        : {}),
      createdAt: now,
      lastChangedAt: now,
      rotationEnabled: false,
      versions: [],
      tags: ((input['Tags'] as Input[] | undefined) ?? []).map((t) => ({
        Key: String(t['Key']),
        Value: String(t['Value'] ?? ''),
      })),
    };
    this.secrets.set(secret.arn, secret);
    const hasValue = value.secretString !== undefined || value.secretBinary !== undefined;
    if (hasValue) this.addVersion(secret, token, value, ['AWSCURRENT']);
    return { ARN: secret.arn, Name: secret.name, ...(hasValue ? { VersionId: token } : {}) };
  }

  describe(input: Input): Input {
    const secret = this.get(requiredId(input), { allowDeleted: true });
    return {
      ARN: secret.arn,
      Name: secret.name,
      Description: secret.description,
      KmsKeyId: secret.kmsKeyId,
      RotationEnabled: secret.rotationEnabled,
      RotationLambdaARN: secret.rotationLambdaArn,
      RotationRules: secret.rotationEnabled
        ? { AutomaticallyAfterDays: secret.rotationDays ?? 7 }
        : undefined,
      LastRotatedDate:
        secret.lastRotatedAt !== undefined ? new Date(secret.lastRotatedAt) : undefined,
      LastChangedDate: new Date(secret.lastChangedAt),
      LastAccessedDate:
        secret.lastAccessedAt !== undefined
          ? new Date(Math.floor(secret.lastAccessedAt / 86_400_000) * 86_400_000)
          : undefined,
      DeletedDate: secret.deletedAt !== undefined ? new Date(secret.deletedAt) : undefined,
      Tags: secret.tags.length ? secret.tags : undefined,
      VersionIdsToStages: Object.fromEntries(
        secret.versions.filter((v) => v.stages.size > 0).map((v) => [v.id, [...v.stages]]),
      ),
      OwningService: secret.owningService,
      CreatedDate: new Date(secret.createdAt),
    };
  }

  getValue(input: Input): Input {
    const secret = this.get(requiredId(input));
    const versionId = optString(input, 'VersionId', secretsManager);
    const stage = optString(input, 'VersionStage', secretsManager);
    let version: SecretVersion | undefined;
    if (versionId !== undefined) {
      version = secret.versions.find((v) => v.id === versionId);
      if (version && stage !== undefined && !version.stages.has(stage)) version = undefined;
    } else version = this.holder(secret, stage ?? 'AWSCURRENT');
    if (!version)
      throw new AwsError(
        'ResourceNotFoundException',
        `Secrets Manager can't find the specified secret value for ${versionId !== undefined ? `VersionId: ${versionId}` : `staging label: ${stage ?? 'AWSCURRENT'}`}`,
      );
    const now = this.clock.now();
    version.lastAccessedAt = now;
    secret.lastAccessedAt = now;
    return {
      ARN: secret.arn,
      Name: secret.name,
      VersionId: version.id,
      SecretString: version.secretString,
      SecretBinary: version.secretBinary,
      VersionStages: [...version.stages],
      CreatedDate: new Date(version.createdAt),
    };
  }

  putValue(input: Input): Input {
    const secret = this.get(requiredId(input));
    const token = optString(input, 'ClientRequestToken', secretsManager) ?? randomUUID();
    const value = this.readValue(input);
    if (value.secretString === undefined && value.secretBinary === undefined)
      throw invalidParameter('You must provide either SecretString or SecretBinary.');
    const stages = (input['VersionStages'] as string[] | undefined) ?? ['AWSCURRENT'];
    const existing = secret.versions.find((v) => v.id === token);
    if (existing) {
      if (
        existing.secretString !== value.secretString ||
        existing.secretBinary !== value.secretBinary
      )
        throw new AwsError(
          'ResourceExistsException',
          "You can't modify an existing version, you can only create a new version.",
        );
      // The same request again: nothing changes (its labels may have moved on since).
      return {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: existing.id,
        VersionStages: [...existing.stages],
      };
    }
    if (secret.versions.length >= 100)
      throw new AwsError(
        'LimitExceededException',
        'You have exceeded the maximum number of versions allowed for this secret (100).',
      );
    const version = this.addVersion(secret, token, value, stages);
    return {
      ARN: secret.arn,
      Name: secret.name,
      VersionId: version.id,
      VersionStages: [...version.stages],
    };
  }

  listVersions(input: Input): Input {
    const secret = this.get(requiredId(input), { allowDeleted: true });
    const includeDeprecated = input['IncludeDeprecated'] === true;
    const max = (input['MaxResults'] as number | undefined) ?? 100; // 1–100: the model
    const list = secret.versions.filter((v) => includeDeprecated || v.stages.size > 0);
    const { page, next } = paginate(list, optString(input, 'NextToken', secretsManager), max, () =>
      invalidParameter('Invalid NextToken'),
    );
    return {
      ARN: secret.arn,
      Name: secret.name,
      Versions: page.map((v) => ({
        VersionId: v.id,
        VersionStages: v.stages.size ? [...v.stages] : undefined,
        CreatedDate: new Date(v.createdAt),
        LastAccessedDate:
          v.lastAccessedAt !== undefined
            ? new Date(Math.floor(v.lastAccessedAt / 86_400_000) * 86_400_000)
            : undefined,
      })),
      NextToken: next,
    };
  }

  updateStage(input: Input): Input {
    const secret = this.get(requiredId(input));
    const stage = input['VersionStage'] as string; // required: checked by the model
    const moveTo = optString(input, 'MoveToVersionId', secretsManager);
    const removeFrom = optString(input, 'RemoveFromVersionId', secretsManager);
    const byId = (id: string): SecretVersion => {
      const v = secret.versions.find((x) => x.id === id);
      if (!v)
        throw new AwsError(
          'ResourceNotFoundException',
          `Secrets Manager can't find the specified secret value for VersionId: ${id}`,
        );
      return v;
    };
    const target = moveTo !== undefined ? byId(moveTo) : undefined;
    const source = removeFrom !== undefined ? byId(removeFrom) : undefined;
    const holder = this.holder(secret, stage);
    if (source && !source.stages.has(stage))
      throw invalidParameter(
        `The staging label ${stage} is not attached to version ${removeFrom}, so you can't remove it.`,
      );
    if (target && holder && holder !== target && holder !== source)
      throw invalidParameter(
        `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${holder.id}, so you must explicitly reference that version in RemoveFromVersionId.`,
      );
    if (!target && stage === 'AWSCURRENT')
      throw invalidParameter(
        'You can only move staging label AWSCURRENT to a different secret version. It can’t be completely removed.',
      );
    if (target) this.attach(secret, target, stage);
    else source?.stages.delete(stage);
    // LastChangedDate moves on any change of the secret, a label's move included.
    secret.lastChangedAt = this.clock.now();
    return { ARN: secret.arn, Name: secret.name };
  }

  /**
   * TagResource: adds tags, a key already there taking the new value; at most 50 tags a secret
   * (keys starting `aws:` are AWS's and not counted). LastChangedDate moves.
   */
  tagResource(input: Input): Input {
    const secret = this.get(requiredId(input));
    const tags = (input['Tags'] as Input[]).map((t) => ({
      Key: String(t['Key']),
      Value: String(t['Value'] ?? ''),
    }));
    for (const t of tags)
      if (t.Key.toLowerCase().startsWith('aws:'))
        throw invalidParameter(`Tag keys can't start with aws: (${t.Key}): that prefix is AWS's.`);
    const merged = new Map(secret.tags.map((t) => [t.Key, t.Value]));
    for (const t of tags) merged.set(t.Key, t.Value);
    if ([...merged.keys()].filter((k) => !k.toLowerCase().startsWith('aws:')).length > 50)
      throw invalidParameter(
        'The request failed because it would exceed one of the Secrets Manager quotas: 50 tags per secret.',
      );
    secret.tags = [...merged].map(([Key, Value]) => ({ Key, Value }));
    secret.lastChangedAt = this.clock.now();
    return {};
  }

  /** UntagResource: removes the keys named (a key the secret lacks is no error). */
  untagResource(input: Input): Input {
    const secret = this.get(requiredId(input));
    const keys = new Set(input['TagKeys'] as string[]);
    secret.tags = secret.tags.filter((t) => !keys.has(t.Key));
    secret.lastChangedAt = this.clock.now();
    return {};
  }

  randomPassword(input: Input): Input {
    const length = (input['PasswordLength'] as number | undefined) ?? 32; // 1–4096: the model
    const exclude = optString(input, 'ExcludeCharacters', secretsManager) ?? '';
    const flag = (name: string): boolean => input[name] === true;
    const groups: string[] = [];
    if (!flag('ExcludeLowercase')) groups.push('abcdefghijklmnopqrstuvwxyz');
    if (!flag('ExcludeUppercase')) groups.push('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    if (!flag('ExcludeNumbers')) groups.push('0123456789');
    if (!flag('ExcludePunctuation')) groups.push('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
    if (flag('IncludeSpace')) groups.push(' ');
    const usable = groups
      .map((g) => [...g].filter((c) => !exclude.includes(c)).join(''))
      .filter((g) => g.length > 0);
    if (usable.length === 0)
      throw invalidParameter('The password can’t be generated: every character type is excluded.');
    const requireEach = input['RequireEachIncludedType'] !== false;
    if (requireEach && length < usable.length)
      throw invalidParameter(
        `The password length must be at least ${usable.length} to include every character type.`,
      );
    const all = usable.join('');
    for (;;) {
      const chars = Array.from({ length }, () => all[randomInt(all.length)]!);
      if (!requireEach || usable.every((g) => chars.some((c) => g.includes(c))))
        return { RandomPassword: chars.join('') };
    }
  }
}

/** SecretId: required and 1–2048 long, checked against the model before a handler runs. */
function requiredId(input: Input): string {
  return input['SecretId'] as string;
}

export const secretsManager: AwsService<SecretsWorld> = {
  signingName: 'secretsmanager',
  protocol: 'awsJson1_1',
  targetPrefix: 'secretsmanager',
  messageKey: 'Message',
  invalid: invalidParameter,
  faults: {
    throttling: 'ThrottlingException',
    throttlingStatus: 400,
    internal: 'InternalServiceError',
  },
  operations: {
    CreateSecret: { mutating: true, handle: (input, { world }) => world.secrets.create(input) },
    DescribeSecret: {
      mutating: false,
      handle: (input, { world }) => world.secrets.describe(input),
    },
    GetSecretValue: {
      mutating: false,
      handle: (input, { world }) => world.secrets.getValue(input),
    },
    PutSecretValue: {
      mutating: true,
      handle: (input, { world }) => world.secrets.putValue(input),
    },
    ListSecretVersionIds: {
      mutating: false,
      handle: (input, { world }) => world.secrets.listVersions(input),
    },
    UpdateSecretVersionStage: {
      mutating: true,
      handle: (input, { world }) => world.secrets.updateStage(input),
    },
    GetRandomPassword: {
      mutating: false,
      handle: (input, { world }) => world.secrets.randomPassword(input),
    },
    TagResource: {
      mutating: true,
      handle: (input, { world }) => world.secrets.tagResource(input),
    },
    UntagResource: {
      mutating: true,
      handle: (input, { world }) => world.secrets.untagResource(input),
    },
  },
};
