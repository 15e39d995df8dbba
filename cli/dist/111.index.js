export const id = 111;
export const ids = [111];
export const modules = {

/***/ 4111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runStatus: () => (/* binding */ runStatus)
});

// EXTERNAL MODULE: ./core/aws/clients.ts
var aws_clients = __webpack_require__(9750);
// EXTERNAL MODULE: ./core/checks/run-checks.ts
var run_checks = __webpack_require__(9591);
// EXTERNAL MODULE: ./core/config/load.ts + 5 modules
var load = __webpack_require__(2724);
// EXTERNAL MODULE: ./core/deploy/context.ts + 1 modules
var context = __webpack_require__(4831);
// EXTERNAL MODULE: ./core/deploy/history.ts
var deploy_history = __webpack_require__(9574);
// EXTERNAL MODULE: ./core/deploy/images.ts
var deploy_images = __webpack_require__(4242);
// EXTERNAL MODULE: ./core/util/clock.ts
var clock = __webpack_require__(8791);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
;// CONCATENATED MODULE: ./core/util/logger.ts
/** Keeps every line; for tests that assert on what was said. */
function recordingLogger() {
    const lines = [];
    const push = (level) => (message) => void lines.push({ level, message });
    return {
        lines,
        debug: push('debug'),
        info: push('info'),
        warning: push('warning'),
        error: push('error'),
        group: async (name, fn) => {
            lines.push({ level: 'group', message: name });
            return fn();
        },
    };
}

// EXTERNAL MODULE: ./cli/words.ts
var words = __webpack_require__(5430);
// EXTERNAL MODULE: ./cli/io.ts + 1 modules
var cli_io = __webpack_require__(7608);
// EXTERNAL MODULE: ./cli/render.ts
var render = __webpack_require__(1391);
// EXTERNAL MODULE: ./cli/run-info.ts
var run_info = __webpack_require__(4587);
// EXTERNAL MODULE: ./cli/commands/shared.ts
var shared = __webpack_require__(7069);
// EXTERNAL MODULE: ./core/action/summary.ts
var action_summary = __webpack_require__(4607);
;// CONCATENATED MODULE: ./cli/commands/status.ts
















