/**
 * A deploy target: the platform a service runs on, as the pipeline needs it. The stages ask
 * these questions and never name a platform; App Runner (app-runner.ts) and ECS Express Mode
 * (ecs-express.ts) answer them. A third platform is one more implementation of this file.
 */
import type { MinuteMetrics } from '../aws/cloudwatch.js';
import type { TargetKind } from '../config/fields.js';
import { DomainFailure } from '../util/errors.js';

export type { TargetKind };
/** The targets named by an AWS service ARN (`target.service-arn`). */
export type AwsTargetKind = Exclude<TargetKind, 'fly'>;

export interface TargetState {
  kind: TargetKind;
  arn: string;
  name: string;
  /** https:// URL of the service (a scheme is added when the platform gives a bare host). */
  url: string;
  /** The image as configured (tag or digest). */
  image: string;
  /** The digest the platform runs, when it says (`sha256:…`). */
  digest: string | undefined;
  /** `repo@sha256:…` when the digest is known, else the configured image: the rollback target. */
  imageByDigest: string;
  /** Plain environment variables (configuration, not secrets). */
  environment: Record<string, string>;
  /** Secret references by variable name (ARNs, never values). */
  secrets: Record<string, string>;
  /** The platform's own status word (RUNNING, ACTIVE, …). */
  status: string;
}

export interface RunningImage {
  /** The image as configured (tag or digest). */
  image: string;
  /** The digest the platform resolved and pulls from (`sha256:…`), when it says. */
  digest?: string;
}

export interface Preflight {
  /** Accepts an update now. */
  updatable: boolean;
  /** An operation or deployment is under way (waiting may help). */
  busy: boolean;
  /** Paused: it would not serve the new version (waiting does not help). */
  paused: boolean;
  /** One line: what the platform says and, when not updatable, what to do. */
  reason: string;
}

/** A deployment the platform runs for us, to be followed to its end. */
export interface StartedDeployment {
  /** The platform's id of it (App Runner OperationId, ECS service deployment ARN). */
  id: string;
  kind: 'switch' | 'restart';
  /** The image asked for (switch) or configured (restart). */
  image: string;
  /** What ran before: the image the platform keeps when it rolls back. */
  previous: string;
  /** Human names of both (tags), for messages; the images themselves when not given. */
  names?: { image: string; previous: string };
}

export interface SwitchOptions {
  /** Each attempt's deadline for a lost answer to be read back. */
  wait?: Wait;
  /**
   * The plain environment variables to run with, all of them (env-set/env-unset, or what a
   * rollback puts back); not given: the running ones are kept. Secrets are never touched.
   */
  environment?: Record<string, string>;
}

export type DeploymentResult =
  | { ok: true; id: string; status: string; steps?: string[] }
  | {
      ok: false;
      id: string;
      status: string;
      /** The platform's own steps on the way (a canary's weights and figures), for the summary. */
      steps?: string[];
      /** One line saying why, for the run's red summary. */
      message: string;
      /** Neither the new nor the old version may be serving: page someone. */
      emergency: boolean;
    };

export interface Wait {
  timeoutMs: number;
  intervalMs: number;
}

export interface DeployTarget {
  readonly kind: TargetKind;
  readonly arn: string;
  /** What runs now: image by digest, URL, environment and secret references. */
  describe(): Promise<TargetState>;
  /**
   * Every image the platform may start a task or instance from now, with the digest it resolved
   * when the platform says (ECS: each active revision's `imageDigest`; App Runner names only the
   * configured identifier). What an image clean-up must never delete.
   */
  runningImages(): Promise<RunningImage[]>;
  /** Updatable? busy? paused? — asked once, no waiting. */
  preflight(): Promise<Preflight>;
  /** Waits out a busy service (with a deadline); refuses at once what a wait cannot fix. */
  waitUntilUpdatable(wait: Wait): Promise<TargetState>;
  /**
   * Read-modify-write: the running configuration with only the image changed (environment,
   * secrets, roles and sizing kept). Returns the deployment to follow.
   */
  switchImage(image: string, options?: SwitchOptions): Promise<StartedDeployment>;
  /** One line for a dry run: the call that would switch the image, and what it keeps. */
  describeSwitch(from: string, to: string): string;
  /** One line for a dry run: the call that would restart the service. */
  describeRestart(): string;
  /** A new deployment of the same configuration (no image change), e.g. after a secret rotation. */
  restart(wait?: Wait): Promise<StartedDeployment>;
  /** The request metrics `traffic` reads (for messages and reports). */
  readonly trafficMetrics: string;
  /**
   * The service's traffic per period from the platform's request metrics in CloudWatch
   * (requests, 5xx answers, p99 latency): what the bake period watches.
   */
  traffic(window: { start: number; end: number; periodSeconds: number }): Promise<MinuteMetrics[]>;
  /**
   * When the configuration that serves was deployed (the platform reads secrets when it starts
   * tasks): a secret version made after it is not what the service runs.
   */
  lastDeployedAt(): Promise<Date | undefined>;
  /** Follows the platform's deployment to a terminal result, within the deadline. */
  follow(deployment: StartedDeployment, wait: Wait): Promise<DeploymentResult>;
  /**
   * A target that keeps the previous version beside the new one (a blue/green switch, so that
   * a rollback is one switch back) deletes it after the bake; returns one line for the log.
   */
  retire?(): Promise<string>;
  /**
   * Refuses, before anything changes, an image this target cannot switch to (an asg launch
   * template runs one image family); a deploy's preflight asks it.
   */
  checkImage?(image: string): Promise<void>;
  /**
   * Is the service up as its platform sees it (the service-running check), for a target
   * whose platform has no one status word: a line and the figures seen. Read-only.
   */
  serviceStatus?(): Promise<ServiceStatus>;
  /**
   * Sets how many instances serve, within the platform's bounds, and waits until every one is
   * healthy; refuses a capacity outside them before any change (deploy's `mode: scale`).
   */
  scale?(capacity: number, wait?: Wait): Promise<string>;
  /** The bounds `scale` accepts and the capacity now, read without a change. */
  capacity?(): Promise<{ name: string; min: number; max: number; desired: number }>;
  /**
   * A platform whose instances read secrets it keeps itself (Fly's app secrets), not Secrets
   * Manager: the values are written there (names and values, all at once) for the next restart
   * to read. Returns one line for the log, names only.
   */
  stageSecrets?(values: Record<string, string>): Promise<string>;
}

export interface ServiceStatus {
  status: 'pass' | 'warn' | 'fail';
  line: string;
  observed: Record<string, unknown>;
}

/** A service the target cannot update now (DRAINING, INACTIVE, PAUSED, CREATE_FAILED …). */
export class TargetNotUpdatable extends DomainFailure {
  override readonly name = 'TargetNotUpdatable';
}

/** `https://` in front of a bare host name; an URL with a scheme is kept. */
export function withScheme(endpoint: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}

/** `<registry>/<repo>@sha256:…` from an image reference (tag or digest) and its digest. */
export function byDigest(image: string, digest: string | undefined): string {
  if (!digest) return image;
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  // A tag is after the last ':' that follows the last '/' (a registry port is before it).
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const repo = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  return `${repo}@${digest}`;
}
