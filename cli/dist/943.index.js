export const id = 943;
export const ids = [943,279];
export const modules = {

/***/ 2371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tp: () => (/* binding */ commandInputs),
  $S: () => (/* binding */ secretsFromEnvironment)
});

// UNUSED EXPORTS: actionDefaults

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./core/config/fields.ts
var fields = __webpack_require__(670);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/zod-issues.ts
var zod_issues = __webpack_require__(6793);
;// CONCATENATED MODULE: ./core/action/inputs.ts





/**
 * Typed readers over raw action inputs. Each reader names the input in its error and says
 * the accepted form. Defaults live in action.yml only, so an empty value means "not given".
 */
class InputReader {
    source;
    mask;
    /** Every input name read, so a test can compare them with action.yml. */
    names = new Set();
    constructor(source, mask = () => { }) {
        this.source = source;
        this.mask = mask;
    }
    raw(name) {
        this.names.add(name);
        return this.source(name).trim();
    }
    /** A string, or undefined when empty. */
    optional(name) {
        const value = this.raw(name);
        return value === '' ? undefined : value;
    }
    required(name) {
        const value = this.optional(name);
        if (value === undefined)
            throw new errors/* InputError */.dz(name, 'is required');
        return value;
    }
    /** Secret values are masked in the log the moment they are read. */
    secret(name) {
        const value = this.optional(name);
        if (value !== undefined) {
            this.mask(value);
        }
        return value;
    }
    /**
     * A secret URL (webhook, database URL): masked on read, and never echoed in an error,
     * which names only the input and the expected form.
     */
    secretUrl(name, protocols) {
        const value = this.secret(name);
        if (value === undefined)
            return undefined;
        let url;
        try {
            url = new URL(value);
        }
        catch {
            url = undefined;
        }
        if (!url || !protocols.includes(url.protocol.replace(/:$/, ''))) {
            throw new errors/* InputError */.dz(name, `expected a ${protocols.join(':// or ')}:// URL (value not shown: it is a secret)`);
        }
        return url;
    }
    /** Strict YAML 1.2 booleans only: `true` or `false` (any case). "yes" is refused. */
    boolean(name) {
        const value = this.required(name).toLowerCase();
        if (value === 'true')
            return true;
        if (value === 'false')
            return false;
        throw new errors/* InputError */.dz(name, `expected true or false, got "${this.source(name).trim()}"`);
    }
    integer(name, bounds) {
        const text = this.required(name);
        if (!/^-?\d+$/.test(text))
            throw new errors/* InputError */.dz(name, `expected a whole number, got "${text}"`);
        const value = Number(text);
        if (value < bounds.min || value > bounds.max) {
            throw new errors/* InputError */.dz(name, `expected a number from ${bounds.min} to ${bounds.max}, got ${value}`);
        }
        return value;
    }
    /** A duration such as `90s`, `5m`, `1h30m`, in milliseconds, within bounds. */
    duration(name, bounds) {
        const text = this.required(name);
        const ms = (0,duration/* parseDuration */.E)(text);
        if (ms === undefined) {
            throw new errors/* InputError */.dz(name, `expected a duration with a unit like 90s, 5m or 1h30m, got "${text}"`);
        }
        if (ms < bounds.min || ms > bounds.max) {
            throw new errors/* InputError */.dz(name, `expected a duration from ${(0,duration/* formatDuration */.a)(bounds.min)} to ${(0,duration/* formatDuration */.a)(bounds.max)}, got ${text}`);
        }
        return ms;
    }
    /** An absolute http(s) URL; trailing slashes are kept as given. */
    url(name) {
        const text = this.optional(name);
        if (text === undefined)
            return undefined;
        let url;
        try {
            url = new URL(text);
        }
        catch {
            throw new errors/* InputError */.dz(name, `expected an absolute URL like https://example.com, got "${text}"`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            throw new errors/* InputError */.dz(name, `expected an http:// or https:// URL, got "${text}"`);
        }
        return url;
    }
    /** An App Runner service ARN. */
    serviceArn(name) {
        const text = this.optional(name);
        if (text !== undefined && !fields/* APP_RUNNER_SERVICE_ARN */.Vt.test(text)) {
            throw new errors/* InputError */.dz(name, `expected an App Runner service ARN like arn:aws:apprunner:eu-west-1:123456789012:service/<name>/<32 hex id>, got "${text}"`);
        }
        return text;
    }
    enumOf(name, values) {
        const text = this.required(name);
        if (!values.includes(text)) {
            throw new errors/* InputError */.dz(name, `expected one of ${values.join(', ')}, got "${text}"`);
        }
        return text;
    }
    /** Items separated by newlines or commas; blanks dropped. */
    list(name) {
        const text = this.optional(name);
        if (text === undefined)
            return [];
        return text
            .split(/[\n,]/)
            .map((item) => item.trim())
            .filter((item) => item !== '');
    }
    /** Inline YAML validated by a schema; errors name the input and the path inside it. */
    yaml(name, schema) {
        const text = this.optional(name);
        if (text === undefined)
            return undefined;
        const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true });
        const yamlError = doc.errors[0];
        if (yamlError) {
            const first = (yamlError.message.split('\n')[0] ?? '').replace(/:$/, '');
            throw new errors/* InputError */.dz(name, `invalid YAML: ${first}`);
        }
        const data = doc.toJS();
        const result = schema.safeParse(data);
        if (!result.success) {
            throw new errors/* InputError */.dz(name, (0,zod_issues/* formatIssues */.og)(schema, data, result.error.issues).join('; '));
        }
        return result.data;
    }
}