/** Read-only: what runs where, since when, the recent history, snapshots and monitors. */
async function environmentStatus(io, file, name) {
    const config = await (0,load/* loadConfig */.Z9)(file);
    const env = (0,load/* selectEnvironment */.aP)(config, name, file);
    const logger = recordingLogger(); // warnings of the readers go into the report, not the screen
    const clients = (0,aws_clients/* createAwsClients */.Gv)(env.region);
    const run = (0,run_info/* terminalRunInfo */.U)(io.env, io.cwd, io.now());
    const ctx = await (0,context/* createOpsContext */.a)({
        environment: name,
        configPath: file,
        env,
        run,
        githubToken: io.env['GITHUB_TOKEN'] || undefined,
        slackWebhookUrl: undefined,
        betterstackToken: io.env['BETTERSTACK_TOKEN'] || undefined,
        auditDatabaseUrl: io.env['AUDIT_DATABASE_URL'] || undefined,
        timing: {
            operationTimeoutMs: 60_000,
            pollIntervalMs: 5_000,
            verifyTimeoutMs: 60_000,
            awsRequestTimeoutMs: 30_000,
        },
        clock: clock/* systemClock */.m,
        logger,
        state: { save: () => { } },
        clients,
    });
    const status = {
        environment: name,
        service: { error: 'not read' },
        history: [],
        historySource: 'no history',
        checks: [],
    };
    const [service, history] = await Promise.allSettled([ctx.target.describe(), (0,deploy_history/* readHistory */.Lu)(ctx)]);
    if (history.status === 'fulfilled') {
        status.historySource = history.value.source;
        status.history = history.value.entries.slice(0, 5).map((e) => ({
            kind: e.kind,
            version: e.tag ?? e.digest.slice(0, 19),
            at: new Date(e.createdAt).toISOString(),
            succeeded: e.succeeded,
            source: e.source,
        }));
    }
    else
        status.historySource = `history unreadable: ${(0,errors/* errorMessage */.gJ)(history.reason)}`;
    if (service.status === 'fulfilled') {
        const s = service.value;
        status.service = { status: s.status, url: s.url, identifier: s.image };
        const running = await (0,deploy_images/* readRunningImage */.Ri)(ctx, s.image).catch(() => undefined);
        const digest = running?.image?.digest;
        const since = history.status === 'fulfilled'
            ? history.value.entries.find((e) => e.succeeded && e.digest === digest)?.createdAt
            : undefined;
        status.running = {
            version: running?.version ?? s.image,
            digest,
            since: since !== undefined ? new Date(since).toISOString() : undefined,
        };
    }
    else
        status.service = { error: (0,errors/* errorMessage */.gJ)(service.reason) };
    const items = [
        ...(env.database ? [{ type: 'snapshot-fresh', 'max-age': '24h' }] : []),
        ...(env.maintenance ? [{ type: 'monitors-green' }] : []),
    ];
    const results = await (0,run_checks/* runCheckList */.i)(items, {
        environment: name,
        env,
        aws: clients,
        secrets: { betterstackToken: io.env['BETTERSTACK_TOKEN'] || undefined },
        run,
        clock: clock/* systemClock */.m,
        logger,
    });
    status.checks = results.map((r) => ({ id: r.id, status: r.status, line: (0,words/* inCliWords */.f)(r.line) }));
    return status;
}
function status_render(statuses, now) {
    const summary = new action_summary/* Summary */.BD();
    for (const s of statuses) {
        summary.heading(`${s.environment}`, 2);
        const rows = [];
        if ('error' in s.service)
            rows.push(['service', `unreadable: ${s.service.error}`]);
        else {
            rows.push(['service', `${s.service.status} \u00b7 ${s.service.url}`]);
            rows.push([
                'runs',
                `${s.running?.version ?? '?'}${s.running?.digest ? ` (${s.running.digest.slice(0, 19)})` : ''}`,
            ]);
            rows.push([
                'since',
                s.running?.since
                    ? `${s.running.since} (${(0,duration/* formatDurationWords */.b4)(now - Date.parse(s.running.since))} ago)`
                    : 'unknown (no record of this image in history)',
            ]);
        }
        for (const c of s.checks)
            rows.push([c.id, `${c.status}: ${c.line}`]);
        summary.table(['', ''], rows);
        summary.paragraph(`History (${s.historySource}):`);
        summary.table(['when', 'what', 'version', 'result'], s.history.map((h) => [h.at, h.kind, h.version, h.succeeded ? 'succeeded' : 'failed']));
    }
    return summary;
}
async function runStatus(args, io) {
    (0,shared/* noExtraPositionals */.P_)(args, 1, this.usage);
    const file = (0,shared/* configPath */.eQ)(args, io);
    const config = await (0,load/* loadConfig */.Z9)(file);
    const names = args.positionals[0]
        ? [(0,load/* selectEnvironment */.aP)(config, args.positionals[0], file) && args.positionals[0]]
        : Object.keys(config.environments);
    const statuses = await Promise.all(names.map((n) => environmentStatus(io, file, n)));
    if ((0,shared/* boolFlag */.lB)(args, 'json'))
        io.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
    else
        io.stdout.write((0,render/* renderSummaryFor */.s)(status_render(statuses, io.now()).toMarkdown(), io));
    return statuses.some((s) => 'error' in s.service) ? cli_io/* EXIT */.d.failed : cli_io/* EXIT */.d.ok;
}


/***/ }),

/***/ 4242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E4: () => (/* binding */ versionOf),
/* harmony export */   Ri: () => (/* binding */ readRunningImage),
/* harmony export */   W3: () => (/* binding */ fallbackTarget),
/* harmony export */   m_: () => (/* binding */ isSameImage)
/* harmony export */ });
/* harmony import */ var _aws_image_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2435);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9574);
/** What runs now and what a failed change goes back to: the images, as ECR names them. */


