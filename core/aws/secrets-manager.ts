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
    private readonly deps: AwsCallDeps,
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
    return { value: out.SecretString, versionId: out.VersionId ?? '' };
  }

  /** Idempotent by its token: the same token with the same value is accepted again. */
  async put(secretId: string, token: string, value: string, stages: string[]): Promise<void> {
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

  /**
   * Puts `stage` on `versionId`. Read first, so a retry after a move that took effect (or a
   * re-run) does nothing instead of failing on a RemoveFromVersionId that moved on.
   */
  async moveStage(secretId: string, stage: string, versionId: string): Promise<void> {
    const { stages } = await this.describe(secretId);
    if (stages[versionId]?.includes(stage)) return;
    const from = Object.entries(stages).find(([, labels]) => labels.includes(stage))?.[0];
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
            ...(from ? { RemoveFromVersionId: from } : {}),
          }),
        );
      },
      this.deps,
    );
  }

  async removeStage(secretId: string, stage: string, versionId: string): Promise<void> {
    const { stages } = await this.describe(secretId);
    if (!stages[versionId]?.includes(stage)) return;
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
  }
}
