/**
 * App Runner as a deploy target: a thin wrapper over core/aws/app-runner.ts (the one
 * implementation of its read-modify-write UpdateService, StartDeployment and operation
 * following); this file only translates to the target's words.
 */
import type { AppRunnerClient } from '@aws-sdk/client-apprunner';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { appRunnerTraffic, type MinuteMetrics } from '../aws/cloudwatch.js';
import { AppRunnerService, ServiceNotUpdatable, type ServiceState } from '../aws/app-runner.js';
import { withVariables } from './app-runner-variables.js';
import { awsErrorName, type AwsCallDeps } from '../aws/call.js';
import { formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import { cloudWatchForArn } from '../aws/clients.js';
import {
  TargetNotUpdatable,
  byDigest,
  type DeployTarget,
  type DeploymentResult,
  type Preflight,
  type RunningImage,
  type StartedDeployment,
  type SwitchOptions,
  type TargetState,
  type Wait,
} from './target.js';

export interface AppRunnerTargetOptions {
  /**
   * The digest an image reference names now (ECR DescribeImages). App Runner reports only the
   * configured identifier; a tag is resolved here so the rollback target is a digest.
   */
  digestOf?: (image: string) => Promise<string | undefined>;
  /** For traffic(): AWS/AppRunner Requests, 5xxStatusResponses and RequestLatency. */
  cloudWatch?: CloudWatchClient;
}

const DIGEST = /@(sha256:[0-9a-f]{64})$/;

export class AppRunnerTarget implements DeployTarget {
  readonly kind = 'app-runner' as const;
  readonly trafficMetrics = 'AWS/AppRunner Requests, 5xxStatusResponses and RequestLatency';
  readonly service: AppRunnerService;

  constructor(
    client: AppRunnerClient,
    readonly arn: string,
    private readonly deps: AwsCallDeps,
    private readonly options: AppRunnerTargetOptions = {},
  ) {
    this.service = new AppRunnerService(client, arn, deps);
  }

  private async toTarget(state: ServiceState): Promise<TargetState> {
    const digest =
      DIGEST.exec(state.imageIdentifier)?.[1] ??
      (await this.options.digestOf?.(state.imageIdentifier));
    return {
      kind: this.kind,
      arn: this.arn,
      name: state.name,
      url: state.url,
      image: state.imageIdentifier,
      digest,
      imageByDigest: byDigest(state.imageIdentifier, digest),
      environment: { ...state.variables },
      secrets: { ...state.secrets },
      status: state.status,
    };
  }

  async describe(): Promise<TargetState> {
    return this.toTarget(await this.service.describe());
  }

  lastDeployedAt(): Promise<Date | undefined> {
    return this.service.lastDeployedAt();
  }

  async runningImages(): Promise<RunningImage[]> {
    const { imageIdentifier } = await this.service.describe();
    const digest = DIGEST.exec(imageIdentifier)?.[1];
    return [{ image: imageIdentifier, ...(digest ? { digest } : {}) }];
  }

  async preflight(): Promise<Preflight> {
    const { status, name } = await this.service.describe();
    const busy = status === 'OPERATION_IN_PROGRESS';
    const paused = status === 'PAUSED';
    return {
      updatable: status === 'RUNNING',
      busy,
      paused,
      reason: busy
        ? `App Runner service ${name} is OPERATION_IN_PROGRESS (another operation or platform maintenance)`
        : paused
          ? `App Runner service ${name} is PAUSED; resume it and run again`
          : `App Runner service ${name} is ${status}`,
    };
  }

  async waitUntilUpdatable(wait: Wait): Promise<TargetState> {
    try {
      return await this.toTarget(
        await this.service.waitUntilUpdatable(wait.timeoutMs, wait.intervalMs),
      );
    } catch (error) {
      if (error instanceof ServiceNotUpdatable)
        throw new TargetNotUpdatable(error.message, { cause: error });
      throw error;
    }
  }

  /** What preflight would refuse is refused here too, before anything is sent. */
  private async updatableState(): Promise<TargetState> {
    const before = await this.describe();
    if (before.status !== 'RUNNING') {
      const { reason } = await this.preflight();
      throw new TargetNotUpdatable(`${reason}; only a RUNNING service can be updated`);
    }
    return before;
  }

  describeSwitch(from: string, to: string): string {
    return `App Runner UpdateService ${this.arn}: ImageIdentifier ${from} → ${to} (nothing else changes), follow the operation`;
  }

  describeRestart(): string {
    return `App Runner StartDeployment ${this.arn} (same image and configuration), follow the operation`;
  }

  async switchImage(image: string, options: SwitchOptions = {}): Promise<StartedDeployment> {
    const before = await this.updatableState();
    const environment = options.environment;
    try {
      const id = await this.service.updateImage(
        image,
        options.wait,
        environment ? (source) => withVariables(source, environment) : undefined,
      );
      return { id, kind: 'switch', image, previous: before.imageByDigest };
    } catch (error) {
      if (error instanceof ServiceNotUpdatable)
        throw new TargetNotUpdatable(error.message, { cause: error });
      throw error;
    }
  }

  /**
   * StartDeployment. Another operation that starts between the updatable check and the call
   * (a second run redeploying the same values, platform maintenance) makes App Runner refuse it
   * with InvalidStateException, which applies nothing: with a deadline given, that operation is
   * waited out once and the call made again.
   */
  async restart(wait?: Wait): Promise<StartedDeployment> {
    let before = await this.updatableState();
    let id: string;
    try {
      id = await this.service.startDeployment();
    } catch (error) {
      if (!wait || awsErrorName(error) !== 'InvalidStateException') throw error;
      this.deps.logger.info(
        `App Runner refused StartDeployment (${errorMessage(error)}): nothing was started; waiting until the service can update (deadline ${formatDuration(wait.timeoutMs)}), then starting it once more`,
      );
      before = await this.waitUntilUpdatable(wait);
      id = await this.service.startDeployment();
    }
    return { id, kind: 'restart', image: before.image, previous: before.imageByDigest };
  }

  async traffic(window: {
    start: number;
    end: number;
    periodSeconds: number;
  }): Promise<MinuteMetrics[]> {
    const client = cloudWatchForArn(this.arn, this.options.cloudWatch);
    return appRunnerTraffic(client, this.arn, window, this.deps);
  }

  async follow(deployment: StartedDeployment, wait: Wait): Promise<DeploymentResult> {
    const { status } = await this.service.followOperation(
      deployment.id,
      wait.timeoutMs,
      wait.intervalMs,
    );
    const id = deployment.id;
    switch (status) {
      case 'SUCCEEDED':
        return { ok: true, id, status };
      case 'ROLLBACK_SUCCEEDED':
        return {
          ok: false,
          id,
          status,
          emergency: false,
          message: `App Runner rejected ${deployment.names?.image ?? deployment.image} (its health check failed) and kept ${deployment.names?.previous ?? deployment.previous}; operation ${id}`,
        };
      case 'ROLLBACK_FAILED':
        return {
          ok: false,
          id,
          status,
          emergency: true,
          message: `App Runner could not roll ${deployment.names?.image ?? deployment.image} back (operation ${id} ROLLBACK_FAILED): the service may be down — check it now`,
        };
      default:
        return {
          ok: false,
          id,
          status,
          emergency: true,
          message: `App Runner operation ${id} ended ${status} while deploying ${deployment.names?.image ?? deployment.image}: check what the service runs now`,
        };
    }
  }
}
