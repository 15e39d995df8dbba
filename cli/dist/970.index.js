export const id = 970;
export const ids = [970,279];
export const modules = {

/***/ 9970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRotate: () => (/* binding */ runRotate)
});

// EXTERNAL MODULE: ./core/action/github-context.ts
var github_context = __webpack_require__(366);
// EXTERNAL MODULE: ./core/aws/clients.ts
var aws_clients = __webpack_require__(9750);
// EXTERNAL MODULE: ./core/targets/create.ts + 3 modules
var create = __webpack_require__(1577);
// EXTERNAL MODULE: ./core/aws/secrets-manager.ts
var secrets_manager = __webpack_require__(9913);
// EXTERNAL MODULE: ./core/config/load.ts + 5 modules
var load = __webpack_require__(2724);
// EXTERNAL MODULE: ./core/database/access.ts
var access = __webpack_require__(920);
// EXTERNAL MODULE: ./core/rotation/database.ts
var database = __webpack_require__(898);
// EXTERNAL MODULE: ./core/audit/audit-log.ts
var audit_log = __webpack_require__(3892);
// EXTERNAL MODULE: ./core/notify/slack.ts
var slack = __webpack_require__(6292);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/github/octokit.ts
var github_octokit = __webpack_require__(5279);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
// EXTERNAL MODULE: ./core/rotation/values.ts
var values = __webpack_require__(4701);
// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
;// CONCATENATED MODULE: ./core/rotation/drivers.ts