// EXTERNAL MODULE: ./cli/suite.ts
var suite = __webpack_require__(1287);
;// CONCATENATED MODULE: ./cli/action-inputs.ts





/**
 * An action's input defaults, read from its action.yml: defaults live there and only there,
 * so the command line and the workflow can never disagree about them.
 */
function actionDefaults(action) {
    const manifest = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(external_node_path_default().join((0,suite/* packageRoot */.Zl)(), 'actions', action, 'action.yml'), 'utf8'));
    const defaults = {};
    for (const [name, input] of Object.entries(manifest.inputs ?? {})) {
        if (input.default !== undefined)
            defaults[name] = String(input.default);
    }
    return defaults;
}
/**
 * The same typed, validated reading of inputs the action does, fed from the command line:
 * given values first, then the action's defaults. Secrets come from the environment, never
 * from flags (a flag would land in the shell history).
 */
function commandInputs(action, given) {
    const defaults = actionDefaults(action);
    return new InputReader((name) => given[name] ?? defaults[name] ?? '');
}
/** The secret inputs of deploy and rollback, from the variables a terminal session has. */
function secretsFromEnvironment(env) {
    return {
        'github-token': env['GITHUB_TOKEN'] || undefined,
        'slack-webhook-url': env['SLACK_WEBHOOK_URL'] || undefined,
        'betterstack-token': env['BETTERSTACK_TOKEN'] || undefined,
        'audit-database-url': env['AUDIT_DATABASE_URL'] || undefined,
    };
}


/***/ }),

/***/ 5943:
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
// EXTERNAL MODULE: ./core/config/load.ts + 2 modules
var load = __webpack_require__(7978);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var dist_cjs = __webpack_require__(7202);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/wait.ts
var wait = __webpack_require__(4480);
;// CONCATENATED MODULE: ./core/rotation/database.ts
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
        const out = await (0,call/* awsCall */.uF)('DescribeDBInstances', () => this.client.send(new dist_cjs.DescribeDBInstancesCommand({ DBInstanceIdentifier: this.instanceId })), this.deps);
        const instance = out.DBInstances?.[0];
        if (!instance)
            throw new errors/* DomainFailure */.dY(`RDS instance ${this.instanceId} was not found`);
        return instance;
    }
    /**
     * ModifyDBInstance MasterUserPassword with ApplyImmediately. Setting the same password twice
     * is harmless, so a retried call is safe.
     */
    async set(password) {
        await (0,call/* awsCall */.uF)('ModifyDBInstance', () => this.client.send(new dist_cjs/* ModifyDBInstanceCommand */.R1U({
            DBInstanceIdentifier: this.instanceId,
            MasterUserPassword: password,
            ApplyImmediately: true,
        })), this.deps);
    }
    /** Until PendingModifiedValues no longer holds a master password (RDS applies it async). */
    async waitApplied(timeoutMs, intervalMs) {
        await (0,wait/* waitFor */.f)({
            what: `RDS instance ${this.instanceId} to apply the new master password`,
            timeoutMs,
            intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const instance = await this.describe();
                const pending = instance.PendingModifiedValues?.MasterUserPassword !== undefined;
                return pending
                    ? { done: false, status: `${instance.DBInstanceStatus ?? 'unknown'}, password pending` }
                    : { done: true, value: undefined };
            },
        });
    }
}

