import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
  type SecretVersionsListEntry,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { DomainFailure } from '../util/errors.js';
import { awsCall, awsErrorName, awsPages, type AwsCallDeps } from './call.js';

export class SecretNotFound extends DomainFailure {
  override readonly name = 'SecretNotFound';
}

/** PutSecretValue refused: a version with this ClientRequestToken holds another value. */
export class VersionExists extends DomainFailure {
  override readonly name = 'VersionExists';
}

/** A staging label was not where a move expected it: another writer moved it first. */
export class StageMoved extends DomainFailure {
  override readonly name = 'StageMoved';
  constructor(
    message: string,
    /** The version holding the label now (undefined: none). */
    readonly holder: string | undefined,
  ) {
    super(message);
  }
}

export interface SecretVersionInfo {
  versionId: string;
  stages: string[];
  createdAt: Date | undefined;
}

export interface SecretDescription {
  arn: string;
  name: string;
  rotationEnabled: boolean;
  lastChangedAt: Date | undefined;
  lastRotatedAt: Date | undefined;
  /** version id → labels */
  stages: Record<string, string[]>;
  /** The version labelled AWSCURRENT. */
  currentVersionId: string | undefined;
  /** The version labelled AWSPENDING, when it is not AWSCURRENT too: an unfinished rotation. */
  unfinishedVersionId: string | undefined;
}

/**
 * Secrets Manager as the rotation contract uses it. Values pass through here and nowhere else
 * into logs: log lines name secrets and version ids, never values. Every write carries a
 * ClientRequestToken, so a retried PutSecretValue is the same request (same token, same value).
 */
export class SecretsStore {
  constructor(
    private readonly client: SecretsManagerClient,
    private readonly deps: AwsCallDeps & {
      /** Called with every value read or written, before anything could print it. */
      mask?: (value: string) => void;
    },
  ) {}

  async describe(secretId: string): Promise<SecretDescription> {
    try {
      const out = await awsCall(
        'DescribeSecret',
        () => this.client.send(new DescribeSecretCommand({ SecretId: secretId })),
        this.deps,
      );
      const stages = out.VersionIdsToStages ?? {};
      const holder = (label: string): string | undefined =>
        Object.entries(stages).find(([, labels]) => labels.includes(label))?.[0];
      const current = holder('AWSCURRENT');
      const pending = holder('AWSPENDING');
      return {
        arn: out.ARN ?? secretId,
        name: out.Name ?? secretId,
        rotationEnabled: out.RotationEnabled === true,
        lastChangedAt: out.LastChangedDate,
        lastRotatedAt: out.LastRotatedDate,
        stages,
        currentVersionId: current,
        unfinishedVersionId: pending !== undefined && pending !== current ? pending : undefined,
      };
    } catch (error) {
      if (awsErrorName(error) === 'ResourceNotFoundException')
        throw new SecretNotFound(
          `secret ${secretId} does not exist in Secrets Manager; create it (aws secretsmanager create-secret) or fix secret-id in the configuration`,
        );
      throw error;
    }
  }

  async value(
    secretId: string,
    at: { versionId: string } | { stage: string } = { stage: 'AWSCURRENT' },
  ): Promise<{ value: string; versionId: string }> {
    const out = await awsCall(
      'GetSecretValue',
      () =>
        this.client.send(
          new GetSecretValueCommand({
            SecretId: secretId,
            ...('versionId' in at ? { VersionId: at.versionId } : { VersionStage: at.stage }),
          }),
        ),
      this.deps,
    );
    if (out.SecretString === undefined)
      throw new DomainFailure(
        `secret ${secretId} holds a binary value; apprunner-ops rotates string secrets only`,
      );
    this.deps.mask?.(out.SecretString);
    return { value: out.SecretString, versionId: out.VersionId ?? '' };
  }

  /**
   * Idempotent by its token: the same token with the same value is accepted again, but then
   * Secrets Manager ignores the request, VersionStages included (callers that need the stages
   * move them afterwards). The same token with another value is VersionExists.
   */
  async put(secretId: string, token: string, value: string, stages: string[]): Promise<void> {
    this.deps.mask?.(value);
    try {
      await awsCall(
        'PutSecretValue',
        () =>
          this.client.send(
            new PutSecretValueCommand({
              SecretId: secretId,
              ClientRequestToken: token,
              SecretString: value,
              VersionStages: stages,
            }),
          ),
        this.deps,
      );
    } catch (error) {
      if (awsErrorName(error) === 'ResourceExistsException')
        throw new VersionExists(
          `secret ${secretId} already has a version ${token} with another value (Secrets Manager refuses to change a version)`,
        );
      throw error;
    }
  }

