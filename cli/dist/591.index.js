export const id = 591;
export const ids = [591];
export const modules = {

/***/ 3300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ij: () => (/* reexport */ schemas/* checkId */.ij),
  bi: () => (/* reexport */ schemas/* checkItemSchema */.bi),
  Bt: () => (/* binding */ checkType),
  M5: () => (/* reexport */ schemas/* targetMismatch */.M5)
});

// UNUSED EXPORTS: CHECK_TYPES

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-apprunner/dist-cjs/index.js
var dist_cjs = __webpack_require__(2284);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
// EXTERNAL MODULE: ./core/targets/target.ts
var targets_target = __webpack_require__(9056);
// EXTERNAL MODULE: ./core/checks/target-of.ts
var target_of = __webpack_require__(3001);
// EXTERNAL MODULE: ./core/checks/schemas/service-running.ts
var service_running = __webpack_require__(6026);
// EXTERNAL MODULE: ./core/checks/types.ts
var types = __webpack_require__(5045);
;// CONCATENATED MODULE: ./core/checks/service-running.ts






/**
 * ECS Express: the service is ACTIVE and its newest service deployment SUCCESSFUL. A deployment
 * ECS rolled back, or one that failed or was stopped, is a failure even though the service
 * still serves (the old version): the newest change did not land.
 */
async function ecsServiceRunning(ctx) {
    const target = await (0,target_of/* checkTarget */.e)(ctx);
    // Imported with the target (core/targets/create.ts): only an ECS environment loads it.
    const { EcsExpressTarget } = await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(133)]).then(__webpack_require__.bind(__webpack_require__, 1133));
    if (!(target instanceof EcsExpressTarget))
        throw new Error('service-running: not an ECS target');
    let state;
    try {
        state = await target.describe();
    }
    catch (error) {
        // No active configuration (INACTIVE: deleted): the service is not up, which is this
        // check's failure, not an error; preflight says so in a line.
        if (!(error instanceof targets_target/* TargetNotUpdatable */.dU))
            throw error;
        const { reason } = await target.preflight();
        return { status: 'fail', line: reason, observed: { service: target.serviceName } };
    }
    const newest = await target.newestDeployment();
    const observed = {
        status: state.status,
        service: state.name,
        deployment: newest?.status,
        ...(newest ? { deploymentArn: newest.arn } : {}),
    };
    if (state.status !== 'ACTIVE')
        return { status: 'fail', line: `${state.name} is ${state.status}, expected ACTIVE`, observed };
    if (!newest || newest.status === 'SUCCESSFUL')
        return {
            status: 'pass',
            line: `${state.name} is ACTIVE${newest ? ' and its newest deployment SUCCESSFUL' : ''}`,
            observed,
        };
    const why = newest.reason ? `: ${newest.reason}` : '';
    if ([
        'PENDING',
        'IN_PROGRESS',
        'ROLLBACK_REQUESTED',
        'ROLLBACK_IN_PROGRESS',
        'STOP_REQUESTED',
    ].includes(newest.status))
        return {
            status: 'warn',
            line: `${state.name} is ACTIVE; its newest deployment is ${newest.status} (a change is under way)`,
            observed,
        };
    const id = newest.arn.split('/').at(-1) ?? newest.arn;
    const after = {
        ROLLBACK_SUCCESSFUL: 'the version before it serves; deploy a fixed image',
        ROLLBACK_FAILED: 'ECS could not undo it, so the service may be down: check it now',
        STOPPED: 'it was stopped before it finished: check which version serves',
    };
    return {
        status: 'fail',
        line: `${state.name} is ACTIVE but its newest deployment (${id}) ended ${newest.status}${why}; ${after[newest.status] ?? 'check the service'}`,
        observed,
    };
}
/**
 * Fly: every machine of the process group started with its health checks passing. A machine
 * stopped or suspended by Fly's auto-stop is not a failure while another one serves; a failed
 * machine, or none serving, is.
 */
async function flyMachinesRunning(ctx) {
    const target = await (0,target_of/* checkTarget */.e)(ctx);
    const { FlyTarget } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.bind(__webpack_require__, 752));
    if (!(target instanceof FlyTarget))
        throw new Error('service-running: not a Fly target');
    const machines = await target.machineHealth();
    const observed = Object.fromEntries(machines.map((m) => [m.id, m.state]));
    const serving = machines.filter((m) => m.state === 'started' && m.failing.length === 0);
    const bad = machines.filter((m) => m.state === 'failed' || (m.state === 'started' && m.failing.length > 0));
    const named = bad
        .map((m) => `${m.id} (${m.region}) ${m.state === 'failed' ? 'failed' : m.failing.join(', ')}`)
        .join('; ');
    if (serving.length === 0)
        return {
            status: 'fail',
            line: `${target.arn}: no machine started with its checks passing (${machines.map((m) => `${m.id} ${m.state}`).join(', ')})${named ? `; ${named}` : ''}`,
            observed,
        };
    if (bad.length > 0)
        return {
            status: 'fail',
            line: `${target.arn}: ${serving.length} of ${machines.length} machines serve; ${named}`,
            observed,
        };
    return {
        status: 'pass',
        line: `${target.arn}: ${serving.length} of ${machines.length} machines started, checks passing`,
        observed,
    };
}
/**
 * The runbook's daily "App Runner status RUNNING" and the go-live gate's first item; on the
 * other targets, what the target says of itself (DeployTarget.serviceStatus).
 */