// EXTERNAL MODULE: ./core/audit/audit-log.ts
var audit_log = __webpack_require__(3892);
// EXTERNAL MODULE: ./core/notify/slack.ts
var slack = __webpack_require__(6292);
// EXTERNAL MODULE: ./core/github/octokit.ts
var github_octokit = __webpack_require__(5279);
// EXTERNAL MODULE: ./core/rotation/values.ts
var values = __webpack_require__(4701);
// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
;// CONCATENATED MODULE: ./core/rotation/drivers.ts



class RotationRefused extends errors/* DomainFailure */.dY {
    name = 'RotationRefused';
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
        apply: async (pending) => rds.set((0,values/* credentialsOf */.YN)(pending, secret.name).password),
        settle: () => rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs),
        works,
        restore: async (value) => {
            await rds.set((0,values/* credentialsOf */.YN)(value, secret.name).password);
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
        const client = await (0,pg_client/* pgClient */.T)({
            connectionString: await adminUrl(current),
            connectionTimeoutMillis: 5_000,
            statement_timeout: 10_000,
        });
        client.on('error', () => { });
        await client.connect();
        try {
            return await fn(client);
        }
        finally {
            await client.end().catch(() => undefined);
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
                    await c.query(`CREATE ROLE ${ident(user)} LOGIN PASSWORD ${literal(password)}`);
                    await c.query(`GRANT ${ident(active)} TO ${ident(user)}`);
                }
                else
                    await c.query(`ALTER ROLE ${ident(user)} WITH LOGIN PASSWORD ${literal(password)}`);
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
// EXTERNAL MODULE: ./core/health/smoke-test.ts + 1 modules
var smoke_test = __webpack_require__(9958);
;// CONCATENATED MODULE: ./core/rotation/redeploy.ts


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
        await deps.target.waitUntilUpdatable(wait);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./core/rotation/token.ts

/**
 * The ClientRequestToken (and so the VersionId) of a rotation, derived from the run: a re-run
 * of the same workflow run (same run id, any attempt) finds its own version and finishes it
 * instead of making another. `n` counts fresh rotations within the run (after one was undone).
 */
function rotationToken(run, environment, secretId, n) {
    const hex = (0,external_node_crypto_.createHash)('sha256')
        .update(`apprunner-ops rotate|${run.repository}|${run.runId}|${environment}|${secretId}|${n}`)
        .digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
/** This run's tokens that already exist among `versionIds`, and the next free one. */
function runTokens(make, versionIds) {
    const existing = new Set(versionIds);
    const used = [];
    for (let n = 0; n < 100; n++) {
        const token = make(n);
        if (!existing.has(token))
            return { used, next: token };
        used.push(token);
    }
    throw new Error('this run already made 100 versions of the secret; start a new run');
}

// EXTERNAL MODULE: ./core/rotation/types.ts
var types = __webpack_require__(4742);
;// CONCATENATED MODULE: ./core/rotation/rotate.ts






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
/** Read-only: the secret exists, no second rotator, the kind's own checks (e.g. login). */
async function preflight(secret, ctx, steps) {
    const driver = driverFor(secret, ctx);
    const secretId = (0,types/* rotatedSecretId */.n)(secret);
    return steps.run(secret.name, 'preflight', async () => {
        const described = await ctx.secrets.describe(secretId);
        if (described.rotationEnabled)
            throw new RotationRefused(`${secret.name}: Secrets Manager's own rotation is enabled on ${secretId}; two rotators would fight over AWSPENDING — turn it off (aws secretsmanager cancel-rotate-secret) or stop rotating ${secret.name} here`);
        const current = await ctx.secrets.value(secretId);
        if (types/* DATABASE_KINDS */.w.includes(secret.kind))
            (0,values/* credentialsOf */.YN)(current.value, `${secret.name} (AWSCURRENT of ${secretId})`);
        await driver.preflight(current.value, described.unfinishedVersionId !== undefined);
        const tokens = runTokens((n) => rotationToken(ctx.run, ctx.environment, secretId, n), await ctx.secrets.versionIds(secretId));
        const previousVersionId = Object.entries(described.stages).find(([, l]) => l.includes('AWSPREVIOUS'))?.[0];
        return {
            secret,
            secretId,
            driver,
            current,
            previousVersionId,
            unfinishedVersionId: described.unfinishedVersionId,
            ownVersions: tokens.used,
            nextToken: tokens.next,
        };
    });
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
    // A re-run after AWSCURRENT already moved to this run's version: only the redeploy is left.
    if (p.ownVersions.includes(p.current.versionId)) {
        outcome.notes.push(`AWSCURRENT is already this run's version ${p.current.versionId}: resumed at the redeploy`);
        const old = p.previousVersionId
            ? await ctx.secrets.value(secretId, { versionId: p.previousVersionId })
            : undefined;
        return finishTail(p, ctx, steps, outcome, p.current.versionId, old);
    }
    let current = p.current;
    if (p.unfinishedVersionId) {
        const pendingId = p.unfinishedVersionId;
        const pending = await ctx.secrets.value(secretId, { versionId: pendingId });
        await steps.run(name, 'resume-wait-applied', () => driver.settle());
        const works = await steps.run(name, 'resume-test-pending', () => driver.works(pending.value, true));
        if (works) {
            outcome.notes.push(`an unfinished rotation (AWSPENDING on version ${pendingId}) was found; its value works, so it was finished`);
            return finish(p, ctx, steps, outcome, pendingId, pending.value, current);
        }
        await steps.run(name, 'resume-undo-pending', async () => {
            if (!(await driver.works(current.value, false)))
                await driver.restore(current.value);
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', pendingId);
        });
        outcome.notes.push(`an unfinished rotation (AWSPENDING on version ${pendingId}) was found; its value does not work, so it was undone (AWSPENDING removed, AWSCURRENT kept)`);
        current = await ctx.secrets.value(secretId);
    }
    const token = p.nextToken;
    const value = await steps.run(name, 'new-value', () => driver.newValue(current.value));
    if (value === undefined) {
        outcome.notes.push('the value is already up to date: nothing to rotate');
        steps.record(name, 'nothing-to-rotate', 'skipped', 'already up to date', ctx.clock.now());
        return outcome;
    }
    await steps.run(name, 'put-pending', () => ctx.secrets.put(secretId, token, value, ['AWSPENDING']), `version ${token}`);
    const applied = await applyAndTest(p, steps, value, current.value);
    if (!applied.ok) {
        await steps.run(name, 'undo', async () => {
            await driver.restore(current.value);
            if (!(await driver.works(current.value, true)))
                throw new errors/* DomainFailure */.dY(`${name}: the old value does not log in after the undo`);
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
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
        return { ok: false, why: (0,errors/* errorMessage */.gJ)(error) };
    }
    if (!types/* DATABASE_KINDS */.w.includes(p.secret.kind))
        return { ok: true };
    const works = await steps.run(name, 'test-login', () => driver.works(value, true));
    return works ? { ok: true } : { ok: false, why: 'the pending DATABASE_URL does not log in' };
}
/** Moves AWSCURRENT to a version whose value was just shown to work, then redeploys. */
async function finish(p, ctx, steps, outcome, versionId, value, old) {
    const { secret, secretId } = p;
    const previousId = secret['previous-secret-id'];
    if (previousId)
        await steps.run(secret.name, 'write-previous', 
        // The old value goes to the previous-secret first, so sessions signed with it survive.
        () => ctx.secrets.put(previousId, versionId, old.value, ['AWSCURRENT']), previousId);
    await steps.run(secret.name, 'move-current', async () => {
        await ctx.secrets.moveStage(secretId, 'AWSCURRENT', versionId);
        await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
    }, `version ${versionId}; ${old.versionId} is AWSPREVIOUS`);
    await syncCredentials(p, ctx, steps, versionId, value);
    return finishTail(p, ctx, steps, outcome, versionId, old);
}
/** Database kinds: a separate secret-id holding {"username","password"} follows DATABASE_URL. */
async function syncCredentials(p, ctx, steps, versionId, url) {
    const { secret, secretId } = p;
    if (!types/* DATABASE_KINDS */.w.includes(secret.kind) || secret['secret-id'] === secretId)
        return;
    const { user, password } = (0,values/* credentialsOf */.YN)(url, secret.name);
    await steps.run(secret.name, 'sync-credentials', () => ctx.secrets.put(secret['secret-id'], versionId, JSON.stringify({ username: user, password }), [
        'AWSCURRENT',
    ]));
}
async function finishTail(p, ctx, steps, outcome, versionId, old) {
    const { secret, secretId, driver } = p;
    const failure = await redeployAndVerify(ctx, steps, secret.name);
    if (failure === undefined) {
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
    await steps.run(secret.name, 'undo-move-current', () => ctx.secrets.moveStage(secretId, 'AWSCURRENT', old.versionId));
    await syncCredentials(p, ctx, steps, old.versionId, old.value);
    const again = await redeployAndVerify(ctx, steps, secret.name, 'undo-');
    outcome.result = 'undone';
    outcome.versionId = old.versionId;
    throw new RotationUndone(again === undefined
        ? `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone: AWSCURRENT is the old version ${old.versionId} again and the service is healthy on it`
        : `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone (AWSCURRENT is the old version ${old.versionId}) but the service is still unhealthy (${again}) — investigate now`);
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
/** For `due`: rotated longer ago than rotate-every-days, or an unfinished rotation of this run. */
async function isDue(secret, ctx) {
    const secretId = (0,types/* rotatedSecretId */.n)(secret);
    const d = await ctx.secrets.describe(secretId);
    if (d.unfinishedVersionId)
        return { due: true, why: 'an unfinished rotation is waiting' };
    if (d.currentVersionId &&
        d.currentVersionId === rotationToken(ctx.run, ctx.environment, secretId, 0))
        return { due: true, why: 'this run rotated it; the redeploy is left' };
    const last = Math.max(d.lastRotatedAt?.getTime() ?? 0, d.lastChangedAt?.getTime() ?? 0);
    const ageDays = (ctx.clock.now() - last) / DAY;
    const every = secret['rotate-every-days'];
    return {
        due: ageDays >= every,
        why: `last changed ${Math.floor(ageDays)} days ago (every ${every} days)`,
    };
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
    // Preflight every secret before the first change.
    const preflights = [];
    for (const s of chosen)
        preflights.push(await preflight(s, ctx, steps));
    // Previous keys past their grace-days, except those this run rotates (their previous-secret
    // gets the old value anew).
    const expired = (await (0,grace/* previousKeyAges */.B3)(ctx.env.secrets ?? [], ctx.secrets, ctx.clock)).filter((a) => a.expired && !chosen.includes(a.secret));
    const plan = [
        ...expired.map((a) => `${(0,grace/* describeAge */.HK)(a)}: replace it with an unknowable key, then ${preflights.length ? 'the rotation’s redeploy' : 'StartDeployment → follow → verify health'}`),
        ...preflights.map((p) => `${p.secret.name} (${p.secret.kind}, ${p.secretId}): ${p.ownVersions.includes(p.current.versionId)
            ? 'redeploy and verify (AWSCURRENT is already this run’s version)'
            : `${p.unfinishedVersionId ? `finish or undo the unfinished rotation ${p.unfinishedVersionId}, then ` : ''}new version ${p.nextToken} as AWSPENDING → ${[...p.driver.applySteps, ...(types/* DATABASE_KINDS */.w.includes(p.secret.kind) ? ['test-login'] : [])].join(' → ') || 'no apply step'}${p.secret['previous-secret-id'] ? ` → old value to ${p.secret['previous-secret-id']}` : ''} → move AWSCURRENT → StartDeployment → follow → verify health`}`),
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
            outcomes.push({
                name: p.secret.name,
                kind: p.secret.kind,
                secretId: p.secretId,
                result: undone ? 'undone' : 'failed',
                notes: [(0,errors/* errorMessage */.gJ)(error)],
            });
            failures.push((0,errors/* errorMessage */.gJ)(error));
            await notify(request, ctx, `:warning: Rotation of ${p.secret.name} in ${ctx.environment} ${undone ? 'was undone' : 'failed'}`, { reason: request.reason, what: (0,errors/* errorMessage */.gJ)(error) });
            if (!(error instanceof errors/* DomainFailure */.dY) && !(error instanceof RotationRefused))
                throw error;
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






/**
 * Loads the configuration and checks the request against it before the first AWS call: an
 * unknown secret, an external one, or a database kind without a database changes nothing.
 */
async function prepareRotation(inputs, deps) {
    const config = await (0,load/* loadConfig */.Z9)(inputs.config);
    const env = (0,load/* selectEnvironment */.aP)(config, inputs.environment, inputs.config);
    selectSecrets(inputs, env.secrets ?? [], inputs.environment, env.database !== undefined);
    const clients = deps.clients ?? (0,aws_clients/* createAwsClients */.G)(env.region);
    const callDeps = { clock: deps.clock, logger: deps.logger };
    return {
        environment: inputs.environment,
        env,
        secrets: new secrets_manager/* SecretsStore */.V(clients.secretsManager, callDeps),
        target: (0,create/* targetOf */.$)(env, clients, callDeps, { requestTimeoutMs: aws_clients/* DEFAULT_AWS_REQUEST_TIMEOUT_MS */.Z }),
        rds: env.database
            ? new RdsMasterPassword(clients.rds, env.database.instance, callDeps)
            : undefined,
        run: deps.run,
        timing: inputs.timing,
        clock: deps.clock,
        logger: deps.logger,
    };
}

// EXTERNAL MODULE: ./core/action/summary.ts
var action_summary = __webpack_require__(4607);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/rotation/summary.ts


const ICON = {
    rotated: '✅ rotated',
    unchanged: '➖ unchanged',
    undone: '↩️ undone',
    failed: '❌ failed',
    planned: '📝 planned',
};
/** The job summary: the outcome per secret, then every step with its duration. Never a value. */
function renderRotation(outcome, environment) {
    const summary = new action_summary/* Summary */.BD();
    summary.heading(`Secret rotation — ${environment}`, 2);
    summary.paragraph(`${outcome.ok ? '✅' : '❌'} ${outcome.headline}`);
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
            (0,duration/* formatDuration */.a)(s.durationMs),
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
        slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
        auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
        dryRun: inputs.boolean('dry-run'),
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
 * `apprunner-ops rotate <environment> <secret|due> --reason "…"`: rotate-secret from a
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

/***/ 9052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ terminalLogger)
/* harmony export */ });
/* harmony import */ var _core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2132);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5430);



const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/**
 * The command line's logger. On a terminal, a wait is one line that redraws itself: what it
 * waits for, how long so far, the deadline and the last status. Elsewhere (a pipe, a CI log)
 * every line is plain and nothing is redrawn.
 */
function terminalLogger(stream, options) {
    const tty = stream.isTTY === true;
    const now = options.now ?? Date.now;
    let wait;
    let frame = 0;
    let ticker;
    const waitLine = (w) => `${FRAMES[frame % FRAMES.length]} waiting for ${w.what}: ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(now() - w.startedAt)} of ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(w.deadline - w.startedAt)}${w.status ? ` · ${w.status}` : ''}`;
    const clear = () => {
        if (tty && wait)
            stream.write('\r\x1b[2K');
    };
    const redraw = () => {
        if (tty && wait)
            stream.write((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'cyan', waitLine(wait)));
    };
    const print = (text) => {
        clear();
        stream.write(`${text}\n`);
        redraw();
    };
    const stopTicker = () => {
        if (ticker)
            clearInterval(ticker);
        ticker = undefined;
    };
    return {
        progress(update) {
            if (!tty) {
                if (update.done)
                    stream.write(`  done: ${update.what} after ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(now() - update.startedAt)}\n`);
                return;
            }
            clear();
            if (update.done) {
                wait = undefined;
                stopTicker();
                stream.write(`${(0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'green', '✓')} ${update.what} after ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(now() - update.startedAt)}\n`);
                return;
            }
            wait = update;
            redraw();
            if (!ticker) {
                ticker = setInterval(() => {
                    frame++;
                    clear();
                    redraw();
                }, 120);
                ticker.unref();
            }
        },
        debug: (m) => {
            if (options.verbose)
                print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'dim', m));
        },
        // The core's messages name action inputs; the terminal names flags and variables.
        info: (m) => print((0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)),
        warning: (m) => print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'yellow', `warning: ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)}`)),
        error: (m) => print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'red', `error: ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)}`)),
        group: async (name, fn) => {
            print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'bold', `▸ ${name}`));
            return fn();
        },
        stop() {
            stopTicker();
            clear();
            wait = undefined;
        },
    };
}


