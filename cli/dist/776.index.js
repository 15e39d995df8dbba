export const id = 776;
export const ids = [776];
export const modules = {

/***/ 640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EcrRepository: () => (/* binding */ EcrRepository),
/* harmony export */   S: () => (/* binding */ describeImages)
/* harmony export */ });
/* unused harmony export ImageNotFound */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2664);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2435);




/**
 * The repository's images (DescribeImages) with a digest, following nextToken for at most
 * `maxPages` pages; then an error, unless `more: 'stop'`.
 */
async function describeImages(client, location, deps, options) {
    const details = await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsPages */ .A_)('DescribeImages', async (nextToken) => {
        const out = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .DescribeImagesCommand */ .ji5({
            registryId: location.registryId,
            repositoryName: location.repository,
            filter: { tagStatus: options.tagStatus },
            ...(options.maxResults ? { maxResults: options.maxResults } : {}),
            nextToken,
        }));
        return { items: out.imageDetails, next: out.nextToken };
    }, deps, { ...options, of: location.repository });
    return details.flatMap((d) => (d.imageDigest ? [{ ...d, imageDigest: d.imageDigest }] : []));
}
class ImageNotFound extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'ImageNotFound';
}
class EcrRepository {
    client;
    location;
    deps;
    constructor(client, location, deps) {
        this.client = client;
        this.location = location;
        this.deps = deps;
    }
    describe(ref) {
        return (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('DescribeImages', async () => {
            try {
                const out = await this.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .DescribeImagesCommand */ .ji5({
                    registryId: this.location.registryId,
                    repositoryName: this.location.repository,
                    imageIds: [ref.kind === 'tag' ? { imageTag: ref.tag } : { imageDigest: ref.digest }],
                }));
                return out.imageDetails?.[0];
            }
            catch (error) {
                if ((0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) === 'ImageNotFoundException')
                    return undefined;
                throw error;
            }
        }, this.deps);
    }
    /** The image by digest, or undefined when the repository does not hold it. */
    async find(ref) {
        const detail = await this.describe(ref);
        if (!detail?.imageDigest)
            return undefined;
        return {
            digest: detail.imageDigest,
            tags: detail.imageTags ?? [],
            ...(detail.imagePushedAt ? { pushedAt: detail.imagePushedAt } : {}),
            uri: (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .imageUri */ .W_)(this.location, { kind: 'digest', digest: detail.imageDigest }),
        };
    }
    async resolve(ref) {
        const found = await this.find(ref);
        if (!found) {
            const name = ref.kind === 'tag' ? `tag ${ref.tag}` : `digest ${ref.digest}`;
            throw new ImageNotFound(`${name} is not in ECR repository ${this.location.repository} (${this.location.registryId}, ${this.location.region}); push it first (build-push) or name an image that exists`);
        }
        return found;
    }
    /** The newest tagged images, for error messages that list candidates. */
    async recentTagged(limit) {
        // Candidates for a message: the first 50 pages are enough.
        const details = await describeImages(this.client, this.location, this.deps, {
            tagStatus: 'TAGGED',
            maxPages: 50,
            more: 'stop',
        });
        const images = details.map((d) => ({
            digest: d.imageDigest,
            tags: d.imageTags ?? [],
            ...(d.imagePushedAt ? { pushedAt: d.imagePushedAt } : {}),
            uri: (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .imageUri */ .W_)(this.location, { kind: 'digest', digest: d.imageDigest }),
        }));
        return images
            .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
            .slice(0, limit);
    }
}


/***/ }),

/***/ 2435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   W_: () => (/* binding */ imageUri),
/* harmony export */   aj: () => (/* binding */ parseImageIdentifier)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[0-9a-f]{64}))$/;
function registryHost(location) {
    return `${location.registryId}.dkr.ecr.${location.region}.amazonaws.com`;
}
function imageUri(location, ref) {
    return `${registryHost(location)}/${location.repository}${ref.kind === 'tag' ? `:${ref.tag}` : `@${ref.digest}`}`;
}
/**
 * Parses the `image` input. A full URI must name the configured repository: deploying
 * another repository's image is almost always a mistake in the workflow.
 */