  /** Every version (deprecated ones too), following NextToken (bounded: 20 pages). */
  private async versions(secretId: string): Promise<SecretVersionsListEntry[]> {
    return awsPages(
      'ListSecretVersionIds',
      async (next) => {
        const out = await this.client.send(
          new ListSecretVersionIdsCommand({
            SecretId: secretId,
            IncludeDeprecated: true,
            MaxResults: 100,
            NextToken: next,
          }),
        );
        return { items: out.Versions, next: out.NextToken };
      },
      this.deps,
      { maxPages: 20, of: secretId },
    );
  }

  /** The AWSCURRENT version and when it was made, or undefined. */
  async currentVersion(
    secretId: string,
  ): Promise<{ versionId: string; createdAt: Date } | undefined> {
    const current = (await this.versions(secretId)).find((v) =>
      v.VersionStages?.includes('AWSCURRENT'),
    );
    return current?.VersionId && current.CreatedDate
      ? { versionId: current.VersionId, createdAt: current.CreatedDate }
      : undefined;
  }

  async versionIds(secretId: string): Promise<string[]> {
    return (await this.versions(secretId)).flatMap((v) => (v.VersionId ? [v.VersionId] : []));
  }

  /** Every version with its labels and creation date (deprecated ones too). */
  async versionList(secretId: string): Promise<SecretVersionInfo[]> {
    return (await this.versions(secretId)).flatMap((v) =>
      v.VersionId
        ? [{ versionId: v.VersionId, stages: v.VersionStages ?? [], createdAt: v.CreatedDate }]
        : [],
    );
  }

  /**
   * Puts `stage` on `versionId`, taking it from `from` — the version the caller saw holding
   * it ('read': whichever holds it now, for labels only this suite writes). Naming the
   * version makes the move a compare-and-swap: when another writer moved the label in
   * between, Secrets Manager refuses and this throws StageMoved instead of overriding it.
   * A retry after a move that took effect (or a re-run) finds the label in place and returns.
   */
  async moveStage(
    secretId: string,
    stage: string,
    versionId: string,
    from: string | undefined | 'read',
  ): Promise<void> {
    const { stages } = await this.describe(secretId);
    if (stages[versionId]?.includes(stage)) return;
    const holder = Object.entries(stages).find(([, labels]) => labels.includes(stage))?.[0];
    const expected = from === 'read' ? holder : from;
    if (holder !== expected)
      throw new StageMoved(
        `${stage} of ${secretId} is on version ${holder ?? '(none)'}, not on ${expected ?? '(none)'} as expected: another writer moved it`,
        holder,
      );
    try {
      await awsCall(
        'UpdateSecretVersionStage',
        async (attempt) => {
          if (attempt > 1 && (await this.describe(secretId)).stages[versionId]?.includes(stage))
            return;
          await this.client.send(
            new UpdateSecretVersionStageCommand({
              SecretId: secretId,
              VersionStage: stage,
              MoveToVersionId: versionId,
              ...(expected ? { RemoveFromVersionId: expected } : {}),
            }),
          );
        },
        this.deps,
      );
    } catch (error) {
      if (awsErrorName(error) !== 'InvalidParameterException') throw error;
      const now = (await this.describe(secretId)).stages;
      if (now[versionId]?.includes(stage)) return;
      const moved = Object.entries(now).find(([, labels]) => labels.includes(stage))?.[0];
      throw new StageMoved(
        `${stage} of ${secretId} moved to version ${moved ?? '(none)'} while this run moved it from ${expected ?? '(none)'}: another writer moved it`,
        moved,
      );
    }
  }

  /** Takes `stage` off `versionId` if it is there; a label another writer moved is left alone. */
  async removeStage(secretId: string, stage: string, versionId: string): Promise<void> {
    const { stages } = await this.describe(secretId);
    if (!stages[versionId]?.includes(stage)) return;
    try {
      await awsCall(
        'UpdateSecretVersionStage',
        async (attempt) => {
          if (attempt > 1 && !(await this.describe(secretId)).stages[versionId]?.includes(stage))
            return;
          await this.client.send(
            new UpdateSecretVersionStageCommand({
              SecretId: secretId,
              VersionStage: stage,
              RemoveFromVersionId: versionId,
            }),
          );
        },
        this.deps,
      );
    } catch (error) {
      if (
        awsErrorName(error) !== 'InvalidParameterException' ||
        (await this.describe(secretId)).stages[versionId]?.includes(stage)
      )
        throw error;
    }
  }
}
