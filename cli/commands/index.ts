/**
 * The command table: each command's name, usage, summary and flags, and how to load the code
 * that runs it. Only the chosen command's module is loaded (with its AWS clients, pg,
 * Octokit), so `--help`, `--version` and a mistyped flag answer at once.
 */
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { CliIo } from '../io.js';

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  flags: Record<string, FlagSpec>;
}

/** A command's body; `this` is its spec, so its errors can quote its usage. */
export type CommandRun = (this: CommandSpec, args: ParsedArgs, io: CliIo) => Promise<number>;

export interface Command extends CommandSpec {
  load(): Promise<CommandRun>;
}

export const CONFIG_FLAG: Record<string, FlagSpec> = {
  config: {
    type: 'string',
    description: 'configuration file (default .github/apprunner-ops.yml)',
  },
};

const OPS_FLAGS: Record<string, FlagSpec> = {
  ...CONFIG_FLAG,
  'dry-run': { type: 'boolean', description: 'show the plan and change nothing' },
  yes: { type: 'boolean', description: 'do not ask for confirmation (scripts)' },
  json: { type: 'boolean', description: 'print the outcome as JSON on stdout' },
  snapshot: { type: 'boolean', description: 'take an RDS snapshot first (default: as action.yml)' },
  timeout: { type: 'string', description: 'deadline of the App Runner operation, e.g. 30m' },
  'poll-interval': { type: 'string', description: 'pause between polls, e.g. 10s' },
  'verify-timeout': { type: 'string', description: 'deadline of the health checks, e.g. 5m' },
};

