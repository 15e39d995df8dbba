import { z } from 'zod';
import type { RunInfo } from '../action/github-context.js';
import type { AwsClients } from '../aws/clients.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import type { TargetKind } from '../config/fields.js';

/**
 * One check's verdict. `waived` is given only by the gate (a valid waiver on a failing
 * check); a check type itself returns one of the first five.
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'error' | 'skipped' | 'waived';

export interface CheckOutcome {
  status: Exclude<CheckStatus, 'waived'>;
  /** One line a person reads: what was seen and, on failure, what to do. Never a secret. */
  line: string;
  /** The values seen: numbers, times, ids. Never a secret value. */
  observed?: Record<string, unknown>;
  /** What an auditor would want kept (ids, timestamps, query text, response excerpts). */
  evidence?: Record<string, unknown>;
}

/** Inputs that come from GitHub secrets; a check that needs a missing one reports `error`. */
export interface CheckSecrets {
  githubToken?: string | undefined;
  betterstackToken?: string | undefined;
  /** A read-only role for `sql` checks. */
  databaseUrl?: string | undefined;
  /** Where the audit_log lives: deploy history (rollback targets) and drill records. */
  auditDatabaseUrl?: string | undefined;
  /** The Fly.io API token: the checks that read a `fly` target's machines send it to Fly only. */
  flyApiToken?: string | undefined;
}

/** One attestation from the attestations file (see core/gate/attestations.ts). */
export interface AttestationRecord {
  id: string;
  by: string;
  at: Date;
  evidence: string;
  expires: Date;
}

/** The attestations file as the gate read it; `attestation` checks look their id up here. */
export interface AttestationBook {
  file: string;
  maxAgeDays: number;
  find(id: string): AttestationRecord | undefined;
}

/** Everything a check may talk to. Built once per run; shared by every check of the run. */
export interface CheckContext {
  environment: string;
  env: EnvironmentConfig;
  /**
   * Every environment of the configuration file, for checks that must consider them all
   * (ecr-untagged protects what each environment sharing the repository runs). Absent: only `env`.
   */
  environments?: Readonly<Record<string, EnvironmentConfig>> | undefined;
  aws: AwsClients;
  secrets: CheckSecrets;
  run: RunInfo | undefined;
  clock: Clock;
  logger: Logger;
  /** Set by the gate; without it an `attestation` check reports `error`. */
  attestations?: AttestationBook | undefined;
  /** Aborted when this check's deadline passes: pass it to every wait and request. */
  signal: AbortSignal;
  /** Epoch ms by which this check must answer. */
  deadline: number;
}

export interface CheckType<S extends z.ZodObject = z.ZodObject> {
  /** The `type:` value in the configuration. */
  type: string;
  /** One sentence for docs and the JSON Schema. */
  description: string;
  /** Its configuration, without the common fields (they are added by the registry). */
  schema: S;
  /** Deadline when the configuration gives none. */
  defaultTimeoutMs: number;
  /** Default report section for the gate summary. */
  group: string;
  /** Whether it can change anything (e.g. ecr-untagged with delete: true). The gate refuses those. */
  mutating?: (check: z.output<S>) => boolean;
  /**
   * The deploy targets it can read (custom-domains: App Runner only); every target when absent.
   * The configuration refuses it in an environment on another target.
   */
  targets?: readonly TargetKind[];
  /**
   * What is wrong with an item that only the time of the run can tell (a report month in the
   * future): asked of every item before the first check runs, so bad input changes nothing.
   */
  preflight?: (check: z.output<S>, now: number) => string | undefined;
  run(check: z.output<S> & CommonCheckFields, context: CheckContext): Promise<CheckOutcome>;
}

export interface CommonCheckFields {
  type: string;
  id?: string | undefined;
  group?: string | undefined;
  timeout?: string | undefined;
  name?: string | undefined;
}

/** Declares a check type; the type literal goes into the schema so the union can discriminate. */
export function defineCheck<T extends string, Shape extends z.ZodRawShape>(definition: {
  type: T;
  description: string;
  shape: Shape;
  defaultTimeoutMs: number;
  group: string;
  mutating?: (check: z.output<z.ZodObject<Shape>>) => boolean;
  targets?: readonly TargetKind[];
  preflight?: (check: z.output<z.ZodObject<Shape>>, now: number) => string | undefined;
  run(
    check: z.output<z.ZodObject<Shape>> & CommonCheckFields,
    context: CheckContext,
  ): Promise<CheckOutcome>;
}): CheckType {
  return {
    type: definition.type,
    description: definition.description,
    schema: z.strictObject(definition.shape),
    defaultTimeoutMs: definition.defaultTimeoutMs,
    group: definition.group,
    ...(definition.mutating ? { mutating: definition.mutating as CheckType['mutating'] } : {}),
    ...(definition.targets ? { targets: definition.targets } : {}),
    ...(definition.preflight ? { preflight: definition.preflight as CheckType['preflight'] } : {}),
    run: definition.run as CheckType['run'],
  } as CheckType;
}