/***/ }),

/***/ 366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ readRunInfo)
/* harmony export */ });
function readRunInfo(env = process.env) {
    const repository = env['GITHUB_REPOSITORY'] ?? 'local/unknown';
    const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
    const runId = env['GITHUB_RUN_ID'] ?? '0';
    const sha = env['GITHUB_SHA'] ?? '';
    return {
        repository,
        sha,
        sha7: sha.slice(0, 7),
        ref: env['GITHUB_REF'] ?? '',
        actor: env['GITHUB_ACTOR'] ?? 'unknown',
        runId,
        runAttempt: env['GITHUB_RUN_ATTEMPT'] ?? '1',
        job: env['GITHUB_JOB'] ?? '',
        serverUrl,
        apiUrl: (env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/$/, ''),
        runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`,
    };
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
            options.logger.warning(`GitHub ${kind} rate limit on ${what}: not waiting ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(waitMs)} more (tried ${retryCount + 1} times, longest wait allowed ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(maxWaitMs)})`);
            return false;
        }
        options.logger.info(`GitHub ${kind} rate limit on ${what}: waiting ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(waitMs)} as GitHub's ${kind === 'secondary' ? 'retry-after' : 'x-ratelimit-reset'} asks (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
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
            options.logger.info(`GitHub answered ${status} to ${describe(options_)} (${error.message.slice(0, 120)}): retrying in ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)((done + 1) ** 2 * 1000)} (retry ${done + 1} of ${allowed})`);
        }
        throw error;
    });
    return octokit;
}