export const COMMANDS: readonly Command[] = [
  {
    name: 'status',
    usage: 'apprunner-ops status [environment] [--json]',
    summary:
      'what runs where and since when, recent deploys and rollbacks, snapshots, monitors (read-only)',
    flags: { ...CONFIG_FLAG, json: { type: 'boolean', description: 'print JSON on stdout' } },
    load: async () => (await import('./status.js')).runStatus,
  },
  {
    name: 'deploy',
    usage: 'apprunner-ops deploy <environment> <image> [--dry-run] [--yes] [--json]',
    summary: 'deploy an ECR image (tag, digest or URI) with the action’s stages and safety',
    flags: {
      ...OPS_FLAGS,
      'auto-rollback': {
        type: 'boolean',
        description: 'put the previous image back when verification fails',
      },
    },
    load: async () => (await import('./ops.js')).runDeploy,
  },
  {
    name: 'rollback',
    usage:
      'apprunner-ops rollback <environment> [--to previous|<tag>|<digest>] --reason "…" [--dry-run] [--yes] [--json]',
    summary: 'put the last good (or a named) version back, with the action’s stages and records',
    flags: {
      ...OPS_FLAGS,
      to: { type: 'string', description: 'previous (default), a tag, a digest or a deployment id' },
      reason: { type: 'string', description: 'why; required, recorded everywhere' },
      'down-migration-command': {
        type: 'string',
        description: 'command that undoes the migration',
      },
    },
    load: async () => (await import('./ops.js')).runRollback,
  },
  {
    name: 'check',
    usage:
      'apprunner-ops check <environment> <daily|weekly|monthly> [--json] [--config file]  (sql checks: OPS_DATABASE_URL, a read-only role)',
    summary: 'run an environment’s daily, weekly or monthly checks (read-only), as ops-check does',
    flags: {
      ...CONFIG_FLAG,
      json: { type: 'boolean', description: 'print the report as JSON on stdout' },
    },
    load: async () => (await import('./check.js')).runCheck,
  },
  {
    name: 'report',
    usage:
      'apprunner-ops report <environment> [--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD] [--sla-target 99.9] [--json]  (BETTERSTACK_TOKEN, AUDIT_DATABASE_URL)',
    summary:
      'the monthly ops report: availability, error rate and p99 per day, deploys, rotations, drills',
    flags: {
      ...CONFIG_FLAG,
      month: { type: 'string', description: 'the month, YYYY-MM (default: the month before)' },
      from: { type: 'string', description: 'first day of a range instead, YYYY-MM-DD' },
      to: { type: 'string', description: 'last day of the range (included), YYYY-MM-DD' },
      'sla-target': { type: 'string', description: 'availability target in percent, e.g. 99.9' },
      json: { type: 'boolean', description: 'print the report as JSON on stdout' },
    },
    load: async () => (await import('./report.js')).runReport,
  },
  {
    name: 'gate',
    usage:
      'apprunner-ops gate <environment> [gate] [--attestations file] [--evidence-dir dir] [--json]  (sql checks: OPS_DATABASE_URL)',
    summary: 'run a gate of the configuration (default go-live) read-only, as compliance-gate does',
    flags: {
      ...CONFIG_FLAG,
      attestations: { type: 'string', description: 'attestations file (default as action.yml)' },
      'evidence-dir': { type: 'string', description: 'where the evidence bundle is written' },
      json: { type: 'boolean', description: 'print the evidence as JSON on stdout' },
    },
    load: async () => (await import('./gate.js')).runGateCommand,
  },
  {
    name: 'rotate',
    usage:
      'apprunner-ops rotate <environment> <secret|due> --reason "…" [--dry-run] [--resume] [--yes] [--json]',
    summary:
      'rotate a secret (or every one that is due) as rotate-secret does: never loses the working one',
    flags: {
      ...CONFIG_FLAG,
      reason: { type: 'string', description: 'why; required, recorded everywhere' },
      'dry-run': { type: 'boolean', description: 'show the plan and change nothing' },
      resume: {
        type: 'boolean',
        description:
          'finish (or undo) a rotation found unfinished instead of stopping; only when no other rotation of it runs',
      },
      yes: { type: 'boolean', description: 'do not ask for confirmation (scripts)' },
      json: { type: 'boolean', description: 'print the outcome as JSON on stdout' },
      'poll-interval': { type: 'string', description: 'pause between polls, e.g. 10s' },
      'verify-timeout': { type: 'string', description: 'deadline of the health checks, e.g. 5m' },
    },
    load: async () => (await import('./rotate.js')).runRotate,
  },
  {
    name: 'diagnose',
    usage: 'apprunner-ops diagnose <environment> [--json] [--config file]  (OPS_DATABASE_URL)',
    summary:
      'database diagnostics (connections, long queries, blocking, replication lag, storage growth) as one table, read-only; non-zero when any fails',
    flags: {
      ...CONFIG_FLAG,
      json: { type: 'boolean', description: 'print the report as JSON on stdout' },
    },
    load: async () => (await import('./diagnose.js')).runDiagnose,
  },
  {
    name: 'validate',
    usage: 'apprunner-ops validate [config] [--json]',
    summary:
      'check the configuration file, and the caller workflows in .github/workflows against it',
    flags: {
      json: { type: 'boolean', description: 'print the problems and warnings as JSON on stdout' },
      workflows: {
        type: 'string',
        description: 'folder of the caller workflows (default .github/workflows next to it)',
      },
    },
    load: async () => (await import('./validate.js')).runValidate,
  },
  {
    name: 'init',
    usage:
      'apprunner-ops init [--environments staging,production] [--region r] [--service-arn arn|env=arn,…] [--ecr-repository name] [--database id|env=id,…] [--health-url url|env=url,…] [--health-path /health] [--version-path version] [--suite owner/repo@ref] [--force]',
    summary:
      'write .github/apprunner-ops.yml and the caller workflows (asks for what flags do not give)',
    flags: {
      environments: {
        type: 'string',
        description: 'environment names in deploy order; the last one gets required reviewers',
      },
      region: { type: 'string', description: 'AWS region' },
      'service-arn': { type: 'string', description: 'App Runner service ARN, or env=arn pairs' },
      'ecr-repository': { type: 'string', description: 'ECR repository name' },
      database: {
        type: 'string',
        description: 'RDS instance identifier, or env=id pairs ("none": no database)',
      },
      'health-url': { type: 'string', description: 'public base URL, or env=url pairs' },
      'health-path': {
        type: 'string',
        description: 'path of the health endpoint, or env=path pairs (default /health)',
      },
      'version-path': {
        type: 'string',
        description:
          'dot path of the running version in the health JSON, or env=path pairs ("none": not reported)',
      },
      suite: {
        type: 'string',
        description:
          'owner/repo@ref of apprunner-ops the callers use (default: this release, by its commit)',
      },
      force: { type: 'boolean', description: 'overwrite existing files' },
    },
    load: async () => (await import('./init.js')).runInit,
  },
];