function parseImageRef(input, inputName, location) {
    if (DIGEST.test(input))
        return { kind: 'digest', digest: input };
    const uri = URI.exec(input);
    if (uri) {
        const [, registryId, region, repository, tag, digest] = uri;
        if (repository !== location.repository ||
            registryId !== location.registryId ||
            region !== location.region) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `"${input}" is not in the configured repository ${registryHost(location)}/${location.repository}; name a tag or digest of that repository`);
        }
        return tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest };
    }
    if (TAG.test(input))
        return { kind: 'tag', tag: input };
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `expected a tag (e.g. 3f9c2ab), a digest (sha256:<64 hex>) or an ECR URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), got "${input}"`);
}
/** Parses an identifier App Runner reports (always a URI with a tag or digest). */
function parseImageIdentifier(identifier) {
    const uri = URI.exec(identifier);
    if (!uri)
        return undefined;
    const [, , , repository, tag, digest] = uri;
    return {
        repository: repository,
        ref: tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest },
    };
}


/***/ }),

/***/ 7561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ networkOf),
/* harmony export */   LQ: () => (/* binding */ RdsInstance),
/* harmony export */   Qm: () => (/* binding */ sendInstanceRestore),
/* harmony export */   RK: () => (/* binding */ isInstanceNotFound),
/* harmony export */   describeDbInstance: () => (/* binding */ describeDbInstance),
/* harmony export */   gI: () => (/* binding */ allDbInstances),
/* harmony export */   iy: () => (/* binding */ snapshotId),
/* harmony export */   nv: () => (/* binding */ BROKEN_INSTANCE_STATES),
/* harmony export */   rt: () => (/* binding */ dbSnapshotsOf)
/* harmony export */ });
/* unused harmony exports DatabaseNotReady, isValidSnapshotId */
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7202);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _util_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4480);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2664);




/** RDS's answer for an instance that is not there (the name differs by protocol version). */
const isInstanceNotFound = (error) => ['DBInstanceNotFoundFault', 'DBInstanceNotFound'].includes((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) ?? '');
/** RDS's answer for a snapshot that is not there (the name differs by protocol version). */
const isSnapshotNotFound = (error) => ['DBSnapshotNotFoundFault', 'DBSnapshotNotFound'].includes((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) ?? '');
/** One instance by name, or undefined when RDS has none by that name. */
async function describeDbInstance(client, id, deps) {
    try {
        const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('DescribeDBInstances', () => client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBInstancesCommand */ .hhJ({ DBInstanceIdentifier: id })), deps);
        return out.DBInstances?.[0];
    }
    catch (error) {
        if (isInstanceNotFound(error))
            return undefined;
        throw error;
    }
}
/** Every instance of the account and region, following Marker (a list read in part is an error). */
function allDbInstances(client, deps) {
    return (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsPages */ .A_)('DescribeDBInstances', async (marker) => {
        const res = await client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBInstancesCommand */ .hhJ({ Marker: marker, MaxRecords: 100 }));
        return { items: res.DBInstances, next: res.Marker };
    }, deps, { maxPages: 200 });
}
/**
 * The snapshots of one instance of one type, following Marker up to `maxPages` pages (a list
 * read in part is an error naming `of`).
 */
function dbSnapshotsOf(client, instance, type, deps, options) {
    return (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsPages */ .A_)('DescribeDBSnapshots', async (marker) => {
        const res = await client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBSnapshotsCommand */ .KKI({
            DBInstanceIdentifier: instance,
            SnapshotType: type,
            Marker: marker,
            MaxRecords: 100,
        }));
        return { items: res.DBSnapshots, next: res.Marker };
    }, deps, options);
}
/** States a restoring (or restored) instance does not come back from. */
const BROKEN_INSTANCE_STATES = new Set([
    'failed',
    'incompatible-restore',
    'incompatible-parameters',
    'incompatible-network',
    'inaccessible-encryption-credentials',
    'restore-error',
    'storage-full',
]);
/**
 * The network and parameter group of `like` that a restore copies so the new instance sits
 * where `like` does; a field `like` does not report is undefined (an empty list for the
 * security groups), for the caller to refuse with its own words.
 */