/***/ }),

/***/ 6292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ postToSlack),
/* harmony export */   y: () => (/* binding */ slackMessage)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(676);


/**
 * Posts to a Slack incoming webhook at most once. The URL is a secret: it never appears in a
 * log line. A webhook post is not idempotent, so it is retried only when Slack cannot have
 * posted it (429 rate limited, or no connection at all); after a 5xx or a lost answer the
 * message may be in the channel already, and a second copy is worse than a missing one: the
 * caller reports it as a warning.
 */
async function postToSlack(webhookUrl, message, deps) {
    try {
        await (0,_util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .requestJson */ .SS)('Slack webhook', webhookUrl, { method: 'POST', body: message, timeoutMs: 10_000, idempotent: false }, deps);
    }
    catch (error) {
        if (error instanceof _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$ && error.status >= 400 && error.status < 500)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY(`Slack refused the message (HTTP ${error.status}: ${error.body.slice(0, 100) || 'no reason given'}); check the webhook URL secret`);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY(`Slack did not confirm the message (${error instanceof _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$ ? `HTTP ${error.status}` : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}); it may or may not be in the channel, and is not sent twice`);
    }
}
/** A message with a headline and "key: value" fields, readable in the channel and in a notification. */
function slackMessage(headline, fields, link) {
    const lines = Object.entries(fields).map(([k, v]) => `*${k}:* ${v}`);
    const text = [headline, ...lines, ...(link ? [`<${link.url}|${link.text}>`] : [])].join('\n');
    return {
        text,
        blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: headline } },
            {
                type: 'section',
                fields: Object.entries(fields).map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${v}` })),
            },
            ...(link
                ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${link.url}|${link.text}>` }] }]
                : []),
        ],
    };
}


/***/ })

};