class RotationRefused extends errors/* DomainFailure */.dY {
    name = 'RotationRefused';
}
/** The system refused to apply the new value (RDS InvalidDBInstanceState): nothing took it. */
class ApplyRefused extends errors/* DomainFailure */.dY {
    anotherChange;
    name = 'ApplyRefused';
    constructor(message, 
    /** What refused it is another change of the same kind being applied (another rotation). */
    anotherChange) {
        super(message);
        this.anotherChange = anotherChange;
    }
}
const ident = (name) => `"${name.replace(/"/g, '""')}"`;
const literal = (value) => `'${value.replace(/'/g, "''")}'`;
function randomDriver(secret) {
    return {
        applySteps: [],
        preflight: async () => { },
        newValue: async () => (0,values/* randomValue */.Z1)(secret.length ?? 48),
        apply: async () => { },
        settle: async () => { },
        works: async (value) => value.length > 0,
        restore: async () => { },
    };
}
/** Preflight's login with the current DATABASE_URL: a real connection and SELECT 1. */
function currentLogin(secret, deps) {
    return async (current, unfinished) => {
        const login = await (0,values/* tryLogin */.X)(current);
        if (login.ok)
            return;
        if (unfinished) {
            deps.logger.warning(`${secret.name}: the current DATABASE_URL does not log in (${login.error}), and an unfinished rotation waits: it is finished if its value logs in`);
            return;
        }
        throw new RotationRefused(`${secret.name}: the current DATABASE_URL does not log in (${login.error}); something is already wrong, so nothing was changed`);
    };
}
function loginChecker(deps) {
    return async (url, patient) => {
        const result = patient
            ? await (0,values/* loginWithin */.p_)(url, 'the pending DATABASE_URL', deps.loginTimeoutMs, deps.pollIntervalMs, deps)
            : await (0,values/* tryLogin */.X)(url);
        return result.ok;
    };
}
function rdsMasterPasswordDriver(secret, deps) {
    const rds = deps.rds;
    if (!rds)
        throw new RotationRefused(`${secret.name}: kind rds-master-password needs database.instance in the environment's configuration`);
    const works = loginChecker(deps);
    const currentLogsIn = currentLogin(secret, deps);
    return {
        applySteps: ['modify-db-instance', 'wait-applied'],
        preflight: async (current, unfinished) => {
            const instance = await rds.describe();
            const status = instance.DBInstanceStatus ?? 'unknown';
            // A lost run's password may still be being applied. RDS takes a password change while
            // it is available, or optimizing storage (hours after a storage change, serving all the
            // while); anything else (backing-up, modifying, rebooting\u2026) makes it refuse the change.
            const takesPassword = status === 'available' || status === 'storage-optimization';
            if (!takesPassword && !(unfinished && status === 'resetting-master-credentials'))
                throw new RotationRefused(`${secret.name}: RDS instance ${rds.instanceId} is ${status}; RDS changes the master password only when the instance is available (or storage-optimization) \u2014 run again once it is (aws rds describe-db-instances --db-instance-identifier ${rds.instanceId})`);
            const queued = Object.keys(instance.PendingModifiedValues ?? {}).filter((k) => k !== 'MasterUserPassword');
            if (queued.length > 0)
                deps.logger.info(`  ${rds.instanceId} has pending modifications (${queued.join(', ')}); they stay pending: the password is changed without ApplyImmediately`);
            if (instance.MasterUserSecret)
                throw new RotationRefused(`${secret.name}: RDS instance ${rds.instanceId} manages its master password in Secrets Manager (ManageMasterUserPassword), so RDS rotates it itself; use kind rds-managed for ${secret.name}`);
            const { user } = (0,values/* credentialsOf */.YN)(current, `${secret.name} (AWSCURRENT)`);
            if (instance.MasterUsername && user !== instance.MasterUsername)
                throw new RotationRefused(`${secret.name}: DATABASE_URL logs in as ${user}, not as the master user ${instance.MasterUsername}; use kind database-user for an application role`);
            await currentLogsIn(current, unfinished);
        },
        newValue: async (current) => {
            const { user } = (0,values/* credentialsOf */.YN)(current, secret.name);
            return (0,values/* withCredentials */.tE)(current, user, (0,values/* databasePassword */.rd)(secret.length ?? 32));
        },
        apply: async (pending) => {
            try {
                await rds.set((0,values/* credentialsOf */.YN)(pending, secret.name).password, async () => {
                    const login = await (0,values/* tryLogin */.X)(pending);
                    return login.ok;
                });
            }
            catch (error) {
                // A refusal for the instance's state (another change of the master password being
                // applied, a backup started since preflight): RDS took nothing, the password is as it
                // was, so there is nothing to set back.
                if ((0,call/* awsErrorName */.ZH)(error) !== 'InvalidDBInstanceStateFault')
                    throw error;
                const status = (await rds.describe()).DBInstanceStatus ?? 'unknown';
                const resetting = status === 'resetting-master-credentials';
                throw new ApplyRefused(`RDS refused the new master password: ${rds.instanceId} is ${status}${resetting ? ' (another change of the master password is being applied)' : ''}`, resetting);
            }
        },
        settle: () => rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs),
        works,
        restore: async (value) => {
            // RDS refuses a modification while it applies one (a password it accepted even though
            // its answer was lost): wait for that first.
            await rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs);
            await rds.set((0,values/* credentialsOf */.YN)(value, secret.name).password, async () => {
                const login = await (0,values/* tryLogin */.X)(value);
                return login.ok;
            });
            await rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs);
            if (!(await works(value, true)))
                throw new errors/* DomainFailure */.dY(`${secret.name}: the old master password was set back but does not log in; fix the master password by hand (aws rds modify-db-instance --master-user-password) and run again`);
        },
    };
}
/** AWS's "alternating users": `<user>` and `<user>_clone` take turns; the other keeps working. */
function databaseUserDriver(secret, deps) {
    const works = loginChecker(deps);
    const currentLogsIn = currentLogin(secret, deps);
    const adminId = secret['admin-secret-id'];
    const adminUrl = async (current) => {
        const raw = (await deps.secrets.value(adminId)).value;
        if (/^postgres(ql)?:\/\//.test(raw))
            return raw;
        try {
            const { username, password } = JSON.parse(raw);
            if (username && password)
                return (0,values/* withCredentials */.tE)(current, username, password);
        }
        catch {
            // fall through to the error below
        }
        throw new RotationRefused(`${secret.name}: admin-secret-id ${adminId} holds neither a postgres:// URL nor {"username","password"}`);
    };
    const users = (current) => {
        const { user } = (0,values/* credentialsOf */.YN)(current, secret.name);
        const base = user.replace(/_clone$/, '');
        return { active: user, inactive: user === base ? `${base}_clone` : base };
    };
    const admin = async (current, fn) => {
        const url = await adminUrl(current);
        const client = await (0,pg_client/* pgClient */.Te)({
            connectionString: url,
            connectionTimeoutMillis: 5_000,
            statement_timeout: 10_000,
        });
        try {
            return await (0,pg_client/* usePgClient */.MK)(client, fn);
        }
        catch (error) {
            if (error instanceof errors/* DomainFailure */.dY)
                throw error;
            // pg's errors name users, but a driver error could quote the URL: never pass it on,
            // not even as a cause (a stack trace prints causes).
            // eslint-disable-next-line preserve-caught-error
            throw new Error((0,values/* withoutSecrets */.cT)(error.message, [url, current]));
        }
    };
    /** Table privileges of a role in the URL's database, to compare the two users. */
    const grants = async (c, role) => {
        const out = await c.query(`SELECT c.relname || ':' || p.priv AS grant
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE']) AS p(priv)
        WHERE n.nspname = 'public' AND c.relkind IN ('r','v','m','p')
          AND has_table_privilege($1, c.oid, p.priv)
        ORDER BY 1`, [role]);
        return out.rows.map((r) => r.grant);
    };
    return {
        applySteps: ['alter-role'],
        preflight: async (current, unfinished) => {
            await currentLogsIn(current, unfinished);
            await admin(current, async (c) => {
                await c.query('SELECT 1');
            }).catch((error) => {
                throw new RotationRefused(`${secret.name}: the admin URL in ${adminId} does not log in (${error.message})`);
            });
        },
        newValue: async (current) => (0,values/* withCredentials */.tE)(current, users(current).inactive, (0,values/* databasePassword */.rd)(secret.length ?? 32)),
        apply: async (pending, current) => {
            const { user, password } = (0,values/* credentialsOf */.YN)(pending, secret.name);
            const { active } = users(current);
            await admin(current, async (c) => {
                const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
                if (exists.rowCount === 0) {
                    // The clone inherits the active user's privileges by membership.
                    await c.query(`CREATE ROLE ${ident(user)} LOGIN PASSWORD ${literal((0,values/* scramVerifier */.v0)(password))}`);
                    await c.query(`GRANT ${ident(active)} TO ${ident(user)}`);
                }
                else
                    await c.query(`ALTER ROLE ${ident(user)} WITH LOGIN PASSWORD ${literal((0,values/* scramVerifier */.v0)(password))}`);
                const [mine, theirs] = [await grants(c, user), await grants(c, active)];
                const missing = theirs.filter((g) => !mine.includes(g));
                if (missing.length > 0)
                    throw new errors/* DomainFailure */.dY(`${secret.name}: role ${user} lacks privileges ${active} has (${missing.slice(0, 5).join(', ')}); grant them (or GRANT ${active} TO ${user}) and run again`);
            });
        },
        settle: async () => { },
        works,
        // The old user's password never changed: nothing to put back.
        restore: async () => { },
    };
}
/** RDS rotates its managed master secret itself; DATABASE_URL is rebuilt from it when stale. */
function rdsManagedDriver(secret, deps) {
    const rds = deps.rds;
    if (!rds)
        throw new RotationRefused(`${secret.name}: kind rds-managed needs database.instance in the environment's configuration`);
    const works = loginChecker(deps);
    let managedArn;
    return {
        applySteps: [],
        preflight: async () => {
            const instance = await rds.describe();
            managedArn = instance.MasterUserSecret?.SecretArn;
            if (!managedArn)
                throw new RotationRefused(`${secret.name}: RDS instance ${rds.instanceId} does not manage its master password (no MasterUserSecret); use kind rds-master-password`);
        },
        newValue: async (current) => {
            const raw = (await deps.secrets.value(managedArn)).value;
            const { username, password } = JSON.parse(raw);
            const now = (0,values/* credentialsOf */.YN)(current, secret.name);
            if (now.user === username && now.password === password)
                return undefined;
            return (0,values/* withCredentials */.tE)(current, username, password);
        },
        apply: async () => { },
        settle: async () => { },
        works,
        restore: async () => { },
    };
}

// EXTERNAL MODULE: ./core/rotation/grace.ts
var grace = __webpack_require__(2887);
;// CONCATENATED MODULE: ./core/targets/fly-secrets.ts
const DATABASE_KINDS = new Set(['rds-master-password', 'database-user', 'rds-managed']);
async function flySecretValues(env, store) {
    const ids = [];
    for (const secret of env.secrets ?? []) {
        const id = DATABASE_KINDS.has(secret.kind) && secret['database-url-secret-id']
            ? secret['database-url-secret-id']
            : secret['secret-id'];
        ids.push([secret.name, id]);
        if (secret['previous-secret-id'])
            ids.push([`${secret.name}_PREVIOUS`, secret['previous-secret-id']]);
        if (secret['next-secret-id'])
            ids.push([`${secret.name}_NEXT`, secret['next-secret-id']]);
    }
    const values = {};
    // Every value is read before anything is sent: one unreadable secret changes nothing on Fly.
    for (const [name, id] of ids)
        values[name] = (await store.value(id)).value;
    return values;
}

// EXTERNAL MODULE: ./core/health/smoke-test.ts + 1 modules
var smoke_test = __webpack_require__(9958);
;// CONCATENATED MODULE: ./core/rotation/redeploy.ts




const BY_DIGEST = /@sha256:[0-9a-f]{64}$/;
/**
 * What a rotation's redeploy must run: the digest that runs now. On a service configured by tag,
 * App Runner's StartDeployment pulls what the tag names now and ECS re-resolves it, so a tag
 * moved to an unreviewed build would ship with the new secret, and its failure would be blamed
 * on the secret and undo the rotation. Asked in preflight, before any change.
 * Returns undefined when the service is configured by digest (a restart runs that digest).
 */
async function runningImagePin(target) {
    const state = await target.describe();
    if (BY_DIGEST.test(state.image))
        return undefined;
    if (state.digest)
        return state.imageByDigest;
    throw new RotationRefused(`the service runs by tag (${state.image}) and ${target.kind === 'app-runner' ? 'App Runner does not report' : 'the platform does not report'} which digest it pulled: a redeploy would pull whatever the tag names now, possibly a build nobody reviewed. Deploy the reviewed version once (apprunner-ops deploy --image <tag>; the service is pinned by digest from then on), then rotate again; nothing was changed`);
}
/**
 * The platform reads secrets only when it starts tasks: a restart (App Runner StartDeployment,
 * a new ECS deployment), followed to the platform's own result (not the service status), then
 * the health checks, the database check included.
 * Returns why it failed, or undefined when the service is healthy on the new values.
 */
async function redeployAndVerify(deps, steps, label, prefix = '') {
    const { timing } = deps;
    const wait = { timeoutMs: timing.operationTimeoutMs, intervalMs: timing.pollIntervalMs };
    const started = await steps.run(label, `${prefix}start-deployment`, async () => {
        const state = await deps.target.waitUntilUpdatable(wait);
        // Fly machines read the app's own secrets, not Secrets Manager: AWSCURRENT goes there first.
        if (deps.target.stageSecrets && deps.secrets)
            await deps.target.stageSecrets(await flySecretValues(deps.env, deps.secrets));
        // Configured by tag: the same configuration with the running digest (which pins it from
        // then on), never what the tag names now.
        if (deps.redeployImage && !BY_DIGEST.test(state.image))
            return deps.target.switchImage(deps.redeployImage, { wait });
        return deps.target.restart(wait);
    });
    try {
        await steps.run(label, `${prefix}follow-operation`, async () => {
            const result = await deps.target.follow(started, wait);
            if (!result.ok)
                throw new RedeployFailed(result.message);
        });
        const health = deps.env.health;
        await steps.run(label, `${prefix}verify-health`, async () => {
            const report = await (0,smoke_test/* smokeTest */.K)({
                checks: health.checks,
                baseUrl: new URL(health['base-url']),
                timeoutMs: timing.verifyTimeoutMs,
                intervalMs: Math.min(timing.pollIntervalMs, 5_000),
            }, { clock: deps.clock, logger: deps.logger });
            if (!report.passed)
                throw new RedeployFailed(`health checks failed: ${report.checks
                    .filter((c) => !c.passed)
                    .map((c) => `${c.name}: ${c.lastReason}`)
                    .join('; ')}`);
        });
        return undefined;
    }
    catch (error) {
        if (error instanceof RedeployFailed)
            return error.message;
        throw error;
    }
}
class RedeployFailed extends errors/* DomainFailure */.dY {
    name = 'RedeployFailed';
}

// EXTERNAL MODULE: ./core/rotation/token.ts
var rotation_token = __webpack_require__(6586);
// EXTERNAL MODULE: ./core/rotation/types.ts
var types = __webpack_require__(4742);
;// CONCATENATED MODULE: ./core/rotation/rotate.ts
/**
 * Rotation that never loses the working secret (the Secrets Manager rotation contract):
 *   put the new value as AWSPENDING \u2192 apply it (RDS password, role) \u2192 test it (log in) \u2192
 *   move AWSCURRENT (the old version becomes AWSPREVIOUS) \u2192 redeploy (App Runner reads
 *   secrets only at deployment) \u2192 verify health.
 * Any stop leaves AWSCURRENT working: it moves only to a value that was just tested.
 * What a stopped run leaves is read from Secrets Manager, whichever run left it: an AWSPENDING
 * on another version than AWSCURRENT is a rotation under way or lost, and AWSCURRENT still
 * labelled UNDEPLOYED is one whose redeploy did not finish. By default a run stops before any
 * change when it finds either (another run may be at work); told `unfinished: resume` (rotate.yml,
 * whose concurrency group rules out a second run), it finishes or undoes what it found first.
 * The new version's id is derived from the AWSCURRENT it starts from, so of two runs starting
 * from the same AWSCURRENT only one can stage a version (a label of the run's own, put on with
 * the value, tells which when both stage the same value), and every label is moved naming the
 * version it is taken from, so a move never overrides another writer's.
 */








class RotationUndone extends errors/* DomainFailure */.dY {
    name = 'RotationUndone';
}
function driverFor(secret, ctx) {
    const deps = {
        secrets: ctx.secrets,
        rds: ctx.rds,
        clock: ctx.clock,
        logger: ctx.logger,
        loginTimeoutMs: ctx.timing.loginTimeoutMs,
        passwordTimeoutMs: ctx.timing.passwordTimeoutMs,
        pollIntervalMs: ctx.timing.pollIntervalMs,
    };
    switch (secret.kind) {
        case 'random':
            return randomDriver(secret);
        case 'rds-master-password':
            return rdsMasterPasswordDriver(secret, deps);
        case 'database-user':
            return databaseUserDriver(secret, deps);
        case 'rds-managed':
            return rdsManagedDriver(secret, deps);
        case 'external':
            throw new RotationRefused(`${secret.name} is kind external (issued by a third party): rotate it with its issuer, then store it with aws secretsmanager put-secret-value; rotate-secret never generates it`);
    }
}
const ago = (clock, at) => at
    ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.max(0, Math.round((clock.now() - at.getTime()) / 60_000))} min ago`
    : 'at an unknown time';
/** Why a run stops when it finds a rotation under way or lost, and how to go on. */
function inProgress(name, secretId, what, environment) {
    return new RotationRefused(`${name}: a rotation is under way or was lost: ${what}; nothing was changed. If no other rotation of ${name} runs now, finish it (or undo it when its value does not work) with rotate.yml (environment ${environment}, secret ${name}), or apprunner-ops rotate ${environment} ${name} --resume; its concurrency group rules out a second run (secret ${secretId})`);
}
/** Read-only: the secret exists, no rotation under way, the kind's own checks (e.g. login). */
async function preflight(secret, ctx, steps) {
    const driver = driverFor(secret, ctx);
    const secretId = (0,types/* rotatedSecretId */.n)(secret);
    return steps.run(secret.name, 'preflight', async () => {
        const described = await ctx.secrets.describe(secretId);
        if (described.rotationEnabled)
            throw new RotationRefused(`${secret.name}: Secrets Manager's own rotation is enabled on ${secretId}; two rotators would fight over AWSPENDING \u2014 turn it off (aws secretsmanager cancel-rotate-secret) or stop rotating ${secret.name} here`);
        // One snapshot of the labels decides which version is current, whether a rotation is under
        // way and the id of this run's version: read apart (the labels by DescribeSecret, the
        // versions later), another run's version staged in between was missed as "under way" yet
        // moved this run's id on to the next free one, so both runs staged a version and the later
        // one took AWSPENDING from the first.
        const versions = await ctx.secrets.versionList(secretId);
        const stages = Object.fromEntries(versions.map((v) => [v.versionId, v.stages]));
        const holder = (label) => versions.find((v) => v.stages.includes(label))?.versionId;
        const currentId = holder('AWSCURRENT');
        const current = await ctx.secrets.value(secretId, currentId ? { versionId: currentId } : { stage: 'AWSCURRENT' });
        if (types/* DATABASE_KINDS */.w.includes(secret.kind)) {
            (0,values/* credentialsOf */.YN)(current.value, `${secret.name} (AWSCURRENT of ${secretId})`);
            if (ctx.databaseAccess)
                await (0,access/* preflightDatabases */.O)(ctx.databaseAccess, [{ url: current.value, what: `the database of ${secret.name}` }], ctx.logger);
        }
        const tokens = (0,rotation_token/* baseTokens */.Ob)(secretId, current.versionId, versions.map((v) => v.versionId));
        const heldPending = holder('AWSPENDING');
        const pendingId = heldPending !== current.versionId ? heldPending : undefined;
        const unfinished = pendingId
            ? {
                versionId: pendingId,
                stagedAt: versions.find((v) => v.versionId === pendingId)?.createdAt,
                fromCurrent: tokens.used.includes(pendingId),
            }
            : undefined;
        const undeployed = stages[current.versionId]?.includes(rotation_token/* UNDEPLOYED */.Mx) ?? false;
        const pendingOnCurrent = stages[current.versionId]?.includes('AWSPENDING') ?? false;
        const createdAt = versions.find((v) => v.versionId === current.versionId)?.createdAt;
        if (ctx.unfinished === 'stop' && unfinished)
            throw inProgress(secret.name, secretId, `AWSPENDING is on version ${unfinished.versionId}, staged ${ago(ctx.clock, unfinished.stagedAt)}`, ctx.environment);
        if (ctx.unfinished === 'stop' && undeployed)
            throw inProgress(secret.name, secretId, `AWSCURRENT (version ${current.versionId}, made ${ago(ctx.clock, createdAt)}) is not deployed yet`, ctx.environment);
        try {
            await driver.preflight(current.value, unfinished !== undefined);
        }
        catch (error) {
            // Another run may have staged its version and applied it since this one read the
            // labels (RDS is then resetting-master-credentials): say so, not only what RDS says.
            const now = ctx.unfinished === 'stop' ? await ctx.secrets.describe(secretId) : undefined;
            if (now?.unfinishedVersionId && now.unfinishedVersionId !== pendingId)
                throw inProgress(secret.name, secretId, `while this run checked, another run staged version ${now.unfinishedVersionId} (${(0,errors/* errorMessage */.gJ)(error)})`, ctx.environment);
            throw error;
        }
        const nextId = secret['next-secret-id'];
        if (nextId)
            await serviceReadsNextKey(secret.name, nextId, ctx);
        const previousVersionId = holder('AWSPREVIOUS');
        return {
            secret,
            secretId,
            driver,
            current: { ...current, createdAt },
            previousVersionId,
            unfinished,
            undeployed,
            pendingOnCurrent,
            nextToken: tokens.next,
        };
    });
}
/**
 * Two phases help only if the service reads the next-secret: otherwise phase one deploys
 * nothing new, and the second rollout refuses tokens as one phase would. The service's secret
 * references (ARNs, with the 6-character suffix Secrets Manager adds, maybe a JSON key) are
 * compared with next-secret-id (a name or an ARN).
 */
