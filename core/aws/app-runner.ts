import {
  DescribeServiceCommand,
  ListOperationsCommand,
  StartDeploymentCommand,
  UpdateServiceCommand,
  type AppRunnerClient,
  type OperationSummary,
  type Service,
} from '@aws-sdk/client-apprunner';
import { DomainFailure } from '../util/errors.js';
import { waitFor } from '../util/wait.js';
import { retry } from '../util/retry.js';
import { AWS_RETRY, awsCall, awsErrorName, isRetryableAwsError, type AwsCallDeps } from './call.js';

export interface ServiceState {
  arn: string;
  name: string;
  status: string;
  /** https:// URL of the service. */
  url: string;
  imageIdentifier: string;
}

export type OperationOutcome = 'SUCCEEDED' | 'ROLLBACK_SUCCEEDED' | 'FAILED' | 'ROLLBACK_FAILED';
const TERMINAL = new Set<string>(['SUCCEEDED', 'ROLLBACK_SUCCEEDED', 'FAILED', 'ROLLBACK_FAILED']);

export class ServiceNotUpdatable extends DomainFailure {
  override readonly name = 'ServiceNotUpdatable';
}

function toState(service: Service | undefined, arn: string): ServiceState {
  const identifier = service?.SourceConfiguration?.ImageRepository?.ImageIdentifier;
  if (!service || !identifier) {
    throw new ServiceNotUpdatable(
      `service ${arn} has no image repository source; apprunner-ops deploys ECR images only`,
    );
  }
  const url = service.ServiceUrl ?? '';
  return {
    arn,
    name: service.ServiceName ?? arn,
    status: service.Status ?? 'UNKNOWN',
    url: /^https?:\/\//.test(url) ? url : `https://${url}`,
    imageIdentifier: identifier,
  };
}

export class AppRunnerService {
  constructor(
    private readonly client: AppRunnerClient,
    readonly arn: string,
    private readonly deps: AwsCallDeps,
  ) {}

  private async describeRaw(): Promise<Service | undefined> {
    const out = await awsCall(
      'DescribeService',
      () => this.client.send(new DescribeServiceCommand({ ServiceArn: this.arn })),
      this.deps,
    );
    return out.Service;
  }

  async describe(): Promise<ServiceState> {
    return toState(await this.describeRaw(), this.arn);
  }

  /**
   * Waits until the service accepts an update. Platform maintenance keeps a service in
   * OPERATION_IN_PROGRESS for minutes, so that is waited out (with a deadline); states a
   * wait cannot fix are refused with advice.
   */
  async waitUntilUpdatable(timeoutMs: number, intervalMs: number): Promise<ServiceState> {
    return waitFor({
      what: `App Runner service ${this.arn.split('/')[1] ?? this.arn} to be RUNNING`,
      timeoutMs,
      intervalMs,
      clock: this.deps.clock,
      logger: this.deps.logger,
      probe: async () => {
        const state = await this.describe();
        switch (state.status) {
          case 'RUNNING':
            return { done: true, value: state };
          case 'OPERATION_IN_PROGRESS':
            return {
              done: false,
              status: 'OPERATION_IN_PROGRESS (another operation or platform maintenance)',
            };
          case 'PAUSED':
            throw new ServiceNotUpdatable(
              `service ${state.name} is PAUSED; resume it (aws apprunner resume-service or the console) and run again — a paused service would not serve the new version`,
            );
          case 'CREATE_FAILED':
            throw new ServiceNotUpdatable(
              `service ${state.name} is CREATE_FAILED; it never came up, so there is nothing to deploy over — fix its creation (see its event log) or delete and create it, then run again`,
            );
          default:
            throw new ServiceNotUpdatable(
              `service ${state.name} is ${state.status}; only a RUNNING service can be updated`,
            );
        }
      },
    });
  }