const serviceRunning = (0,types/* defineCheck */.q)({
    ...service_running/* serviceRunningSchema */.g,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const { env, aws, clock, logger } = ctx;
        if (env.target.kind === 'ecs-express')
            return ecsServiceRunning(ctx);
        if (env.target.kind === 'fly')
            return flyMachinesRunning(ctx);
        if (env.target.kind !== 'app-runner') {
            // A target with no one status word (Auto Scaling behind a load balancer) says itself.
            const target = await (0,target_of/* checkTarget */.e)(ctx);
            if (!target.serviceStatus)
                throw new Error(`service-running cannot read a ${env.target.kind} target yet; remove it from the environment's lists`);
            return target.serviceStatus();
        }
        const arn = env['service-arn'];
        const out = await (0,call/* awsCall */.uF)('DescribeService', () => aws.appRunner.send(new dist_cjs/* DescribeServiceCommand */.auI({ ServiceArn: arn })), { clock, logger });
        const status = out.Service?.Status ?? 'UNKNOWN';
        const name = out.Service?.ServiceName ?? arn;
        const observed = { status, service: name };
        if (status === 'RUNNING')
            return { status: 'pass', line: `${name} is RUNNING`, observed };
        return {
            status: 'fail',
            line: `${name} is ${status}, expected RUNNING${status === 'PAUSED' ? ' (resume it in the App Runner console or with ResumeService)' : ''}`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/attestation.ts
var attestation = __webpack_require__(641);
;// CONCATENATED MODULE: ./core/checks/attestation.ts


const DAY = 86_400_000;
/**
 * An item only a person can vouch for (a real BankID login, a regulator notified). It passes
 * while the attestations file holds a current attestation for its id: present, not expired,
 * and not older than the gate's max-attestation-age.
 */
const attestation_attestation = (0,types/* defineCheck */.q)({
    ...attestation/* attestationSchema */.A,
    defaultTimeoutMs: 5_000,
    group: 'External services',
    async run(check, { attestations, clock }) {
        if (!attestations)
            return {
                status: 'error',
                line: 'no attestations file was read; attestation items are judged by the compliance-gate action',
            };
        const found = attestations.find(check.id);
        if (!found)
            return {
                status: 'fail',
                line: `no attestation for "${check.id}" in ${attestations.file}; add one by pull request (id, by, at, evidence, expires)`,
                observed: { id: check.id },
            };
        const now = clock.now();
        const observed = {
            id: check.id,
            by: found.by,
            at: found.at.toISOString(),
            expires: found.expires.toISOString().slice(0, 10),
            evidence: found.evidence,
        };
        const ageDays = Math.floor((now - found.at.getTime()) / DAY);
        if (found.expires.getTime() <= now)
            return {
                status: 'fail',
                line: `attestation "${check.id}" by ${found.by} expired on ${observed.expires}; vouch again with fresh evidence`,
                observed,
            };
        if (ageDays > attestations.maxAgeDays)
            return {
                status: 'fail',
                line: `attestation "${check.id}" by ${found.by} is ${ageDays} days old (limit ${attestations.maxAgeDays}); vouch again`,
                observed,
            };
        return {
            status: 'pass',
            line: `${found.by} vouched on ${observed.at.slice(0, 10)} (until ${observed.expires}): ${check.text}`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/aws/cloudwatch.ts
var cloudwatch = __webpack_require__(7148);
;// CONCATENATED MODULE: ./core/checks/fields.ts


/** The remaining time until a check's deadline, less a margin to answer in. */
function remainingMs(deadline, now, marginMs = 250) {
    return Math.max(0, deadline - now - marginMs);
}
/**
 * The metric window ending now: start, end and a CloudWatch period that keeps the datapoints
 * under the API's limit. The field is validated as a positive duration, so the fallback only
 * keeps the types honest.
 */
function metricWindow(window, now) {
    const windowMs = (0,duration/* parseDuration */.E9)(window) ?? 3_600_000;
    return { start: now - windowMs, end: now, periodSeconds: (0,cloudwatch/* periodOf */.jH)(windowMs) };
}
/** The environment's RDS instance, or the error result a database check gives without one. */
function databaseInstance(env) {
    return (env.database?.instance ?? {
        status: 'error',
        line: 'no database.instance in this environment: say which RDS instance to check',
    });
}

;// CONCATENATED MODULE: ./core/checks/rds-instance.ts


/**
 * The configured RDS instance as DescribeDBInstances sees it, or the outcome to report when
 * there is none (not configured: error; not found: fail, with what to fix).
 */
async function describeDatabase(ctx) {
    const id = databaseInstance(ctx.env);
    if (typeof id !== 'string')
        return { outcome: id };
    // Loaded here, not at the top: every action that reads the configuration imports the check
    // registry, and only the ones that run checks should load the RDS client.
    const { describeDbInstance } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7561));
    const instance = await describeDbInstance(ctx.aws.rds, id, ctx);
    if (instance)
        return { instance };
    return {
        outcome: {
            status: 'fail',
            line: `RDS instance ${id} does not exist; check database.instance in the configuration`,
            observed: { instance: id },
        },
    };
}
/**
 * One statistic of an RDS instance's CloudWatch metric (AWS/RDS by DBInstanceIdentifier) over a
 * window: the datapoints that carry it, oldest first.
 */
async function rdsStatistic(ctx, request) {
    const { aws, clock, logger, signal } = ctx;
    const points = await (0,cloudwatch/* metricStatistics */.WV)(aws.cloudWatch, {
        namespace: 'AWS/RDS',
        metric: request.metric,
        dimensions: { DBInstanceIdentifier: request.instance },
        ...request.window,
        statistics: [request.statistic],
    }, { clock, logger, signal });
    return points.flatMap((p) => {
        const value = p[request.statistic];
        return value === undefined ? [] : [{ at: p.Timestamp, value }];
    });
}

// EXTERNAL MODULE: ./core/checks/schemas/backups.ts
var backups = __webpack_require__(8868);
;// CONCATENATED MODULE: ./core/checks/backups.ts




/** The runbook's "backups running, point-in-time recovery works". */
const backups_backups = (0,types/* defineCheck */.q)({
    ...backups/* backupsSchema */.t,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, ctx) {
        const found = await describeDatabase(ctx);
        if ('outcome' in found)
            return found.outcome;
        const db = found.instance;
        const id = db.DBInstanceIdentifier ?? '';
        const retention = db.BackupRetentionPeriod ?? 0;
        const latest = db.LatestRestorableTime;
        const maxLag = (0,duration/* parseDuration */.E9)(check['max-restore-lag']) ?? 900_000;
        const lagMs = latest ? ctx.clock.now() - latest.getTime() : undefined;
        const observed = {
            instance: id,
            backupRetentionPeriod: retention,
            latestRestorableTime: latest?.toISOString() ?? null,
            restoreLagMs: lagMs ?? null,
        };
        const problems = [];
        if (retention < check['min-retention-days'])
            problems.push(retention === 0
                ? 'automated backups are off (BackupRetentionPeriod 0); set a retention period of at least 1 day'
                : `backup retention is ${retention} day(s), below ${check['min-retention-days']}`);
        if (lagMs === undefined)
            problems.push('RDS reports no LatestRestorableTime');
        else if (lagMs > maxLag)
            problems.push(`LatestRestorableTime is ${(0,duration/* formatDuration */.a3)(lagMs)} old (limit ${(0,duration/* formatDuration */.a3)(maxLag)}): point-in-time recovery is behind; check the instance's backup status`);
        if (problems.length > 0)
            return { status: 'fail', line: `${id}: ${problems.join('; ')}`, observed };
        return {
            status: 'pass',
            line: `${id} keeps ${retention} day(s) of backups; restorable to ${(0,duration/* formatDuration */.a3)(lagMs ?? 0)} ago`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/ci-green.ts
var ci_green = __webpack_require__(8113);
;// CONCATENATED MODULE: ./core/checks/ci-green.ts


/** Names of check runs the gate itself creates (never judged by ci-green). */
const GATE_CHECK_RUN_PREFIX = 'apprunner-ops:';
const OK_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);
/** The runbook's "CI green on main (lint, typecheck, tests, E2E, docker-build)". */
const ciGreen = (0,types/* defineCheck */.q)({
    ...ci_green/* ciGreenSchema */.r,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        const token = ctx.secrets.githubToken;
        const run = ctx.run;
        if (!token || !run?.sha)
            return {
                status: 'error',
                line: !token
                    ? 'ci-green needs the github-token input (checks: read, statuses: read)'
                    : 'ci-green needs the commit (GITHUB_SHA) of the run',
            };
        const [owner, repo] = run.repository.split('/');
        // Loaded on use: the registry is imported by every action that reads the configuration.
        const { createOctokit } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5279));
        const octokit = createOctokit(token, { apiUrl: run.apiUrl, logger: ctx.logger });
        // Check runs (GitHub Actions, apps) and commit statuses (older CI) of the same commit.
        const forRef = { owner, repo, ref: run.sha, per_page: 100, request: { signal: ctx.signal } };
        const runs = await octokit.paginate(octokit.rest.checks.listForRef, forRef);
        const statuses = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, forRef);
        // This run's own jobs are in progress on the same commit: they are not CI.
        const ownRun = `/actions/runs/${run.runId}/`;
        const judged = runs.filter((r) => !r.name.startsWith(GATE_CHECK_RUN_PREFIX) && !(r.details_url ?? '').includes(ownRun));
        // Statuses come newest first; the newest per context counts.
        const latest = new Map();
        for (const s of statuses)
            if (!latest.has(s.context))
                latest.set(s.context, s.state);
        const results = [
            ...judged.map((r) => ({
                name: r.name,
                kind: 'check run',
                result: r.status === 'completed' ? (r.conclusion ?? 'none') : r.status,
                ok: r.status === 'completed' && OK_CONCLUSIONS.has(r.conclusion ?? ''),
            })),
            ...[...latest].map(([name, state]) => ({
                name,
                kind: 'status',
                result: state,
                ok: state === 'success',
            })),
        ];
        const problems = results
            .filter((r) => !r.ok)
            .map((r) => `${r.kind} "${r.name}" is ${r.result}`);
        for (const name of check.required)
            if (!results.some((r) => r.name === name))
                problems.push(`required "${name}" has not reported`);
        if (results.length === 0)
            problems.push('no check runs or statuses at all');
        const observed = {
            commit: run.sha,
            results: results.map(({ name, kind, result }) => ({ name, kind, result })),
        };
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `commit ${run.sha7}: ${problems.join('; ')}; launch a commit whose CI passed`,
                observed,
            };
        return {
            status: 'pass',
            line: `commit ${run.sha7}: ${results.length} check(s) successful`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/custom-domains.ts
var custom_domains = __webpack_require__(9072);
;// CONCATENATED MODULE: ./core/checks/custom-domains.ts




/** The runbook's "DNS points at App Runner": each host is linked to the service and active. */
const customDomains = (0,types/* defineCheck */.q)({
    ...custom_domains/* customDomainsSchema */.G,
    defaultTimeoutMs: 30_000,
    group: 'Domain & TLS',
    async run(check, ctx) {
        const arn = ctx.env['service-arn'];
        // Pages of at most 5; bounded so a misbehaving endpoint cannot loop forever.
        const domains = await (0,call/* awsPages */.A_)('DescribeCustomDomains', async (token) => {
            const out = await ctx.aws.appRunner.send(new dist_cjs/* DescribeCustomDomainsCommand */.b1e({ ServiceArn: arn, MaxResults: 5, NextToken: token }));
            return { items: out.CustomDomains, next: out.NextToken };
        }, ctx, { maxPages: 100, of: arn });
        // A domain linked with EnableWWWSubdomain also serves www.<domain>.
        const statusOf = (host) => {
            const direct = domains.find((d) => d.DomainName === host);
            // App Runner answers this in lower case though its model lists upper case: accept both.
            if (direct)
                return direct.Status?.toLowerCase();
            const apex = domains.find((d) => d.EnableWWWSubdomain && `www.${d.DomainName}` === host);
            return apex?.Status?.toLowerCase();
        };
        const observed = Object.fromEntries(check.hosts.map((h) => [h, statusOf(h) ?? 'not linked']));
        const problems = check.hosts
            .filter((h) => statusOf(h) !== 'active')
            .map((h) => statusOf(h) === undefined
            ? `${h} is not linked to the service (App Runner \u2192 Custom domains \u2192 Link domain)`
            : `${h} is "${statusOf(h)}", expected "active"${statusOf(h) === 'pending_certificate_dns_validation' ? ' (add the certificate validation CNAME records to DNS)' : ''}`);
        if (problems.length > 0)
            return { status: 'fail', line: problems.join('; '), observed: { domains: observed } };
        return {
            status: 'pass',
            line: `${check.hosts.join(', ')} linked and active`,
            observed: { domains: observed },
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/database-available.ts
var database_available = __webpack_require__(3148);
;// CONCATENATED MODULE: ./core/checks/database-available.ts



/** The runbook's "RDS available" (go-live Infrastructure, launch day phase 1). */
const databaseAvailable = (0,types/* defineCheck */.q)({
    ...database_available/* databaseAvailableSchema */._,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const found = await describeDatabase(ctx);
        if ('outcome' in found)
            return found.outcome;
        const id = found.instance.DBInstanceIdentifier ?? '';
        const status = found.instance.DBInstanceStatus ?? 'unknown';
        const observed = { instance: id, status, engine: found.instance.EngineVersion };
        if (status === 'available')
            return { status: 'pass', line: `${id} is available`, observed };
        return {
            status: 'fail',
            line: `${id} is "${status}", expected "available"; wait for the operation on it to finish`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/aws/ec2.ts
var ec2 = __webpack_require__(5744);
// EXTERNAL MODULE: ./core/checks/schemas/database-private.ts
var database_private = __webpack_require__(2964);
;// CONCATENATED MODULE: ./core/checks/database-private.ts




const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);
/** Whether an ingress rule lets `port` in over TCP (protocol -1 is every protocol and port). */
function admitsPort(rule, port) {
    const protocol = rule.IpProtocol ?? '';
    if (protocol === '-1' || protocol === 'all')
        return true;
    if (protocol !== 'tcp' && protocol !== '6')
        return false;
    const from = rule.FromPort ?? 0;
    const to = rule.ToPort ?? 65535;
    return from <= port && port <= to;
}
/** The runbook's "RDS security group locked down (no public access)". */
const databasePrivate = (0,types/* defineCheck */.q)({
    ...database_private/* databasePrivateSchema */.Y,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const found = await describeDatabase(ctx);
        if ('outcome' in found)
            return found.outcome;
        const db = found.instance;
        const id = db.DBInstanceIdentifier ?? '';
        const port = db.Endpoint?.Port ?? db.DbInstancePort ?? 5432;
        const groupIds = (db.VpcSecurityGroups ?? [])
            .map((g) => g.VpcSecurityGroupId)
            .filter((g) => Boolean(g));
        const groups = await (0,ec2/* describeSecurityGroups */.W)(ctx.aws, ctx.env.region, groupIds, ctx);
        const openings = [];
        for (const group of groups)
            for (const rule of group.IpPermissions ?? []) {
                if (!admitsPort(rule, port))
                    continue;
                const cidrs = [
                    ...(rule.IpRanges ?? []).map((r) => r.CidrIp),
                    ...(rule.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
                ];
                for (const cidr of cidrs)
                    if (cidr && ANYWHERE.has(cidr))
                        openings.push(`${group.GroupId} admits ${port} from ${cidr}`);
            }
        const observed = {
            instance: id,
            publiclyAccessible: db.PubliclyAccessible ?? false,
            port,
            securityGroups: groupIds,
            openToTheInternet: openings,
        };
        const problems = [
            ...(db.PubliclyAccessible
                ? ['PubliclyAccessible is true (modify the instance: --no-publicly-accessible)']
                : []),
            ...openings.map((o) => `${o} (remove that ingress rule)`),
        ];
        if (problems.length === 0)
            return {
                status: 'pass',
                line: `${id} is private: not publicly accessible, ${groupIds.length} security group(s) admit ${port} only from inside`,
                observed,
            };
        return {
            status: 'fail',
            line: `${id} is reachable from the internet: ${problems.join('; ')}`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./core/aws/ecr.ts
var ecr = __webpack_require__(640);
;// CONCATENATED MODULE: ./core/aws/ecr-images.ts



/** Manifest types that list other manifests (multi-arch images, attestations). */
const INDEX_MEDIA_TYPES = new Set([
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
]);
/** Every manifest type BatchGetImage should hand back as stored, without conversion. */
const ACCEPTED_MEDIA_TYPES = [
    ...INDEX_MEDIA_TYPES,
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.v1+json',
];
const BATCH = 100;
function chunks(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function parseManifestLinks(body, reportedType) {
    const parsed = JSON.parse(body);
    return {
        mediaType: parsed.mediaType ?? reportedType,
        children: (parsed.manifests ?? []).flatMap((m) => (m.digest ? [m.digest] : [])),
        subject: parsed.subject?.digest,
    };
}
/** Reads images and manifests of one ECR repository; every call goes through awsCall. */
class EcrImages {
    client;
    location;
    deps;
    constructor(client, location, deps) {
        this.client = client;
        this.location = location;
        this.deps = deps;
    }
    get ids() {
        return { registryId: this.location.registryId, repositoryName: this.location.repository };
    }
    /** Every image, tagged and untagged, following nextToken (bounded: 1 000 pages). */
    async list() {
        const details = await (0,ecr/* describeImages */.S)(this.client, this.location, this.deps, {
            tagStatus: 'ANY',
            maxPages: 1000,
            maxResults: 1000,
        });
        return details.map((d) => ({
            digest: d.imageDigest,
            tags: d.imageTags ?? [],
            pushedAt: d.imagePushedAt,
            sizeInBytes: d.imageSizeInBytes ?? 0,
            mediaType: d.imageManifestMediaType,
        }));
    }
    /**
     * The manifests of these digests (BatchGetImage, \u2264 100 per call). A digest that could not
     * be read is in `unreadable` with ECR's failure code.
     */
    async manifests(digests) {
        const links = new Map();
        const unreadable = new Map();
        for (const batch of chunks([...new Set(digests)], BATCH)) {
            const out = await (0,call/* awsCall */.uF)('BatchGetImage', () => this.client.send(new client_ecr_dist_cjs/* BatchGetImageCommand */.P8n({
                ...this.ids,
                imageIds: batch.map((imageDigest) => ({ imageDigest })),
                acceptedMediaTypes: ACCEPTED_MEDIA_TYPES,
            })), this.deps);
            for (const image of out.images ?? []) {
                const digest = image.imageId?.imageDigest;
                if (!digest || !image.imageManifest)
                    continue;
                try {
                    links.set(digest, parseManifestLinks(image.imageManifest, image.imageManifestMediaType));
                }
                catch {
                    unreadable.set(digest, 'manifest is not JSON');
                }
            }
            for (const failure of out.failures ?? []) {
                const digest = failure.imageId?.imageDigest;
                if (digest)
                    unreadable.set(digest, failure.failureCode ?? 'unknown failure');
            }
            for (const digest of batch)
                if (!links.has(digest) && !unreadable.has(digest))
                    unreadable.set(digest, 'not in the answer');
        }
        return { links, unreadable };
    }
    /**
     * BatchDeleteImage by digest, \u2264 100 per call. Per-image failures come back in the answer
     * and are returned, never dropped. Deleting by digest is idempotent, so a retried call
     * that finds an image already gone counts it as deleted.
     */
    async delete(digests) {
        const result = { deleted: [], failures: [] };
        for (const batch of chunks(digests, BATCH)) {
            let attempts = 0;
            const out = await (0,call/* awsCall */.uF)('BatchDeleteImage', () => {
                attempts++;
                return this.client.send(new client_ecr_dist_cjs/* BatchDeleteImageCommand */.wau({
                    ...this.ids,
                    imageIds: batch.map((imageDigest) => ({ imageDigest })),
                }));
            }, this.deps);
            for (const id of out.imageIds ?? [])
                if (id.imageDigest)
                    result.deleted.push(id.imageDigest);
            for (const failure of out.failures ?? []) {
                const digest = failure.imageId?.imageDigest ?? '?';
                if (failure.failureCode === 'ImageNotFound' && attempts > 1) {
                    result.deleted.push(digest);
                    continue;
                }
                result.failures.push({
                    digest,
                    code: failure.failureCode ?? 'unknown',
                    reason: failure.failureReason ?? '',
                });
            }
        }
        result.deleted = [...new Set(result.deleted)];
        return result;
    }
    /** The lifecycle policy text, or undefined when the repository has none. */
    async lifecyclePolicy() {
        return (0,call/* awsCall */.uF)('GetLifecyclePolicy', async () => {
            try {
                const out = await this.client.send(new client_ecr_dist_cjs/* GetLifecyclePolicyCommand */.O0C(this.ids));
                return { text: out.lifecyclePolicyText ?? '', lastEvaluatedAt: out.lastEvaluatedAt };
            }
            catch (error) {
                if ((0,call/* awsErrorName */.ZH)(error) === 'LifecyclePolicyNotFoundException')
                    return undefined;
                throw error;
            }
        }, this.deps);
    }
}

// EXTERNAL MODULE: ./core/aws/image-ref.ts
var image_ref = __webpack_require__(2435);
;// CONCATENATED MODULE: ./core/cleanup/ecr-plan.ts


function shortDigest(digest) {
    return digest.slice(0, 19);
}
const mayBeIndex = (image) => !image?.mediaType || INDEX_MEDIA_TYPES.has(image.mediaType);
/**
 * Decides what an untagged-image clean-up may delete. Kept: protected digests, tagged images,
 * anything younger than `minAgeMs` (or of unknown age), every child of a kept index (read
 * with BatchGetImage, transitively), and untagged referrers (signatures, attestations) whose
 * subject is kept. What is left is garbage. Whenever a kept index cannot be read, its
 * children are unknown and nothing may go: if in doubt, keep.
 */
async function planUntaggedCleanup(input) {
    const byDigest = new Map(input.images.map((i) => [i.digest, i]));
    const keep = new Map();
    const blockers = [];
    const label = (digest) => {
        const tags = byDigest.get(digest)?.tags ?? [];
        return tags.length > 0 ? tags.join(', ') : shortDigest(digest);
    };
    const mark = (digest, kind, why) => {
        if (keep.has(digest) || !byDigest.has(digest))
            return false;
        keep.set(digest, { digest, kind, why });
        return true;
    };
    for (const p of input.protect)
        mark(p.digest, p.kind, p.why);
    for (const image of input.images)
        if (image.tags.length > 0)
            mark(image.digest, 'tagged', `tagged ${image.tags.join(', ')}`);
    for (const image of input.images) {
        if (!image.pushedAt)
            mark(image.digest, 'unknown-age', 'push time unknown');
        else {
            const age = input.now - image.pushedAt.getTime();
            if (age < input.minAgeMs)
                mark(image.digest, 'recent', `pushed ${(0,duration/* formatDuration */.a3)(Math.max(0, age))} ago, within min-age ${(0,duration/* formatDuration */.a3)(input.minAgeMs)}`);
        }
    }
    // Children of every kept index, level by level (an index may list indexes).
    const read = new Set();
    let frontier = [...keep.keys()].filter((d) => mayBeIndex(byDigest.get(d)));
    while (frontier.length > 0) {
        frontier.forEach((d) => read.add(d));
        const { links, unreadable } = await input.readManifests(frontier);
        for (const [digest, code] of unreadable)
            blockers.push(`the manifest of ${label(digest)} (${shortDigest(digest)}) cannot be read (${code}), so the images it references are unknown`);
        const next = [];
        for (const [parent, l] of links)
            for (const child of l.children) {
                if (!byDigest.has(child))
                    continue;
                mark(child, 'index-child', `child of ${label(parent)}`);
                if (!read.has(child) && mayBeIndex(byDigest.get(child)))
                    next.push(child);
            }
        frontier = [...new Set(next)].filter((d) => !read.has(d));
    }
    // Untagged referrers (OCI subject) of kept images stay with them.
    const candidates = input.images.filter((i) => !keep.has(i.digest));
    let candidateLinks = new Map();
    if (candidates.length > 0) {
        const { links, unreadable } = await input.readManifests(candidates.map((c) => c.digest));
        candidateLinks = links;
        for (const [digest, code] of unreadable)
            mark(digest, 'unreadable', `manifest could not be read (${code}); kept, as when in doubt`);
        for (let changed = true; changed;) {
            changed = false;
            for (const c of candidates) {
                const subject = links.get(c.digest)?.subject;
                if (subject && keep.has(subject))
                    changed = mark(c.digest, 'referrer', `refers to ${label(subject)}`) || changed;
            }
        }
    }
    // Indexes go before their children: ECR refuses a child an index still references.
    const isIndex = (i) => Number((candidateLinks.get(i.digest)?.children.length ?? 0) > 0 ||
        INDEX_MEDIA_TYPES.has(i.mediaType ?? ''));
    const remove = input.images
        .filter((i) => !keep.has(i.digest))
        .sort((a, b) => isIndex(b) - isIndex(a) || (a.pushedAt?.getTime() ?? 0) - (b.pushedAt?.getTime() ?? 0));
    const keptCounts = {
        running: 0,
        'rollback-target': 0,
        tagged: 0,
        'index-child': 0,
        referrer: 0,
        recent: 0,
        'unknown-age': 0,
        unreadable: 0,
    };
    for (const k of keep.values())
        keptCounts[k.kind]++;
    return {
        remove,
        keptUntagged: [...keep.values()].filter((k) => !byDigest.get(k.digest)?.tags.length),
        keptCounts,
        blockers,
    };
}

// EXTERNAL MODULE: ./core/deploy/context.ts + 1 modules
var context = __webpack_require__(4831);
// EXTERNAL MODULE: ./core/deploy/history.ts
var deploy_history = __webpack_require__(9574);
// EXTERNAL MODULE: ./core/github/deployments.ts
var deployments = __webpack_require__(6302);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/checks/schemas/ecr-untagged.ts
var ecr_untagged = __webpack_require__(2653);
;// CONCATENATED MODULE: ./core/checks/ecr-untagged.ts











const MiB = 1024 * 1024;
/** Environments whose service pulls from the same repository (same registry and region). */
function sharingEnvironments(ctx) {
    const here = (0,context/* ecrLocation */.Y)(ctx.env);
    const others = Object.entries(ctx.environments ?? {}).filter(([name, env]) => {
        if (name === ctx.environment)
            return false;
        const there = (0,context/* ecrLocation */.Y)(env);
        return (there.repository === here.repository &&
            there.registryId === here.registryId &&
            there.region === here.region);
    });
    return [[ctx.environment, ctx.env], ...others];
}
/**
 * Every digest an environment's service may start from, or why it cannot be known. ECS resolves
 * a tag once per revision and starts every later task from that digest (each active
 * revision's `imageDigest`), so a tag that moved since does not say what runs. App Runner names
 * only the configured identifier: a digest is that digest; for a tag, what the tag names now
 * (pulled on the next deployment) and every digest the deployment history recorded for that
 * tag (what it pulled when deployed, which stays in use after the tag moves).
 */
async function runningDigests(name, env, ctx, byTag, inRepo, history, deps) {
    const out = { protections: [], notes: [], blockers: [] };
    let images;
    try {
        // What runs, on whichever platform the environment names.
        const target = await (0,target_of/* checkTarget */.e)({
            env,
            aws: ctx.aws,
            clock: deps.clock,
            logger: deps.logger,
            secrets: ctx.secrets,
        });
        images = await target.runningImages();
    }
    catch (error) {
        out.blockers.push(`the image ${name} runs cannot be read (${(0,errors/* errorMessage */.gJ)(error)})`);
        return out;
    }
    if (images.length === 0)
        out.blockers.push(`${name}'s service reports no image identifier`);
    for (const { image, digest: resolved } of images) {
        const parsed = (0,image_ref/* parseImageIdentifier */.aj)(image);
        if (!parsed) {
            out.blockers.push(`${name} runs "${image}", which is not an ECR image URI`);
            continue;
        }
        if (parsed.repository !== env['ecr-repository']) {
            out.notes.push(`${name} runs ${image}, from another repository`);
            continue;
        }
        const digest = resolved ?? (parsed.ref.kind === 'digest' ? parsed.ref.digest : undefined);
        if (digest) {
            if (!inRepo(digest)) {
                out.blockers.push(`${name} runs ${shortDigest(digest)}, which the repository no longer lists`);
                continue;
            }
            const tag = parsed.ref.kind === 'tag' ? parsed.ref.tag : undefined;
            out.protections.push({
                digest,
                kind: 'running',
                why: `running in ${name}${tag ? ` (resolved from tag ${tag} when deployed)` : ''}`,
            });
            if (tag && byTag(tag) !== digest)
                out.notes.push(`${name} is pinned by tag ${tag}, which now names another image; the digest it runs (${shortDigest(digest)}) is kept`);
            continue;
        }
        if (parsed.ref.kind !== 'tag')
            continue;
        const tag = parsed.ref.tag;
        // App Runner reports no digest: it pulled what the tag named when it last deployed. The
        // deployment history recorded that digest; what the tag names now is what it pulls next.
        let deployed;
        try {
            const h = await history(name);
            deployed = (h?.entries ?? [])
                .filter((e) => e.succeeded && e.tag === tag)
                .map((e) => ({ digest: e.digest, at: e.createdAt, source: h.source }));
        }
        catch (error) {
            out.blockers.push(`${name} is pinned by tag ${tag} and reports no digest, and its deployment history, which records the digest it was deployed with, cannot be read (${(0,errors/* errorMessage */.gJ)(error)})`);
            continue;
        }
        const now = byTag(tag);
        if (now)
            out.protections.push({
                digest: now,
                kind: 'running',
                why: `running in ${name} (by tag ${tag}, which names it now)`,
            });
        const seen = new Set(now ? [now] : []);
        for (const d of deployed) {
            if (seen.has(d.digest) || !inRepo(d.digest))
                continue;
            seen.add(d.digest);
            out.protections.push({
                digest: d.digest,
                kind: 'running',
                why: `running in ${name}: deployed as ${tag} on ${new Date(d.at).toISOString().slice(0, 10)} (${d.source}); the tag names another image now`,
            });
        }
        if (!now && seen.size === 0) {
            out.blockers.push(`${name} runs tag ${tag}, which no image carries any more and no deployment history names, so the image it runs is unknown`);
            continue;
        }
        out.notes.push(seen.size > 1
            ? `${name} is pinned by tag ${tag}, which moved since it was deployed: keeping what the tag names now and the digest(s) its deployment history recorded for ${tag}`
            : `${name} is pinned by tag ${tag}: protecting what the tag names now and what its deployment history says was deployed`);
    }
    return out;
}
function historyReader(ctx) {
    const { githubToken, auditDatabaseUrl } = ctx.secrets;
    const github = githubToken && ctx.run
        ? new deployments/* GitHubDeployments */.C({ ...ctx.run, token: githubToken }, { clock: ctx.clock, logger: ctx.logger })
        : undefined;
    const read = new Map();
    return (environment) => {
        if (!github && !auditDatabaseUrl)
            return Promise.resolve(undefined);
        let r = read.get(environment);
        if (!r) {
            r = (0,deploy_history/* readHistory */.Lu)({
                environment,
                env: ctx.environments?.[environment] ?? ctx.env,
                github,
                auditDatabaseUrl,
                logger: ctx.logger,
            });
            read.set(environment, r);
        }
        return r;
    };
}
/** The last `count` good versions each environment could roll back to, from its history. */
async function rollbackTargets(names, running, count, ctx, history) {
    if (count === 0)
        return { protections: [], source: 'not asked for' };
    const { githubToken, auditDatabaseUrl } = ctx.secrets;
    if (!(githubToken && ctx.run) && !auditDatabaseUrl)
        return {
            protections: [],
            source: 'none',
            blocker: 'the rollback targets are unknown: no deployment history is readable (give the job a github-token, or an audit-database-url)',
        };
    const protections = [];
    const sources = new Set();
    for (const environment of names) {
        try {
            const h = await history(environment);
            if (!h)
                continue;
            sources.add(h.source);
            const bad = (0,deploy_history/* badDigests */.TT)(h.entries);
            const seen = new Set();
            for (const e of h.entries) {
                if (seen.size >= count)
                    break;
                if (!e.succeeded || bad.has(e.digest) || running.has(e.digest) || seen.has(e.digest))
                    continue;
                seen.add(e.digest);
                protections.push({
                    digest: e.digest,
                    kind: 'rollback-target',
                    why: `rollback target of ${environment}${e.tag ? ` (${e.tag})` : ''}`,
                });
            }
        }
        catch (error) {
            return {
                protections,
                source: [...sources].join(', '),
                blocker: `the deployment history of ${environment} cannot be read (${(0,errors/* errorMessage */.gJ)(error)}), so its rollback targets are unknown`,
            };
        }
    }
    if ([...sources].every((source) => source === 'no history'))
        return {
            protections,
            source: 'no history',
            blocker: `no deployment history was found for ${names.join(', ')}, so the rollback targets are unknown (deploy once with apprunner-ops, or set rollback-targets: 0 to clean up without keeping them)`,
        };
    return { protections, source: [...sources].join(', ') };
}
/**
 * The digests nothing may delete or expire: what every environment sharing the repository
 * runs (each active ECS revision's digest, App Runner's image) and the last
 * `rollbackCount` good versions of each from its deployment history.
 */
async function protectedDigests(ctx, images, rollbackCount) {
    const deps = { clock: ctx.clock, logger: ctx.logger };
    const digests = new Set(images.map((i) => i.digest));
    const byTag = (tag) => images.find((i) => i.tags.includes(tag))?.digest;
    const envs = sharingEnvironments(ctx);
    const blockers = [];
    const notes = [];
    const protect = [];
    const history = historyReader(ctx);
    for (const [name, env] of envs) {
        const r = await runningDigests(name, env, ctx, byTag, (d) => digests.has(d), history, deps);
        protect.push(...r.protections);
        notes.push(...r.notes);
        blockers.push(...r.blockers);
    }
    const running = new Set(protect.map((p) => p.digest));
    const targets = await rollbackTargets(envs.map(([name]) => name), running, rollbackCount, ctx, history);
    protect.push(...targets.protections);
    if (targets.blocker)
        blockers.push(targets.blocker);
    return { protect, notes, blockers, historySource: targets.source };
}
/**
 * The weekly ECR clean-up (runbooks \u00a74, design pitfall 8): untagged images that nothing
 * references. Index children, what runs, the rollback targets and recent pushes are kept;
 * dry run unless `delete: true`.
 */
const ecrUntagged = (0,types/* defineCheck */.q)({
    ...ecr_untagged/* ecrUntaggedSchema */.f,
    defaultTimeoutMs: 300_000,
    group: 'Infrastructure',
    mutating: (check) => check.delete,
    async run(check, ctx) {
        const deps = { clock: ctx.clock, logger: ctx.logger };
        const location = (0,context/* ecrLocation */.Y)(ctx.env);
        const repo = location.repository;
        const ecr = new EcrImages(ctx.aws.ecr, location, deps);
        const images = await ecr.list();
        const envs = sharingEnvironments(ctx);
        const { protect, notes, blockers, historySource } = await protectedDigests(ctx, images, check['rollback-targets']);
        const minAgeMs = (0,duration/* parseDuration */.E9)(check['min-age']) ?? 7 * 86_400_000;
        const plan = await planUntaggedCleanup({
            images,
            protect,
            minAgeMs,
            now: ctx.clock.now(),
            readManifests: (d) => ecr.manifests(d),
        });
        blockers.push(...plan.blockers);
        const bytes = plan.remove.reduce((n, i) => n + i.sizeInBytes, 0);
        const size = `${(bytes / MiB).toFixed(1)} MiB`;
        // The line counts untagged survivors; tagged images survive by definition.
        const counts = plan.keptUntagged.reduce((n, k) => ({ ...n, [k.kind]: (n[k.kind] ?? 0) + 1 }), {});
        const count = (kind) => counts[kind] ?? 0;
        const keptLine = [
            count('index-child') && `${count('index-child')} index children`,
            count('running') && `${count('running')} running`,
            count('rollback-target') && `${count('rollback-target')} rollback targets`,
            count('recent') && `${count('recent')} younger than ${check['min-age']}`,
            count('referrer') && `${count('referrer')} referrers`,
            count('unknown-age') + count('unreadable') &&
                `${count('unknown-age') + count('unreadable')} in doubt`,
        ]
            .filter(Boolean)
            .join(', ');
        const untagged = images.filter((i) => i.tags.length === 0).length;
        const observed = {
            repository: repo,
            images: images.length,
            untagged,
            kept: plan.keptCounts,
            candidates: plan.remove.length,
            candidateBytes: bytes,
            environments: envs.map(([name]) => name),
            historySource,
            dryRun: !check.delete,
        };
        const evidence = {
            wouldDelete: plan.remove.map((i) => ({
                digest: i.digest,
                pushedAt: i.pushedAt?.toISOString(),
                sizeInBytes: i.sizeInBytes,
                mediaType: i.mediaType,
                why: 'untagged, referenced by no kept index, not running, not a rollback target, older than min-age',
            })),
            kept: plan.keptUntagged,
            protected: protect,
            notes,
        };
        if (blockers.length > 0) {
            return {
                status: 'warn',
                line: `${repo}: deleting nothing, because ${blockers.join('; ')}`,
                observed: { ...observed, deleted: 0, blockers },
                evidence: { ...evidence, wouldDelete: [], candidatesIfResolved: evidence['wouldDelete'] },
            };
        }
        const kept = `kept ${untagged - plan.remove.length} untagged${keptLine ? ` (${keptLine})` : ''}`;
        if (!check.delete || plan.remove.length === 0) {
            const what = plan.remove.length === 0
                ? 'no untagged image to delete'
                : `${plan.remove.length} untagged image(s) (${size}) would be deleted; set delete: true to delete them`;
            return {
                status: 'pass',
                line: `${repo}: ${what}; ${kept}`,
                observed: { ...observed, deleted: 0 },
                evidence,
            };
        }
        // Indexes first, in calls of their own: ECR refuses a child an index still references.
        const indexes = plan.remove.filter((i) => INDEX_MEDIA_TYPES.has(i.mediaType ?? ''));
        const rest = plan.remove.filter((i) => !indexes.includes(i));
        const result = { deleted: [], failures: [] };
        for (const group of [indexes, rest]) {
            if (group.length === 0)
                continue;
            const r = await ecr.delete(group.map((i) => i.digest));
            result.deleted.push(...r.deleted);
            result.failures.push(...r.failures);
        }
        ctx.logger.info(`${repo}: deleted ${result.deleted.length} untagged image(s); ${result.failures.length} failed`);
        const done = { ...observed, deleted: result.deleted.length, failed: result.failures.length };
        const withResult = { ...evidence, deleted: result.deleted, failures: result.failures };
        if (result.failures.length > 0) {
            const listed = result.failures
                .map((f) => `${shortDigest(f.digest)} ${f.code}${f.reason ? ` (${f.reason})` : ''}`)
                .join('; ');
            return {
                status: 'warn',
                line: `${repo}: deleted ${result.deleted.length} of ${plan.remove.length} untagged images; ${result.failures.length} failed: ${listed}. Run again after fixing the cause`,
                observed: done,
                evidence: withResult,
            };
        }
        return {
            status: 'pass',
            line: `${repo}: deleted ${result.deleted.length} untagged image(s) (${size}); ${kept}`,
            observed: done,
            evidence: withResult,
        };
    },
});

// EXTERNAL MODULE: ./core/util/percent.ts
var percent = __webpack_require__(9392);
// EXTERNAL MODULE: ./core/checks/load-balancer.ts
var load_balancer = __webpack_require__(3161);
// EXTERNAL MODULE: ./core/checks/schemas/error-rate.ts
var error_rate = __webpack_require__(1008);
;// CONCATENATED MODULE: ./core/checks/error-rate.ts





/**
 * 5xx \u00f7 requests over a window (the runbooks' SLA "error rate"): App Runner's
 * 5xxStatusResponses \u00f7 Requests, or on ECS Express the load balancer's
 * HTTPCode_Target_5XX_Count \u00f7 RequestCount of the service's target groups. 5xx datapoints are
 * absent until the first 5xx: missing means zero, not "no data"; no requests at all is "no data".
 */
const errorRate = (0,types/* defineCheck */.q)({
    ...error_rate/* errorRateSchema */.O,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        const traffic = await (0,load_balancer/* serviceTraffic */.$)(ctx, metricWindow(check.window, ctx.clock.now()));
        const { periods, source } = traffic;
        const requests = periods.reduce((n, p) => n + p.requests, 0);
        const errors = periods.reduce((n, p) => n + p.errors, 0);
        if (requests === 0)
            return {
                status: 'warn',
                line: `no data: no requests reached the service in the last ${check.window}`,
                observed: { requests: 0, errors, metrics: source },
            };
        const rate = (0,percent/* percent */.K)(errors / requests);
        const observed = {
            requests,
            errors,
            errorPercent: rate,
            window: check.window,
            metrics: source,
        };
        if (rate <= check['max-percent'])
            return {
                status: 'pass',
                line: `${rate} % of ${requests} requests answered 5xx in the last ${check.window} (limit ${check['max-percent']} %)`,
                observed,
            };
        return {
            status: 'fail',
            line: `${rate} % of ${requests} requests answered 5xx in the last ${check.window}, above ${check['max-percent']} %: read the application logs and consider a rollback`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/free-storage.ts
var free_storage = __webpack_require__(3949);
;// CONCATENATED MODULE: ./core/checks/free-storage.ts




const GIB = 1024 ** 3;
/** The runbook's weekly "RDS FreeStorageSpace, alert if < 2 GB". */
const freeStorage = (0,types/* defineCheck */.q)({
    ...free_storage/* freeStorageSchema */.v,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, ctx) {
        const instance = databaseInstance(ctx.env);
        if (typeof instance !== 'string')
            return instance;
        const points = await rdsStatistic(ctx, {
            instance,
            metric: 'FreeStorageSpace',
            statistic: 'Minimum',
            window: metricWindow(check.window, ctx.clock.now()),
        });
        const values = points.map((p) => p.value);
        if (values.length === 0)
            return {
                status: 'warn',
                line: `no data: CloudWatch has no FreeStorageSpace for ${instance} in the last ${check.window}`,
                observed: { instance, datapoints: 0 },
            };
        const minBytes = Math.min(...values);
        const gib = Math.round((minBytes / GIB) * 100) / 100;
        const observed = {
            instance,
            minFreeBytes: minBytes,
            minFreeGiB: gib,
            datapoints: values.length,
        };
        if (gib >= check['min-gib'])
            return {
                status: 'pass',
                line: `${instance} has at least ${gib} GiB free (minimum over ${check.window}; limit ${check['min-gib']} GiB)`,
                observed,
            };
        return {
            status: 'fail',
            line: `${instance} went down to ${gib} GiB free in the last ${check.window}, below ${check['min-gib']} GiB: grow the allocated storage or turn on storage autoscaling`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/health/smoke-test.ts + 1 modules
var smoke_test = __webpack_require__(9958);
// EXTERNAL MODULE: ./core/checks/schemas/health.ts
var health = __webpack_require__(209);
;// CONCATENATED MODULE: ./core/checks/health.ts




/** The environment's health checks (`health.checks`), through the smoke-test core. */
const health_health = (0,types/* defineCheck */.q)({
    ...health/* healthSchema */.q,
    defaultTimeoutMs: 60_000,
    group: 'Application',
    async run(_check, { env, clock, logger, deadline, signal }) {
        const report = await (0,smoke_test/* smokeTest */.K)({
            checks: env.health.checks,
            baseUrl: new URL(env.health['base-url']),
            timeoutMs: Math.max(1_000, remainingMs(deadline, clock.now(), 500)),
            intervalMs: 1_000,
        }, { clock, logger, signal });
        const failed = report.checks.filter((c) => !c.passed);
        const observed = {
            checks: report.checks.map((c) => ({
                name: c.name,
                url: c.url,
                passed: c.passed,
                status: c.status,
                latencyMs: c.latencyMs,
                attempts: c.attempts,
            })),
        };
        if (failed.length === 0)
            return {
                status: 'pass',
                line: `${report.checks.length} health checks pass (${report.checks.map((c) => `${c.name} ${c.status ?? ''}`.trim()).join(', ')})`,
                observed,
            };
        return {
            status: 'fail',
            line: `${failed.length} of ${report.checks.length} health checks fail: ${failed.map((c) => `${c.name} (${c.lastReason ?? 'failed'})`).join('; ')}`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/health/probe.ts
var probe = __webpack_require__(1137);
;// CONCATENATED MODULE: ./core/checks/web.ts

/** The environment's public base URL (health.base-url), where the web checks look. */
function baseUrl(ctx) {
    return new URL(ctx.env.health['base-url']);
}
/** One GET within the check's own deadline (and at most 15 s). */
function get(url, ctx) {
    const left = Math.max(1_000, Math.min(15_000, ctx.deadline - ctx.clock.now()));
    return (0,probe/* probe */.d)(url, { method: 'GET', timeoutMs: left, signal: ctx.signal });
}

// EXTERNAL MODULE: ./core/checks/schemas/hsts.ts
var hsts = __webpack_require__(3663);
;// CONCATENATED MODULE: ./core/checks/hsts.ts



/** Parses a Strict-Transport-Security value into its directives (case-insensitive names). */
function parseHsts(value) {
    const directives = value.split(';').map((d) => d.trim().toLowerCase());
    const maxAge = directives
        .map((d) => /^max-age\s*=\s*"?(\d+)"?$/.exec(d)?.[1])
        .find((v) => v !== undefined);
    return {
        maxAge: maxAge === undefined ? undefined : Number(maxAge),
        includeSubDomains: directives.includes('includesubdomains'),
        preload: directives.includes('preload'),
    };
}
/** The runbook's "HSTS max-age=63072000; includeSubDomains; preload". */
const hsts_hsts = (0,types/* defineCheck */.q)({
    ...hsts/* hstsSchema */.c,
    defaultTimeoutMs: 20_000,
    group: 'Domain & TLS',
    async run(check, ctx) {
        const url = check.url ? new URL(check.url) : baseUrl(ctx);
        const response = await get(url, ctx);
        const header = response.headers['strict-transport-security'];
        const observed = { url: url.href, status: response.status, header: header ?? null };
        if (!header)
            return {
                status: 'fail',
                line: `${url.href} sends no Strict-Transport-Security header; add "max-age=${check['min-max-age']}; includeSubDomains; preload"`,
                observed,
            };
        const parsed = parseHsts(header);
        const problems = [];
        if (parsed.maxAge === undefined)
            problems.push('no max-age');
        else if (parsed.maxAge < check['min-max-age'])
            problems.push(`max-age ${parsed.maxAge} is below ${check['min-max-age']}`);
        if (check['include-subdomains'] && !parsed.includeSubDomains)
            problems.push('includeSubDomains missing');
        if (check.preload && !parsed.preload)
            problems.push('preload missing');
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `${url.href} HSTS "${header}": ${problems.join(', ')}`,
                observed,
            };
        return { status: 'pass', line: `${url.href} HSTS "${header}"`, observed };
    },
});

// EXTERNAL MODULE: ./core/health/evaluate.ts + 1 modules
var evaluate = __webpack_require__(5454);
// EXTERNAL MODULE: ./core/checks/schemas/https-redirect.ts
var https_redirect = __webpack_require__(8087);
;// CONCATENATED MODULE: ./core/checks/https-redirect.ts




/** The runbook's "HTTP \u2192 HTTPS redirect". */
const httpsRedirect = (0,types/* defineCheck */.q)({
    ...https_redirect/* httpsRedirectSchema */.t,
    defaultTimeoutMs: 20_000,
    group: 'Domain & TLS',
    async run(check, ctx) {
        let url;
        if (check.url)
            url = new URL(check.url);
        else {
            url = baseUrl(ctx);
            url.protocol = 'http:';
        }
        const response = await get(url, ctx);
        const observed = {
            url: url.href,
            status: response.status,
            location: response.headers['location'] ?? null,
        };
        const problems = (0,evaluate/* evaluateRedirect */.iJ)(response, url);
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `${problems.join('; ')}; redirect plain HTTP to HTTPS`,
                observed,
            };
        return {
            status: 'pass',
            line: `${url.href} \u2192 ${response.status} ${observed.location}`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/image-present.ts
var image_present = __webpack_require__(4720);
;// CONCATENATED MODULE: ./core/checks/image-present.ts


/** The runbook's "ECR holds the latest production-tagged image". */
const imagePresent = (0,types/* defineCheck */.q)({
    ...image_present/* imagePresentSchema */.Q,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, ctx) {
        const repository = ctx.env['ecr-repository'];
        const registryId = ctx.env['ecr-registry-id'] ?? ctx.env['service-arn'].split(':')[4] ?? '';
        // Loaded on use: the registry is imported by every action that reads the configuration.
        const { EcrRepository } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 640));
        const repo = new EcrRepository(ctx.aws.ecr, { registryId, region: ctx.env.region, repository }, ctx);
        const image = await repo.find({ kind: 'tag', tag: check.tag });
        if (!image)
            return {
                status: 'fail',
                line: `${repository} has no image tagged "${check.tag}"; build and push one (build-push action) before launch`,
                observed: { repository, tag: check.tag },
            };
        return {
            status: 'pass',
            line: `${repository}:${check.tag} is ${image.digest.slice(0, 19)}\u2026`,
            observed: {
                repository,
                tag: check.tag,
                digest: image.digest,
                pushedAt: image.pushedAt?.toISOString() ?? null,
            },
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/latency-p99.ts
var latency_p99 = __webpack_require__(3878);
;// CONCATENATED MODULE: ./core/checks/latency-p99.ts





/**
 * The service's p99 latency over a window, the highest p99 of the window's periods: App
 * Runner's RequestLatency, or on ECS Express the load balancer's TargetResponseTime of each of
 * the service's target groups (seconds, shown in ms).
 */
const latencyP99 = (0,types/* defineCheck */.q)({
    ...latency_p99/* latencyP99Schema */.E,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        const { clock, logger, signal } = ctx;
        const asked = await (0,load_balancer/* latencyRequests */.B)(ctx, metricWindow(check.window, clock.now()));
        const answers = await Promise.all(asked.requests.map((request) => (0,cloudwatch/* metricStatistics */.WV)(ctx.aws.cloudWatch, request, { clock, logger, signal })));
        const values = answers.flat().flatMap((p) => {
            const v = p.ExtendedStatistics?.['p99'];
            return v === undefined ? [] : [v * asked.toMs];
        });
        if (values.length === 0)
            return {
                status: 'warn',
                line: `no data: no ${asked.metric} in the last ${check.window} (no traffic?)`,
                observed: { datapoints: 0, metric: asked.metric },
            };
        const p99 = Math.round(Math.max(...values));
        const observed = {
            p99Ms: p99,
            datapoints: values.length,
            window: check.window,
            metric: asked.metric,
        };
        if (p99 <= check['max-ms'])
            return {
                status: 'pass',
                line: `p99 latency ${p99} ms in the last ${check.window} (limit ${check['max-ms']} ms)`,
                observed,
            };
        return {
            status: 'fail',
            line: `p99 latency ${p99} ms in the last ${check.window}, above ${check['max-ms']} ms: look for slow queries (pg_stat_statements) and the instance's CPU`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/lifecycle-policy.ts
var lifecycle_policy = __webpack_require__(8266);
;// CONCATENATED MODULE: ./core/checks/lifecycle-policy.ts






const DAY_MS = 86_400_000;
/** ECR's tagPatternList wildcard: `*` matches any run of characters, nothing else is special. */
function tagPattern(pattern) {
    return new RegExp(`^${pattern
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`);
}
/** Whether a rule's selection takes the image, before counting (ECR lifecycle rule semantics). */
function selects(rule, image) {
    const sel = rule.selection ?? {};
    if (sel.tagStatus === 'untagged')
        return image.tags.length === 0;
    if (sel.tagStatus === 'any')
        return true;
    if (sel.tagStatus !== 'tagged')
        return false;
    const prefixes = sel.tagPrefixList ?? [];
    const patterns = (sel.tagPatternList ?? []).map(tagPattern);
    return image.tags.some((t) => prefixes.some((p) => t.startsWith(p)) || patterns.some((p) => p.test(t)));
}
/** The images a rule expires today: past its age, or beyond its count (newest kept). */
function expiresNow(rule, images, now) {
    const sel = rule.selection ?? {};
    const chosen = images.filter((i) => selects(rule, i));
    const n = sel.countNumber ?? 0;
    if (sel.countType === 'sinceImagePushed')
        return chosen.filter((i) => !i.pushedAt || now - i.pushedAt.getTime() > n * DAY_MS);
    if (sel.countType === 'imageCountMoreThan')
        return [...chosen]
            .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
            .slice(n);
    return [];
}
const describeRule = (r) => `rule ${r.rulePriority ?? '?'} (${r.selection?.tagStatus ?? '?'} ${r.selection?.countType ?? '?'} ${r.selection?.countNumber ?? '?'}${r.description ? `: ${r.description}` : ''})`;
/**
 * What the repository's ECR lifecycle policy may expire. No lifecycle rule can spare the image
 * a service runs: ECS resolves a tag to a digest once and keeps starting tasks from it, so once
 * the tag moves the running image is untagged, and a rule on untagged (or any) images expires it
 * regardless. No policy is therefore what this check asks for; the `ecr-untagged` clean-up
 * removes untagged images and keeps what runs and the rollback targets. A tagged rule is
 * evaluated against today's images and warns when it would expire a protected one.
 */
const lifecyclePolicy = (0,types/* defineCheck */.q)({
    ...lifecycle_policy/* lifecyclePolicySchema */.y,
    defaultTimeoutMs: 60_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const { env, aws, clock, logger } = ctx;
        const location = (0,context/* ecrLocation */.Y)(env);
        const repo = location.repository;
        const ecr = new EcrImages(aws.ecr, location, { clock, logger });
        const policy = await ecr.lifecyclePolicy();
        if (!policy)
            return {
                status: 'pass',
                line: `${repo} has no ECR lifecycle policy: nothing expires an image a service runs; the ecr-untagged clean-up removes untagged images and keeps what runs and the rollback targets`,
                observed: { repository: repo, hasPolicy: false },
            };
        let rules;
        try {
            rules = (JSON.parse(policy.text).rules ?? []).filter((r) => typeof r === 'object' && r !== null);
        }
        catch (error) {
            return {
                status: 'error',
                line: `${repo}'s lifecycle policy text is not JSON (${String(error)}); it cannot be checked`,
                observed: { repository: repo, hasPolicy: true },
            };
        }
        const expiring = rules.filter((r) => (r.action?.type ?? 'expire') === 'expire');
        const structural = expiring.filter((r) => ['untagged', 'any'].includes(r.selection?.tagStatus ?? ''));
        const images = await ecr.list();
        const { protect, blockers } = await protectedDigests(ctx, images, 5);
        const now = clock.now();
        const hits = expiring.flatMap((rule) => expiresNow(rule, images, now)
            .flatMap((image) => protect.filter((p) => p.digest === image.digest))
            .map((p) => `${describeRule(rule)} would expire ${shortDigest(p.digest)} (${p.why})`));
        const observed = {
            repository: repo,
            hasPolicy: true,
            rules: rules.length,
            expiresUntagged: structural.length > 0,
            protectedImages: protect.length,
            ...(policy.lastEvaluatedAt ? { lastEvaluatedAt: policy.lastEvaluatedAt.toISOString() } : {}),
        };
        const evidence = {
            rules: rules.map(describeRule),
            policy: policy.text,
            protected: protect,
            ...(blockers.length > 0 ? { unknown: blockers } : {}),
        };
        if (blockers.length > 0 && expiring.length > 0)
            hits.push(`what must be kept is not known for certain (${blockers.join('; ')})`);
        if (structural.length > 0 || hits.length > 0) {
            const why = [
                ...structural.map((r) => `${describeRule(r)} expires untagged images, and the image a service pinned by a tag runs is untagged once the tag moves (ECS keeps starting tasks from that digest)`),
                ...hits,
            ];
            return {
                status: 'warn',
                line: `${repo}'s lifecycle policy can expire an image a service runs or a rollback target: ${why.join('; ')}. Remove those rules (aws ecr delete-lifecycle-policy --repository-name ${repo}, or put a policy without them) and clean up with ecr-untagged, which keeps what runs and the rollback targets`,
                observed,
                evidence,
            };
        }
        return {
            status: 'pass',
            line: `${repo} has a lifecycle policy with ${rules.length} rule(s), none of which expires an untagged image, what runs or a rollback target`,
            observed,
            evidence,
        };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(303);
// EXTERNAL MODULE: ./core/checks/schemas/log-errors.ts
var log_errors = __webpack_require__(2253);
;// CONCATENATED MODULE: ./core/checks/log-errors.ts







const SHOWN = 5;
/** Time kept back from the check's deadline to answer in (the runner's timer wins after it). */
const ANSWER_MARGIN_MS = 1_500;
/**
 * A log line made fit for an issue or Slack: e-mail addresses, runs of 6+ digits (account,
 * card, phone and document numbers) and token-like strings (JWTs, long base64/hex, values of
 * key=\u2026 / token: \u2026) are masked, and the text is cut to 300 characters.
 */
function maskLogMessage(message) {
    return message
        .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>')
        .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<token>')
        .replace(/\b((?:api[_-]?key|token|secret|password|passwd|authorization|bearer)(?:\s*[=:]\s*|\s+))\S+/gi, '$1<masked>')
        .replace(/\b[A-Za-z0-9+/_-]{24,}={0,2}/g, (m) => (/\d/.test(m) ? '<token>' : m))
        .replace(/\d[\d -]{4,}\d/g, (m) => (m.replace(/\D/g, '').length >= 6 ? '<digits>' : m))
        .trim()
        .slice(0, 300);
}
/** The CloudWatch Logs Insights console for the group and window (the console's URL encoding). */
function logsInsightsUrl(input) {
    // The console's query-detail value: a JSURL-like `~(key~'value\u2026)` with `*` for `%`.
    const str = (v) => `'${encodeURIComponent(v).replace(/%/g, '*')}`;
    const detail = `~(end~${str(new Date(input.end).toISOString())}~start~${str(new Date(input.start).toISOString())}~timeType~'ABSOLUTE~tz~'UTC~editorString~${str(`fields @timestamp, @message | filter @message like /${input.pattern.replace(/[?"-]/g, '')}/ | sort @timestamp desc`)}~source~(~${str(input.logGroup)}))`;
    const fragment = encodeURIComponent(`?queryDetail=${detail}`).replace(/%/g, '$');
    return `https://${input.region}.console.aws.amazon.com/cloudwatch/home?region=${input.region}#logsV2:logs-insights${fragment}`;
}
/**
 * The runbook's weekly "recurring error patterns in CloudWatch logs". FilterLogEvents searches
 * part of the range per call and may answer an empty page with a `nextToken`: the token is
 * followed to its end, and a scan the deadline cuts short is an error, never a pass. Log lines
 * carry personal data, so by default the report holds the count, the pattern and a link to
 * CloudWatch Logs Insights; the messages only with `show-messages: true`, masked.
 */
const logErrors = (0,types/* defineCheck */.q)({
    ...log_errors/* logErrorsSchema */.t,
    defaultTimeoutMs: 60_000,
    group: 'Monitoring',
    async run(check, { aws, clock, logger, signal, deadline, env }) {
        const end = clock.now();
        const start = end - ((0,duration/* parseDuration */.E9)(check.window) ?? 86_400_000);
        const link = logsInsightsUrl({
            region: env.region,
            logGroup: check['log-group'],
            start,
            end,
            pattern: check.pattern,
        });
        let count = 0;
        const first = [];
        let scannedTo = start;
        let token;
        let pages = 0;
        // Each page's own deadline: the check answers before the runner's timer would.
        const stop = new AbortController();
        const timer = setTimeout(() => stop.abort(new Error('deadline')), remainingMs(deadline, clock.now(), ANSWER_MARGIN_MS));
        const pageSignal = AbortSignal.any([signal, stop.signal]);
        try {
            do {
                const page = await (0,call/* awsCall */.uF)('FilterLogEvents', () => aws.cloudWatchLogs.send(new client_cloudwatch_logs_dist_cjs/* FilterLogEventsCommand */.nsW({
                    logGroupName: check['log-group'],
                    filterPattern: check.pattern,
                    startTime: start,
                    endTime: end,
                    ...(token ? { nextToken: token } : {}),
                }), { abortSignal: pageSignal }), { clock, logger, signal: pageSignal });
                const events = page.events ?? [];
                count += events.length;
                for (const e of events)
                    if (first.length < SHOWN)
                        first.push(e);
                const latest = Math.max(...events.map((e) => e.timestamp ?? 0), scannedTo);
                scannedTo = latest;
                token = page.nextToken;
                pages++;
            } while (token);
        }
        catch (error) {
            if (!stop.signal.aborted && !signal.aborted)
                throw error;
            return {
                status: 'error',
                line: `${check['log-group']}: scanned up to ${new Date(scannedTo).toISOString()}, not to the end of the ${check.window} window, before the check's deadline (${pages} pages, ${count} events matching "${check.pattern}" so far; raise "timeout" or shorten "window"): ${link}`,
                observed: { count, pages, scannedTo: new Date(scannedTo).toISOString(), complete: false },
                evidence: { logsInsights: link, stoppedBy: (0,errors/* errorMessage */.gJ)(error) },
            };
        }
        finally {
            clearTimeout(timer);
        }
        const shown = check['show-messages']
            ? first.map((e) => ({
                at: new Date(e.timestamp ?? 0).toISOString(),
                message: maskLogMessage(e.message ?? ''),
            }))
            : undefined;
        const observed = {
            count,
            pages,
            window: check.window,
            logGroup: check['log-group'],
            complete: true,
            ...(shown ? { first: shown } : {}),
        };
        const evidence = {
            pattern: check.pattern,
            logsInsights: link,
            ...(shown ? { first: shown } : {}),
        };
        if (count <= check['max-count'])
            return {
                status: 'pass',
                line: `${count} events match "${check.pattern}" in ${check['log-group']} over ${check.window} (limit ${check['max-count']}; ${pages} pages, read to the end)`,
                observed,
                evidence,
            };
        return {
            status: 'fail',
            line: `${count} events match "${check.pattern}" in ${check['log-group']} over ${check.window}, more than ${check['max-count']}; ${shown ? `first: ${shown[0]?.message ?? ''}; ` : ''}read them in CloudWatch Logs Insights: ${link}`,
            observed,
            evidence,
        };
    },
});

// EXTERNAL MODULE: ./core/maintenance/suite-pauses.ts
var suite_pauses = __webpack_require__(78);
// EXTERNAL MODULE: ./core/notify/betterstack.ts
var betterstack = __webpack_require__(9302);
// EXTERNAL MODULE: ./core/checks/schemas/monitors-green.ts
var monitors_green = __webpack_require__(2554);
;// CONCATENATED MODULE: ./core/checks/monitors-green.ts






const RANK = { pass: 0, warn: 1, fail: 2, error: 3 };
/**
 * The runbook's daily "BetterStack monitors green". A pause by the suite that outlived its
 * window is ended here as well \u2014 the scheduled checks are the run most likely to come after
 * a lost runner \u2014 and the check still fails, because alerts were off longer than planned.
 * That resume is the suite finishing its own maintenance window, not a change to what is
 * checked, so the type is not declared mutating (a gate may list it).
 */
const monitorsGreen = (0,types/* defineCheck */.q)({
    ...monitors_green/* monitorsGreenSchema */.S,
    defaultTimeoutMs: 30_000,
    group: 'Monitoring',
    async run(check, { env, environment, secrets, clock, logger }) {
        const ids = check['monitor-ids'] ?? env.maintenance?.['monitor-ids'];
        if (!ids)
            return {
                status: 'skipped',
                line: `no monitors to check: set environments.${environment}.maintenance.monitor-ids or monitor-ids on this check`,
            };
        const token = secrets.betterstackToken;
        if (!token)
            return {
                status: 'error',
                line: 'no betterstack-token given: the BetterStack monitors cannot be read (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
            };
        const client = new betterstack/* BetterStackMonitors */.Y((0,betterstack/* betterStackApiUrl */.a)(), token, { clock, logger });
        const verdicts = await Promise.all(ids.map((id) => judge(client, id, clock.now())));
        return summarise(verdicts);
    },
});
async function judge(client, id, now) {
    let inspected;
    try {
        inspected = await (0,suite_pauses/* inspectMonitor */.pz)(client, id);
    }
    catch (error) {
        return {
            id,
            verdict: 'error',
            line: `monitor ${id} could not be read: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    const { monitor, record } = inspected;
    const owner = (0,suite_pauses/* pauseOwner */.Q$)(monitor, record, now);
    const base = { id, status: monitor.status, pausedAt: monitor.pausedAt };
    if (owner.kind === 'suite' && !owner.expired) {
        return {
            ...base,
            verdict: 'warn',
            line: `${monitor.name} (${id}) is paused by ${(0,suite_pauses/* describeSuitePause */.Cz)(owner.record)}`,
        };
    }
    if (owner.kind === 'suite') {
        const late = (0,duration/* formatDuration */.a3)(now - Date.parse(owner.record.until));
        try {
            await client.resume(id);
            await client.removeMetadata(id, suite_pauses/* PAUSE_RECORD_KEY */.nA);
        }
        catch (error) {
            return {
                ...base,
                verdict: 'fail',
                line: `${monitor.name} (${id}) is still paused by ${(0,suite_pauses/* describeSuitePause */.Cz)(owner.record)}, ${late} past its window, and resuming it failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
            };
        }
        return {
            ...base,
            verdict: 'fail',
            ended: true,
            line: `${monitor.name} (${id}) was paused by ${(0,suite_pauses/* describeSuitePause */.Cz)(owner.record)} and stayed paused ${late} past its window: ended the pause now`,
        };
    }
    if (owner.kind === 'person') {
        return {
            ...base,
            verdict: 'fail',
            line: `${monitor.name} (${id}): ${(0,suite_pauses/* personPauseLine */.g$)(id, owner)}`,
        };
    }
    switch (monitor.status) {
        case 'up':
            return { ...base, verdict: 'pass', line: `${monitor.name} (${id}) is up` };
        case 'down':
            return {
                ...base,
                verdict: 'fail',
                line: `${monitor.name} (${id}) is down: look at its incident in BetterStack`,
            };
        case 'pending':
        case 'validating':
            return {
                ...base,
                verdict: 'warn',
                line: `${monitor.name} (${id}) is ${monitor.status}: not checked since it was resumed or changed`,
            };
        case 'maintenance':
            return {
                ...base,
                verdict: 'warn',
                line: `${monitor.name} (${id}) is in its BetterStack maintenance window`,
            };
        default:
            return {
                ...base,
                verdict: 'fail',
                line: `${monitor.name} (${id}) reports status "${monitor.status}", expected up`,
            };
    }
}
function summarise(verdicts) {
    const worst = verdicts.reduce((w, v) => (RANK[v.verdict] > RANK[w] ? v.verdict : w), 'pass');
    const notable = verdicts.filter((v) => v.verdict !== 'pass');
    const line = notable.length === 0
        ? `all ${verdicts.length} monitors are up`
        : notable.map((v) => v.line).join('; ');
    const observed = Object.fromEntries(verdicts.map((v) => [
        v.id,
        'status' in v
            ? { status: v.status, pausedAt: v.pausedAt, ...(v.ended ? { pauseEnded: true } : {}) }
            : { error: v.line },
    ]));
    return {
        status: worst,
        line,
        observed,
        evidence: { monitors: verdicts.map((v) => ({ id: v.id, verdict: v.verdict, line: v.line })) },
    };
}

// EXTERNAL MODULE: ./core/checks/schemas/pages-reachable.ts
var pages_reachable = __webpack_require__(1789);
;// CONCATENATED MODULE: ./core/checks/pages-reachable.ts




/** The runbook's "terms (/vilkaar) and privacy policy (/personvern) reachable". */
const pagesReachable = (0,types/* defineCheck */.q)({
    ...pages_reachable/* pagesReachableSchema */.f,
    defaultTimeoutMs: 20_000,
    group: 'Compliance',
    async run(check, ctx) {
        const base = baseUrl(ctx);
        const answers = await Promise.all(check.paths.map(async (path) => {
            const url = new URL(path, base);
            try {
                const response = await get(url, ctx);
                return { path, status: response.status, latencyMs: Math.round(response.latencyMs) };
            }
            catch (error) {
                return { path, status: 0, error: (0,errors/* errorMessage */.gJ)(error) };
            }
        }));
        const bad = answers.filter((a) => a.status !== 200);
        const observed = { base: base.href, pages: answers };
        if (bad.length > 0)
            return {
                status: 'fail',
                line: bad
                    .map((a) => `${a.path} ${'error' in a ? `unreachable (${a.error})` : `answered ${a.status}`}, expected 200`)
                    .join('; '),
                observed,
            };
        return { status: 'pass', line: `${check.paths.join(', ')} answer 200`, observed };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/restore-verified.ts
var restore_verified = __webpack_require__(5746);
;// CONCATENATED MODULE: ./core/checks/restore-verified.ts


const restore_verified_DAY = 86_400_000;
const SUCCESS = new Set(['pass', 'passed', 'success', 'succeeded', 'ok', 'verified']);
/** A drill row counts as successful when its details say so (`status`, `outcome` or `result`). */
function succeeded(details) {
    if (details['ok'] === true)
        return true;
    return ['status', 'outcome', 'result'].some((key) => SUCCESS.has(String(details[key] ?? '').toLowerCase()));
}
/**
 * The verdict on the drills on record for this environment's database: the newest successful
 * one among those `kind` accepts must be at most `maxAgeDays` old.
 */
async function drillVerdict(ctx, maxAgeDays, kind) {
    const url = ctx.secrets.databaseUrl;
    if (!url)
        return {
            status: 'error',
            line: `${kind.check} needs the database-url input (read access to audit_log)`,
        };
    // Loaded on use: the registry is imported by every action that reads the configuration.
    const { readAuditEntries } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3892));
    // Every drill on record (the table is read whole), then this environment's database only:
    // a green drill of another instance says nothing about this one.
    const instance = ctx.env.database?.instance;
    const rows = (await readAuditEntries(url, { action: 'restore_drill', limit: Number.MAX_SAFE_INTEGER })).filter((r) => (!instance || r.resource_id === instance) && kind.accepts(r.details));
    if (rows.length === 0)
        return {
            status: 'error',
            line: `no ${kind.what}${instance ? ` of ${instance}` : ''} on record; ${kind.howTo}`,
            observed: { drills: 0 },
        };
    const good = rows.find((r) => succeeded(r.details));
    const now = ctx.clock.now();
    const observed = {
        drills: rows.length,
        newest: {
            at: rows[0].created_at.toISOString(),
            id: rows[0].id,
            ok: succeeded(rows[0].details),
        },
        newestSuccessful: good ? good.created_at.toISOString() : null,
    };
    if (!good)
        return {
            status: 'fail',
            line: `none of the ${rows.length} ${kind.what}(s) on record succeeded; fix the restore and run the drill again`,
            observed,
        };
    const ageDays = Math.floor((now - good.created_at.getTime()) / restore_verified_DAY);
    if (ageDays > maxAgeDays)
        return {
            status: 'fail',
            line: `the last successful ${kind.what} was ${ageDays} days ago (limit ${maxAgeDays}); run it again`,
            observed,
        };
    return {
        status: 'pass',
        line: `${kind.what} succeeded ${ageDays} day(s) ago (${good.resource_id})`,
        observed,
    };
}
/**
 * The runbook's "last backup verified": the monthly restore drill (snapshot-restore) writes an
 * audit_log row with action 'restore_drill'; this reads them.
 */
const restoreVerified = (0,types/* defineCheck */.q)({
    ...restore_verified/* restoreVerifiedSchema */.S,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    run: (check, ctx) => drillVerdict(ctx, check['max-age-days'], {
        check: 'restore-verified',
        what: 'restore drill',
        accepts: () => true,
        howTo: 'run the monthly snapshot-restore check first',
    }),
});
/** A point-in-time drill's record: snapshot-restore with from: pitr records `pitr:<time>`. */
const isPitrDrill = (details) => String(details['snapshot'] ?? '').startsWith('pitr:');
/**
 * The go-live item "point-in-time recovery tested": a snapshot-restore drill with `from: pitr`
 * passed within max-age-days.
 */
const pitrTested = (0,types/* defineCheck */.q)({
    ...restore_verified/* pitrTestedSchema */.m,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    run: (check, ctx) => drillVerdict(ctx, check['max-age-days'], {
        check: 'pitr-tested',
        what: 'point-in-time restore drill',
        accepts: isPitrDrill,
        howTo: 'run the monthly snapshot-restore check with from: pitr first',
    }),
});

// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
// EXTERNAL MODULE: ./core/checks/schemas/db-diagnostics.ts
var db_diagnostics = __webpack_require__(5612);
;// CONCATENATED MODULE: ./core/checks/db-diagnostics.ts






const LISTED = 10;
/** The checks of this file; each names its session after itself (application_name). */
const DIAGNOSTIC_TYPES = ['connections', 'long-queries', 'blocking'];
/**
 * Every client session but the diagnostics' own, read in one query. An error answer says why (never the
 * URL); a session list that could not be read is an error, not a pass.
 */
async function sessions(ctx, check) {
    const url = ctx.secrets.databaseUrl;
    if (!url)
        return {
            status: 'error',
            line: `${check} needs the database-url input (a role that may read pg_stat_activity, e.g. the master user or one with pg_monitor)`,
        };
    const timeoutMs = Math.max(1_000, remainingMs(ctx.deadline, ctx.clock.now(), 1_000));
    const client = await (0,pg_client/* pgClient */.Te)({
        connectionString: url,
        connectionTimeoutMillis: timeoutMs,
        application_name: `apprunner-ops ${check}`,
        options: `-c default_transaction_read_only=on -c statement_timeout=${Math.floor(timeoutMs)}`,
    });
    try {
        await client.connect();
        const max = await client.query(`SELECT current_setting('max_connections') AS max`);
        const res = await client.query(`SELECT pid, usename, state, state_change, query_start, left(query, 200) AS query,
              pg_blocking_pids(pid) AS blockers
         FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
          AND application_name NOT IN ($1, $2, $3)`, 
        // The diagnostics run side by side: one's session reading pg_stat_activity is not a
        // query of the application's, so none counts the others' (or itself).
        DIAGNOSTIC_TYPES.map((type) => `apprunner-ops ${type}`));
        return { rows: res.rows, maxConnections: Number(max.rows[0].max) };
    }
    catch (error) {
        return {
            status: 'error',
            line: `${check}: reading pg_stat_activity failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
const ageMs = (ctx, since) => since ? Math.max(0, ctx.clock.now() - since.getTime()) : 0;
const who = (s) => `pid ${s.pid} (${s.usename ?? 'unknown user'})`;
const connections = (0,types/* defineCheck */.q)({
    ...db_diagnostics/* connectionsSchema */.Ze,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, ctx) {
        const read = await sessions(ctx, 'connections');
        if ('status' in read)
            return read;
        const limit = (0,duration/* parseDuration */.E9)(check['idle-in-transaction']) ?? 300_000;
        const byState = new Map();
        for (const s of read.rows)
            byState.set(s.state ?? 'unknown', (byState.get(s.state ?? 'unknown') ?? 0) + 1);
        // This check's own session counts too: it is one of max_connections.
        const used = read.rows.length + 1;
        const percent = Math.round((used / read.maxConnections) * 100);
        const idle = read.rows
            .filter((s) => (s.state ?? '').startsWith('idle in transaction'))
            .map((s) => ({ s, age: ageMs(ctx, s.state_change) }))
            .filter((x) => x.age > limit)
            .sort((a, b) => b.age - a.age);
        const states = [...byState].map(([state, n]) => `${n} ${state}`).join(', ');
        const observed = {
            used,
            maxConnections: read.maxConnections,
            byState: Object.fromEntries(byState),
            idleInTransaction: idle.map((x) => ({ pid: x.s.pid, user: x.s.usename, ageMs: x.age })),
        };
        const problems = [];
        if (percent > check['max-used-percent'])
            problems.push(`${used} of ${read.maxConnections} connections in use (${percent}% > ${check['max-used-percent']}%)`);
        if (idle.length > 0)
            problems.push(`${idle.length} session(s) idle in transaction longer than ${check['idle-in-transaction']}: ${idle
                .slice(0, LISTED)
                .map((x) => `${who(x.s)} for ${(0,duration/* formatDuration */.a3)(x.age)}`)
                .join(', ')}`);
        return problems.length > 0
            ? { status: 'fail', line: `${problems.join('; ')} (${states})`, observed }
            : {
                status: 'pass',
                line: `${used} of ${read.maxConnections} connections in use (${percent}%): ${states || 'none'}`,
                observed,
            };
    },
});
const longQueries = (0,types/* defineCheck */.q)({
    ...db_diagnostics/* longQueriesSchema */.Ol,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, ctx) {
        const read = await sessions(ctx, 'long-queries');
        if ('status' in read)
            return read;
        const limit = (0,duration/* parseDuration */.E9)(check['longer-than']) ?? 300_000;
        const long = read.rows
            .filter((s) => s.state === 'active')
            .map((s) => ({ s, age: ageMs(ctx, s.query_start) }))
            .filter((x) => x.age > limit)
            .sort((a, b) => b.age - a.age);
        const describe = (x) => `${who(x.s)} running ${(0,duration/* formatDuration */.a3)(x.age)}${check['show-text'] ? `: ${x.s.query ?? ''}` : ''}`;
        const observed = {
            queries: long.map((x) => ({
                pid: x.s.pid,
                user: x.s.usename,
                ageMs: x.age,
                ...(check['show-text'] ? { query: x.s.query } : {}),
            })),
        };
        return long.length > 0
            ? {
                status: 'fail',
                line: `${long.length} query(ies) running longer than ${check['longer-than']}: ${long.slice(0, LISTED).map(describe).join('; ')}`,
                observed,
            }
            : { status: 'pass', line: `no query running longer than ${check['longer-than']}`, observed };
    },
});
const blocking = (0,types/* defineCheck */.q)({
    ...db_diagnostics/* blockingSchema */.pk,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, ctx) {
        const read = await sessions(ctx, 'blocking');
        if ('status' in read)
            return read;
        const limit = (0,duration/* parseDuration */.E9)(check['waiting-longer-than']) ?? 30_000;
        const byPid = new Map(read.rows.map((s) => [s.pid, s]));
        const waits = read.rows
            .filter((s) => (s.blockers ?? []).length > 0)
            .map((s) => ({ s, age: ageMs(ctx, s.state_change ?? s.query_start) }))
            .filter((x) => x.age >= limit)
            .sort((a, b) => b.age - a.age);
        const blocker = (pid) => {
            const b = byPid.get(pid);
            return b ? `${who(b)}, ${b.state ?? 'unknown state'}` : `pid ${pid}`;
        };
        const observed = {
            waits: waits.map((x) => ({
                pid: x.s.pid,
                user: x.s.usename,
                waitingMs: x.age,
                blockedBy: x.s.blockers,
            })),
        };
        return waits.length > 0
            ? {
                status: 'fail',
                line: `${waits.length} session(s) waiting for a lock: ${waits
                    .slice(0, LISTED)
                    .map((x) => `${who(x.s)} waits ${(0,duration/* formatDuration */.a3)(x.age)} on ${(x.s.blockers ?? []).map(blocker).join(' and ')}`)
                    .join('; ')}`,
                observed,
            }
            : { status: 'pass', line: 'no session waits for a lock', observed };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var client_rds_dist_cjs = __webpack_require__(7202);
;// CONCATENATED MODULE: ./core/checks/replication-lag.ts






/**
 * The runbooks' "replication lag": the replicas RDS lists for the environment's database, each
 * one's CloudWatch ReplicaLag. A replica without datapoints is an error (its lag is unknown),
 * never a pass; no replica at all passes and says so.
 */
const replicationLag = (0,types/* defineCheck */.q)({
    ...db_diagnostics/* replicationLagSchema */.gt,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, { env, aws, clock, logger, signal }) {
        const instance = databaseInstance(env);
        if (typeof instance !== 'string')
            return instance;
        const deps = { clock, logger, signal };
        const out = await (0,call/* awsCall */.uF)('DescribeDBInstances', () => aws.rds.send(new client_rds_dist_cjs/* DescribeDBInstancesCommand */.hhJ({ DBInstanceIdentifier: instance }), {
            abortSignal: signal,
        }), deps);
        const replicas = out.DBInstances?.[0]?.ReadReplicaDBInstanceIdentifiers ?? [];
        if (replicas.length === 0)
            return {
                status: 'pass',
                line: `${instance} has no read replica`,
                observed: { replicas: [] },
            };
        const lags = await Promise.all(replicas.map(async (replica) => {
            const points = await rdsStatistic({ aws, ...deps }, {
                instance: replica,
                metric: 'ReplicaLag',
                statistic: 'Maximum',
                window: metricWindow(check.window, clock.now()),
            });
            const values = points.map((p) => p.value);
            return { replica, max: values.length > 0 ? Math.max(...values) : undefined };
        }));
        const observed = {
            replicas: lags.map((l) => ({ id: l.replica, maxLagSeconds: l.max ?? null })),
        };
        const unknown = lags.filter((l) => l.max === undefined);
        if (unknown.length > 0)
            return {
                status: 'error',
                line: `no ReplicaLag datapoints in the last ${check.window} for ${unknown.map((l) => l.replica).join(', ')}: its lag is unknown`,
                observed,
            };
        const behind = lags.filter((l) => l.max > check['max-seconds']);
        const all = lags.map((l) => `${l.replica} ${l.max}s`).join(', ');
        return behind.length > 0
            ? {
                status: 'fail',
                line: `replication lag above ${check['max-seconds']}s in the last ${check.window}: ${behind.map((l) => `${l.replica} ${l.max}s`).join(', ')}`,
                observed,
            }
            : {
                status: 'pass',
                line: `replication lag at most ${check['max-seconds']}s: ${all}`,
                observed,
            };
    },
});

;// CONCATENATED MODULE: ./core/checks/storage-growth.ts




const storage_growth_DAY = 86_400_000;
const storage_growth_GIB = 1024 ** 3;
/**
 * The runbooks' storage forecast: FreeStorageSpace's daily minimum over the last 7 days, its
 * least-squares slope, and the days left at that rate. Fewer than three days of data is an
 * error (no trend can be read from it); free space that is not shrinking passes.
 */
const storageGrowth = (0,types/* defineCheck */.q)({
    ...db_diagnostics/* storageGrowthSchema */.QG,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, ctx) {
        const instance = databaseInstance(ctx.env);
        if (typeof instance !== 'string')
            return instance;
        const now = ctx.clock.now();
        const points = await rdsStatistic(ctx, {
            instance,
            metric: 'FreeStorageSpace',
            statistic: 'Minimum',
            window: { start: now - 7 * storage_growth_DAY, end: now, periodSeconds: 86_400 },
        });
        const series = points.flatMap((p) => p.at ? [{ day: p.at.getTime() / storage_growth_DAY, free: p.value }] : []);
        if (series.length < 3)
            return {
                status: 'error',
                line: `only ${series.length} day(s) of FreeStorageSpace for ${instance} in the last 7 days: no growth can be read`,
                observed: { instance, days: series.length },
            };
        const meanDay = series.reduce((a, p) => a + p.day, 0) / series.length;
        const meanFree = series.reduce((a, p) => a + p.free, 0) / series.length;
        const slope = series.reduce((a, p) => a + (p.day - meanDay) * (p.free - meanFree), 0) /
            series.reduce((a, p) => a + (p.day - meanDay) ** 2, 0);
        const free = series.at(-1).free;
        const usedPerDayGiB = Math.round((-slope / storage_growth_GIB) * 100) / 100;
        const freeGiB = Math.round((free / storage_growth_GIB) * 100) / 100;
        const observed = { instance, freeGiB, usedPerDayGiB, days: series.length };
        if (slope >= 0)
            return {
                status: 'pass',
                line: `${instance}: ${freeGiB} GiB free, not shrinking over the last 7 days`,
                observed,
            };
        const daysLeft = Math.floor(free / -slope);
        const line = `${instance}: ${freeGiB} GiB free, ${usedPerDayGiB} GiB used a day over the last 7 days: full in about ${daysLeft} days`;
        return daysLeft < check['min-days']
            ? {
                status: 'fail',
                line: `${line} (< ${check['min-days']}): grow the allocated storage or turn on storage autoscaling`,
                observed: { ...observed, daysLeft },
            }
            : { status: 'pass', line, observed: { ...observed, daysLeft } };
    },
});

// EXTERNAL MODULE: ./core/aws/secrets-manager.ts
var secrets_manager = __webpack_require__(9913);
// EXTERNAL MODULE: ./core/rotation/database.ts
var database = __webpack_require__(898);
// EXTERNAL MODULE: ./core/rotation/grace.ts
var grace = __webpack_require__(2887);
// EXTERNAL MODULE: ./core/rotation/token.ts
var token = __webpack_require__(6586);
// EXTERNAL MODULE: ./core/rotation/types.ts
var rotation_types = __webpack_require__(4742);
// EXTERNAL MODULE: ./core/checks/schemas/rotation-due.ts
var rotation_due = __webpack_require__(6290);
;// CONCATENATED MODULE: ./core/checks/rotation-due.ts









const rotation_due_DAY = 86_400_000;
const WARN_WITHIN_DAYS = 14;
/**
 * Secrets past `rotate-every-days` fail; within 14 days of it they warn. A previous JWT key past
 * its `grace-days` warns: the next rotate-secret run retires it (a check only reads). Ages come from
 * the AWSCURRENT version's creation date (LastChangedDate moves on any change: an undone
 * rotation, a tag); the value is never read. External secrets are rotated by their issuer, so
 * they only remind (warn).
 * A value the service does not run fails too: an AWSCURRENT still labelled as not deployed (a
 * rotation lost before its redeploy), one made after the service's last deployment, or for
 * rds-managed a master secret RDS rotated after DATABASE_URL was built. The next rotate-secret
 * run (`due`) redeploys it.
 */
const rotationDue = (0,types/* defineCheck */.q)({
    ...rotation_due/* rotationDueSchema */.k,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const { env, aws, clock, logger } = ctx;
        const secrets = (env.secrets ?? []).filter((s) => s['rotate-every-days'] !== undefined);
        const withGrace = (env.secrets ?? []).filter((s) => s['grace-days'] !== undefined);
        if (secrets.length === 0 && withGrace.length === 0)
            return { status: 'skipped', line: 'no secret has rotate-every-days or grace-days' };
        const store = new secrets_manager/* SecretsStore */.Vb(aws.secretsManager, { clock, logger });
        // When the configuration that serves was deployed: a version made after it is not running.
        let deployedAt;
        try {
            if (secrets.length > 0)
                deployedAt = await (await (0,target_of/* checkTarget */.e)(ctx)).lastDeployedAt();
        }
        catch (error) {
            return { status: 'error', line: `the service's last deployment: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        let managed;
        if (secrets.some((s) => s.kind === 'rds-managed') && env.database)
            try {
                const arn = (await new database/* RdsMasterPassword */.p(aws.rds, env.database.instance, { clock, logger }).describe()).MasterUserSecret?.SecretArn;
                const version = arn ? await store.currentVersion(arn) : undefined;
                if (arn && version)
                    managed = { arn, createdAt: version.createdAt };
                else
                    return {
                        status: 'error',
                        line: `rds-managed: ${env.database.instance} has no managed master secret with an AWSCURRENT version`,
                    };
            }
            catch (error) {
                return { status: 'error', line: `rds-managed: ${(0,errors/* errorMessage */.gJ)(error)}` };
            }
        const observed = {};
        const lines = [];
        for (const secret of secrets) {
            const id = (0,rotation_types/* rotatedSecretId */.n)(secret);
            const every = secret['rotate-every-days'];
            try {
                const d = await store.describe(id);
                const current = await store.currentVersion(id);
                if (!current) {
                    lines.push({ status: 'error', text: `${secret.name} (${id}) has no AWSCURRENT version` });
                    continue;
                }
                const last = current.createdAt.getTime();
                const ageDays = Math.floor((clock.now() - last) / rotation_due_DAY);
                const left = every - ageDays;
                observed[secret.name] = {
                    secretId: id,
                    currentVersion: current.versionId,
                    currentCreated: new Date(last).toISOString(),
                    ageDays,
                    everyDays: every,
                    ...(deployedAt ? { serviceDeployed: deployedAt.toISOString() } : {}),
                    ...(managed ? { managedSecretRotated: managed.createdAt.toISOString() } : {}),
                };
                const external = secret.kind === 'external';
                const stale = staleness(secret.name, {
                    undeployed: d.stages[current.versionId]?.includes(token/* UNDEPLOYED */.Mx) ?? false,
                    versionId: current.versionId,
                    created: current.createdAt,
                    deployedAt,
                    managed: secret.kind === 'rds-managed' ? managed : undefined,
                });
                if (stale)
                    lines.push({
                        status: external ? 'warn' : 'fail',
                        text: `${stale}; the next rotate-secret run (due) redeploys it`,
                    });
                if (left <= 0)
                    lines.push({
                        status: external ? 'warn' : 'fail',
                        text: `${secret.name} is ${ageDays} days old, past its ${every}-day rotation${external ? ' (external: rotate it with its issuer)' : ' (run rotate.yml)'}`,
                    });
                else if (left <= WARN_WITHIN_DAYS)
                    lines.push({ status: 'warn', text: `${secret.name} is due in ${left} days` });
            }
            catch (error) {
                lines.push({ status: 'error', text: `${secret.name} (${id}): ${(0,errors/* errorMessage */.gJ)(error)}` });
            }
        }
        try {
            for (const age of await (0,grace/* previousKeyAges */.B3)(withGrace, store, clock)) {
                observed[`${age.secret.name} previous key`] = {
                    secretId: age.previousSecretId,
                    ageDays: Math.floor(age.ageDays),
                    graceDays: age.graceDays,
                    retired: age.retired,
                };
                if (age.expired)
                    lines.push({
                        status: 'warn',
                        text: `${(0,grace/* describeAge */.HK)(age)}: the next rotate-secret run retires it`,
                    });
            }
        }
        catch (error) {
            lines.push({ status: 'error', text: `previous keys: ${(0,errors/* errorMessage */.gJ)(error)}` });
        }
        const order = ['error', 'fail', 'warn'];
        const worst = order.find((s) => lines.some((l) => l.status === s));
        if (!worst)
            return {
                status: 'pass',
                line: `${secrets.length} secrets within their rotation periods${withGrace.length ? ', previous keys within their grace periods' : ''}`,
                observed,
            };
        return {
            status: worst,
            line: lines.map((l) => l.text).join('; '),
            observed,
        };
    },
});
/** Why the service may not run the value AWSCURRENT holds, or undefined. */
function staleness(name, v) {
    if (v.undeployed)
        return `${name}: AWSCURRENT (version ${v.versionId}) is labelled ${token/* UNDEPLOYED */.Mx}: a rotation stopped before its redeploy, and the service still runs the old value`;
    if (v.deployedAt && v.created.getTime() > v.deployedAt.getTime())
        return `${name}: AWSCURRENT (version ${v.versionId}, made ${v.created.toISOString()}) is newer than the service's last deployment (${v.deployedAt.toISOString()}): the service still runs the old value`;
    if (v.managed && v.managed.createdAt.getTime() > v.created.getTime())
        return `${name}: RDS rotated its managed master secret at ${v.managed.createdAt.toISOString()}, after DATABASE_URL was built (${v.created.toISOString()}): the service's DATABASE_URL has a password the database no longer takes`;
    if (v.managed && v.deployedAt && v.managed.createdAt.getTime() > v.deployedAt.getTime())
        return `${name}: RDS rotated its managed master secret at ${v.managed.createdAt.toISOString()}, after the service's last deployment (${v.deployedAt.toISOString()})`;
    return undefined;
}

// EXTERNAL MODULE: ./core/checks/schemas/secrets-present.ts
var secrets_present = __webpack_require__(1556);
;// CONCATENATED MODULE: ./core/checks/secrets-present.ts





/**
 * The go-live gate's "Secrets Manager holds JWT_SECRET (\u2265 32 chars), DATABASE_URL, \u2026". The
 * value is read only to measure its length; only the length is reported.
 */
const secretsPresent = (0,types/* defineCheck */.q)({
    ...secrets_present/* secretsPresentSchema */.O,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, { env, aws, clock, logger }) {
        const configured = env.secrets ?? [];
        const unknown = (check.names ?? []).filter((n) => !configured.some((s) => s.name === n));
        if (unknown.length > 0)
            return {
                status: 'error',
                line: `names ${unknown.join(', ')} are not under this environment's secrets:`,
            };
        const chosen = check.names
            ? configured.filter((s) => check.names.includes(s.name))
            : configured;
        if (chosen.length === 0)
            return { status: 'error', line: 'no secrets are configured for this environment' };
        const store = new secrets_manager/* SecretsStore */.Vb(aws.secretsManager, { clock, logger });
        const observed = {};
        const problems = [];
        for (const secret of chosen) {
            const id = (0,rotation_types/* rotatedSecretId */.n)(secret);
            try {
                await store.describe(id);
                const length = (await store.value(id)).value.length;
                const min = secret['min-length'] ?? 1;
                observed[secret.name] = { secretId: id, length, minLength: min };
                if (length < min)
                    problems.push(`${secret.name} has ${length} characters, fewer than ${min}`);
            }
            catch (error) {
                observed[secret.name] = { secretId: id, exists: false };
                problems.push(error instanceof secrets_manager/* SecretNotFound */.MO
                    ? `${secret.name} (${id}) does not exist`
                    : `${secret.name} (${id}): ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        return problems.length === 0
            ? {
                status: 'pass',
                line: `${chosen.length} secrets present and long enough`,
                observed,
            }
            : { status: 'fail', line: problems.join('; '), observed };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/service-env.ts
var service_env = __webpack_require__(7002);
;// CONCATENATED MODULE: ./core/checks/service-env.ts



/**
 * The runbook's "NODE_ENV=production, BANKID_MOCK NOT set" and "Secrets Manager holds \u2026":
 * plain variables are compared (their values are configuration, not secrets); secrets are
 * only checked to be referenced, never read.
 */
const serviceEnv = (0,types/* defineCheck */.q)({
    ...service_env/* serviceEnvSchema */.m,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        // What runs: App Runner's configuration, or ECS Express's active configuration.
        const state = await (await (0,target_of/* checkTarget */.e)(ctx)).describe();
        const vars = state.environment;
        const secrets = state.secrets;
        const secretsIn = ctx.env.target.kind === 'app-runner'
            ? 'RuntimeEnvironmentSecrets'
            : "the container's secrets";
        const problems = [];
        for (const [name, want] of Object.entries(check.equals)) {
            if (!(name in vars))
                problems.push(`${name} is not set (want "${want}")`);
            else if (vars[name] !== want)
                problems.push(`${name} is "${vars[name]}", want "${want}"`);
        }
        for (const name of check.absent)
            if (name in vars || name in secrets)
                problems.push(`${name} is set and must be absent (deploy with env-unset: ${name})`);
        const missingSecrets = check['secrets-referenced']
            ? (ctx.env.secrets ?? []).map((s) => s.name).filter((name) => !(name in secrets))
            : [];
        for (const name of missingSecrets)
            problems.push(`secret ${name} is not in ${secretsIn}`);
        const observed = {
            variables: Object.keys(vars).sort(),
            secretsReferenced: Object.keys(secrets).sort(),
            checked: { equals: Object.keys(check.equals), absent: check.absent },
        };
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `${state.name}: ${problems.join('; ')}`,
                observed,
            };
        return {
            status: 'pass',
            line: `${state.name}: ${Object.keys(check.equals).length} variable(s) as expected, ${check.absent.length} absent, ${Object.keys(secrets).length} secret(s) referenced`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/snapshot-fresh.ts
var snapshot_fresh = __webpack_require__(3210);
;// CONCATENATED MODULE: ./core/checks/snapshot-fresh.ts






const MAX_PAGES = 50;
/**
 * The runbook's daily "last night's automated snapshot exists and is < 24 h old" (design
 * pitfall 6): automated snapshots only, every page (Marker), and a snapshot still `creating`
 * has no SnapshotCreateTime, so it cannot be the fresh one yet.
 */
const snapshotFresh = (0,types/* defineCheck */.q)({
    ...snapshot_fresh/* snapshotFreshSchema */.U,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, { env, aws, clock, logger, signal }) {
        const instance = databaseInstance(env);
        if (typeof instance !== 'string')
            return instance;
        // The one pager (awsPages) reads up to MAX_PAGES; a Marker left after them is said here.
        let pages = 0;
        let marker;
        const snapshots = await (0,call/* awsPages */.A_)('DescribeDBSnapshots', async (token) => {
            const page = await aws.rds.send(new client_rds_dist_cjs/* DescribeDBSnapshotsCommand */.KKI({
                DBInstanceIdentifier: instance,
                SnapshotType: 'automated',
                MaxRecords: 100,
                ...(token ? { Marker: token } : {}),
            }), { abortSignal: signal });
            pages++;
            marker = page.Marker;
            return { items: page.DBSnapshots, next: page.Marker };
        }, { clock, logger, signal }, { maxPages: MAX_PAGES, more: 'stop', of: instance });
        if (marker)
            return {
                status: 'error',
                line: `${instance}: DescribeDBSnapshots still had more pages after ${MAX_PAGES} (${snapshots.length} automated snapshots read); the newest is not known`,
                observed: { instance, automatedSnapshots: snapshots.length, pages, complete: false },
            };
        const maxAgeMs = (0,duration/* parseDuration */.E9)(check['max-age']) ?? 86_400_000;
        const creating = snapshots.filter((s) => !s.SnapshotCreateTime).length;
        const dated = snapshots
            .filter((s) => !!s.SnapshotCreateTime)
            .sort((a, b) => b.SnapshotCreateTime.getTime() - a.SnapshotCreateTime.getTime());
        const newest = dated[0];
        const observed = { instance, automatedSnapshots: snapshots.length, creating, pages };
        if (!newest)
            return {
                status: 'fail',
                line: `${instance} has no finished automated snapshot${creating ? ` (${creating} still creating)` : ''}: check that automated backups are on (BackupRetentionPeriod > 0)`,
                observed,
            };
        const ageMs = clock.now() - newest.SnapshotCreateTime.getTime();
        const full = {
            ...observed,
            newest: newest.DBSnapshotIdentifier,
            newestAt: newest.SnapshotCreateTime.toISOString(),
            ageMs,
        };
        const evidence = { snapshot: newest.DBSnapshotIdentifier, createdAt: full.newestAt };
        if (ageMs <= maxAgeMs)
            return {
                status: 'pass',
                line: `newest automated snapshot of ${instance} is ${(0,duration/* formatDuration */.a3)(ageMs)} old (${newest.DBSnapshotIdentifier})`,
                observed: full,
                evidence,
            };
        return {
            status: 'fail',
            line: `newest automated snapshot of ${instance} is ${(0,duration/* formatDuration */.a3)(ageMs)} old, more than ${check['max-age']}: check the backup window and the RDS events of the instance`,
            observed: full,
            evidence,
        };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var client_secrets_manager_dist_cjs = __webpack_require__(2994);
// EXTERNAL MODULE: ./core/drill/record.ts
var record = __webpack_require__(1353);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./core/aws/rds.ts
var rds = __webpack_require__(7561);
// EXTERNAL MODULE: ./core/util/retry.ts
var retry = __webpack_require__(9891);
// EXTERNAL MODULE: ./core/util/wait.ts
var wait = __webpack_require__(4480);
;// CONCATENATED MODULE: ./core/drill/rds-drill.ts






/** The tag every drill instance carries; cleanup deletes only instances that have it. */
const DRILL_TAG = { Key: 'apprunner-ops:drill', Value: 'true' };
class DrillFailed extends errors/* DomainFailure */.dY {
    name = 'DrillFailed';
}
const notFound = rds/* isInstanceNotFound */.RK;
/** `<instance>-drill-<YYYYMMDD>`, shortened on the left to RDS's 63 characters. */
function drillInstanceId(source, at) {
    const day = at.toISOString().slice(0, 10).replace(/-/g, '');
    const suffix = `-drill-${day}`;
    return `${source.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`.toLowerCase();
}
/** Whether an instance is one of this source's drills: the name pattern AND the tag. */
function isDrillOf(source, instance) {
    const id = instance.DBInstanceIdentifier ?? '';
    const stem = drillInstanceId(source, new Date(0)).slice(0, -8);
    return (id.startsWith(stem) &&
        /^\d{8}$/.test(id.slice(stem.length)) &&
        (instance.TagList ?? []).some((t) => t.Key === DRILL_TAG.Key && t.Value === DRILL_TAG.Value));
}
/** The RDS side of a restore drill. Never sends a mutating call naming the source. */
class RdsDrill {
    client;
    source;
    deps;
    signal;
    constructor(client, source, deps, signal) {
        this.client = client;
        this.source = source;
        this.deps = deps;
        this.signal = signal;
    }
    /**
     * One wait on RDS: the timing's poll interval, the deps' clock and logger, and the signal
     * given (deleting passes its own, possibly none: cleaning up must run after an abort too).
     */
    wait(what, timeoutMs, timing, signal, probe) {
        return (0,wait/* waitFor */.fm)({
            what,
            timeoutMs,
            intervalMs: timing.pollIntervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(signal ? { signal } : {}),
            probe,
        });
    }
    describe(id) {
        return (0,rds.describeDbInstance)(this.client, id, this.deps);
    }
    /** Every instance of the account and region, following Marker (bounded). */
    all() {
        return (0,rds/* allDbInstances */.gI)(this.client, this.deps);
    }
    /** Drill instances of this source (tagged and named as drills), e.g. left by a killed run. */
    async leftovers() {
        return (await this.all()).filter((i) => isDrillOf(this.source, i));
    }
    /**
     * The newest available snapshot of the source: automated, or manual with the pre-deploy
     * prefix. Creating snapshots have no SnapshotCreateTime and are skipped.
     */
    async newestSnapshot(kind) {
        const found = await (0,rds/* dbSnapshotsOf */.rt)(this.client, this.source, kind === 'automated' ? 'automated' : 'manual', this.deps, { maxPages: 200, of: `${this.source} (the newest snapshot is not known)` });
        const usable = found
            .filter((s) => s.Status === 'available' && s.SnapshotCreateTime)
            .filter((s) => kind === 'automated' || (s.DBSnapshotIdentifier ?? '').startsWith(kind.prefix))
            .sort((a, b) => b.SnapshotCreateTime.getTime() - a.SnapshotCreateTime.getTime());
        const newest = usable[0];
        if (!newest)
            throw new DrillFailed(kind === 'automated'
                ? `${this.source} has no available automated snapshot to restore; check its backup retention (BackupRetentionPeriod > 0)`
                : `${this.source} has no available snapshot named ${kind.prefix}*; deploy once with snapshots on, or choose snapshot: newest-automated`);
        return newest;
    }
    /**
     * RestoreDBInstanceFromDBSnapshot with the source's network and parameter group, private,
     * tagged as a drill. Not idempotent: a retry that finds the instance already there adopts it
     * only when it is our drill (same tag and snapshot), else it fails.
     */
    async restore(input) {
        const { subnetGroup, securityGroups, parameterGroup } = (0,rds/* networkOf */.Af)(input.like);
        if (!subnetGroup || securityGroups.length === 0 || !parameterGroup)
            throw new DrillFailed(`${this.source} does not report its subnet group, security groups and parameter group; a restore without them lands in the default (possibly open) network, so the drill does not start`);
        let attempts = 0;
        await (0,retry/* retry */.L)(async () => {
            attempts++;
            try {
                await (0,rds/* sendInstanceRestore */.Qm)(this.client, {
                    id: input.id,
                    source: this.source,
                    from: 'time' in input.from ? input.from : { snapshot: input.from.snapshotId },
                    settings: {
                        DBSubnetGroupName: subnetGroup,
                        VpcSecurityGroupIds: securityGroups,
                        DBParameterGroupName: parameterGroup,
                        PubliclyAccessible: false,
                        DBInstanceClass: input.instanceClass,
                        DeletionProtection: false,
                        Tags: [{ ...DRILL_TAG }, { Key: 'apprunner-ops:source', Value: this.source }],
                    },
                    snapshotOnly: { MultiAZ: false, CopyTagsToSnapshot: false },
                });
            }
            catch (error) {
                if (attempts > 1 && (0,call/* awsErrorName */.ZH)(error) === 'DBInstanceAlreadyExistsFault') {
                    const there = await this.describe(input.id);
                    if (there && isDrillOf(this.source, there))
                        return;
                }
                throw error;
            }
        }, {
            label: 'time' in input.from
                ? 'RestoreDBInstanceToPointInTime'
                : 'RestoreDBInstanceFromDBSnapshot',
            ...call/* AWS_RETRY */.pN,
            // Only answers that mean "not done": throttling. A 5xx may have created it: the
            // retry then meets DBInstanceAlreadyExists and adopts our own drill.
            isRetryable: (e) => ['Throttling', 'ThrottlingException', 'InternalFailure', 'ServiceUnavailable'].includes((0,call/* awsErrorName */.ZH)(e) ?? ''),
            clock: this.deps.clock,
            logger: this.deps.logger,
        });
    }
    /**
     * Gives the drill instance a master password of its own (ModifyDBInstance, applied at once)
     * and waits until RDS applied it. A restore has the snapshot's passwords, which a rotation
     * since has made stale; the drill logs in with this one. Refuses any instance that is not a
     * tagged drill of this source: the source's password is never touched.
     */
    async setMasterPassword(id, password, timing) {
        const instance = await this.describe(id);
        if (!instance || !isDrillOf(this.source, instance))
            throw new DrillFailed(`refusing to set the master password of ${id}: it is not a drill instance of ${this.source}`);
        await (0,call/* awsCall */.uF)('ModifyDBInstance', () => this.client.send(new client_rds_dist_cjs/* ModifyDBInstanceCommand */.R1U({
            DBInstanceIdentifier: id,
            MasterUserPassword: password,
            ApplyImmediately: true,
        })), 
        // Setting the same password twice is harmless: retried like a read.
        this.deps);
        return this.wait(`drill instance ${id} to apply its new master password`, timing.restoreTimeoutMs, timing, this.signal, async () => {
            const now = await this.describe(id);
            const status = now?.DBInstanceStatus ?? 'not listed';
            if (now && status === 'available' && !now.PendingModifiedValues?.MasterUserPassword)
                return { done: true, value: now };
            if (rds/* BROKEN_INSTANCE_STATES */.nv.has(status))
                throw new DrillFailed(`drill instance ${id} ended in state "${status}"`);
            return { done: false, status };
        });
    }
    /** Waits for `available`; a state it cannot leave is a failure at once. */
    async waitAvailable(id, timing) {
        return this.wait(`drill instance ${id} to be available`, timing.restoreTimeoutMs, timing, this.signal, async () => {
            const instance = await this.describe(id);
            const status = instance?.DBInstanceStatus ?? 'not listed yet';
            if (instance && status === 'available')
                return { done: true, value: instance };
            if (rds/* BROKEN_INSTANCE_STATES */.nv.has(status))
                throw new DrillFailed(`drill instance ${id} ended in state "${status}"; the restore failed`);
            return { done: false, status };
        });
    }
    /**
     * Deletes a drill instance (SkipFinalSnapshot) and waits until it is gone. Refuses anything
     * that is not a tagged drill of this source. An instance RDS will not delete yet (e.g. still
     * in a state that refuses it) is waited for and asked again, within the same deadline.
     */
    async deleteDrill(id, timing, signal) {
        const started = this.deps.clock.now();
        const instance = await this.describe(id);
        if (!instance)
            return;
        if (!isDrillOf(this.source, instance))
            throw new Error(`refusing to delete ${id}: it is not a drill instance of ${this.source} (name and tag ${DRILL_TAG.Key}=true)`);
        await this.wait(`drill instance ${id} to accept DeleteDBInstance`, timing.deleteTimeoutMs, timing, signal, async () => {
            try {
                await (0,call/* awsCall */.uF)('DeleteDBInstance', () => this.client.send(new client_rds_dist_cjs/* DeleteDBInstanceCommand */.Yvh({
                    DBInstanceIdentifier: id,
                    SkipFinalSnapshot: true,
                    DeleteAutomatedBackups: true,
                })), this.deps);
                return { done: true, value: undefined };
            }
            catch (error) {
                if (notFound(error))
                    return { done: true, value: undefined };
                const name = (0,call/* awsErrorName */.ZH)(error);
                if (name === 'InvalidDBInstanceStateFault') {
                    const now = await this.describe(id);
                    if (!now || now.DBInstanceStatus === 'deleting')
                        return { done: true, value: undefined };
                    return { done: false, status: `${now.DBInstanceStatus} (${name})` };
                }
                throw error;
            }
        });
        const left = Math.max(1, timing.deleteTimeoutMs - (this.deps.clock.now() - started));
        await this.wait(`drill instance ${id} to be deleted`, left, timing, signal, async () => {
            const now = await this.describe(id);
            return now
                ? { done: false, status: now.DBInstanceStatus ?? 'unknown' }
                : { done: true, value: undefined };
        });
    }
}
/**
 * For a post step (or the next run): finds this source's drill instances by tag and deletes
 * them, waiting until they are gone. Returns their ids. Never touches anything else.
 */
async function cleanupDrill(client, source, timing, deps) {
    const drill = new RdsDrill(client, source, deps);
    const found = await drill.leftovers();
    for (const instance of found) {
        const id = instance.DBInstanceIdentifier;
        deps.logger.warning(`Deleting drill instance ${id} (status ${instance.DBInstanceStatus ?? 'unknown'}), left by an earlier or cancelled drill`);
        await drill.deleteDrill(id, timing);
    }
    return found.map((i) => i.DBInstanceIdentifier);
}

;// CONCATENATED MODULE: ./core/drill/verify.ts



/**
 * Credentials from a DATABASE_URL-style URL: its user, password, database and sslmode; the
 * host and port are the restored instance's, not the URL's.
 */
function credentialsFromUrl(databaseUrl) {
    const url = new URL(databaseUrl);
    const sslmode = url.searchParams.get('sslmode');
    return {
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
        ssl: sslmode === null || sslmode === 'disable' || sslmode === 'allow' || sslmode === 'prefer'
            ? false
            : { rejectUnauthorized: sslmode === 'verify-full' || sslmode === 'verify-ca' },
    };
}
/**
 * A client of the database at `host`:`port` with `c`, every wait (connecting, a statement, a
 * query) bounded by `timeoutMs`.
 */
function clientAt(host, port, c, timeoutMs) {
    return (0,pg_client/* pgClient */.Te)({
        host,
        port,
        user: c.user,
        password: c.password,
        database: c.database,
        ssl: c.ssl,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        query_timeout: timeoutMs,
    });
}
function expectation(q) {
    const e = q.expect;
    if (e['greater-than'] !== undefined)
        return `> ${e['greater-than']}`;
    if (e['at-least'] !== undefined)
        return `>= ${e['at-least']}`;
    if (e.equals !== undefined)
        return `= ${String(e.equals)}`;
    return `not older than the snapshot by more than ${e['not-older-than-snapshot-by']}`;
}
function verify_judge(q, raw, snapshotTime) {
    const e = q.expect;
    if (e['not-older-than-snapshot-by'] !== undefined) {
        if (raw === null || raw === undefined)
            return { value: null, ok: false, problem: 'no value (empty table?)' };
        const at = raw instanceof Date ? raw : new Date(String(raw));
        if (Number.isNaN(at.getTime()))
            return { value: String(raw), ok: false, problem: 'not a timestamp' };
        const limit = (0,duration/* parseDuration */.E9)(e['not-older-than-snapshot-by']) ?? 0;
        const lag = snapshotTime.getTime() - at.getTime();
        return {
            value: at.toISOString(),
            ok: lag <= limit,
            ...(lag > limit ? { problem: `${(0,duration/* formatDuration */.a3)(lag)} older than the snapshot` } : {}),
        };
    }
    if (e.equals !== undefined) {
        const value = typeof raw === 'number' || typeof raw === 'boolean'
            ? raw
            : raw === null || raw === undefined
                ? null
                : String(raw);
        return { value, ok: String(value) === String(e.equals) };
    }
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (raw === null || raw === undefined || Number.isNaN(n))
        return {
            value: raw === undefined ? null : raw,
            ok: false,
            problem: 'not a number',
        };
    const ok = e['greater-than'] !== undefined ? n > e['greater-than'] : n >= (e['at-least'] ?? 0);
    return { value: n, ok };
}
/**
 * Logs in to the restored instance and runs the verification queries, read-only, each with
 * a statement timeout. A login failure is a failed drill (a restore you cannot log in to
 * does not restore service).
 */
async function verifyRestore(input) {
    const { credentials: c } = input;
    const client = await clientAt(input.host, input.port, c, input.timeoutMs);
    try {
        await client.connect();
    }
    catch (error) {
        // The message may name the user, never the password (pg does not echo it).
        return {
            connected: false,
            results: [],
            problem: `cannot log in to the restored instance as ${c.user}: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    const results = [];
    try {
        await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
        for (const q of input.queries) {
            try {
                const res = await client.query({ text: q.sql, rowMode: 'array' });
                const raw = res.rows[0]?.[0];
                const verdict = verify_judge(q, typeof raw === 'bigint' ? Number(raw) : raw, input.snapshotTime);
                results.push({ name: q.name, sql: q.sql, expected: expectation(q), ...verdict });
            }
            catch (error) {
                results.push({
                    name: q.name,
                    sql: q.sql,
                    expected: expectation(q),
                    value: null,
                    ok: false,
                    problem: (0,errors/* errorMessage */.gJ)(error),
                });
            }
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
    return { connected: true, results };
}

;// CONCATENATED MODULE: ./core/drill/restore-drill.ts




/**
 * The monthly restore drill (runbooks \u00a74): delete leftovers of earlier drills, restore the
 * chosen snapshot into `<source>-drill-<YYYYMMDD>` with the source's network and parameter
 * group, wait until available, verify with real SQL, and delete it again whatever happened.
 * The source instance is only ever described.
 */
async function runRestoreDrill(client, plan, deps, signal) {
    const { clock, logger } = deps;
    const drill = new RdsDrill(client, plan.source, deps, signal);
    const report = { ok: false, leftoversDeleted: [], results: [] };
    for (const leftover of await drill.leftovers()) {
        const id = leftover.DBInstanceIdentifier;
        logger.warning(`Deleting ${id}, a drill instance left by an earlier run, before starting`);
        await drill.deleteDrill(id, plan.timing);
        report.leftoversDeleted.push(id);
    }
    const like = await drill.describe(plan.source);
    if (!like)
        return {
            ...report,
            problem: `RDS instance ${plan.source} does not exist; check database.instance in the configuration`,
        };
    let restoreCalled = false;
    try {
        let from;
        if (typeof plan.snapshot === 'object' && 'pitrAgeMs' in plan.snapshot) {
            const time = new Date(clock.now() - plan.snapshot.pitrAgeMs);
            const latest = like.LatestRestorableTime;
            const retentionDays = like.BackupRetentionPeriod ?? 0;
            const earliest = Math.max(like.InstanceCreateTime?.getTime() ?? 0, clock.now() - retentionDays * 86_400_000);
            if (retentionDays === 0 || !latest)
                throw new DrillFailed(`${plan.source} keeps no automated backups (BackupRetentionPeriod 0): it has no point in time to restore`);
            if (time.getTime() > latest.getTime() || time.getTime() < earliest)
                throw new DrillFailed(`${time.toISOString()} (pitr-age ago) is outside the restore window of ${plan.source}, ${new Date(earliest).toISOString()} to ${latest.toISOString()}; choose another pitr-age`);
            from = { time };
            report.snapshot = { id: `pitr:${time.toISOString()}`, time };
        }
        else {
            const snapshot = await drill.newestSnapshot(plan.snapshot);
            from = { snapshotId: snapshot.DBSnapshotIdentifier };
            report.snapshot = { id: snapshot.DBSnapshotIdentifier, time: snapshot.SnapshotCreateTime };
        }
        const id = drillInstanceId(plan.source, new Date(clock.now()));
        report.drillInstance = id;
        logger.info(`Restoring ${report.snapshot.id} (${report.snapshot.time.toISOString()}) into ${id} (${plan.instanceClass})`);
        // Today's name may be held by an instance the drill did not make: it is never touched.
        const taken = await drill.describe(id);
        if (taken && !isDrillOf(plan.source, taken))
            throw new DrillFailed(`the drill instance name ${id} is taken by an instance that is not a drill (no ${DRILL_TAG.Key}=true tag); nothing was restored and ${id} was left alone: rename that instance if it is in the way, or run the drill again tomorrow`);
        const started = clock.now();
        restoreCalled = true;
        await drill.restore({ id, from, instanceClass: plan.instanceClass, like });
        await drill.waitAvailable(id, plan.timing);
        report.restoreMs = clock.now() - started;
        // The restore has the snapshot's passwords (stale after a rotation): a fresh one of its own,
        // kept in memory only, for the verification.
        const password = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
        const instance = await drill.setMasterPassword(id, password, plan.timing);
        const address = instance.Endpoint?.Address;
        const port = instance.Endpoint?.Port;
        if (!address || !port)
            throw new DrillFailed(`${id} is available but reports no endpoint`);
        const verified = await verifyRestore({
            host: address,
            port,
            credentials: {
                ...plan.credentials,
                user: instance.MasterUsername ?? plan.credentials.user,
                password,
                database: plan.credentials.database || instance.DBName || 'postgres',
            },
            queries: plan.queries,
            snapshotTime: report.snapshot.time,
            timeoutMs: 30_000,
        });
        report.results = verified.results;
        const failed = verified.results.filter((r) => !r.ok);
        if (verified.problem)
            report.problem = verified.problem;
        else if (failed.length > 0)
            report.problem = failed
                .map((r) => `${r.name} = ${String(r.value)}, expected ${r.expected}${r.problem ? ` (${r.problem})` : ''}`)
                .join('; ');
        report.ok = !report.problem;
    }
    catch (error) {
        report.problem = (0,errors/* errorMessage */.gJ)(error);
    }
    finally {
        if (restoreCalled && report.drillInstance) {
            const started = clock.now();
            try {
                // Its own deadline, not the check's signal: cleaning up must happen after an abort too.
                await drill.deleteDrill(report.drillInstance, plan.timing);
                report.deleteMs = clock.now() - started;
            }
            catch (error) {
                report.ok = false;
                // Only an instance the drill made (tagged as a drill) is ever suggested for deletion.
                const there = await drill.describe(report.drillInstance).catch(() => undefined);
                report.leftBehind =
                    there && !isDrillOf(plan.source, there)
                        ? `${report.drillInstance} is not a drill instance (no ${DRILL_TAG.Key}=true tag) and was left alone`
                        : `${report.drillInstance} could not be deleted (${(0,errors/* errorMessage */.gJ)(error)}); it is a drill instance (tag ${DRILL_TAG.Key}=true), so the next drill deletes it, or delete it by hand: aws rds delete-db-instance --db-instance-identifier ${report.drillInstance} --skip-final-snapshot`;
            }
        }
    }
    return report;
}

// EXTERNAL MODULE: ./core/drill/schema.ts
var schema = __webpack_require__(4195);
// EXTERNAL MODULE: ./core/checks/schemas/snapshot-restore.ts
var snapshot_restore = __webpack_require__(1196);
;// CONCATENATED MODULE: ./core/checks/snapshot-restore.ts










/** Master credentials from Secrets Manager (the RDS-managed secret's JSON). */
async function secretCredentials(secretId, ssl, ctx, deps) {
    // createAwsClients gains a Secrets Manager client on main; until then make one here.
    const client = ctx.aws.secretsManager ??
        new client_secrets_manager_dist_cjs/* SecretsManagerClient */._H({ region: ctx.env.region, maxAttempts: 1 });
    const out = await (0,call/* awsCall */.uF)('GetSecretValue', () => client.send(new client_secrets_manager_dist_cjs/* GetSecretValueCommand */.d2({ SecretId: secretId })), deps);
    let parsed;
    try {
        parsed = JSON.parse(out.SecretString ?? '');
    }
    catch {
        throw new Error(`secret ${secretId} is not JSON with username and password (as RDS-managed master secrets are)`);
    }
    if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string')
        throw new Error(`secret ${secretId} has no username and password keys`);
    return {
        user: parsed.username,
        password: parsed.password,
        database: typeof parsed.dbname === 'string' ? parsed.dbname : '',
        ssl: ssl ? { rejectUnauthorized: false } : false,
    };
}
function summary(report) {
    const values = report.results.map((r) => `${r.name} = ${String(r.value)}`).join(', ');
    return [
        report.snapshot && `restored ${report.snapshot.id}`,
        report.drillInstance && `into ${report.drillInstance}`,
        report.restoreMs !== undefined && `in ${(0,duration/* formatDuration */.a3)(report.restoreMs)} (measured RTO)`,
        values && `verified ${values}`,
    ]
        .filter(Boolean)
        .join(' ');
}
/**
 * The monthly restore drill as a check: restore, verify with real SQL, delete, record.
 * It creates and deletes an instance, so it is `mutating` (the go-live gate refuses it and
 * reads its record through restore-verified instead).
 */
const snapshotRestore = (0,types/* defineCheck */.q)({
    ...snapshot_restore/* snapshotRestoreSchema */.i,
    // Restore (deadline 60m) plus delete (30m) plus the rest; the job's timeout is derived from it.
    defaultTimeoutMs: schema/* DRILL_DEFAULTS */.vV.checkTimeoutMinutes * 60_000,
    group: 'Infrastructure',
    mutating: () => true,
    async run(check, ctx) {
        const deps = { clock: ctx.clock, logger: ctx.logger };
        const db = ctx.env.database;
        if (!db)
            return {
                status: 'error',
                line: `snapshot-restore needs environments.${ctx.environment}.database.instance in the configuration`,
            };
        const source = db.instance;
        // Every input is checked before the first change.
        let credentials;
        try {
            if (check['master-secret'])
                credentials = await secretCredentials(check['master-secret'], check.ssl, ctx, deps);
            else if (ctx.secrets.databaseUrl)
                credentials = credentialsFromUrl(ctx.secrets.databaseUrl);
            else
                return {
                    status: 'error',
                    line: 'snapshot-restore needs credentials to verify the restore: set master-secret on the check, or give the job a database-url (its host is replaced by the drill instance\u2019s)',
                };
        }
        catch (error) {
            return { status: 'error', line: `snapshot-restore: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        const ms = (text, fallback) => (0,duration/* parseDuration */.E9)(text) ?? fallback;
        const report = await runRestoreDrill(ctx.aws.rds, {
            source,
            snapshot: check.from === 'pitr'
                ? { pitrAgeMs: ms(check['pitr-age'], 3_600_000) }
                : check.snapshot === 'newest-automated'
                    ? 'automated'
                    : { prefix: db['snapshot-prefix'] ?? `${source}-pre-deploy` },
            instanceClass: check['instance-class'],
            queries: check.queries,
            credentials,
            timing: {
                restoreTimeoutMs: ms(check.deadline, 3_600_000),
                deleteTimeoutMs: ms(check['delete-deadline'], 1_800_000),
                pollIntervalMs: ms(check['poll-interval'], 30_000),
            },
        }, deps, ctx.signal);
        const values = Object.fromEntries(report.results.map((r) => [r.name, r.value]));
        const observed = {
            instance: source,
            snapshot: report.snapshot?.id,
            snapshotTime: report.snapshot?.time.toISOString(),
            drillInstance: report.drillInstance,
            restoreMs: report.restoreMs,
            deleteMs: report.deleteMs,
            values,
            leftoversDeleted: report.leftoversDeleted,
        };
        let recorded = 'not recorded (no audit-database-url)';
        const audit = ctx.secrets.auditDatabaseUrl;
        if (audit && report.drillInstance) {
            try {
                const previous = await (0,record/* readRestoreDrills */.lr)(audit, source, 5);
                observed['previousRestoreMs'] = previous.map((p) => ({
                    at: p.at.toISOString(),
                    restoreMs: p.restoreMs,
                    result: p.result,
                }));
                await (0,record/* recordRestoreDrill */.PE)(audit, {
                    instance: source,
                    environment: ctx.environment,
                    result: report.ok ? 'pass' : 'fail',
                    snapshot: report.snapshot?.id ?? '',
                    snapshotTime: report.snapshot?.time.toISOString() ?? '',
                    drillInstance: report.drillInstance,
                    restoreMs: report.restoreMs,
                    deleteMs: report.deleteMs,
                    values,
                    finishedAt: new Date(ctx.clock.now()).toISOString(),
                    problem: report.problem ?? report.leftBehind,
                }, { actor: ctx.run?.actor ?? 'apprunner-ops', runUrl: ctx.run?.runUrl ?? '' });
                const earlier = previous.flatMap((p) => p.restoreMs !== undefined ? [(0,duration/* formatDuration */.a3)(p.restoreMs)] : []);
                recorded = `recorded in audit_log (restore_drill)${earlier.length > 0 ? `; earlier restores took ${earlier.join(', ')}` : ''}`;
            }
            catch (error) {
                recorded = `not recorded: ${(0,errors/* errorMessage */.gJ)(error)}`;
            }
        }
        const evidence = { results: report.results, recorded };
        const leftovers = report.leftoversDeleted.length > 0
            ? `; first deleted leftover drill instance(s) ${report.leftoversDeleted.join(', ')}`
            : '';
        const deleted = report.deleteMs !== undefined
            ? `; drill instance deleted in ${(0,duration/* formatDuration */.a3)(report.deleteMs)}`
            : '';
        if (report.leftBehind)
            return {
                status: 'fail',
                line: `${source}: ${report.problem ? `drill failed (${report.problem}); ` : ''}${report.leftBehind}${leftovers}`,
                observed,
                evidence,
            };
        if (!report.ok)
            return {
                status: 'fail',
                line: `${source}: restore drill failed: ${report.problem ?? 'unknown'}${deleted}${leftovers}; nothing is left running`,
                observed,
                evidence,
            };
        return {
            status: recorded.startsWith('recorded') ? 'pass' : 'warn',
            line: `${source}: ${summary(report)}${deleted}${leftovers}; ${recorded}`,
            observed,
            evidence,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/sql.ts + 1 modules
var sql = __webpack_require__(2684);
;// CONCATENATED MODULE: ./core/checks/sql.ts





const sql_LISTED = 20;
/**
 * Cancels what a backend runs (pg_cancel_backend over a second connection, allowed for one's
 * own role): closing the first connection's socket leaves its query running on the server.
 * Bounded by its own connect and query timeouts; a failure is logged, not thrown.
 */
async function cancelBackend(config, pid, logger) {
    const canceller = await (0,pg_client/* pgClient */.Te)({
        ...config,
        connectionTimeoutMillis: 5_000,
        query_timeout: 5_000,
    });
    try {
        await canceller.connect();
        await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    }
    catch (error) {
        logger.warning(`sql check: cancelling backend ${pid} failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    finally {
        await canceller.end().catch(() => { });
    }
}
/** The connection's own settings, which a single statement cannot undo for itself. */
function sessionOptions(timeoutMs) {
    const ms = Math.floor(timeoutMs);
    return `-c default_transaction_read_only=on -c statement_timeout=${ms} -c idle_in_transaction_session_timeout=${ms}`;
}
/** What PostgreSQL's error means for the person reading the report (never the URL). */
function explain(error) {
    const code = error.code;
    const message = (0,errors/* errorMessage */.gJ)(error);
    if (code === '25006')
        return `PostgreSQL refused the query in the READ ONLY transaction (${message}): sql checks may only read`;
    if (code === '57014')
        return `the query ran past its statement timeout (${message})`;
    if (code === '28P01' || code === '28000')
        return `the database refused the login (${message})`;
    return `the query failed: ${message}`;
}
/**
 * A read-only query (the runbook's open AML alerts, stuck KYC applicants, pending STR filings):
 * more rows than max-rows is a fail, and the report lists the first rows' ids. The session is
 * read only with a statement timeout from its start (connection options), the query goes by
 * the extended protocol (one statement, so it cannot end its transaction and write after), and
 * at the deadline its backend is cancelled: it can change nothing and outlive nothing.
 */
const sql_sql = (0,types/* defineCheck */.q)({
    ...sql/* sqlSchema */._,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, { secrets, clock, deadline, signal, logger }) {
        if (!secrets.databaseUrl)
            return {
                status: 'error',
                line: 'database-url is empty: sql checks need a read-only database URL (set the database-url input from a secret)',
            };
        const timeoutMs = Math.max(1_000, remainingMs(deadline, clock.now(), 1_000));
        const config = {
            connectionString: secrets.databaseUrl,
            connectionTimeoutMillis: timeoutMs,
            application_name: 'apprunner-ops sql check',
            // Read only and the timeout are the session's, set before the query: a statement can
            // end a transaction it is in, but not change what the next one starts with for itself.
            options: sessionOptions(timeoutMs),
        };
        const client = await (0,pg_client/* pgClient */.Te)(config);
        let pid;
        let cancelled;
        // At the deadline the backend itself is cancelled (a closed socket leaves it running).
        const onAbort = () => {
            cancelled ??= (pid === undefined ? Promise.resolve() : cancelBackend(config, pid, logger)).finally(() => client.end().catch(() => { }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        const evidence = { query: check.query };
        try {
            await client.connect();
            const mode = await client.query("SELECT current_setting('default_transaction_read_only') AS on, pg_backend_pid() AS pid");
            pid = mode.rows[0]?.pid;
            if (mode.rows[0]?.on !== 'on')
                return {
                    status: 'error',
                    line: `${check.name}: the session is not read only (default_transaction_read_only is ${mode.rows[0]?.on ?? 'unknown'}); remove "options" from the database-url`,
                    evidence,
                };
            // The extended protocol: PostgreSQL refuses more than one statement in it.
            // (`queryMode` is pg's since 8.12; its type declarations do not list it yet.)
            const extended = { text: check.query, queryMode: 'extended' };
            const result = await client.query(extended);
            const rows = result.rows;
            const ids = rows.slice(0, sql_LISTED).map((r) => String(r[check['id-column']] ?? '?'));
            const observed = { rows: rows.length, ids, maxRows: check['max-rows'] };
            if (rows.length <= check['max-rows'])
                return {
                    status: 'pass',
                    line: `${check.name}: ${rows.length} rows (limit ${check['max-rows']})`,
                    observed,
                    evidence,
                };
            return {
                status: 'fail',
                line: `${check.name}: ${rows.length} rows, more than ${check['max-rows']}; ${check['id-column']}s ${ids.join(', ')}${rows.length > sql_LISTED ? ', \u2026' : ''}`,
                observed,
                evidence,
            };
        }
        catch (error) {
            return { status: 'error', line: `${check.name}: ${explain(error)}`, evidence };
        }
        finally {
            signal.removeEventListener('abort', onAbort);
            await cancelled;
            await client.end().catch(() => { });
        }
    },
});

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: ./core/checks/schemas/tls.ts
var tls = __webpack_require__(5482);
;// CONCATENATED MODULE: ./core/checks/tls.ts




/** `host` or `host:port` (a test server, a staging port); 443 by default. */
function parseTarget(target) {
    const match = /^(.+?)(?::(\d+))?$/.exec(target);
    return { host: match?.[1] ?? target, port: Number(match?.[2] ?? 443) };
}
function inspect(target, connectTo, minDays, now, timeoutMs, signal) {
    const { host, port: targetPort } = parseTarget(target);
    const address = connectTo ? parseTarget(connectTo) : { host, port: targetPort };
    return new Promise((resolve, reject) => {
        // Not rejecting untrusted certificates here so the report can say everything that is
        // wrong at once (expired, wrong host, untrusted), not only the first.
        const socket = external_node_tls_default().connect({
            host: address.host,
            port: address.port,
            ...(external_node_net_default().isIP(host) ? {} : { servername: host }),
            rejectUnauthorized: false,
            timeout: timeoutMs,
        });
        const abort = () => void socket.destroy(new Error(`TLS check of ${target} cut off by its deadline`));
        signal.addEventListener('abort', abort, { once: true });
        socket.once('timeout', () => socket.destroy(new Error(`no TLS handshake from ${target} within ${timeoutMs} ms`)));
        socket.once('error', (error) => {
            signal.removeEventListener('abort', abort);
            reject(error);
        });
        socket.once('secureConnect', () => {
            signal.removeEventListener('abort', abort);
            const cert = socket.getPeerCertificate();
            socket.end();
            const validTo = new Date(cert.valid_to);
            const daysLeft = Math.floor((validTo.getTime() - now) / 86_400_000);
            const problems = [];
            if (daysLeft < minDays)
                problems.push(daysLeft < 0
                    ? `certificate expired on ${validTo.toISOString().slice(0, 10)}`
                    : `certificate expires in ${daysLeft} day(s) (${validTo.toISOString().slice(0, 10)}), want at least ${minDays}; renew it`);
            const mismatch = external_node_tls_default().checkServerIdentity(host, cert);
            if (mismatch)
                problems.push(`certificate does not cover ${host} (it names ${cert.subjectaltname ?? cert.subject?.CN ?? 'nothing'})`);
            if (!socket.authorized)
                problems.push(`certificate is not trusted (${String(socket.authorizationError ?? 'unknown reason')})`);
            resolve({
                host: target,
                validTo: validTo.toISOString(),
                daysLeft,
                subject: String(cert.subject?.CN ?? ''),
                altNames: cert.subjectaltname ?? '',
                trusted: socket.authorized,
                problems,
            });
        });
    });
}
/** The runbook's "certificate valid for apex and www, expiry > 90 days from go-live". */
const tlsCheck = (0,types/* defineCheck */.q)({
    ...tls/* tlsCheckSchema */.F,
    defaultTimeoutMs: 20_000,
    group: 'Domain & TLS',
    async run(check, ctx) {
        const timeoutMs = Math.max(1_000, ctx.deadline - ctx.clock.now());
        const seen = await Promise.all(check.hosts.map((host) => inspect(host, check.resolve[host], check['min-days'], ctx.clock.now(), timeoutMs, ctx.signal).catch((error) => ({
            host,
            validTo: '',
            daysLeft: -1,
            subject: '',
            altNames: '',
            trusted: false,
            problems: [`no TLS connection: ${error.message}`],
        }))));
        const observed = {
            certificates: seen.map(({ problems: _p, ...rest }) => rest),
            minDays: check['min-days'],
        };
        const problems = seen.flatMap((s) => s.problems.map((p) => `${s.host}: ${p}`));
        if (problems.length > 0)
            return { status: 'fail', line: problems.join('; '), observed };
        const soonest = Math.min(...seen.map((s) => s.daysLeft));
        return {
            status: 'pass',
            line: `${check.hosts.join(', ')}: trusted, covered, ${soonest} day(s) left at least`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/report-check.ts
var report_check = __webpack_require__(5109);
// EXTERNAL MODULE: ./core/notify/betterstack-incidents.ts
var betterstack_incidents = __webpack_require__(6384);
// EXTERNAL MODULE: ./core/checks/schemas/incidents-resolved.ts
var incidents_resolved = __webpack_require__(1961);
;// CONCATENATED MODULE: ./core/checks/incidents-resolved.ts






/**
 * The runbook's daily "no unresolved critical alerts in 24 h", in BetterStack's terms: an
 * incident (what a failing monitor or a person opens, and what pages people) that is still
 * not resolved after `max-age`. Acknowledged is not resolved: someone looked, nobody closed it.
 * Every page of unresolved incidents is read; a list cut short is an error.
 */
const incidentsResolved = (0,types/* defineCheck */.q)({
    ...incidents_resolved/* incidentsResolvedSchema */.B,
    defaultTimeoutMs: 60_000,
    group: 'Monitoring',
    async run(check, { secrets, clock, logger }) {
        const token = secrets.betterstackToken;
        if (!token)
            return {
                status: 'error',
                line: 'no betterstack-token given: incidents cannot be read (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
            };
        const maxAgeMs = (0,duration/* parseDuration */.E9)(check['max-age']);
        const api = new betterstack_incidents/* BetterStackIncidents */.u((0,betterstack/* betterStackApiUrl */.a)(), token, { clock, logger });
        let open;
        try {
            open = await api.list({ resolved: false });
        }
        catch (error) {
            return { status: 'error', line: `unresolved incidents: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        const ids = check['monitor-ids'];
        const mine = ids ? open.filter((i) => i.monitorId && ids.includes(i.monitorId)) : open;
        const now = clock.now();
        const old = mine.filter((i) => now - Date.parse(i.startedAt) > maxAgeMs);
        const observed = {
            unresolved: mine.length,
            olderThanMaxAge: old.map((i) => ({
                id: i.id,
                name: i.name,
                startedAt: i.startedAt,
                status: i.status,
            })),
        };
        if (old.length)
            return {
                status: 'fail',
                line: `${old.length} BetterStack incident(s) unresolved for more than ${check['max-age']}: ${old
                    .map((i) => `${i.name} (${i.id}, ${i.status.toLowerCase()} for ${(0,duration/* formatDuration */.a3)(now - Date.parse(i.startedAt))})`)
                    .join(', ')}; resolve them in BetterStack or fix what they report`,
                observed,
            };
        return {
            status: 'pass',
            line: mine.length
                ? `${mine.length} incident(s) open, none for more than ${check['max-age']}`
                : 'no unresolved BetterStack incident',
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/schemas/escalation-test.ts
var escalation_test = __webpack_require__(1231);
;// CONCATENATED MODULE: ./core/checks/escalation-test.ts






/** The name every test incident of an environment carries: the post step finds them by it. */
const escalationTestName = (environment) => `apprunner-ops escalation test (${environment})`;
/** A timeline item that says BetterStack escalated (notified someone by the policy). */
const ESCALATED = /escalat/i;
/**
 * The runbook's monthly "test BetterStack escalation": a test incident for the policy, then
 * its timeline until BetterStack reports an escalation, then resolve it. It is resolved in a
 * `finally` whatever happened (deadline, abort, error), and the ops-check post step resolves
 * any left by a cancelled run (`resolveEscalationTests`), so no test incident keeps paging.
 */
const escalationTest = (0,types/* defineCheck */.q)({
    ...escalation_test/* escalationTestSchema */.l,
    defaultTimeoutMs: 15 * 60_000,
    group: 'Monitoring',
    mutating: () => true,
    async run(check, { environment, secrets, clock, logger, signal }) {
        const token = secrets.betterstackToken;
        if (!token)
            return {
                status: 'error',
                line: 'no betterstack-token given: the escalation test cannot create its incident (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
            };
        const deadlineMs = (0,duration/* parseDuration */.E9)(check.deadline);
        const pollMs = (0,duration/* parseDuration */.E9)(check['poll-interval']);
        const api = new betterstack_incidents/* BetterStackIncidents */.u((0,betterstack/* betterStackApiUrl */.a)(), token, { clock, logger });
        const created = await api.create({
            name: escalationTestName(environment),
            summary: `Escalation test of policy ${check['policy-id']} by apprunner-ops: nothing is broken`,
            description: 'A monthly test that escalation reaches someone; apprunner-ops resolves it.',
            requesterEmail: check['requester-email'],
            policyId: check['policy-id'],
        });
        const started = clock.now();
        try {
            logger.info(`Created test incident ${created.id}; waiting up to ${check.deadline} for BetterStack to escalate it by policy ${check['policy-id']}`);
            for (;;) {
                const timeline = await api.timeline(created.id);
                const escalated = timeline.find((t) => ESCALATED.test(t.title));
                if (escalated)
                    return {
                        status: 'pass',
                        line: `BetterStack escalated test incident ${created.id} by policy ${check['policy-id']} after ${(0,duration/* formatDuration */.a3)(Date.parse(escalated.at) - Date.parse(created.startedAt))} ("${escalated.title}"); resolved it`,
                        observed: {
                            incident: created.id,
                            escalatedAt: escalated.at,
                            policy: check['policy-id'],
                        },
                    };
                if (clock.now() - started >= deadlineMs)
                    return {
                        status: 'fail',
                        line: `BetterStack did not escalate test incident ${created.id} within ${check.deadline}: look at escalation policy ${check['policy-id']} (its steps and who is on call); resolved it`,
                        observed: { incident: created.id, policy: check['policy-id'], timeline },
                    };
                await clock.sleep(Math.min(pollMs, deadlineMs - (clock.now() - started)), signal);
            }
        }
        finally {
            await resolveQuietly(api, created.id, logger);
        }
    },
});
async function resolveQuietly(api, id, logger) {
    try {
        await api.resolve(id, 'apprunner-ops');
    }
    catch (error) {
        logger.warning(`Test incident ${id} could not be resolved: ${(0,errors/* errorMessage */.gJ)(error)}; the post step tries again, else resolve it in BetterStack`);
    }
}
/**
 * The post step's part: resolves every unresolved test incident of the environment, which a
 * cancelled or lost run may have left. Warns, never fails.
 */
async function resolveEscalationTests(environment, token, deps) {
    const api = new BetterStackIncidents(betterStackApiUrl(), token, deps);
    const open = (await api.list({ resolved: false })).filter((i) => i.name === escalationTestName(environment));
    for (const incident of open)
        await api.resolve(incident.id, 'apprunner-ops post step');
    if (open.length)
        deps.logger.info(`Resolved escalation test incident(s) ${open.map((i) => i.id).join(', ')} left by a stopped run`);
    return open.map((i) => i.id);
}

// EXTERNAL MODULE: ./core/checks/schemas/index.ts
var schemas = __webpack_require__(4439);
;// CONCATENATED MODULE: ./core/checks/registry.ts

































/**
 * Every check type, once. The configuration's `checks.*` and `gates.*` lists, the ops-check
 * action, the go-live gate and the deploy's bake period all select from this list.
 * A new type: its item schema in `schemas/<type>.ts` (one line in `schemas/index.ts`, in the
 * same place), and its run in `<type>.ts`, which spreads that schema into `defineCheck({...})`
 * and is one line here.
 */
const CHECK_TYPES = [
    serviceRunning,
    attestation_attestation,
    backups_backups,
    ciGreen,
    customDomains,
    databaseAvailable,
    databasePrivate,
    ecrUntagged,
    errorRate,
    freeStorage,
    health_health,
    hsts_hsts,
    httpsRedirect,
    imagePresent,
    latencyP99,
    lifecyclePolicy,
    logErrors,
    monitorsGreen,
    pagesReachable,
    restoreVerified,
    rotationDue,
    secretsPresent,
    serviceEnv,
    snapshotFresh,
    snapshotRestore,
    sql_sql,
    tlsCheck,
    report_check/* reportCheck */.Ny,
    incidentsResolved,
    escalationTest,
    pitrTested,
    connections,
    longQueries,
    blocking,
    replicationLag,
    storageGrowth,
];
function checkType(type) {
    return CHECK_TYPES.find((t) => t.type === type);
}
/**
 * The configuration's view of the check types (their item schemas), re-exported for the
 * runners that read both.
 */



/***/ }),

/***/ 9591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ runCheckList),
/* harmony export */   x: () => (/* binding */ countByStatus)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3300);



/**
 * Runs every check at once. Each has its own deadline; one that fails, throws or overruns
 * becomes that check's result (`error`), never the end of the run.
 */
async function runCheckList(items, context, lookup = _registry_js__WEBPACK_IMPORTED_MODULE_2__/* .checkType */ .Bt) {
    return Promise.all(items.map((item) => runOne(item, context, lookup)));
}
async function runOne(item, context, lookup) {
    const type = lookup(item.type);
    const started = context.clock.now();
    const base = {
        id: (0,_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .checkId */ .ij)(item),
        type: item.type,
        group: item.group ?? type?.group ?? 'Other',
        startedAt: new Date(started).toISOString(),
    };
    if (!type) {
        return { ...base, status: 'error', line: `unknown check type "${item.type}"`, durationMs: 0 };
    }
    // The configuration refuses this already; a list made in code is held to it too.
    const mismatch = (0,_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .targetMismatch */ .M5)(type, context.env.target.kind);
    if (mismatch)
        return { ...base, status: 'error', line: mismatch, durationMs: 0 };
    const timeoutMs = (item.timeout && (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(item.timeout)) || type.defaultTimeoutMs;
    const controller = new AbortController();
    let timer;
    const overrun = new Promise((resolve) => {
        timer = setTimeout(() => {
            controller.abort(new Error(`deadline of ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(timeoutMs)} passed`));
            resolve({
                status: 'error',
                line: `no answer within ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(timeoutMs)} (raise "timeout" on this check if it needs longer)`,
            });
        }, timeoutMs);
        timer.unref?.();
    });
    let outcome;
    try {
        outcome = await Promise.race([
            type.run(item, { ...context, signal: controller.signal, deadline: started + timeoutMs }),
            overrun,
        ]);
    }
    catch (error) {
        outcome = { status: 'error', line: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error) };
    }
    finally {
        clearTimeout(timer);
    }
    return { ...base, ...outcome, durationMs: context.clock.now() - started };
}
function countByStatus(results) {
    const counts = {
        pass: 0,
        fail: 0,
        warn: 0,
        error: 0,
        skipped: 0,
        waived: 0,
    };
    for (const r of results)
        counts[r.status]++;
    return counts;
}


/***/ }),

/***/ 898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ RdsMasterPassword)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7202);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2664);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);
/* harmony import */ var _util_wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4480);
/** The RDS side of a master-password rotation: read the instance, change the password, wait. */




class RdsMasterPassword {
    client;
    instanceId;
    deps;
    constructor(client, instanceId, deps) {
        this.client = client;
        this.instanceId = instanceId;
        this.deps = deps;
    }
    async describe() {
        const out = await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeDBInstances', () => this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBInstancesCommand */ .hhJ({ DBInstanceIdentifier: this.instanceId })), this.deps);
        const instance = out.DBInstances?.[0];
        if (!instance)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`RDS instance ${this.instanceId} was not found`);
        return instance;
    }
    /**
     * ModifyDBInstance MasterUserPassword, without ApplyImmediately: RDS applies a master
     * password as soon as it can anyway, and ApplyImmediately would also apply every other
     * pending modification (an instance class change becomes an unplanned reboot).
     * Not retried blindly: when the answer is lost or RDS answers 5xx, RDS may have taken the
     * password (and then refuses a second request while it applies it). What RDS shows decides:
     * a pending master password (or `resetting-master-credentials`) means it was taken, a login
     * with it (`applied`) that it was taken and applied; otherwise it is sent once more.
     */
    async set(password, applied) {
        const send = () => this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .ModifyDBInstanceCommand */ .R1U({
            DBInstanceIdentifier: this.instanceId,
            MasterUserPassword: password,
        }));
        try {
            await send();
            return;
        }
        catch (error) {
            if (!(0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryableAwsError */ .ag)(error))
                throw error;
            this.deps.logger.warning(`ModifyDBInstance of ${this.instanceId} got no answer (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}); asking RDS whether it took the password`);
        }
        const instance = await this.describe();
        if (instance.PendingModifiedValues?.MasterUserPassword !== undefined ||
            instance.DBInstanceStatus === 'resetting-master-credentials') {
            this.deps.logger.info(`  RDS took it: ${this.instanceId} is ${instance.DBInstanceStatus ?? 'unknown'} with a master password pending`);
            return;
        }
        if (await applied()) {
            this.deps.logger.info(`  RDS took it and applied it: the new password logs in`);
            return;
        }
        this.deps.logger.info(`  RDS did not take it (nothing pending, the password does not log in); sending it again`);
        await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ModifyDBInstance', send, this.deps);
    }
    /**
     * Until PendingModifiedValues no longer holds a master password (RDS applies it async) and
     * the instance is available again.
     */
    async waitApplied(timeoutMs, intervalMs) {
        await (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .waitWith */ .OO)(this.deps, `RDS instance ${this.instanceId} to apply the new master password`, { timeoutMs, intervalMs }, async () => {
            const instance = await this.describe();
            const pending = instance.PendingModifiedValues?.MasterUserPassword !== undefined ||
                instance.DBInstanceStatus === 'resetting-master-credentials';
            return pending
                ? { done: false, status: `${instance.DBInstanceStatus ?? 'unknown'}, password pending` }
                : { done: true, value: undefined };
        });
    }
}


/***/ }),

/***/ 2887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B3: () => (/* binding */ previousKeyAges),
/* harmony export */   HK: () => (/* binding */ describeAge),
/* harmony export */   QA: () => (/* binding */ retirePreviousKey),
/* harmony export */   n6: () => (/* binding */ retirementToken)
/* harmony export */ });
/* unused harmony export RETIRED_PREFIX */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4701);
/**
 * The previous JWT key's grace period. A rotation of a `random` secret with
 * `previous-secret-id` writes the old value there, so tokens signed with it keep verifying.
 * After `grace-days` those tokens have expired and the old key must stop working: the next
 * rotate-secret run retires it.
 *
 * Retiring writes a fresh CSPRNG value nobody has ever seen, not an empty string: an app that
 * does not special-case "empty" would then verify tokens against an empty or publicly known
 * key, which anyone could sign with. An unknowable key verifies nothing. The version id (the
 * ClientRequestToken) starts with `retired-`, which is how the next run knows it is done.
 * App Runner reads secrets only at deployment, so a retirement is followed by a redeploy (the
 * one of a rotation in the same run, or its own).
 */


const DAY = 86_400_000;
const RETIRED_PREFIX = 'retired-';
/** Every `random` secret with previous-secret-id and grace-days: how old its previous key is. */
async function previousKeyAges(secrets, store, clock) {
    const ages = [];
    for (const secret of secrets) {
        const previousSecretId = secret['previous-secret-id'];
        const graceDays = secret['grace-days'];
        if (secret.kind !== 'random' || !previousSecretId || graceDays === undefined)
            continue;
        const current = await store.currentVersion(previousSecretId);
        if (!current)
            continue;
        const ageDays = (clock.now() - current.createdAt.getTime()) / DAY;
        const retired = current.versionId.startsWith(RETIRED_PREFIX);
        ages.push({
            secret,
            previousSecretId,
            graceDays,
            ageDays,
            retired,
            expired: !retired && ageDays >= graceDays,
        });
    }
    return ages;
}
/** The retirement's ClientRequestToken: one per run and previous-secret, so a re-run repeats it. */
function retirementToken(run, environment, previousSecretId) {
    const hex = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`apprunner-ops retire|${run.repository}|${run.runId}|${environment}|${previousSecretId}`)
        .digest('hex');
    return `${RETIRED_PREFIX}${hex.slice(0, 40)}`;
}
/** Replaces the previous key with an unknowable one (idempotent by its token). */
async function retirePreviousKey(age, store, token) {
    await store.put(age.previousSecretId, token, (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .randomValue */ .Z1)(age.secret.length ?? 64), [
        'AWSCURRENT',
    ]);
}
/** A line for people: names and ages, never a value. */
function describeAge(age) {
    const days = Math.floor(age.ageDays);
    return age.retired
        ? `previous key of ${age.secret.name} (${age.previousSecretId}) is retired`
        : age.expired
            ? `previous key of ${age.secret.name} (${age.previousSecretId}) is ${days} days old, past grace-days ${age.graceDays}`
            : `previous key of ${age.secret.name} (${age.previousSecretId}) is ${days} days old, within grace-days ${age.graceDays}`;
}


/***/ }),

/***/ 6586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ax: () => (/* binding */ stagingLabel),
/* harmony export */   Mx: () => (/* binding */ UNDEPLOYED),
/* harmony export */   Ob: () => (/* binding */ baseTokens),
/* harmony export */   th: () => (/* binding */ STAGING_PREFIX)
/* harmony export */ });
/* unused harmony export rotationToken */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The ClientRequestToken (and so the VersionId) of a rotation, derived from the secret and the
 * AWSCURRENT version it starts from, not from the run: two rotations of the same secret from the
 * same AWSCURRENT (two runs at once, or a new run after a lost one) ask for the same version,
 * and Secrets Manager lets only one of them make it (the other's value differs: refused). That
 * is the lock Secrets Manager offers. `n` counts fresh rotations from the same AWSCURRENT
 * (after one was undone).
 */
function rotationToken(secretId, baseVersionId, n) {
    const hex = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`apprunner-ops rotate|${secretId}|${baseVersionId}|${n}`)
        .digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
/** The tokens made from `baseVersionId` that already exist among `versionIds`, and the next free one. */
function baseTokens(secretId, baseVersionId, versionIds) {
    const existing = new Set(versionIds);
    const used = [];
    for (let n = 0; n < 100; n++) {
        const token = rotationToken(secretId, baseVersionId, n);
        if (!existing.has(token))
            return { used, next: token };
        used.push(token);
    }
    throw new Error(`${secretId} already holds 100 rotations from version ${baseVersionId}; Secrets Manager keeps at most 100 versions`);
}
/**
 * The label a rotation puts on its version with AWSCURRENT and takes off only once the service
 * was redeployed and verified on it: while it is on AWSCURRENT, the service may still run the
 * previous value (a run lost between the move and the redeploy), whichever run left it.
 */
const UNDEPLOYED = 'APPRUNNER_OPS_UNDEPLOYED';
/**
 * A label a run puts on the version it stages, in the same PutSecretValue, and takes off right
 * after: Secrets Manager ignores a repeated request (same token, same value) with its labels, so
 * the label is on the version only if this run made it. A run lost in between leaves it; the
 * run that resumes the version takes it off.
 */
const STAGING_PREFIX = 'APPRUNNER_OPS_STAGING_';
const stagingLabel = () => `${STAGING_PREFIX}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;


/***/ }),

/***/ 4701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ tryLogin),
/* harmony export */   YN: () => (/* binding */ credentialsOf),
/* harmony export */   Z1: () => (/* binding */ randomValue),
/* harmony export */   cT: () => (/* binding */ withoutSecrets),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   p_: () => (/* binding */ loginWithin),
/* harmony export */   rd: () => (/* binding */ databasePassword),
/* harmony export */   tE: () => (/* binding */ withCredentials),
/* harmony export */   v0: () => (/* binding */ scramVerifier)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5142);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8729);
/**
 * New values and DATABASE_URLs. Values never reach a log line: callers log names and version
 * ids only, and errors from here never quote a URL.
 */



/** `bytes` from the CSPRNG, base64 (like `openssl rand -base64 48`). */
function randomValue(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(bytes).toString('base64');
}
// Printable ASCII without what RDS refuses (/ " @ space) and what AWS's own rotation templates
// leave out (: ' \ `). % # ? & stay in on purpose: they prove the URL encoding.
const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.;<=>?[]^_{|}~';
/** A database password of `length` characters (8\u2013128) from the CSPRNG. */
function databasePassword(length) {
    if (length < 8 || length > 128)
        throw new Error('a database password has 8\u2013128 characters');
    return Array.from({ length }, () => PASSWORD_ALPHABET[(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomInt)(PASSWORD_ALPHABET.length)]).join('');
}
/** Reads user and password from a postgres:// URL; throws a message without the URL. */
function credentialsOf(url, what) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new Error(`${what} is not a URL (expected postgres://user:password@host:port/db)`);
    }
    if (!/^postgres(ql)?:$/.test(parsed.protocol) || !parsed.username)
        throw new Error(`${what} is not a postgres:// URL with a user`);
    return {
        user: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
    };
}
/** The same URL with other credentials, both percent-encoded (`% # ? &` would break it). */
function withCredentials(url, user, password) {
    const parsed = new URL(url);
    parsed.username = encodeURIComponent(user);
    parsed.password = encodeURIComponent(password);
    return parsed.href;
}
/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802/7677, 4096
 * iterations, a random 16-byte salt), computed here so CREATE/ALTER ROLE \u2026 PASSWORD sends the
 * verifier and never the cleartext: a statement is logged with log_statement=ddl or when it
 * fails, and from there exported to CloudWatch. Our passwords are printable ASCII, which
 * SASLprep leaves as it is.
 */
function scramVerifier(password, salt = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16)) {
    const iterations = 4096;
    const salted = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.pbkdf2Sync)(password, salt, iterations, 32, 'sha256');
    const clientKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', salted).update('Client Key').digest();
    const storedKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(clientKey).digest();
    const serverKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', salted).update('Server Key').digest();
    return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
/** Every form a value could be printed in: itself, and a URL's or JSON's password. */
function secretForms(value) {
    const forms = [value];
    try {
        const url = new URL(value);
        if (url.password)
            forms.push(url.password, decodeURIComponent(url.password));
    }
    catch {
        // not a URL
    }
    if (value.startsWith('{'))
        try {
            const parsed = JSON.parse(value);
            if (typeof parsed.password === 'string')
                forms.push(parsed.password);
        }
        catch {
            // not JSON
        }
    return [...new Set(forms.filter((f) => f.length >= 6))];
}
/** A message with every form of `values` replaced by ***. */
function withoutSecrets(message, values) {
    let out = message;
    for (const form of values.flatMap(secretForms).sort((a, b) => b.length - a.length))
        out = out.split(form).join('***');
    return out;
}
/** A real connection and `SELECT 1`; the error is pg's (it names the user, never the password). */
async function tryLogin(url) {
    const client = await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__/* .pgClient */ .Te)({
        connectionString: url,
        connectionTimeoutMillis: 5_000,
        statement_timeout: 5_000,
    });
    try {
        await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__/* .usePgClient */ .MK)(client, (c) => c.query('SELECT 1'));
        return { ok: true };
    }
    catch (error) {
        const message = error.message;
        return { ok: false, error: withoutSecrets(message, [url]) };
    }
}
/** Logs in, trying again until `withinMs` passes (a new password can take a moment). */
async function loginWithin(url, what, withinMs, intervalMs, deps) {
    const deadline = deps.clock.now() + withinMs;
    let last;
    for (let attempt = 1;; attempt++) {
        const result = await tryLogin(url);
        if (result.ok)
            return result;
        last = result;
        if (deps.clock.now() + intervalMs > deadline)
            break;
        deps.logger.info(`  login with ${what} failed (attempt ${attempt}: ${result.error}); trying again`);
        await deps.clock.sleep(intervalMs);
    }
    deps.logger.info(`  login with ${what} still failing after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(withinMs)}`);
    return last;
}


/***/ })

};