function networkOf(like) {
    return {
        subnetGroup: like.DBSubnetGroup?.DBSubnetGroupName,
        securityGroups: (like.VpcSecurityGroups ?? []).flatMap((g) => g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : []),
        parameterGroup: like.DBParameterGroups?.[0]?.DBParameterGroupName,
    };
}
/**
 * Restores `source` into `id`: to a point in time (RestoreDBInstanceToPointInTime) or from a
 * snapshot (RestoreDBInstanceFromDBSnapshot), with `settings` either way and `snapshotOnly`
 * added to the snapshot restore. One request, not retried here: a restore is not idempotent,
 * and whether to send it again is the caller's to decide.
 */
async function sendInstanceRestore(client, input) {
    if ('time' in input.from)
        await client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .RestoreDBInstanceToPointInTimeCommand */ .i4({
            SourceDBInstanceIdentifier: input.source,
            TargetDBInstanceIdentifier: input.id,
            RestoreTime: input.from.time,
            ...input.settings,
        }));
    else
        await client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .RestoreDBInstanceFromDBSnapshotCommand */ .dX$({
            DBInstanceIdentifier: input.id,
            DBSnapshotIdentifier: input.from.snapshot,
            ...input.snapshotOnly,
            ...input.settings,
        }));
}
class DatabaseNotReady extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'DatabaseNotReady';
}
/** RDS snapshot identifiers: letters, digits, hyphens; a letter first; no "--"; no trailing "-"; \u2264 255. */
function isValidSnapshotId(id) {
    return (id.length <= 255 &&
        /^[A-Za-z][A-Za-z0-9-]*$/.test(id) &&
        !id.includes('--') &&
        !id.endsWith('-'));
}
/** `<prefix>-YYYYMMDD-HHMM[-<sha7>]` in UTC. */
function snapshotId(prefix, at, sha7) {
    const iso = at.toISOString();
    const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
    // RDS stores identifiers lowercase: make them so, so what is listed later compares equal.
    const id = `${prefix.replace(/-+$/, '').toLowerCase()}-${stamp}${sha7 ? `-${sha7.toLowerCase()}` : ''}`;
    if (!isValidSnapshotId(id))
        throw new Error(`snapshot id ${id} is not a valid RDS identifier`);
    return id;
}
class RdsInstance {
    client;
    instanceId;
    deps;
    constructor(client, instanceId, deps) {
        this.client = client;
        this.instanceId = instanceId;
        this.deps = deps;
    }
    async status() {
        const instance = await describeDbInstance(this.client, this.instanceId, this.deps);
        if (!instance)
            throw new DatabaseNotReady(`RDS instance ${this.instanceId} does not exist; check database.instance in the configuration`);
        return instance.DBInstanceStatus ?? 'unknown';
    }
    /** The ARN of the master secret RDS manages (ManageMasterUserPassword), if it manages one. */
    async managedMasterSecretArn() {
        const instance = await describeDbInstance(this.client, this.instanceId, this.deps);
        return instance?.MasterUserSecret?.SecretArn;
    }
    /**
     * A snapshot needs the instance "available or storage-optimization" (CreateDBSnapshot
     * reference; storage optimisation after a storage change lasts hours); say so before
     * anything changes.
     */
    async assertAvailable() {
        const status = await this.status();
        if (status !== 'available' && status !== 'storage-optimization') {
            throw new DatabaseNotReady(`RDS instance ${this.instanceId} is "${status}", and a snapshot needs it "available" (or "storage-optimization"); wait for it to finish, or run with snapshot: false if you accept deploying without one`);
        }
    }
    /**
     * Creates a manual snapshot and returns its id. An id already taken by an earlier run
     * (a second deploy of the same commit within a minute) gets a "-2", "-3"\u2026 suffix; but when
     * a retried call finds the id it just asked for, the first attempt went through and the
     * snapshot is ours.
     */
    async createSnapshot(id) {
        for (let n = 1; n <= 9; n++) {
            const candidate = n === 1 ? id : `${id}-${n}`;
            let retried = false;
            const created = await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('CreateDBSnapshot', async (attempt) => {
                retried = attempt > 1;
                try {
                    await this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .CreateDBSnapshotCommand */ .SQw({
                        DBInstanceIdentifier: this.instanceId,
                        DBSnapshotIdentifier: candidate,
                    }));
                    return true;
                }
                catch (error) {
                    if ((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'DBSnapshotAlreadyExistsFault' ||
                        (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'DBSnapshotAlreadyExists')
                        return retried;
                    throw error;
                }
            }, this.deps);
            if (created)
                return candidate;
        }
        throw new DatabaseNotReady(`RDS snapshot ids ${id} to ${id}-9 are all taken; delete old ones or wait a minute`);
    }
    async describeSnapshot(id) {
        try {
            const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('DescribeDBSnapshots', () => this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBSnapshotsCommand */ .KKI({ DBSnapshotIdentifier: id })), this.deps);
            return out.DBSnapshots?.[0];
        }
        catch (error) {
            if (isSnapshotNotFound(error))
                return undefined;
            throw error;
        }
    }
    /**
     * Our own bounded wait: the SDK's DBSnapshotCompleted waiter counts "not found" as done,
     * which would report a snapshot that never existed as complete.
     */
    async waitForSnapshot(id, timeoutMs, intervalMs) {
        return (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .waitWith */ .OO)(this.deps, `RDS snapshot ${id} to be available`, { timeoutMs, intervalMs }, async () => {
            const snapshot = await this.describeSnapshot(id);
            if (!snapshot)
                return { done: false, status: 'not listed yet' };
            if (snapshot.Status === 'available')
                return { done: true, value: snapshot };
            if (snapshot.Status === 'failed' || snapshot.Status === 'error') {
                throw new DatabaseNotReady(`RDS snapshot ${id} failed (status ${snapshot.Status})`);
            }
            return { done: false, status: `${snapshot.Status} (${snapshot.PercentProgress ?? 0}%)` };
        });
    }
    /** Manual snapshots of this instance whose id matches `own`, newest first. */
    async manualSnapshots(own) {
        const all = await dbSnapshotsOf(this.client, this.instanceId, 'manual', this.deps, {
            maxPages: 100,
            of: this.instanceId,
        });
        // RDS lists identifiers lowercase, whatever case they were created with.
        const found = all.filter((s) => own.test((s.DBSnapshotIdentifier ?? '').toLowerCase()));
        return found.sort((a, b) => (b.SnapshotCreateTime?.getTime() ?? Infinity) -
            (a.SnapshotCreateTime?.getTime() ?? Infinity));
    }
    async deleteSnapshot(id) {
        await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('DeleteDBSnapshot', async (attempt) => {
            try {
                await this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DeleteDBSnapshotCommand */ .PHQ({ DBSnapshotIdentifier: id }));
            }
            catch (error) {
                // A retry that finds it gone: the earlier attempt deleted it and its answer was lost.
                if (attempt > 1 && isSnapshotNotFound(error))
                    return;
                throw error;
            }
        }, this.deps);
    }
}