async function serviceReadsNextKey(name, nextId, ctx) {
    const refs = Object.entries((await ctx.target.describe()).secrets);
    const escaped = nextId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const names = new RegExp(`(^|:secret:)${escaped}(-[A-Za-z0-9]{6})?(:|$)`);
    if (refs.some(([, ref]) => ref === nextId || names.test(ref)))
        return;
    throw new RotationRefused(`${name}: next-secret-id ${nextId} is not read by the service (its secrets: ${refs.map(([k]) => k).join(', ') || 'none'}), so its instances would never accept the new key before signing with it; give the service JWT_SECRET_NEXT from ${nextId} and have the app accept it (examples/app/jwt-keys.ts), deploy, then rotate; nothing was changed`);
}
/** Rotates one secret whose preflight passed; throws RotationUndone (red) after an undo. */
async function rotateSecret(p, ctx, steps) {
    const { secret, secretId, driver } = p;
    const name = secret.name;
    const outcome = {
        name,
        kind: secret.kind,
        secretId,
        result: 'unchanged',
        versionId: p.current.versionId,
        notes: [],
    };
    const current = p.current;
    if (p.unfinished) {
        const pendingId = p.unfinished.versionId;
        const pending = await ctx.secrets.value(secretId, { versionId: pendingId });
        // A run lost inside put-pending left its staging label: the version is resumed here.
        const strays = (await ctx.secrets.describe(secretId)).stages[pendingId] ?? [];
        for (const label of strays.filter((l) => l.startsWith(rotation_token/* STAGING_PREFIX */.th)))
            await ctx.secrets.removeStage(secretId, label, pendingId);
        await steps.run(name, 'resume-wait-applied', () => driver.settle());
        const works = await steps.run(name, 'resume-test-pending', () => driver.works(pending.value, true));
        const currentWorks = await driver.works(current.value, false);
        // A version staged from another AWSCURRENT is finished only when nothing else works:
        // its previous-secret write and its alternating user belong to that other AWSCURRENT.
        if (works && (p.unfinished.fromCurrent || !currentWorks)) {
            outcome.notes.push(`an unfinished rotation (AWSPENDING on version ${pendingId}, staged ${ago(ctx.clock, p.unfinished.stagedAt)}) was found; its value works, so it was finished`);
            return finish(p, ctx, steps, outcome, pendingId, pending.value, current);
        }
        await steps.run(name, 'resume-undo-pending', async () => {
            if (!currentWorks)
                await driver.restore(current.value);
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', pendingId);
            await ctx.secrets.removeStage(secretId, rotation_token/* UNDEPLOYED */.Mx, pendingId);
        });
        outcome.notes.push(`an unfinished rotation (AWSPENDING on version ${pendingId}) was found; ${works ? 'it was staged from another AWSCURRENT' : 'its value does not work'}, so it was undone (AWSPENDING removed, AWSCURRENT kept)`);
    }
    // A run lost inside move-current left AWSPENDING beside AWSCURRENT: take it off, so the
    // secret shows no rotation under way once this run is done.
    if (p.pendingOnCurrent)
        await steps.run(name, 'resume-clear-pending', () => ctx.secrets.removeStage(secretId, 'AWSPENDING', current.versionId), `version ${current.versionId}`);
    // A run lost after AWSCURRENT moved: the service may still run the previous value.
    if (p.undeployed) {
        outcome.notes.push(`AWSCURRENT (version ${current.versionId}) was not deployed yet: resumed at the redeploy`);
        const old = p.previousVersionId
            ? await ctx.secrets.value(secretId, { versionId: p.previousVersionId })
            : undefined;
        await syncCredentials(p, ctx, steps, current.versionId, current.value);
        return finishTail(p, ctx, steps, outcome, current.versionId, old);
    }
    const token = p.nextToken;
    const value = await steps.run(name, 'new-value', async () => {
        const made = await driver.newValue(current.value);
        if (made !== undefined)
            ctx.mask(made);
        return made;
    });
    if (value === undefined) {
        outcome.notes.push('the value is already up to date: nothing to rotate');
        steps.record(name, 'nothing-to-rotate', 'skipped', 'already up to date', ctx.clock.now());
        return outcome;
    }
    await steps.run(name, 'put-pending', async () => {
        // Staging is the point where two runs exclude each other. Both runs from the same
        // AWSCURRENT ask for the same version id: with different values Secrets Manager refuses
        // the second (VersionExists); with the same value (rds-managed: both rebuild the URL from
        // the managed secret) it ignores the second request, labels included, so a label only
        // this run puts on tells whether this run made the version.
        const mine = (0,rotation_token/* stagingLabel */.Ax)();
        try {
            await ctx.secrets.put(secretId, token, value, ['AWSPENDING', rotation_token/* UNDEPLOYED */.Mx, mine]);
        }
        catch (error) {
            if (!(error instanceof secrets_manager/* VersionExists */.NT))
                throw error;
            throw inProgress(name, secretId, `another run started from the same AWSCURRENT (version ${current.versionId}) and staged version ${token} first`, ctx.environment);
        }
        const now = await ctx.secrets.describe(secretId);
        if (!now.stages[token]?.includes(mine))
            throw inProgress(name, secretId, `another run started from the same AWSCURRENT (version ${current.versionId}) and staged version ${token}, with the same value, first`, ctx.environment);
        await ctx.secrets.removeStage(secretId, mine, token);
        // Another writer from another AWSCURRENT may have taken AWSPENDING or moved AWSCURRENT.
        if (now.currentVersionId !== current.versionId ||
            !now.stages[token]?.includes('AWSPENDING')) {
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
            await ctx.secrets.removeStage(secretId, rotation_token/* UNDEPLOYED */.Mx, token);
            throw inProgress(name, secretId, `while this run staged version ${token}, AWSCURRENT moved to ${now.currentVersionId ?? '(none)'} and AWSPENDING is on ${now.unfinishedVersionId ?? '(none)'}; this run's version was withdrawn`, ctx.environment);
        }
    }, `version ${token}`);
    const applied = await applyAndTest(p, steps, value, current.value);
    if (!applied.ok && applied.refused) {
        // Nothing took the new value: take off this run's labels and nothing else (the state that
        // made the system refuse is someone else's, e.g. another change of the master password).
        await steps.run(name, 'withdraw-pending', async () => {
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
            await ctx.secrets.removeStage(secretId, rotation_token/* UNDEPLOYED */.Mx, token);
        });
        const what = `${applied.why}; this run's version ${token} was withdrawn, the database was not touched and AWSCURRENT did not move`;
        if (applied.refused.anotherChange)
            throw inProgress(name, secretId, what, ctx.environment);
        throw new RotationRefused(`${name}: ${what}; run again once it is available`);
    }
    if (!applied.ok) {
        await steps.run(name, 'undo', async () => {
            if (!(await driver.works(current.value, false)))
                await driver.restore(current.value);
            if (!(await driver.works(current.value, true)))
                throw new errors/* DomainFailure */.dY(`${name}: the old value does not log in after the undo`);
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
            await ctx.secrets.removeStage(secretId, rotation_token/* UNDEPLOYED */.Mx, token);
        });
        outcome.result = 'undone';
        throw new RotationUndone(`${name}: the new value did not work (${applied.why}); undone: the old ${types/* DATABASE_KINDS */.w.includes(secret.kind) ? 'password' : 'value'} works and AWSCURRENT did not move`);
    }
    return finish(p, ctx, steps, outcome, token, value, current);
}
async function applyAndTest(p, steps, value, current) {
    const { driver } = p;
    const name = p.secret.name;
    const [applyName, settleName] = driver.applySteps;
    try {
        if (applyName)
            await steps.run(name, applyName, () => driver.apply(value, current));
        if (settleName === 'wait-applied')
            await steps.run(name, settleName, () => driver.settle());
    }
    catch (error) {
        return {
            ok: false,
            why: (0,errors/* errorMessage */.gJ)(error),
            refused: error instanceof ApplyRefused ? error : undefined,
        };
    }
    if (!types/* DATABASE_KINDS */.w.includes(p.secret.kind))
        return { ok: true };
    const works = await steps.run(name, 'test-login', () => driver.works(value, true));
    return works ? { ok: true } : { ok: false, why: 'the pending DATABASE_URL does not log in' };
}
/** Moves AWSCURRENT to a version whose value was just shown to work, then redeploys. */
async function finish(p, ctx, steps, outcome, versionId, value, old) {
    const { secret, secretId, driver } = p;
    const previousId = secret['previous-secret-id'];
    const nextId = secret['next-secret-id'];
    if (nextId)
        await acceptFirst(p, ctx, steps, outcome, nextId, versionId, value);
    else if (previousId)
        outcome.notes.push(`one phase: while the redeploy rolls out, instances still on the old key refuse tokens the new instances sign; give ${secret.name} a next-secret-id (and the app JWT_SECRET_NEXT as an accepted key) to rotate in two phases`);
    if (previousId)
        await steps.run(secret.name, 'write-previous', 
        // The old value goes to the previous-secret first, so sessions signed with it survive.
        // Its token is the new version's id, so a resumed run writes the same thing again; a
        // repeated request is ignored by Secrets Manager, stages included, hence the move.
        async () => {
            await ctx.secrets.put(previousId, versionId, old.value, ['AWSCURRENT']);
            await ctx.secrets.moveStage(previousId, 'AWSCURRENT', versionId, 'read');
        }, previousId);
    await steps.run(secret.name, 'move-current', async () => {
        try {
            await ctx.secrets.moveStage(secretId, 'AWSCURRENT', versionId, old.versionId);
        }
        catch (error) {
            if (!(error instanceof secrets_manager/* StageMoved */.Ux))
                throw error;
            // Another writer made its own version current meanwhile: give it back its service.
            if (error.holder) {
                const theirs = await ctx.secrets.value(secretId, { versionId: error.holder });
                if (!(await driver.works(theirs.value, false)))
                    await driver.restore(theirs.value);
            }
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
            await ctx.secrets.removeStage(secretId, rotation_token/* UNDEPLOYED */.Mx, versionId);
            throw new errors/* DomainFailure */.dY(`${secret.name}: another writer moved AWSCURRENT of ${secretId} to version ${error.holder ?? '(none)'} while this run rotated it; this run's version ${versionId} was withdrawn and AWSCURRENT left as that writer set it`);
        }
        await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
    }, `version ${versionId}; ${old.versionId} is AWSPREVIOUS`);
    await syncCredentials(p, ctx, steps, versionId, value);
    return finishTail(p, ctx, steps, outcome, versionId, old);
}
/**
 * Phase one of a two-phase key rotation: the new key goes to the next-secret, which the app
 * accepts but never signs with, and a redeploy makes every instance accept it, before any
 * instance signs with it. During that rollout every instance signs with the current key, which
 * all of them accept; during the second one (the new key becomes JWT_SECRET, the old one
 * JWT_SECRET_PREVIOUS) old instances accept the new key as the next one and new instances the
 * old key as the previous one. A one-phase rotation lets new instances sign with a key old
 * instances do not know, so their tokens are refused (401) wherever the rollout still routes to
 * an old instance, and ECS's canary alarm may count those and roll the rotation back.
 * AWSCURRENT has not moved yet: a failure here leaves the signing key as it was.
 */
