// Generated from actions/*/action.yml by `npm run workflows` (scripts/generate-workflows.ts).
// generated — do not edit: change the action.yml and regenerate.

/** What a `with:` value may be; the runner turns it into a string. */
export type InputValue = string | number | boolean;

/** The inputs of each of our actions, keyed by folder name under actions/. */
export interface ActionInputs {
  /** Builds the container image and pushes it to ECR, tagged with the commit. Skips the build when the tag is already in ECR, so a re-run does not rebuild. */
  'build-push': {
    /** Path of the apprunner-ops configuration file. Default: `.github/apprunner-ops.yml`. */
    readonly config?: InputValue;
    /** Environment in the configuration whose region, ECR repository and registry to push to. */
    readonly environment: InputValue;
    /** Build context directory. Default: `.`. */
    readonly context?: InputValue;
    /** Path of the Dockerfile/Containerfile; empty: Dockerfile in the context. */
    readonly dockerfile?: InputValue;
    /** Image tag; empty: the 7-character commit SHA. */
    readonly tag?: InputValue;
    /** Build arguments, one NAME=value per line. */
    readonly 'build-args'?: InputValue;
    /** docker or buildah; empty: whichever is installed, docker first. */
    readonly builder?: InputValue;
    /** Where to push, comma-separated: ecr (default), or ecr, fly to push the same image by digest to registry.fly.io/<app> of a fly environment too. Default: `ecr`. */
    readonly registries?: InputValue;
    /** Fly.io API token (secrets.FLY_API_TOKEN), needed when registries includes fly. Masked; written only to a credentials file. */
    readonly 'fly-api-token'?: InputValue;
  };
  /** Runs a gate of the configuration (go-live by default): every check at once, read-only, attestations and waivers from a reviewed file; writes an evidence bundle, a check run on the commit and a Slack message. */
  'compliance-gate': {
    /** Path of the apprunner-ops configuration file. Default: `.github/apprunner-ops.yml`. */
    readonly config?: InputValue;
    /** Environment in the configuration whose gate runs. */
    readonly environment: InputValue;
    /** Name of the gate under environments.<environment>.gates. Default: `go-live`. */
    readonly gate?: InputValue;
    /** Path of the attestations and waivers file (changed only by pull request). Default: `.github/apprunner-ops/attestations.yml`. */
    readonly attestations?: InputValue;
    /** Folder to write evidence.json and evidence.md into (upload it as an artifact). Default: `apprunner-ops-evidence`. */
    readonly 'evidence-dir'?: InputValue;
    /** Token for the check run on the commit (checks: write) and for ci-green (checks: read, statuses: read); empty: neither. */
    readonly 'github-token'?: InputValue;
    /** Slack incoming webhook for the verdict; empty: no message. */
    readonly 'slack-webhook-url'?: InputValue;
    /** BetterStack Uptime API token for monitors-green; empty: that check reports an error. */
    readonly 'betterstack-token'?: InputValue;
    /** PostgreSQL URL with read access (sql checks, restore-verified reads audit_log); empty: those checks report an error. */
    readonly 'database-url'?: InputValue;
  };
  /** Deploys an ECR image to App Runner safely: preflight, GitHub deployment, RDS snapshot, maintenance window, update followed to its operation result, verification, automatic rollback, Slack and audit record. */
  deploy: {
    /** Path of the apprunner-ops configuration file. Default: `.github/apprunner-ops.yml`. */
    readonly config?: InputValue;
    /** Environment in the configuration to deploy to. */
    readonly environment: InputValue;
    /** Image to deploy: a tag, a digest (sha256:…) or a full ECR URI; empty: the 7-character commit SHA as tag. */
    readonly image?: InputValue;
    /** Take an RDS snapshot before deploying (true or false). Default: `true`. */
    readonly snapshot?: InputValue;
    /** Put the previous image back when verification fails (true or false). Default: `true`. */
    readonly 'auto-rollback'?: InputValue;
    /** Deadline for the App Runner operation to finish, e.g. 30m. Default: `30m`. */
    readonly timeout?: InputValue;
    /** Pause between polls of the platform and RDS, e.g. 10s. Failing health checks, and the deployment a verification waits for, are polled twice as often (at most every 5s). Default: `10s`. */
    readonly 'poll-interval'?: InputValue;
    /** Deadline for the health checks of the new version to pass, e.g. 5m. Default: `5m`. */
    readonly 'verify-timeout'?: InputValue;
    /** Failed health checks in a row, once the new version is known to serve (it reports its version, or the platform says it alone serves when no version-path is set), that end verification before verify-timeout and roll back. Until then a failing check is retried to verify-timeout (warm-up, or the previous version still answering). Default: `3`. */
    readonly 'verify-failure-limit'?: InputValue;
    /** Deadline of each AWS request (a hung connection is given up and retried within timeout), e.g. 30s. Default: `30s`. */
    readonly 'aws-request-timeout'?: InputValue;
    /** Token to record GitHub deployments and their statuses; empty: not recorded. */
    readonly 'github-token'?: InputValue;
    /** Slack incoming webhook for the deploy message; empty: no message. */
    readonly 'slack-webhook-url'?: InputValue;
    /** BetterStack Uptime API token to pause the configured monitors during the deploy; empty: no maintenance window. */
    readonly 'betterstack-token'?: InputValue;
    /** Fly.io API token (secrets.FLY_API_TOKEN) of an environment whose target kind is fly; unused by the other targets. */
    readonly 'fly-api-token'?: InputValue;
    /** PostgreSQL URL of the database that holds audit_log; empty: no audit row. */
    readonly 'audit-database-url'?: InputValue;
    /** Names the snapshot: pre-deploy (<snapshot-prefix>-YYYYMMDD-HHMM-<sha>, pruned to the retention) or pre-launch (<instance>-pre-launch-YYYYMMDD-HHMM, kept). Default: `pre-deploy`. */
    readonly 'snapshot-purpose'?: InputValue;
    /** RuntimeEnvironmentVariables to set in the same UpdateService as the image, one NAME=value per line (e.g. NEXT_PUBLIC_APP_URL=https://getdrop.no); a rollback restores the previous values. */
    readonly 'env-set'?: InputValue;
    /** RuntimeEnvironmentVariables to remove in the same UpdateService, names separated by commas or lines (e.g. BANKID_MOCK). */
    readonly 'env-unset'?: InputValue;
    /** Print the plan (every call it would make) and change nothing (true or false). Default: `false`. */
    readonly 'dry-run'?: InputValue;
    /** deploy: the whole pipeline. snapshot: only start the pre-deploy RDS snapshot and output its id (deploy.yml runs this beside the build; the deploy job passes it as snapshot-id). restart: a new deployment of the image and configuration that run now, followed and verified (restart.yml). scale (target kind asg): the serving group's desired capacity to `capacity` within its min/max, every target healthy, verified, and its response time watched for `bake`. runners: change nothing; read from the configuration which runner the database jobs of each environment listed in environment (separated by spaces) run on, and output it as runs-on. Default: `deploy`. */
    readonly mode?: InputValue;
    /** Why (mode: restart, where it is required): shown in the summary, Slack, the deployment status and the audit log. */
    readonly reason?: InputValue;
    /** mode: scale: the number of instances the serving Auto Scaling group is to run, within its min/max (refused before any change otherwise). */
    readonly capacity?: InputValue;
    /** A pre-deploy snapshot an earlier job started (mode: snapshot): the deploy waits for it to be available instead of taking one; it must be of this environment's database. Empty: the deploy takes its own. */
    readonly 'snapshot-id'?: InputValue;
    /** Bake period after verification, e.g. 10m: the new version's request metrics are watched (App Runner's own; on ECS Express its load balancer's) and a sustained breach of environments.<name>.bake (error-rate, latency-p99, consecutive-minutes) rolls it back like a failed verification; 0s: no bake period. Default: `0s`. */
    readonly bake?: InputValue;
  };
  /** Runs the routine checks of an environment (daily, weekly, monthly or inline) concurrently: a summary table, an annotation per failure, one GitHub issue per environment and schedule, and Slack only when checks start failing or recover. */
  'ops-check': {
    /** Path of the apprunner-ops configuration file. Default: `.github/apprunner-ops.yml`. */
    readonly config?: InputValue;
    /** Environment in the configuration whose checks run. */
    readonly environment: InputValue;
    /** Which list of environments.<name>.checks to run: daily, weekly or monthly. Empty when checks is given. */
    readonly schedule?: InputValue;
    /** Checks as inline YAML (a list like the configuration's), instead of a schedule; no issue or Slack message. */
    readonly checks?: InputValue;
    /** Token to open, comment on and close the GitHub issue of failing checks (needs issues: write); empty: no issue. */
    readonly 'github-token'?: InputValue;
    /** Slack incoming webhook: one message when checks start failing and one when they recover; empty: no message. */
    readonly 'slack-webhook-url'?: InputValue;
    /** BetterStack Uptime API token for monitors-green, incidents-resolved, escalation-test and report checks. */
    readonly 'betterstack-token'?: InputValue;
    /** PostgreSQL URL of a read-only role for sql checks; empty: sql checks are errors saying so. */
    readonly 'database-url'?: InputValue;
    /** PostgreSQL URL of the database holding audit_log: a snapshot-restore drill records its restore time there, a report check reads deploys, rotations and drills from it; empty: not recorded (and a report check is an error). */
    readonly 'audit-database-url'?: InputValue;
    /** Fly.io API token (secrets.FLY_API_TOKEN) of an environment whose target kind is fly: the checks that read the deploy target (service-running, service-env, rotation-due, ecr-untagged) read its machines with it. Masked; unused by the other targets. */
    readonly 'fly-api-token'?: InputValue;
    /** Open one GitHub issue per environment and schedule while checks fail, comment on it, close it when they pass (true or false). Default: `true`. */
    readonly 'open-issue'?: InputValue;
    /** Items that delete (ecr-untagged with delete: true): include runs them as configured; skip lists what they would delete (dry run, for a read-only role); only runs them and nothing else, without issue or Slack (the clean-up job, whose role may delete); no-role refuses them before any call, naming the <ENV>_CLEANUP_ROLE_ARN variable to set (no job may delete). Default: `include`. */
    readonly cleanup?: InputValue;
  };
  /** Restores the environment's RDS database to a point in time (or a snapshot) beside the current instance, verifies it side by side, and on request cuts over by renaming, keeping the replaced instance. */
  'restore-database': {
    /** Path of the apprunner-ops configuration file. Default: `.github/apprunner-ops.yml`. */
    readonly config?: InputValue;
    /** Environment in the configuration whose database (database.instance) is restored. */
    readonly environment: InputValue;
    /** What to restore: an ISO 8601 time with a zone (2026-12-06T09:30:00Z) inside the restore window, "latest" (LatestRestorableTime), or a snapshot id of this instance. */
    readonly to: InputValue;
    /** inspect: restore beside the current instance and verify, change nothing else. cut-over: then rename the current instance to <name>-replaced-<time> and the restored one to <name>. Default: `inspect`. */
    readonly mode?: InputValue;
    /** Why the database is restored (incident, ticket); goes to the audit row. */
    readonly reason: InputValue;
    /** A DATABASE_URL whose user, password, database and sslmode run the restore.verify queries on both instances (its host and port are replaced). */
    readonly 'database-url'?: InputValue;
    /** PostgreSQL URL of the database that holds audit_log; empty: no audit row. */
    readonly 'audit-database-url'?: InputValue;
    /** BetterStack API token to pause the environment's maintenance monitors during the cut-over; empty: no window. */
    readonly 'betterstack-token'?: InputValue;
    /** Pause between polls of RDS, e.g. 15s. Default: `15s`. */
    readonly 'poll-interval'?: InputValue;
    /** Check the inputs against AWS, print the plan and change nothing (not with mode cut-over). Default: `false`. */
    readonly 'dry-run'?: InputValue;
  };
  /** Puts an earlier version back on App Runner: the last good deployment by default, or a named tag, digest or GitHub deployment, verified and recorded. */
  rollback: {
    /** Path of the apprunner-ops configuration file. Default: `.github/apprunner-ops.yml`. */
    readonly config?: InputValue;
    /** Environment in the configuration to roll back. */
    readonly environment: InputValue;
    /** previous (the newest successful deployment older than the running one), or a tag, a digest (sha256:…) or a GitHub deployment id. Default: `previous`. */
    readonly to?: InputValue;
    /** Why: shown in the summary, Slack, the deployment status and the audit row. */
    readonly reason: InputValue;
    /** How this rollback was approved, for Slack and the audit row, when not by the environment's second reviewer: e.g. rollback.yml's break-glass environment (docs/setup.md §4). Empty: the environment's reviewers, or, from the terminal, none (the person's own AWS role). Default: ``. */
    readonly approval?: InputValue;
    /** Take a forensics RDS snapshot before rolling back (true or false). Default: `true`. */
    readonly snapshot?: InputValue;
    /** Shell command that reverts database migrations; runs before the image changes. Empty: none. */
    readonly 'down-migration-command'?: InputValue;
    /** Deadline for the down migration, e.g. 10m. When it passes, the migration and every process it started are stopped and the image is not changed. Default: `10m`. */
    readonly 'down-migration-timeout'?: InputValue;
    /** Deadline for the App Runner operation to finish, e.g. 30m. Default: `30m`. */
    readonly timeout?: InputValue;
    /** Pause between polls of the platform and RDS, e.g. 10s. Failing health checks, and the deployment a verification waits for, are polled twice as often (at most every 5s). Default: `10s`. */
    readonly 'poll-interval'?: InputValue;
    /** Deadline for the health checks of the new version to pass, e.g. 5m. Default: `5m`. */
    readonly 'verify-timeout'?: InputValue;
    /** Failed health checks in a row, once the new version is known to serve (it reports its version, or the platform says it alone serves when no version-path is set), that end verification before verify-timeout. Until then a failing check is retried to verify-timeout (warm-up, or the previous version still answering). Default: `3`. */
    readonly 'verify-failure-limit'?: InputValue;
    /** Deadline of each AWS request (a hung connection is given up and retried within timeout), e.g. 30s. Default: `30s`. */
    readonly 'aws-request-timeout'?: InputValue;
    /** Token to read deployment history and record the rollback; needed for to: previous. */
    readonly 'github-token'?: InputValue;
    /** Slack incoming webhook for the rollback message; empty: no message. */
    readonly 'slack-webhook-url'?: InputValue;
    /** BetterStack Uptime API token to pause the configured monitors during the rollback; empty: no maintenance window. */
    readonly 'betterstack-token'?: InputValue;
    /** Fly.io API token (secrets.FLY_API_TOKEN) of an environment whose target kind is fly; unused by the other targets. */
    readonly 'fly-api-token'?: InputValue;
    /** PostgreSQL URL of the database that holds audit_log; also the second source of deployment history. */
    readonly 'audit-database-url'?: InputValue;
    /** Print the plan (every call it would make) and change nothing (true or false). Default: `false`. */
    readonly 'dry-run'?: InputValue;
  };
  /** Rotates a secret the way the Secrets Manager rotation contract does (pending → apply → test → current → redeploy → verify), so any interruption leaves a working secret and a re-run finishes the job. */
  'rotate-secret': {
    /** Path of the apprunner-ops configuration file. Default: `.github/apprunner-ops.yml`. */
    readonly config?: InputValue;
    /** Environment in the configuration whose secret is rotated. */
    readonly environment: InputValue;
    /** A name from the environment's secrets (e.g. JWT_SECRET), or "due" for every secret whose rotate-every-days has passed. */
    readonly secret: InputValue;
    /** Why the secret is rotated; goes to the audit row and the Slack message. */
    readonly reason: InputValue;
    /** Deadline for the App Runner operation of the redeploy, e.g. 30m. Default: `30m`. */
    readonly timeout?: InputValue;
    /** Pause between polls of App Runner and RDS and between login attempts, e.g. 10s. Default: `10s`. */
    readonly 'poll-interval'?: InputValue;
    /** Deadline for the health checks after the redeploy, e.g. 5m. Default: `5m`. */
    readonly 'verify-timeout'?: InputValue;
    /** Deadline for a new database login to start working, e.g. 2m. Default: `2m`. */
    readonly 'login-timeout'?: InputValue;
    /** Deadline for RDS to apply a new master password (PendingModifiedValues), e.g. 15m. Default: `15m`. */
    readonly 'password-timeout'?: InputValue;
    /** A rotation found unfinished (AWSPENDING on another version, or AWSCURRENT not deployed yet), whichever run left it: stop (before any change: another run may be at work) or resume (finish it if its value works, else undo it). rotate.yml passes resume: its concurrency group rules out a second run. Default: `stop`. */
    readonly unfinished?: InputValue;
    /** Token to record the result as a commit status (apprunner-ops/rotate-secret (<environment>)); empty: not recorded. */
    readonly 'github-token'?: InputValue;
    /** Slack incoming webhook for the rotation message; empty: no message. */
    readonly 'slack-webhook-url'?: InputValue;
    /** PostgreSQL URL of the database that holds audit_log; empty: no audit row. */
    readonly 'audit-database-url'?: InputValue;
    /** Fly.io API token (secrets.FLY_API_TOKEN) of an environment whose target kind is fly: the redeploy restarts its machines. Unused by the other targets. */
    readonly 'fly-api-token'?: InputValue;
    /** Run the preflight, print the plan and change nothing (true or false). Default: `false`. */
    readonly 'dry-run'?: InputValue;
  };
  /** Checks that a running service really works: status, JSON values, headers, latency, TLS expiry, HTTPS redirect and the reported version. Failing checks are retried until a deadline. */
  'smoke-test': {
    /** Path of the apprunner-ops configuration file. Read only when environment is set. Default: `.github/apprunner-ops.yml`. */
    readonly config?: InputValue;
    /** Environment in the configuration whose health.base-url and health.checks to use. Leave empty to give base-url and checks here. */
    readonly environment?: InputValue;
    /** Base URL the check paths are joined to; overrides health.base-url of the configuration. */
    readonly 'base-url'?: InputValue;
    /** Inline YAML list of checks (same form as health.checks in the configuration); overrides the configured checks. */
    readonly checks?: InputValue;
    /** Version the service must report, e.g. the image tag just deployed. Empty: the version is not checked. */
    readonly 'expect-version'?: InputValue;
    /** Dot path in the JSON body where the running version is reported, e.g. data.version; overrides health.version-path. */
    readonly 'version-path'?: InputValue;
    /** Overall deadline for all checks, e.g. 90s or 5m. Failing checks are retried until then. Default: `5m`. */
    readonly timeout?: InputValue;
    /** Pause between attempts of a failing check, e.g. 5s. Default: `5s`. */
    readonly interval?: InputValue;
  };
}

/** The output names of each of our actions. */
export interface ActionOutputs {
  'build-push': 'image' | 'tag' | 'digest' | 'fly-image' | 'built';
  'compliance-gate': 'passed' | 'failed' | 'not-checked' | 'waived' | 'evidence';
  deploy:
    | 'runs-on'
    | 'result'
    | 'image'
    | 'previous-image'
    | 'snapshot-id'
    | 'operation-id'
    | 'service-url';
  'ops-check': 'passed' | 'failed' | 'report';
  'restore-database':
    'restored-instance' | 'restore-to' | 'replaced-instance' | 'forensics-snapshot';
  rollback: 'result' | 'image' | 'previous-image' | 'snapshot-id' | 'operation-id';
  'rotate-secret': 'rotated' | 'version-ids';
  'smoke-test': 'passed' | 'failed-checks' | 'report';
}

export type ActionName = keyof ActionInputs;