/***/ }),

/***/ 4831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ createOpsContext),
  Y: () => (/* binding */ ecrLocation)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
;// CONCATENATED MODULE: ./core/aws/account.ts



/**
 * The credentials must belong to the account of the service: a workflow that assumed the
 * staging role for production would otherwise fail later with a confusing "not found".
 */
async function assertAccount(sts, serviceArn, configPath, environment, deps) {
    const expected = serviceArn.split(':')[4];
    const identity = await (0,call/* awsCall */.uF)('GetCallerIdentity', () => sts.send(new dist_cjs/* GetCallerIdentityCommand */.zI({})), deps);
    if (identity.Account && identity.Account !== expected) {
        throw new errors/* ConfigError */.xL(configPath, [
            `environments.${environment}.service-arn is in account ${expected}, but the AWS credentials are for account ${identity.Account} (${identity.Arn ?? 'unknown principal'}); assume the role of the service's account`,
        ]);
    }
}

// EXTERNAL MODULE: ./core/aws/clients.ts
var aws_clients = __webpack_require__(9750);
// EXTERNAL MODULE: ./core/aws/ecr.ts
var aws_ecr = __webpack_require__(640);
// EXTERNAL MODULE: ./core/aws/rds.ts
var rds = __webpack_require__(7561);
// EXTERNAL MODULE: ./core/targets/create.ts + 3 modules
var create = __webpack_require__(1577);
// EXTERNAL MODULE: ./core/github/deployments.ts
var deployments = __webpack_require__(6302);
// EXTERNAL MODULE: ./core/notify/betterstack.ts
var betterstack = __webpack_require__(9302);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/deploy/context.ts