async function acceptFirst(p, ctx, steps, outcome, nextId, versionId, value) {
    const { secret, secretId } = p;
    // The token is the new version's id, so a resumed run writes the same thing again; Secrets
    // Manager ignores a repeated request, stages included, hence the move.
    await steps.run(secret.name, 'write-next', async () => {
        await ctx.secrets.put(nextId, versionId, value, ['AWSCURRENT']);
        await ctx.secrets.moveStage(nextId, 'AWSCURRENT', versionId, 'read');
    }, nextId);
    // A resumed rotation whose first redeploy ended: a successful deployment that started after
    // the next key was written runs it on every instance.
    const written = await ctx.secrets.currentVersion(nextId);
    const deployedAt = await ctx.target.lastDeployedAt();
    if (written && deployedAt && deployedAt.getTime() > written.createdAt.getTime()) {
        outcome.notes.push(`the new key (version ${versionId}) was already deployed as an accepted key by ${deployedAt.toISOString()}: phase one not repeated`);
        steps.record(secret.name, 'accept-start-deployment', 'skipped', 'already deployed', ctx.clock.now());
        return;
    }
    const failure = await redeployAndVerify(ctx, steps, secret.name, 'accept-');
    if (failure === undefined) {
        outcome.notes.push(`phase one: every instance accepts the new key (${nextId}) before any signs with it`);
        return;
    }
    await steps.run(secret.name, 'undo-pending', async () => {
        await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
        await ctx.secrets.removeStage(secretId, rotation_token/* UNDEPLOYED */.Mx, versionId);
    });
    outcome.result = 'undone';
    // The next-secret keeps the new key: accepted, never signed with, and replaced by the next
    // rotation; putting it back would take another redeploy of a service that just failed one.
    throw new RotationUndone(`${secret.name}: the redeploy that makes every instance accept the new key failed (${failure}); rotation undone: AWSCURRENT did not move, every instance signs with the old key \u2014 investigate the service, then rotate again`);
}
/**
 * Database kinds: a separate secret-id holding {"username","password"} follows DATABASE_URL,
 * with the DATABASE_URL version's id as token. That token exists already when going back to a
 * version it once followed (an undo): Secrets Manager then ignores the request, stages
 * included, so AWSCURRENT is moved to it explicitly.
 */
