import {
  DescribeServiceCommand,
  ListOperationsCommand,
  StartDeploymentCommand,
  UpdateServiceCommand,
  type AppRunnerClient,
  type OperationSummary,
  type Service,
  type SourceConfiguration,
} from '@aws-sdk/client-apprunner';
import { DomainFailure } from '../util/errors.js';
import { waitWith } from '../util/wait.js';
import { retry } from '../util/retry.js';
import { AWS_RETRY, awsCall, awsErrorName, isRetryableAwsError, type AwsCallDeps } from './call.js';

export interface ServiceState {
  arn: string;
  name: string;
  status: string;
  /** https:// URL of the service. */
  url: string;
  imageIdentifier: string;
  /** Plain RuntimeEnvironmentVariables (configuration, not secrets). */
  variables: Record<string, string>;
  /** RuntimeEnvironmentSecrets: variable name → secret ARN (references, never values). */
  secrets: Record<string, string>;
}

export type OperationOutcome = 'SUCCEEDED' | 'ROLLBACK_SUCCEEDED' | 'FAILED' | 'ROLLBACK_FAILED';
const TERMINAL = new Set<string>(['SUCCEEDED', 'ROLLBACK_SUCCEEDED', 'FAILED', 'ROLLBACK_FAILED']);

export class ServiceNotUpdatable extends DomainFailure {
  override readonly name = 'ServiceNotUpdatable';
}

/** InvalidStateException on a retry: the earlier, lost attempt may be what keeps it busy. */
class BusyAfterLostAnswer extends Error {
  override readonly name = 'BusyAfterLostAnswer';
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
    variables: {
      ...service.SourceConfiguration?.ImageRepository?.ImageConfiguration
        ?.RuntimeEnvironmentVariables,
    },
    secrets: {
      ...service.SourceConfiguration?.ImageRepository?.ImageConfiguration
        ?.RuntimeEnvironmentSecrets,
    },
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
    return waitWith(
      this.deps,
      `App Runner service ${this.arn.split('/')[1] ?? this.arn} to be RUNNING`,
      { timeoutMs, intervalMs },
      async () => {
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
    );
  }

  /**
   * Read-modify-write: starts from the service's own SourceConfiguration and changes only
   * the image identifier, because UpdateService replaces what it is given and a payload
   * built from scratch would drop environment variables and secrets.
   *
   * Called once per switch. UpdateService is not idempotent: when an attempt fails after the
   * request may have reached App Runner (a reset, a 5xx, a timeout), what happened is read
   * from App Runner itself before anything is sent again — see `settleLostUpdate`. Clocks are
   * never compared: the runner's and AWS's may differ by seconds.
   */
  async updateImage(
    imageIdentifier: string,
    wait: { timeoutMs: number; intervalMs: number } = { timeoutMs: 300_000, intervalMs: 5_000 },
    /** Further changes to the same configuration (the launch's variables), applied in the one call. */
    transform: (source: SourceConfiguration) => SourceConfiguration = (source) => source,
  ): Promise<string> {
    const service = await this.describeRaw();
    const source = service?.SourceConfiguration;
    if (!source?.ImageRepository)
      throw new ServiceNotUpdatable(`service ${this.arn} has no image repository source`);
    const updated = transform({
      ...source,
      ImageRepository: { ...source.ImageRepository, ImageIdentifier: imageIdentifier },
    });
    // The newest update before ours: whatever is newer afterwards was started since.
    const before = (await this.newestUpdateOperation())?.Id;
    let sent = false;
    try {
      return await retry(
        async () => {
          const earlier = sent;
          if (earlier) {
            const settled = await this.settleLostUpdate(imageIdentifier, before, wait);
            if (settled) return settled;
          }
          sent = true;
          try {
            const out = await this.client.send(
              new UpdateServiceCommand({ ServiceArn: this.arn, SourceConfiguration: updated }),
            );
            if (!out.OperationId) throw new Error('UpdateService returned no OperationId');
            return out.OperationId;
          } catch (error) {
            // Busy after an earlier attempt whose answer was lost: most likely busy with that
            // very update. Settle it on the next attempt, from what App Runner reports.
            if (awsErrorName(error) === 'InvalidStateException' && earlier)
              throw new BusyAfterLostAnswer((error as Error).message);
            throw error;
          }
        },
        {
          ...AWS_RETRY,
          label: 'UpdateService',
          isRetryable: (error) =>
            isRetryableAwsError(error) || error instanceof BusyAfterLostAnswer,
          clock: this.deps.clock,
          logger: this.deps.logger,
          ...(this.deps.random ? { random: this.deps.random } : {}),
        },
      );
    } catch (error) {
      if (awsErrorName(error) === 'InvalidStateException' || error instanceof BusyAfterLostAnswer) {
        throw new ServiceNotUpdatable(
          `App Runner refused the update: the service is busy (${(error as Error).message})`,
        );
      }
      throw error;
    }
  }