function ecrLocation(env) {
    const account = env['service-arn'].split(':')[4];
    return {
        registryId: env['ecr-registry-id'] ?? account,
        region: env.region,
        repository: env['ecr-repository'],
    };
}
async function createOpsContext(options) {
    const { env, clock, logger } = options;
    // A call is retried (after a throttle, a 5xx or a hung request) within the action's timeout.
    const deps = { clock, logger, retryBudgetMs: options.timing.operationTimeoutMs };
    const clients = options.clients ??
        (0,aws_clients/* createAwsClients */.Gv)(env.region, { requestTimeoutMs: options.timing.awsRequestTimeoutMs });
    const maintenance = env.maintenance;
    const ecr = new aws_ecr.EcrRepository(clients.ecr, ecrLocation(env), deps);
    const target = await (0,create/* targetOf */.$r)(env, clients, deps, { requestTimeoutMs: options.timing.awsRequestTimeoutMs }, { flyApiToken: options.flyApiToken });
    const token = options.githubToken;
    function githubAt(sha) {
        return token
            ? new deployments/* GitHubDeployments */.C({
                apiUrl: options.run.apiUrl,
                token,
                repository: options.run.repository,
                serverUrl: options.run.serverUrl,
                runId: options.run.runId,
                runAttempt: options.run.runAttempt,
                job: options.run.job,
                sha,
                ref: options.run.ref,
                actor: options.run.actor,
            }, { clock, logger })
            : undefined;
    }
    return {
        environment: options.environment,
        // A target outside AWS has no account to compare the credentials with.
        checkAccount: async () => env['service-arn'].startsWith('arn:')
            ? assertAccount(clients.sts, env['service-arn'], options.configPath, options.environment, deps)
            : undefined,
        env,
        target,
        ecr,
        secretsManager: clients.secretsManager,
        rds: env.database ? new rds/* RdsInstance */.LQ(clients.rds, env.database.instance, deps) : undefined,
        github: githubAt(options.run.sha),
        githubAt,
        monitors: options.betterstackToken && maintenance
            ? {
                client: new betterstack/* BetterStackMonitors */.Y((0,betterstack/* betterStackApiUrl */.a)(), options.betterstackToken, {
                    clock,
                    logger,
                }),
                ids: maintenance['monitor-ids'],
                windowMs: (0,duration/* parseDuration */.E9)(maintenance.window) ?? 1_800_000,
            }
            : undefined,
        slackWebhookUrl: options.slackWebhookUrl,
        auditDatabaseUrl: options.auditDatabaseUrl,
        run: options.run,
        timing: {
            ...options.timing,
            snapshotTimeoutMs: (0,duration/* parseDuration */.E9)(env.database?.['snapshot-timeout'] ?? '30m') ?? 1_800_000,
        },
        clock,
        logger,
        state: options.state,
    };
}


/***/ }),

/***/ 9574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   TT: () => (/* binding */ badDigests),
/* harmony export */   vx: () => (/* binding */ choosePrevious)
/* harmony export */ });
/* unused harmony exports fromGitHub, ofService */
/* harmony import */ var _audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3892);
/* harmony import */ var _aws_image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2435);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4494);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4831);