async function syncCredentials(p, ctx, steps, versionId, url) {
    const { secret, secretId } = p;
    if (!types/* DATABASE_KINDS */.w.includes(secret.kind) || secret['secret-id'] === secretId)
        return;
    const { user, password } = (0,values/* credentialsOf */.YN)(url, secret.name);
    const id = secret['secret-id'];
    await steps.run(secret.name, 'sync-credentials', async () => {
        await ctx.secrets.put(id, versionId, JSON.stringify({ username: user, password }), [
            'AWSCURRENT',
        ]);
        await ctx.secrets.moveStage(id, 'AWSCURRENT', versionId, 'read');
    });
}
async function finishTail(p, ctx, steps, outcome, versionId, old) {
    const { secret, secretId, driver } = p;
    const failure = await redeployAndVerify(ctx, steps, secret.name);
    if (failure === undefined) {
        await steps.run(secret.name, 'mark-deployed', () => ctx.secrets.removeStage(secretId, rotation_token/* UNDEPLOYED */.Mx, versionId));
        outcome.result = 'rotated';
        outcome.versionId = versionId;
        outcome.rotatedAt = new Date(ctx.clock.now()).toISOString();
        return outcome;
    }
    if (!old)
        throw new errors/* DomainFailure */.dY(`${secret.name}: the redeploy failed (${failure}) and there is no AWSPREVIOUS version to go back to; investigate the service`);
    // Undo: the old value must work again before AWSCURRENT goes back to it.
    await steps.run(secret.name, 'undo-restore', async () => {
        if (!(await driver.works(old.value, false)))
            await driver.restore(old.value);
    });
    await steps.run(secret.name, 'undo-move-current', async () => {
        await ctx.secrets.moveStage(secretId, 'AWSCURRENT', old.versionId, versionId);
        await ctx.secrets.moveStage(secretId, rotation_token/* UNDEPLOYED */.Mx, old.versionId, 'read');
    });
    await syncCredentials(p, ctx, steps, old.versionId, old.value);
    const again = await redeployAndVerify(ctx, steps, secret.name, 'undo-');
    if (again === undefined)
        await steps.run(secret.name, 'undo-mark-deployed', () => ctx.secrets.removeStage(secretId, rotation_token/* UNDEPLOYED */.Mx, old.versionId));
    outcome.result = 'undone';
    outcome.versionId = old.versionId;
    throw new RotationUndone(again === undefined
        ? `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone: AWSCURRENT is the old version ${old.versionId} again and the service is healthy on it`
        : `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone (AWSCURRENT is the old version ${old.versionId}) but the service is still unhealthy (${again}) \u2014 investigate now`);
}

;// CONCATENATED MODULE: ./core/rotation/steps.ts

/**
 * Every step of a rotation with its duration, for the summary. `step done: <secret> <step>` is
 * logged after each one: it says where a lost run stopped, and the fault tests kill on it.
 */
class StepLog {
    clock;
    logger;
    steps = [];
    constructor(clock, logger) {
        this.clock = clock;
        this.logger = logger;
    }
    async run(secret, name, fn, detail = '') {
        const startedAt = this.clock.now();
        try {
            const value = await fn();
            this.record(secret, name, 'ok', detail, startedAt);
            return value;
        }
        catch (error) {
            this.record(secret, name, 'failed', (0,errors/* errorMessage */.gJ)(error), startedAt);
            throw error;
        }
    }
    record(secret, name, status, detail, startedAt) {
        this.steps.push({
            secret,
            name,
            status,
            detail,
            startedAt,
            durationMs: this.clock.now() - startedAt,
        });
        this.logger.info(`step ${status === 'ok' ? 'done' : status}: ${secret} ${name}${detail ? ` (${detail})` : ''}`);
    }
}

;// CONCATENATED MODULE: ./core/rotation/run.ts
/**
 * One rotate-secret run: choose the secrets (a name, or `due`), preflight all of them (nothing
 * changes), then rotate them one by one, and record each (audit row, Slack, summary).
 */











/**
 * The secrets a request names, checked against the configuration before any call: an unknown
 * name, an external secret, or a database kind without a database is one clear error.
 */
function selectSecrets(request, secrets, environment, hasDatabase) {
    const names = secrets.map((s) => s.name);
    let chosen;
    if (request.secret === 'due')
        chosen = secrets.filter((s) => s['rotate-every-days'] !== undefined);
    else {
        const found = secrets.find((s) => s.name === request.secret);
        if (!found)
            throw new errors/* InputError */.dz('secret', `"${request.secret}" is not a secret of environment ${environment}; expected one of ${names.length ? names.join(', ') : '(none configured under secrets:)'} or "due"`);
        if (found.kind === 'external')
            throw new errors/* InputError */.dz('secret', `${found.name} is kind external (issued by a third party): rotate-secret never generates it; rotate it with its issuer and store the new value with aws secretsmanager put-secret-value`);
        chosen = [found];
    }
    for (const s of chosen)
        if (types/* DATABASE_KINDS */.w.includes(s.kind) && !hasDatabase)
            throw new errors/* InputError */.dz('secret', `${s.name} is kind ${s.kind}, which needs environments.${environment}.database.instance in the configuration`);
    return chosen;
}
const DAY = 86_400_000;
/**
 * For `due`: an unfinished rotation (whichever run left it), an AWSCURRENT not deployed yet,
 * an AWSCURRENT older than rotate-every-days (its version's creation date: LastChangedDate
 * moves on any change, an undone rotation or a tag), or, for rds-managed, a managed master
 * secret RDS rotated after DATABASE_URL was built.
 */