  /**
   * After an UpdateService whose answer was lost: did it take effect? App Runner says so
   * itself — DescribeService shows the new identifier configured (OPERATION_IN_PROGRESS while
   * it deploys, RUNNING once done), and the newest UPDATE_SERVICE operation is then ours. An
   * operation may be listed only a little later, so that is waited for. Returns the operation
   * to follow, or undefined when the update did not happen and may be sent again.
   */
  private async settleLostUpdate(
    identifier: string,
    before: string | undefined,
    wait: { timeoutMs: number; intervalMs: number },
  ): Promise<string | undefined> {
    const service = await this.describeRaw();
    const configured = service?.SourceConfiguration?.ImageRepository?.ImageIdentifier;
    const status = service?.Status;
    const newer = async (): Promise<OperationSummary | undefined> => {
      const op = await this.newestUpdateOperation();
      return op?.Id && op.Id !== before ? op : undefined;
    };
    if (configured === identifier && (status === 'OPERATION_IN_PROGRESS' || status === 'RUNNING')) {
      const op = await waitWith(
        this.deps,
        `the UpdateService operation for ${identifier} to be listed`,
        { timeoutMs: wait.timeoutMs, intervalMs: Math.min(wait.intervalMs, 1_000) },
        async () => {
          const found = await newer();
          return found ? { done: true, value: found } : { done: false, status: 'not listed yet' };
        },
      );
      this.deps.logger.info(
        `UpdateService: the call whose answer was lost had taken effect (${identifier} configured, ${status}); following its operation ${op.Id}`,
      );
      return op.Id;
    }
    // App Runner already rolled our update back (its health check failed) and restored the
    // old identifier: the newer operation, terminal, is ours.
    const op = await newer();
    if (op?.Status && ['ROLLBACK_SUCCEEDED', 'ROLLBACK_FAILED', 'FAILED'].includes(op.Status)) {
      this.deps.logger.info(
        `UpdateService: the call whose answer was lost had taken effect and already ended ${op.Status}; operation ${op.Id}`,
      );
      return op.Id;
    }
    if (status === 'OPERATION_IN_PROGRESS')
      throw new ServiceNotUpdatable(
        `App Runner is busy with an operation that is not this update (${configured ?? 'unknown image'} configured); the update was not applied — run again once it has finished`,
      );
    this.deps.logger.info('UpdateService: the failed call did not take effect; sending it again');
    return undefined;
  }

  /**
   * Redeploys the configured image, which is how App Runner picks up new secret values (it
   * reads them only at deployment). Not retried blindly: the newest START_DEPLOYMENT before
   * the call is noted, and before another attempt a newer one (the failed call's) is adopted.
   * Clocks are never compared.
   */
  async startDeployment(): Promise<string> {
    const before = (await this.newestOperation('START_DEPLOYMENT'))?.Id;
    return retry(
      async (attempt) => {
        if (attempt > 1) {
          const newest = await this.newestOperation('START_DEPLOYMENT');
          if (newest?.Id && newest.Id !== before) return newest.Id;
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

  private newestUpdateOperation(): Promise<OperationSummary | undefined> {
    return this.newestOperation('UPDATE_SERVICE');
  }

  /** The newest operation of a type listed (ListOperations is newest first). */
  private newestOperation(type: string): Promise<OperationSummary | undefined> {
    return this.firstOperation((op) => op.Type === type, 1);
  }

  /**
   * The first listed operation that `match` accepts (ListOperations is newest first), reading
   * at most `maxPages` pages of 20; undefined when none of them holds one.
   */
  private async firstOperation(
    match: (op: OperationSummary) => boolean,
    maxPages: number,
  ): Promise<OperationSummary | undefined> {
    let nextToken: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const token = nextToken;
      const out = await awsCall(
        'ListOperations',
        () =>
          this.client.send(
            new ListOperationsCommand({ ServiceArn: this.arn, MaxResults: 20, NextToken: token }),
          ),
        this.deps,
      );
      const found = out.OperationSummaryList?.find(match);
      if (found) return found;
      nextToken = out.NextToken;
      if (!nextToken) return undefined;
    }
    return undefined;
  }

  /**
   * When the configuration that serves was deployed: the start of the newest operation that
   * started instances and succeeded (the platform reads secrets then), or the service's creation
   * when none is listed any more. Reads every page (bounded); a page that cannot be read throws.
   */
  async lastDeployedAt(): Promise<Date | undefined> {
    const deploying = new Set([
      'CREATE_SERVICE',
      'START_DEPLOYMENT',
      'UPDATE_SERVICE',
      'RESUME_SERVICE',
    ]);
    const found = await this.firstOperation(
      (op) => op.Status === 'SUCCEEDED' && deploying.has(op.Type ?? '') && !!op.StartedAt,
      20,
    );
    if (found?.StartedAt) return found.StartedAt;
    return (await this.describeRaw())?.CreatedAt;
  }

  findOperation(operationId: string): Promise<OperationSummary | undefined> {
    return this.firstOperation((op) => op.Id === operationId, 20);
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
    return waitWith(
      this.deps,
      `App Runner operation ${operationId} to finish`,
      { timeoutMs, intervalMs },
      async () => {
        const operation = await this.findOperation(operationId);
        const status = operation?.Status ?? 'NOT_LISTED_YET';
        if (operation && TERMINAL.has(status))
          return { done: true, value: { status: status as OperationOutcome, operation } };
        return { done: false, status };
      },
    );
  }
}