function digestOf(image) {
    return typeof image === 'string' ? /@(sha256:[0-9a-f]{64})$/.exec(image)?.[1] : undefined;
}
function fromGitHub(records) {
    return records.flatMap((r) => {
        const digest = r.payload.digest ?? digestOf(r.payload.image);
        if (!digest || !r.payload.image)
            return [];
        return [
            {
                source: 'github',
                id: String(r.id),
                kind: r.payload.kind === 'rollback' ? 'rollback' : 'deploy',
                digest,
                image: r.payload.image,
                tag: r.payload.tag,
                createdAt: Date.parse(r.createdAt),
                // auto_inactive turns older successes inactive: "ever succeeded" is what counts.
                succeeded: r.statuses.some((s) => s.state === 'success'),
                rolledBackFrom: r.payload.kind === 'rollback' ? digestOf(r.payload.previousImage) : undefined,
                before: digestOf(r.payload.previousImage),
                actor: stringOf(r.payload.actor),
                reason: stringOf(r.payload.reason),
                serviceArn: stringOf(r.payload['serviceArn']),
                sha: r.sha || undefined,
            },
        ];
    });
}
async function fromAudit(ctx) {
    if (!ctx.auditDatabaseUrl)
        return [];
    const rows = await (0,_audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__.readAuditEntries)(ctx.auditDatabaseUrl, {
        resourceType: _audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__/* .DEPLOY_RESOURCE_TYPE */ .e2,
        limit: 500,
    });
    return rows
        .filter((row) => row.resource_id === ctx.environment && /^(deploy|rollback)_/.test(row.action))
        .flatMap((row) => {
        const digest = digestOf(row.details['image']);
        if (!digest)
            return [];
        const kind = row.action.startsWith('rollback') ? 'rollback' : 'deploy';
        return [
            {
                source: 'audit',
                id: row.id,
                kind,
                digest,
                image: String(row.details['image']),
                tag: typeof row.details['tag'] === 'string' ? row.details['tag'] : undefined,
                createdAt: row.created_at.getTime(),
                succeeded: row.action === 'deploy_succeeded' || row.action === 'rollback_succeeded',
                rolledBackFrom: kind === 'rollback' ? digestOf(row.details['previous_image']) : undefined,
                before: digestOf(row.details['previous_image']),
                actor: stringOf(row.actor),
                reason: stringOf(row.details['reason']),
                serviceArn: stringOf(row.details['service_arn']),
                sha: stringOf(row.details['commit']),
            },
        ];
    });
}
function stringOf(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/**
 * Keeps the records of this service: one environment name may hold several services (a
 * monorepo, a shared audit database). Records carry the service ARN; older ones, without it,
 * count when their image is in this service's repository.
 */
function ofService(entries, serviceArn, repositoryUri) {
    return entries.filter((e) => e.serviceArn !== undefined
        ? e.serviceArn === serviceArn
        : e.image.startsWith(`${repositoryUri}@`) || e.image.startsWith(`${repositoryUri}:`));
}
/**
 * Deploy and rollback history of the service, newest first: GitHub deployments made by
 * apprunner-ops, or the audit log when GitHub has none (or no token was given, or GitHub
 * could not be read: then with a warning).
 */
async function readHistory(ctx) {
    const location = (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .ecrLocation */ .Y)(ctx.env);
    const scope = (entries) => ofService(entries, ctx.env['service-arn'], `${(0,_aws_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .registryHost */ .U$)(location)}/${location.repository}`);
    if (ctx.github) {
        try {
            const entries = scope(fromGitHub(await ctx.github.history(ctx.environment, 100)));
            if (entries.length > 0)
                return { entries: sortNewestFirst(entries), source: 'GitHub deployments' };
        }
        catch (error) {
            ctx.logger.warning(`could not read GitHub deployments (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}); using the audit log`);
        }
    }
    const audit = scope(await fromAudit(ctx));
    return {
        entries: sortNewestFirst(audit),
        source: audit.length > 0 ? 'the audit log' : 'no history',
    };
}
function sortNewestFirst(entries) {
    return entries.sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id));
}
/**
 * "previous": the newest successful deploy or rollback older than the one that put the
 * running version in place, skipping the running version and every version a rollback moved
 * away from (those stay reachable by name only). With nothing older \u2014 the day of adoption,
 * after the first deploy through the suite \u2014 the version that deploy recorded as running
 * before it (`before`), marked `adoptedFrom`.
 */
function choosePrevious(entries, runningDigest) {
    const bad = badDigests(entries);
    const successes = entries.filter((e) => e.succeeded);
    const current = successes.find((e) => e.digest === runningDigest);
    const older = current
        ? successes.filter((e) => e.createdAt < current.createdAt ||
            (e.createdAt === current.createdAt && Number(e.id) < Number(current.id)))
        : successes;
    const found = older.find((e) => e.digest !== runningDigest && !bad.has(e.digest));
    if (found || !current || older.length > 0)
        return found;
    const before = current.before;
    if (before === undefined || before === runningDigest || bad.has(before))
        return undefined;
    return {
        ...current,
        kind: 'deploy',
        digest: before,
        image: current.image.replace(/@sha256:[0-9a-f]{64}$/, `@${before}`),
        tag: undefined,
        before: undefined,
        rolledBackFrom: undefined,
        sha: undefined,
        reason: undefined,
        adoptedFrom: true,
    };
}
function badDigests(entries) {
    return new Set(entries.flatMap((e) => (e.rolledBackFrom ? [e.rolledBackFrom] : [])));
}