async function isDue(secret, ctx) {
    const secretId = (0,types/* rotatedSecretId */.n)(secret);
    const d = await ctx.secrets.describe(secretId);
    if (d.unfinishedVersionId)
        return {
            due: true,
            why: `an unfinished rotation (AWSPENDING on version ${d.unfinishedVersionId}) is waiting`,
        };
    if (d.currentVersionId && d.stages[d.currentVersionId]?.includes(rotation_token/* UNDEPLOYED */.Mx))
        return {
            due: true,
            why: `AWSCURRENT (version ${d.currentVersionId}) is not deployed yet: the redeploy is left`,
        };
    const current = await ctx.secrets.currentVersion(secretId);
    const made = current?.createdAt.getTime() ?? d.lastChangedAt?.getTime() ?? 0;
    // A value put after the service last deployed (by hand, or by a run lost before its
    // redeploy that predates the label) is not what the service runs.
    const deployedAt = await lastDeployed(ctx);
    if (secret.kind !== 'external' && current && deployedAt && made > deployedAt.getTime())
        return {
            due: true,
            why: `AWSCURRENT (version ${current.versionId}, made ${current.createdAt.toISOString()}) is newer than the service's last deployment (${deployedAt.toISOString()})`,
        };
    if (secret.kind === 'rds-managed' && ctx.rds) {
        const arn = (await ctx.rds.describe()).MasterUserSecret?.SecretArn;
        const managed = arn ? await ctx.secrets.currentVersion(arn) : undefined;
        if (managed && managed.createdAt.getTime() > made)
            return {
                due: true,
                why: `RDS rotated its managed master secret at ${managed.createdAt.toISOString()}, after DATABASE_URL was built`,
            };
    }
    const ageDays = (ctx.clock.now() - made) / DAY;
    const every = secret['rotate-every-days'];
    return {
        due: ageDays >= every,
        why: `AWSCURRENT is ${Math.floor(ageDays)} days old (every ${every} days)`,
    };
}
const deployedAtOf = new WeakMap();
/** The service's last deployment, asked once per run. */
function lastDeployed(ctx) {
    let at = deployedAtOf.get(ctx);
    if (!at) {
        at = ctx.target.lastDeployedAt();
        deployedAtOf.set(ctx, at);
    }
    return at;
}
async function runRotation(request, ctx) {
    const steps = new StepLog(ctx.clock, ctx.logger);
    const candidates = selectSecrets(request, ctx.env.secrets ?? [], ctx.environment, ctx.env.database !== undefined);
    const reminders = [];
    let chosen = candidates;
    if (request.secret === 'due') {
        chosen = [];
        for (const s of candidates) {
            const { due, why } = await isDue(s, ctx);
            if (s.kind === 'external') {
                if (due)
                    reminders.push(`${s.name} (external) is due for rotation with its issuer: ${why}`);
                continue;
            }
            ctx.logger.info(`${s.name}: ${due ? 'due' : 'not due'} (${why})`);
            if (due)
                chosen.push(s);
        }
        for (const r of reminders)
            ctx.logger.warning(r);
    }
    // Nothing changed when a preflight stops the run: it ends here, recorded (summary, commit
    // status) like any other.
    const stopped = async (s, error) => {
        const what = `${error instanceof errors/* DomainFailure */.dY || error instanceof RotationRefused ? '' : `${s.name}: preflight stopped by an error: `}${(0,errors/* errorMessage */.gJ)(error)}${/nothing was changed$/.test((0,errors/* errorMessage */.gJ)(error)) ? '' : '; nothing was changed'}`;
        if (!request.dryRun)
            await commitStatus(request, ctx, false, []);
        return {
            ok: false,
            headline: what,
            outcomes: [
                {
                    name: s.name,
                    kind: s.kind,
                    secretId: (0,types/* rotatedSecretId */.n)(s),
                    result: 'failed',
                    notes: [what],
                },
            ],
            reminders,
            retired: [],
            steps,
            plan: [],
        };
    };
    // Preflight every secret before the first change.
    const preflights = [];
    for (const s of chosen) {
        try {
            preflights.push(await preflight(s, ctx, steps));
        }
        catch (error) {
            return stopped(s, error);
        }
    }
    // Previous keys past their grace-days, except those this run rotates (their previous-secret
    // gets the old value anew).
    const expired = (await (0,grace/* previousKeyAges */.B3)(ctx.env.secrets ?? [], ctx.secrets, ctx.clock)).filter((a) => a.expired && !chosen.includes(a.secret));
    // What the redeploy runs: the digest running now, whatever its tag names by then.
    const first = preflights[0]?.secret ?? expired[0]?.secret;
    if (first) {
        try {
            ctx.redeployImage = await steps.run(first.name, 'pin-running-image', () => runningImagePin(ctx.target));
        }
        catch (error) {
            return stopped(first, error);
        }
    }
    const plan = [
        ...(ctx.redeployImage
            ? [
                `the service is configured by tag: every redeploy runs ${ctx.redeployImage} (what runs now) and pins it`,
            ]
            : []),
        ...expired.map((a) => `${(0,grace/* describeAge */.HK)(a)}: replace it with an unknowable key, then ${preflights.length ? 'the rotation\u2019s redeploy' : 'StartDeployment \u2192 follow \u2192 verify health'}`),
        ...preflights.map((p) => `${p.secret.name} (${p.secret.kind}, ${p.secretId}): ${p.undeployed && !p.unfinished
            ? `redeploy and verify (AWSCURRENT ${p.current.versionId} is not deployed yet)`
            : `${p.unfinished ? `finish or undo the unfinished rotation ${p.unfinished.versionId}, then ` : ''}new version ${p.nextToken} as AWSPENDING \u2192 ${[...p.driver.applySteps, ...(types/* DATABASE_KINDS */.w.includes(p.secret.kind) ? ['test-login'] : [])].join(' \u2192 ') || 'no apply step'}${p.secret['next-secret-id'] ? ` \u2192 new key to ${p.secret['next-secret-id']} (accepted, not signing) \u2192 StartDeployment \u2192 follow \u2192 verify health` : ''}${p.secret['previous-secret-id'] ? ` \u2192 old value to ${p.secret['previous-secret-id']}` : ''} \u2192 move AWSCURRENT \u2192 StartDeployment \u2192 follow \u2192 verify health`}`),
    ];
    if (request.dryRun) {
        return {
            ok: true,
            headline: `Dry run: ${preflights.length} secret(s) would be rotated${expired.length ? ` and ${expired.length} previous key(s) retired` : ''} in ${ctx.environment}; nothing changed`,
            outcomes: preflights.map((p) => ({
                name: p.secret.name,
                kind: p.secret.kind,
                secretId: p.secretId,
                result: 'planned',
                notes: [],
            })),
            reminders,
            retired: [],
            steps,
            plan,
        };
    }
    const failures = [];
    const retired = [];
    for (const a of expired) {
        await steps.run(a.secret.name, 'retire-previous', () => (0,grace/* retirePreviousKey */.QA)(a, ctx.secrets, (0,grace/* retirementToken */.n6)(ctx.run, ctx.environment, a.previousSecretId)), a.previousSecretId);
        retired.push(`previous key of ${a.secret.name} (${a.previousSecretId}) retired after ${Math.floor(a.ageDays)} days (grace-days ${a.graceDays})`);
    }
    // Nothing else redeploys: the service must stop holding the retired key now.
    if (retired.length > 0 && preflights.length === 0) {
        const failure = await redeployAndVerify(ctx, steps, 'previous keys');
        if (failure)
            failures.push(`redeploy after retiring the previous keys failed: ${failure}`);
    }
    const outcomes = [];
    for (const p of preflights) {
        try {
            const outcome = await rotateSecret(p, ctx, steps);
            outcomes.push(outcome);
            if (outcome.result === 'rotated')
                await record(outcome, request, ctx, steps);
        }
        catch (error) {
            const undone = error instanceof RotationUndone;
            // Whatever stopped it (an AWS error included), the run ends with a summary, a commit
            // status and the state the secret was left in: that is what the next person needs.
            const known = error instanceof errors/* DomainFailure */.dY || error instanceof RotationRefused;
            const left = await stateLeft(p, ctx);
            const what = `${known ? '' : `${p.secret.name}: stopped by an error: `}${(0,errors/* errorMessage */.gJ)(error)}${left ? ` \u2014 ${left}` : ''}`;
            outcomes.push({
                name: p.secret.name,
                kind: p.secret.kind,
                secretId: p.secretId,
                result: undone ? 'undone' : 'failed',
                notes: [what],
            });
            failures.push(what);
            await notify(request, ctx, `:warning: Rotation of ${p.secret.name} in ${ctx.environment} ${undone ? 'was undone' : 'failed'}`, { reason: request.reason, what });
        }
    }
    const rotated = outcomes.filter((o) => o.result === 'rotated').map((o) => o.name);
    await commitStatus(request, ctx, failures.length === 0, rotated);
    const headline = failures.length > 0
        ? failures.join('; ')
        : rotated.length > 0
            ? `Rotated ${rotated.join(', ')} in ${ctx.environment}; the service is healthy on the new values`
            : retired.length > 0
                ? `Retired ${retired.length} previous key(s) in ${ctx.environment}; the service is healthy without them`
                : `Nothing to rotate in ${ctx.environment}${request.secret === 'due' ? ' (no secret is due)' : ''}`;
    return { ok: failures.length === 0, headline, outcomes, reminders, retired, steps, plan };
}
/** The labels a stopped rotation left on its secret, for people (ids only); '' if unreadable. */
async function stateLeft(p, ctx) {
    try {
        const d = await ctx.secrets.describe(p.secretId);
        const undeployed = d.currentVersionId && d.stages[d.currentVersionId]?.includes(rotation_token/* UNDEPLOYED */.Mx);
        return `left: AWSCURRENT is version ${d.currentVersionId ?? '(none)'}${undeployed ? ' (not deployed yet)' : ''}${d.unfinishedVersionId ? `, AWSPENDING on version ${d.unfinishedVersionId} (a re-run with unfinished: resume finishes or undoes it)` : ', no AWSPENDING'}`;
    }
    catch (error) {
        return `the state left could not be read (${(0,errors/* errorMessage */.gJ)(error)})`;
    }
}
async function notify(request, ctx, headline, fields) {
    if (!request.slackWebhookUrl)
        return;
    try {
        await (0,slack/* postToSlack */.u)(request.slackWebhookUrl, (0,slack/* slackMessage */.y)(headline, { environment: ctx.environment, ...fields }, {
            text: 'the run',
            url: ctx.run.runUrl,
        }), { clock: ctx.clock, logger: ctx.logger });
    }
    catch (error) {
        ctx.logger.warning(`Slack message not sent: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** The audit row (as the runbook has it) and the Slack message: names and ids, never a value. */
async function record(outcome, request, ctx, steps) {
    const auditUrl = request.auditDatabaseUrl;
    const startedAt = ctx.clock.now();
    if (auditUrl) {
        try {
            await (0,audit_log/* writeAuditEntry */.v3)(auditUrl, {
                action: 'secret_rotated',
                resourceType: 'secret',
                resourceId: outcome.name,
                details: {
                    rotated_at: outcome.rotatedAt,
                    version_id: outcome.versionId,
                    kind: outcome.kind,
                    reason: request.reason,
                    environment: ctx.environment,
                    secret_id: outcome.secretId,
                },
                actor: ctx.run.actor,
                runUrl: ctx.run.runUrl,
            });
            steps.record(outcome.name, 'audit-row', 'ok', 'audit_log secret_rotated', startedAt);
        }
        catch (error) {
            steps.record(outcome.name, 'audit-row', 'failed', (0,errors/* errorMessage */.gJ)(error), startedAt);
            ctx.logger.warning(`audit_log row not written: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    await notify(request, ctx, `:key: Rotated ${outcome.name} in ${ctx.environment}`, {
        kind: outcome.kind,
        version: outcome.versionId ?? '',
        reason: request.reason,
        ...(outcome.notes.length ? { notes: outcome.notes.join(' ') } : {}),
    });
}
/** A commit status on the run's commit: the GitHub record of the rotation (names, never values). */
async function commitStatus(request, ctx, ok, rotated) {
    if (!request.githubToken || !ctx.run.sha)
        return;
    const [owner, repo] = ctx.run.repository.split('/');
    try {
        const octokit = (0,github_octokit.createOctokit)(request.githubToken, {
            apiUrl: ctx.run.apiUrl,
            logger: ctx.logger,
        });
        await octokit.rest.repos.createCommitStatus({
            owner: owner ?? '',
            repo: repo ?? '',
            sha: ctx.run.sha,
            state: ok ? 'success' : 'failure',
            context: `apprunner-ops/rotate-secret (${ctx.environment})`,
            description: (ok
                ? `Rotated ${rotated.join(', ') || 'nothing'}`
                : 'Rotation failed or was undone').slice(0, 140),
            target_url: ctx.run.runUrl,
        });
    }
    catch (error) {
        ctx.logger.warning(`GitHub commit status not recorded: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}

;// CONCATENATED MODULE: ./core/rotation/prepare.ts








/** What a run does with a rotation it finds unfinished (AWSPENDING, or not yet deployed). */
const UNFINISHED_MODES = ['stop', 'resume'];
/**
 * Loads the configuration and checks the request against it before the first AWS call: an
 * unknown secret, an external one, or a database kind without a database changes nothing.
 */
async function prepareRotation(inputs, deps) {
    const config = await (0,load/* loadConfig */.Z9)(inputs.config);
    const env = (0,load/* selectEnvironment */.aP)(config, inputs.environment, inputs.config);
    selectSecrets(inputs, env.secrets ?? [], inputs.environment, env.database !== undefined);
    const clients = deps.clients ?? (0,aws_clients/* createAwsClients */.Gv)(env.region);
    const callDeps = { clock: deps.clock, logger: deps.logger };
    const databaseAccess = await (0,access/* openDatabaseAccess */.Q)(env, { environment: inputs.environment, configFile: inputs.config }, { ...callDeps, clients, ...(deps.saveState ? { saveState: deps.saveState } : {}) });
    if (inputs.auditDatabaseUrl)
        await (0,access/* preflightDatabases */.O)(databaseAccess, [{ url: inputs.auditDatabaseUrl, what: 'the audit database (audit-database-url)' }], deps.logger);
    const runnerMask = deps.mask;
    // Every form of a value (a URL's password, a JSON's password) is masked, not just the whole.
    const mask = (value) => {
        if (runnerMask)
            for (const form of (0,values/* secretForms */.eo)(value))
                runnerMask(form);
    };
    return {
        environment: inputs.environment,
        env,
        secrets: new secrets_manager/* SecretsStore */.Vb(clients.secretsManager, { ...callDeps, mask }),
        target: await (0,create/* targetOf */.$r)(env, clients, callDeps, { requestTimeoutMs: aws_clients/* DEFAULT_AWS_REQUEST_TIMEOUT_MS */.Z7 }, { flyApiToken: inputs.flyApiToken }),
        rds: env.database
            ? new database/* RdsMasterPassword */.p(clients.rds, env.database.instance, callDeps)
            : undefined,
        run: deps.run,
        timing: inputs.timing,
        clock: deps.clock,
        logger: deps.logger,
        unfinished: inputs.unfinished,
        mask,
        databaseAccess,
    };
}

// EXTERNAL MODULE: ./core/action/summary.ts
var action_summary = __webpack_require__(4607);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/rotation/summary.ts


const ICON = {
    rotated: '\u2705 rotated',
    unchanged: '\u2796 unchanged',
    undone: '\u21a9\ufe0f undone',
    failed: '\u274c failed',
    planned: '\ud83d\udcdd planned',
};
/** The job summary: the outcome per secret, then every step with its duration. Never a value. */
function renderRotation(outcome, environment) {
    const summary = new action_summary/* Summary */.BD();
    summary.heading(`Secret rotation \u2014 ${environment}`, 2);
    summary.paragraph(`${outcome.ok ? '\u2705' : '\u274c'} ${outcome.headline}`);
    if (outcome.outcomes.length > 0)
        summary.table(['secret', 'kind', 'result', 'AWSCURRENT version', 'notes'], outcome.outcomes.map((o) => [
            o.name,
            o.kind,
            ICON[o.result] ?? o.result,
            o.versionId ?? '',
            o.notes.join(' '),
        ]));
    if (outcome.retired.length > 0)
        summary.heading('Previous keys retired', 3).list(outcome.retired);
    if (outcome.reminders.length > 0)
        summary.heading('Reminders', 3).list(outcome.reminders);
    if (outcome.plan.length > 0 && outcome.outcomes.every((o) => o.result === 'planned'))
        summary.heading('Plan', 3).list(outcome.plan);
    if (outcome.steps.steps.length > 0)
        summary.heading('Steps', 3).table(['secret', 'step', 'status', 'duration', 'detail'], outcome.steps.steps.map((s) => [
            s.secret,
            s.name,
            s.status,
            (0,duration/* formatDuration */.a3)(s.durationMs),
            s.detail,
        ]));
    return summary;
}

// EXTERNAL MODULE: ./core/util/clock.ts
var clock = __webpack_require__(8791);
;// CONCATENATED MODULE: ./actions/rotate-secret/src/inputs.ts

/** Reads and validates every input once, before anything is called. */
function readRotateInputs(inputs) {
    const secret = inputs.required('secret');
    return Object.freeze({
        config: inputs.required('config'),
        environment: inputs.required('environment'),
        secret,
        reason: inputs.required('reason'),
        timing: {
            operationTimeoutMs: inputs.duration('timeout', { min: 60_000, max: 6 * 3_600_000 }),
            pollIntervalMs: inputs.duration('poll-interval', { min: 50, max: 300_000 }),
            verifyTimeoutMs: inputs.duration('verify-timeout', { min: 1_000, max: 3_600_000 }),
            loginTimeoutMs: inputs.duration('login-timeout', { min: 100, max: 3_600_000 }),
            passwordTimeoutMs: inputs.duration('password-timeout', { min: 1_000, max: 6 * 3_600_000 }),
        },
        githubToken: inputs.secret('github-token'),
        flyApiToken: inputs.secret('fly-api-token'),
        slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
        auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
        dryRun: inputs.boolean('dry-run'),
        unfinished: inputs.enumOf('unfinished', UNFINISHED_MODES),
    });
}

// EXTERNAL MODULE: ./cli/action-inputs.ts + 1 modules
var action_inputs = __webpack_require__(2371);
// EXTERNAL MODULE: ./cli/io.ts + 1 modules
var cli_io = __webpack_require__(7608);
// EXTERNAL MODULE: ./cli/render.ts
var render = __webpack_require__(1391);
// EXTERNAL MODULE: ./cli/run-info.ts
var run_info = __webpack_require__(4587);
// EXTERNAL MODULE: ./cli/terminal-logger.ts
var terminal_logger = __webpack_require__(9052);
// EXTERNAL MODULE: ./cli/commands/shared.ts
var shared = __webpack_require__(7069);
;// CONCATENATED MODULE: ./cli/commands/rotate.ts
/**
 * `apprunner-ops rotate <environment> <secret|due> --reason "\u2026"`: rotate-secret from a
 * terminal. The same input reading (actions/rotate-secret/src/inputs.ts, defaults from its
 * action.yml), the same preparation and run (core/rotation/), the same records when
 * GITHUB_TOKEN, AUDIT_DATABASE_URL and SLACK_WEBHOOK_URL are set.
 */












async function runRotate(args, io) {
    const environment = (0,shared/* positional */.n8)(args, 0, 'the environment', this.usage);
    const secret = (0,shared/* positional */.n8)(args, 1, 'the secret (a name from the configuration, or due)', this.usage);
    (0,shared/* noExtraPositionals */.P_)(args, 2, this.usage);
    const request = readRotateInputs((0,action_inputs/* commandInputs */.tp)('rotate-secret', {
        config: (0,shared/* configPath */.eQ)(args, io),
        environment,
        secret,
        reason: (0,shared/* stringFlag */.AM)(args, 'reason'),
        'dry-run': args.flags.has('dry-run') ? String(args.flags.get('dry-run')) : undefined,
        unfinished: (0,shared/* boolFlag */.lB)(args, 'resume') ? 'resume' : undefined,
        'poll-interval': (0,shared/* stringFlag */.AM)(args, 'poll-interval'),
        'verify-timeout': (0,shared/* stringFlag */.AM)(args, 'verify-timeout'),
        ...(0,action_inputs/* secretsFromEnvironment */.$S)(io.env),
    }));
    const { env } = await (0,shared/* loadEnvironment */.Ye)(args, io, environment);
    const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
    const logger = (0,terminal_logger/* terminalLogger */.j)(io.stderr, { color });
    const run = io.env['GITHUB_ACTIONS'] === 'true'
        ? (0,github_context/* readRunInfo */.m)(io.env)
        : (0,run_info/* terminalRunInfo */.U)(io.env, io.cwd, io.now());
    try {
        // Checks the secret against the configuration before anything is asked or changed.
        const ctx = await prepareRotation(request, { run, clock: clock/* systemClock */.m, logger });
        if (!request.dryRun)
            await (0,shared/* confirmChange */.XO)(io, environment, env, `Rotate ${secret}`, (0,shared/* boolFlag */.lB)(args, 'yes'));
        if (!request.auditDatabaseUrl)
            logger.warning('AUDIT_DATABASE_URL is not set: no audit_log row will be written');
        if (!request.githubToken)
            logger.warning('GITHUB_TOKEN is not set: no commit status will record this rotation');
        if (!request.slackWebhookUrl)
            logger.warning('SLACK_WEBHOOK_URL is not set: Slack will not hear of this rotation');
        const outcome = await runRotation(request, ctx);
        logger.stop();
        if ((0,shared/* boolFlag */.lB)(args, 'json')) {
            const { steps: _steps, ...rest } = outcome;
            io.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
        }
        else
            io.stdout.write((0,render/* renderSummaryFor */.s)(renderRotation(outcome, environment).toMarkdown(), io));
        io.stderr.write(`${outcome.ok ? '' : 'FAILED: '}${outcome.headline}\n`);
        return outcome.ok ? cli_io/* EXIT */.d.ok : cli_io/* EXIT */.d.failed;
    }
    finally {
        logger.stop();
    }
}


/***/ }),

/***/ 5279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5555);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8729);




// The light build plugin-throttling itself uses, so the bundle carries one copy.


/**
 * plugin-throttling spaces every write by a second, GitHub's advice for integrations that make
 * many. A run makes at most four (a deployment and its statuses), and the second follows the
 * first at once, so that second would only delay the deploy behind it. Writes still go one at
 * a time, and a secondary rate limit, should one come, is waited out as `retry-after` asks.
 */
const writes = new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: 0 });
/** Times one request may be retried after a rate limit; each wait is bounded by maxRateLimitWaitMs. */
const RATE_LIMIT_RETRIES = 3;
/** plugin-retry's own list: these answers mean the request was refused, not lost. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];
function describe(request) {
    return `${request.method} ${request.url.replace(/\?.*$/, '')}`;
}
/**
 * The one GitHub REST client: Octokit from @actions/github, with GitHub's own retry and
 * throttling plugins so primary and secondary rate limits (`retry-after`) are honoured. Every
 * wait is bounded and logged, every attempt has a deadline.
 *
 * A request that must not run twice (creating a deployment) passes `request: { retries: 0 }`
 * and decides itself whether to send it again; rate-limit answers are still waited out, since
 * GitHub did not act on them.
 */
function createOctokit(token, options) {
    const maxWaitMs = options.maxRateLimitWaitMs ?? 60_000;
    const timeoutMs = options.requestTimeoutMs ?? 20_000;
    const retries = options.retries ?? 2;
    // @actions/github's own fetch honours the runner's HTTPS_PROXY / NO_PROXY; keep it.
    const baseFetch = options.fetch ?? _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch ?? fetch;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const waitMs = retryAfter * 1000;
        const what = describe(request);
        if (retryCount >= RATE_LIMIT_RETRIES || waitMs > maxWaitMs) {
            options.logger.warning(`GitHub ${kind} rate limit on ${what}: not waiting ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(waitMs)} more (tried ${retryCount + 1} times, longest wait allowed ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(maxWaitMs)})`);
            return false;
        }
        options.logger.info(`GitHub ${kind} rate limit on ${what}: waiting ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(waitMs)} as GitHub's ${kind === 'secondary' ? 'retry-after' : 'x-ratelimit-reset'} asks (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
        return true;
    };
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: options.apiUrl.replace(/\/$/, ''),
        throttle: {
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            write: writes,
        },
        retry: { retries, doNotRetry: DO_NOT_RETRY },
        request: {
            ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request,
            fetch: (url, init) => baseFetch(url, {
                ...init,
                signal: init?.signal
                    ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
                    : AbortSignal.timeout(timeoutMs),
            }),
        },
        log: {
            debug: () => { },
            info: () => { },
            warn: (message) => options.logger.warning(message),
            error: (message) => options.logger.debug(message),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
    // plugin-retry retries silently; say what failed and how long it waits (its own schedule).
    octokit.hook.error('request', (error, request) => {
        const status = error.status ?? 0;
        const options_ = request;
        const allowed = options_.request?.retries ?? retries;
        const done = options_.request?.retryCount ?? 0;
        if (status >= 400 && !DO_NOT_RETRY.includes(status) && done < allowed) {
            options.logger.info(`GitHub answered ${status} to ${describe(options_)} (${error.message.slice(0, 120)}): retrying in ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)((done + 1) ** 2 * 1000)} (retry ${done + 1} of ${allowed})`);
        }
        throw error;
    });
    return octokit;
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

/***/ 4742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ rotatedSecretId),
/* harmony export */   w: () => (/* binding */ DATABASE_KINDS)
/* harmony export */ });
const DATABASE_KINDS = [
    'rds-master-password',
    'database-user',
    'rds-managed',
];
/** The secret a rotation writes: DATABASE_URL's secret for database kinds, else secret-id. */
function rotatedSecretId(secret) {
    return DATABASE_KINDS.includes(secret.kind)
        ? secret['database-url-secret-id']
        : secret['secret-id'];
}


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