  /**
   * Read-modify-write: starts from the service's own SourceConfiguration and changes only
   * the image identifier, because UpdateService replaces what it is given and a payload
   * built from scratch would drop environment variables and secrets.
   *
   * Called once per switch. When the call fails in a way that may have taken effect
   * (throttled or 5xx after the request left), the newest operation is checked before
   * trying again, so a retry never starts a second update.
   */
  async updateImage(imageIdentifier: string): Promise<string> {
    const service = await this.describeRaw();
    const source = service?.SourceConfiguration;
    if (!source?.ImageRepository)
      throw new ServiceNotUpdatable(`service ${this.arn} has no image repository source`);
    const updated = {
      ...source,
      ImageRepository: { ...source.ImageRepository, ImageIdentifier: imageIdentifier },
    };
    const startedAt = this.deps.clock.now();
    try {
      return await retry(
        async (attempt) => {
          if (attempt > 1) {
            const adopted = await this.operationStartedSince(startedAt);
            if (adopted?.Id) {
              this.deps.logger.info(
                `UpdateService: the failed call had started operation ${adopted.Id}; following it`,
              );
              return adopted.Id;
            }
          }
          const out = await this.client.send(
            new UpdateServiceCommand({ ServiceArn: this.arn, SourceConfiguration: updated }),
          );
          if (!out.OperationId) throw new Error('UpdateService returned no OperationId');
          return out.OperationId;
        },
        {
          ...AWS_RETRY,
          label: 'UpdateService',
          isRetryable: isRetryableAwsError,
          clock: this.deps.clock,
          logger: this.deps.logger,
        },
      );
    } catch (error) {
      if (awsErrorName(error) === 'InvalidStateException') {
        throw new ServiceNotUpdatable(
          `App Runner refused the update: the service is busy (${(error as Error).message})`,
        );
      }
      throw error;
    }
  }

  /**
   * Redeploys the configured image, which is how App Runner picks up new secret values (it
   * reads them only at deployment). Not retried blindly: before another attempt, the newest
   * operations are checked for one the failed call may have started.
   */
  async startDeployment(): Promise<string> {
    const startedAt = this.deps.clock.now();
    return retry(
      async (attempt) => {
        if (attempt > 1) {
          const adopted = await this.operationStartedSince(startedAt, 'START_DEPLOYMENT');
          if (adopted?.Id) return adopted.Id;
        }
        const out = await this.client.send(new StartDeploymentCommand({ ServiceArn: this.arn }));
        if (!out.OperationId) throw new Error('StartDeployment returned no OperationId');
        return out.OperationId;
      },
      {
        ...AWS_RETRY,
        label: 'StartDeployment',
        isRetryable: isRetryableAwsError,
        clock: this.deps.clock,
        logger: this.deps.logger,
      },
    );
  }

  private async operationStartedSince(
    since: number,
    type: string = 'UPDATE_SERVICE',
  ): Promise<OperationSummary | undefined> {
    const out = await awsCall(
      'ListOperations',
      () => this.client.send(new ListOperationsCommand({ ServiceArn: this.arn, MaxResults: 5 })),
      this.deps,
    );
    return out.OperationSummaryList?.find(
      (op) =>
        op.Type === type && op.StartedAt !== undefined && op.StartedAt.getTime() >= since - 1000,
    );
  }

  async findOperation(operationId: string): Promise<OperationSummary | undefined> {
    let nextToken: string | undefined;
    for (let page = 0; page < 20; page++) {
      const out = await awsCall(
        'ListOperations',
        () =>
          this.client.send(
            new ListOperationsCommand({
              ServiceArn: this.arn,
              MaxResults: 20,
              NextToken: nextToken,
            }),
          ),
        this.deps,
      );
      const found = out.OperationSummaryList?.find((op) => op.Id === operationId);
      if (found) return found;
      nextToken = out.NextToken;
      if (!nextToken) return undefined;
    }
    return undefined;
  }

  /**
   * Follows an operation to a terminal state. The operation, not the service status, says
   * whether a deploy worked: after a failed health check App Runner restores the previous
   * image and the service is RUNNING again.
   */
  async followOperation(
    operationId: string,
    timeoutMs: number,
    intervalMs: number,
  ): Promise<{ status: OperationOutcome; operation: OperationSummary }> {
    return waitFor({
      what: `App Runner operation ${operationId} to finish`,
      timeoutMs,
      intervalMs,
      clock: this.deps.clock,
      logger: this.deps.logger,
      probe: async () => {
        const operation = await this.findOperation(operationId);
        const status = operation?.Status ?? 'NOT_LISTED_YET';
        if (operation && TERMINAL.has(status))
          return { done: true, value: { status: status as OperationOutcome, operation } };
        return { done: false, status };
      },
    });
  }
}