/***/ }),

/***/ 78:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cz: () => (/* binding */ describeSuitePause),
/* harmony export */   On: () => (/* binding */ endExpiredSuitePauses),
/* harmony export */   Q$: () => (/* binding */ pauseOwner),
/* harmony export */   g$: () => (/* binding */ personPauseLine),
/* harmony export */   nA: () => (/* binding */ PAUSE_RECORD_KEY),
/* harmony export */   pz: () => (/* binding */ inspectMonitor),
/* harmony export */   qR: () => (/* binding */ closeMaintenanceWindow),
/* harmony export */   qS: () => (/* binding */ openMaintenanceWindow)
/* harmony export */ });
/* unused harmony export parsePauseRecord */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);


/** The metadata key on a monitor under which the suite records its own pause. */
const PAUSE_RECORD_KEY = 'apprunner-ops pause';
function parsePauseRecord(text) {
    if (text === undefined)
        return undefined;
    try {
        const value = JSON.parse(text);
        if (value.tool === 'apprunner-ops' &&
            typeof value.pauseId === 'string' &&
            typeof value.until === 'string' &&
            !Number.isNaN(Date.parse(value.until)) &&
            (value.pausedAt === null || typeof value.pausedAt === 'string'))
            return value;
    }
    catch {
        // Not ours (someone else's text under our key): treated as no record.
    }
    return undefined;
}
function pauseOwner(monitor, record, now) {
    if (!monitor.paused)
        return { kind: 'running', staleRecord: record };
    if (record?.pausedAt && record.pausedAt === monitor.pausedAt)
        return { kind: 'suite', record, expired: now >= Date.parse(record.until) };
    return {
        kind: 'person',
        pausedAt: monitor.pausedAt,
        unfinishedRecord: record && record.pausedAt === null ? record : undefined,
    };
}
async function inspectMonitor(client, id) {
    const [monitor, text] = await Promise.all([
        client.get(id),
        client.readMetadata(id, PAUSE_RECORD_KEY),
    ]);
    return { monitor, record: parsePauseRecord(text) };
}
/** "deploy of production at 09:00:00Z until 09:30:00Z (run \u2026)": who paused, for people. */
function describeSuitePause(record) {
    return `apprunner-ops ${record.action} of ${record.environment} at ${record.at}, window until ${record.until} (${record.runUrl})`;
}
function personPauseLine(id, owner) {
    const since = owner.pausedAt ? ` since ${owner.pausedAt}` : '';
    return owner.unfinishedRecord
        ? `monitor ${id} is paused${since}; apprunner-ops ${owner.unfinishedRecord.action} (${owner.unfinishedRecord.runUrl}) was pausing it when its runner was lost, so the pause cannot be proven its own and is left as a person's: resume it in BetterStack if nobody needs it paused`
        : `monitor ${id} is paused${since}, not by apprunner-ops: a person's pause, left as it is (resume it in BetterStack when that work is done)`;
}
/**
 * Resumes a suite pause, then removes its record. If the second call fails, the record stays
 * on a running monitor: harmless, and removed by the next run that sees it.
 */
async function endSuitePause(client, id) {
    const resumed = await client.resume(id);
    await client.removeMetadata(id, PAUSE_RECORD_KEY);
    return resumed;
}
/**
 * Finds the suite's own pauses among `ids` whose window has passed and ends them. Any action
 * for an environment calls this first, so a pause whose runner was lost ends with the next
 * run after its window. A person's pause is reported, never touched. Never throws: a monitor
 * that cannot be read is reported in `failed`.
 */