function versionOf(image, identifier) {
    const tag = image?.tags[0];
    if (tag)
        return tag;
    const parsed = identifier ? (0,_aws_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageIdentifier */ .aj)(identifier) : undefined;
    if (parsed?.ref.kind === 'tag')
        return parsed.ref.tag;
    const digest = image?.digest ?? (parsed?.ref.kind === 'digest' ? parsed.ref.digest : undefined);
    return digest ? digest.slice(0, 19) : (identifier ?? 'unknown');
}
const OTHER_REGISTRY_DIGEST = /^[^@\s]+@(sha256:[0-9a-f]{64})$/;
/** The image the service runs now: the rollback target of a deploy. */
async function readRunningImage(ctx, identifier) {
    const parsed = (0,_aws_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageIdentifier */ .aj)(identifier);
    // A platform outside ECR (another registry holding the same manifest) names it by digest:
    // the digest finds it in the configured repository.
    const foreignDigest = parsed ? undefined : OTHER_REGISTRY_DIGEST.exec(identifier)?.[1];
    const image = parsed && parsed.repository === ctx.ecr.location.repository
        ? await ctx.ecr.find(parsed.ref)
        : foreignDigest
            ? await ctx.ecr.find({ kind: 'digest', digest: foreignDigest })
            : undefined;
    const identifierTag = parsed?.ref.kind === 'tag' ? [parsed.ref.tag] : [];
    return {
        identifier,
        image,
        digest: parsed?.ref.kind === 'digest' ? parsed.ref.digest : foreignDigest,
        pinnedByTag: parsed?.ref.kind === 'tag',
        // A tag-pinned service is named by its tag: the image's other tags are the moved tag's.
        version: parsed?.ref.kind === 'tag' ? parsed.ref.tag : versionOf(image, identifier),
        tags: unique([...identifierTag, ...(image?.tags ?? [])]),
    };
}
/**
 * The version a deploy falls back to when the new one fails verification. A service pinned
 * by digest: that digest. A service pinned by tag: what the suite's own history last put in
 * place (the tag may have moved since the platform pulled it); only without history, the tag's
 * current digest, with a warning \u2014 and nothing when that is the very image being deployed.
 */
async function fallbackTarget(ctx, running, target) {
    if (!running.pinnedByTag)
        return {
            uri: running.image?.uri ?? running.identifier,
            version: running.version,
            tags: running.tags,
        };
    const history = await (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .readHistory */ .Lu)(ctx);
    const bad = (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .badDigests */ .TT)(history.entries);
    for (const entry of history.entries) {
        if (!entry.succeeded || entry.digest === target.digest || bad.has(entry.digest))
            continue;
        const image = await ctx.ecr.find({ kind: 'digest', digest: entry.digest });
        if (!image)
            continue;
        ctx.logger.info(`the service runs by tag (${running.identifier}); if this deploy fails, it goes back to ${entry.tag ?? image.digest}, the last version deployed by apprunner-ops (from ${history.source})`);
        return {
            uri: image.uri,
            version: entry.tag ?? versionOf(image),
            tags: unique([...(entry.tag ? [entry.tag] : []), ...image.tags]),
        };
    }
    const now = running.image;
    if (now && now.digest !== target.digest) {
        ctx.logger.warning(`the service runs by tag (${running.identifier}); the rollback target is what that tag names now, ${now.digest}, which is what the platform would pull again`);
        return { uri: now.uri, version: running.version, tags: running.tags };
    }
    ctx.logger.warning(`the service runs by tag (${running.identifier}), which now names the image being deployed, and apprunner-ops has no record of what ran before: if verification fails there is no version to go back to automatically`);
    return undefined;
}
function unique(values) {
    return [...new Set(values)];
}
/**
 * True when the service already runs exactly this image. Only a digest in the identifier
 * says so: a tag may have moved since the platform pulled it, so a service pinned by tag is
 * deployed (and pinned by digest from then on).
 */
function isSameImage(running, target) {
    return running.identifier === target.uri || running.digest === target.digest;
}


/***/ })

};