async function endExpiredSuitePauses(client, ids, options, deps) {
    const report = { ended: [], open: [], person: [], failed: [] };
    await Promise.all(ids.map(async (id) => {
        try {
            const { monitor, record } = await inspectMonitor(client, id);
            const owner = pauseOwner(monitor, record, deps.clock.now());
            if (owner.kind === 'suite' && owner.expired) {
                const line = `${options.dryRun ? 'would end' : 'ended'} the pause of monitor ${id} (paused by ${describeSuitePause(owner.record)}; the window passed ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(deps.clock.now() - Date.parse(owner.record.until))} ago)`;
                if (!options.dryRun)
                    await endSuitePause(client, id);
                report.ended.push(line);
            }
            else if (owner.kind === 'suite') {
                report.open.push(`monitor ${id} is paused by ${describeSuitePause(owner.record)}: left open`);
            }
            else if (owner.kind === 'person') {
                report.person.push(personPauseLine(id, owner));
            }
            else if (owner.staleRecord && !options.dryRun) {
                // Resumed by a person while the suite's window was open: the record is spent.
                await client.removeMetadata(id, PAUSE_RECORD_KEY);
            }
        }
        catch (error) {
            report.failed.push(`monitor ${id}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        }
    }));
    for (const line of report.ended)
        deps.logger.warning(`Expired maintenance: ${line}`);
    return report;
}
/**
 * Pauses the monitors among `ids` that run, recording each pause on the monitor before and
 * after the PATCH, with its end. A monitor a person paused is left alone; one the suite paused
 * in an earlier run is taken over (its record now names this run, and its end is the later one).
 */
async function openMaintenanceWindow(client, ids, run, deps) {
    const result = { paused: [], takenOver: [], leftAlone: [] };
    const now = deps.clock.now();
    const base = {
        tool: 'apprunner-ops',
        environment: run.environment,
        action: run.action,
        pauseId: run.pauseId,
        runUrl: run.runUrl,
        at: new Date(now).toISOString(),
        until: new Date(now + run.windowMs).toISOString(),
    };
    await Promise.all(ids.map(async (id) => {
        const { monitor, record } = await inspectMonitor(client, id);
        const owner = pauseOwner(monitor, record, now);
        if (owner.kind === 'person') {
            result.leftAlone.push(`${id} was already paused${owner.pausedAt ? ` (since ${owner.pausedAt})` : ''}, not by this run: left as it is`);
            return;
        }
        if (owner.kind === 'suite') {
            const until = Date.parse(owner.record.until) > Date.parse(base.until) ? owner.record.until : base.until;
            const taken = { ...base, until, pausedAt: owner.record.pausedAt };
            await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify(taken));
            deps.logger.info(`  monitor ${id} was paused by ${describeSuitePause(owner.record)}; this run takes it over`);
            result.takenOver.push(id);
            return;
        }
        // Recorded first, so a runner lost right after the PATCH leaves a trace of whose it was.
        await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify({ ...base, pausedAt: null }));
        let paused = await client.pause(id);
        if (!paused.pausedAt)
            paused = await client.get(id);
        const complete = { ...base, pausedAt: paused.pausedAt };
        await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify(complete));
        result.paused.push(id);
    }));
    result.paused.sort();
    result.takenOver.sort();
    return result;
}
/**
 * Resumes the monitors this run paused (its `pauseId` in the record), at the end of the run or
 * in its post step. Monitors paused by anyone else stay paused.
 */
async function closeMaintenanceWindow(client, ids, pauseId, deps) {
    const resumed = [];
    const leftAlone = [];
    await Promise.all(ids.map(async (id) => {
        const { monitor, record } = await inspectMonitor(client, id);
        if (record?.pauseId !== pauseId) {
            if (monitor.paused)
                leftAlone.push(`${id} stays paused: not paused by this run`);
            return;
        }
        const owner = pauseOwner(monitor, record, deps.clock.now());
        // This run's own unfinished record: it sent the PATCH itself, so the pause is its own.
        const ownUnfinished = owner.kind === 'person' && owner.unfinishedRecord !== undefined;
        if (owner.kind === 'suite' || ownUnfinished) {
            await endSuitePause(client, id);
            resumed.push(id);
        }
        else if (owner.kind === 'person') {
            leftAlone.push(`${id} was paused again by a person during the run: left as it is`);
            await client.removeMetadata(id, PAUSE_RECORD_KEY);
        }
        else {
            await client.removeMetadata(id, PAUSE_RECORD_KEY);
        }
    }));
    resumed.sort();
    return { resumed, leftAlone };
}


/***/ }),

/***/ 9392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ percent)
/* harmony export */ });
/** Percent with two decimals, for lines people read (the error-rate check, the bake period). */
const percent = (ratio) => Math.round(ratio * 10_000) / 100;


/***/ })

};
