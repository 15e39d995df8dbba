export const id = 38;
export const ids = [38];
export const modules = {

/***/ 7038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGateCommand: () => (/* binding */ runGateCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./core/action/github-context.ts
var github_context = __webpack_require__(366);
// EXTERNAL MODULE: ./core/aws/clients.ts
var clients = __webpack_require__(9750);
// EXTERNAL MODULE: ./core/checks/database-access.ts
var database_access = __webpack_require__(8458);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./core/checks/registry.ts + 40 modules
var registry = __webpack_require__(3300);
// EXTERNAL MODULE: ./core/checks/run-checks.ts
var run_checks = __webpack_require__(9591);
// EXTERNAL MODULE: ./core/config/load.ts + 5 modules
var load = __webpack_require__(2724);
// EXTERNAL MODULE: ./core/github/octokit.ts
var github_octokit = __webpack_require__(5279);
// EXTERNAL MODULE: ./core/github/status.ts
var github_status = __webpack_require__(8230);
// EXTERNAL MODULE: ./core/notify/slack.ts
var slack = __webpack_require__(6292);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./core/gate/attestations.ts




/**
 * The attestations file (default `.github/apprunner-ops/attestations.yml`), changed only by
 * pull request so every vouch and every waiver is reviewed and kept in history:
 * - attestations: a person vouches for an `attestation` item of a gate until a date;
 * - waivers: a failing check is accepted, with an owner, a reason and a ticket, until a date.
 */
const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const dateField = schemas/* string */.YjP()
    .refine((t) => (DATE.test(t) || DATE_TIME.test(t)) && !Number.isNaN(Date.parse(t)), {
    message: 'expected a date like 2026-12-31 or a time like 2026-11-20T14:30:00Z',
});
/** YAML may read an unquoted date as a Date; accept it the same as its text. */
const dateText = schemas/* preprocess */.vkY((v) => (v instanceof Date ? v.toISOString().replace(/T00:00:00\.000Z$/, '') : v), dateField);
const githubLogin = schemas/* string */.YjP()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(\[bot\])?$/, {
    message: 'expected a GitHub login like octocat',
});
const idField = schemas/* string */.YjP()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like bankid-callback' });
const attestationsFileSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional(),
    attestations: schemas/* array */.YOg(schemas/* strictObject */.rej({
        id: idField.describe('The id of an attestation item of the gate.'),
        by: githubLogin.describe('GitHub login of the person who vouches.'),
        at: dateText.describe('When they checked it (not in the future).'),
        evidence: schemas/* url */.OZ5({
            protocol: /^https?$/,
            message: 'expected an http(s) URL of the evidence',
        }),
        expires: dateText.describe('After this date the item fails until someone vouches again.'),
        note: schemas/* string */.YjP().optional(),
    }))
        .default([]),
    waivers: schemas/* array */.YOg(schemas/* strictObject */.rej({
        check: idField.describe('The id of a check of the gate (its id, or its type).'),
        owner: githubLogin.describe('Who owns the fix.'),
        reason: schemas/* string */.YjP().min(10, { message: 'say why, in at least a sentence' }),
        ticket: schemas/* string */.YjP().min(1).describe('Issue or ticket tracking the fix (URL or key).'),
        expires: dateText.describe('Within max-waiver-days of the gate run; afterwards the check fails again.'),
    }))
        .default([]),
})
    .describe('apprunner-ops attestations and waivers');
/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
function dateIn(instant, timeZone) {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
    }).format(instant);
}
/** How far a time zone is ahead of UTC at an instant, in ms. */
function offsetMs(instant, timeZone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
    })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
    return asUtc - Math.floor(instant / 1000) * 1000;
}
/** Calendar days from one YYYY-MM-DD to another. */
const daysBetween = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** An error in the attestations file: the user fixes it by pull request. */
class AttestationsError extends errors/* ConfigError */.xL {
    constructor(file, problems) {
        super(file, problems);
        this.message =
            problems.length === 1
                ? `attestations ${file}: ${problems[0]}`
                : `attestations ${file} has ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
    }
}
/**
 * A date without a time means the end of that day in the gate's time zone: "expires 2026-12-31"
 * includes the 31st.
 */
function expiryOf(text, timeZone) {
    if (!DATE.test(text))
        return new Date(text);
    const asUtc = Date.parse(`${text}T23:59:59.999Z`);
    const guess = asUtc - offsetMs(asUtc, timeZone);
    return new Date(asUtc - offsetMs(guess, timeZone));
}
/**
 * Validates the file against the gate: ids known, `at` not in the future, no waiver longer
 * than allowed. Every problem names the path and its line; any problem means no check runs.
 */
function parseAttestations(text, file, gate, policy, now) {
    const fail = (problems) => new AttestationsError(file, problems);
    const timeZone = policy.timeZone ?? 'UTC';
    const { data, lineOf } = (0,load/* parseYamlDocument */.Iu)(text, attestationsFileSchema, fail);
    const problems = [];
    const at = (path, what) => problems.push(`${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('')}: ${what}${lineOf(path)}`);
    const seen = new Set();
    const attestations = data.attestations.map((a, i) => {
        if (!gate.attestationIds.includes(a.id))
            at(['attestations', i, 'id'], `"${a.id}" is not an attestation item of any gate of this environment (known: ${gate.attestationIds.join(', ') || 'none'})`);
        if (seen.has(a.id))
            at(['attestations', i, 'id'], `"${a.id}" is attested twice; keep one entry per id`);
        seen.add(a.id);
        const when = new Date(a.at);
        if (when.getTime() > now)
            at(['attestations', i, 'at'], `${a.at} is in the future; write when the item was checked`);
        const expires = expiryOf(a.expires, timeZone);
        if (expires.getTime() < when.getTime())
            at(['attestations', i, 'expires'], `${a.expires} is before "at" (${a.at})`);
        return { id: a.id, by: a.by, at: when, evidence: a.evidence, expires };
    });
    const waivers = data.waivers.map((w, i) => {
        if (!gate.checkIds.includes(w.check))
            at(['waivers', i, 'check'], `"${w.check}" is not a check of any gate of this environment (known: ${gate.checkIds.join(', ')})`);
        const expires = expiryOf(w.expires, timeZone);
        // Calendar days in the gate's time zone: today + max-waiver-days is the last date allowed.
        const today = dateIn(now, timeZone);
        const last = addDays(today, policy.maxWaiverDays);
        const days = daysBetween(today, dateIn(expires.getTime(), timeZone));
        if (days > policy.maxWaiverDays)
            at(['waivers', i, 'expires'], `${w.expires} is ${days} days after today (${today}, ${timeZone}); a waiver may last at most ${policy.maxWaiverDays} days (gate-policy.max-waiver-days), so the last date allowed is ${last}: fix the check or renew the waiver later`);
        return { check: w.check, owner: w.owner, reason: w.reason, ticket: w.ticket, expires };
    });
    if (problems.length > 0)
        throw fail(problems);
    return {
        file,
        attestations,
        waivers,
        book: {
            file,
            maxAgeDays: policy.maxAttestationAgeDays,
            find: (id) => attestations.find((a) => a.id === id),
        },
    };
}
/** Reads the file; a missing file is an empty one (a gate without attestation items needs none). */
async function loadAttestations(file, gate, policy, now) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw new AttestationsError(file, [`cannot read: ${(0,errors/* errorMessage */.gJ)(error)}`]);
        text = '{}';
    }
    return parseAttestations(text, file, gate, policy, now);
}

;// CONCATENATED MODULE: ./core/gate/evidence.ts

/**
 * The evidence bundle of one gate run: what an auditor reads to see that every item of the
 * go-live checklist was checked or vouched for, when, by whom, on which commit and with which
 * configuration. Written as JSON (this schema, committed as schema/gate-evidence.schema.json)
 * and as Markdown with the same content.
 */
const GROUP_ORDER = [
    'Infrastructure',
    'Application',
    'Domain & TLS',
    'Monitoring',
    'External services',
    'Compliance',
];
const evidence_status = schemas/* enum */.k5n(['pass', 'fail', 'warn', 'error', 'skipped', 'waived']);
const evidenceItemSchema = schemas/* strictObject */.rej({
    id: schemas/* string */.YjP(),
    type: schemas/* string */.YjP(),
    group: schemas/* string */.YjP(),
    status: evidence_status,
    /** What the check said; for a waived item, its own failing line. */
    line: schemas/* string */.YjP(),
    observed: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    evidence: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    checkedAt: schemas/* string */.YjP().describe('ISO time the check started.'),
    durationMs: schemas/* number */.aig(),
    attestation: schemas/* strictObject */.rej({
        by: schemas/* string */.YjP(),
        at: schemas/* string */.YjP(),
        expires: schemas/* string */.YjP(),
        evidence: schemas/* string */.YjP(),
    })
        .optional()
        .describe('Who vouched for an attestation item, and until when.'),
    waiver: schemas/* strictObject */.rej({
        owner: schemas/* string */.YjP(),
        reason: schemas/* string */.YjP(),
        ticket: schemas/* string */.YjP(),
        expires: schemas/* string */.YjP(),
        expired: schemas/* boolean */.zMY(),
    })
        .optional()
        .describe('The waiver that applied to this item (or had expired).'),
});
const evidenceSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional(),
    kind: schemas/* literal */.euz('apprunner-ops/gate-evidence'),
    version: schemas/* literal */.euz(1),
    gate: schemas/* string */.YjP(),
    environment: schemas/* string */.YjP(),
    passed: schemas/* boolean */.zMY(),
    counts: schemas/* record */.g1P(evidence_status, schemas/* number */.aig()),
    repository: schemas/* string */.YjP(),
    commit: schemas/* string */.YjP(),
    ref: schemas/* string */.YjP(),
    ranBy: schemas/* string */.YjP().describe('GitHub login that started the run.'),
    runUrl: schemas/* string */.YjP(),
    startedAt: schemas/* string */.YjP(),
    finishedAt: schemas/* string */.YjP(),
    config: schemas/* strictObject */.rej({ file: schemas/* string */.YjP(), sha256: schemas/* string */.YjP() }),
    attestationsFile: schemas/* strictObject */.rej({ file: schemas/* string */.YjP(), sha256: schemas/* string */.YjP().nullable() }),
    items: schemas/* array */.YOg(evidenceItemSchema),
})
    .describe('apprunner-ops gate evidence bundle');
function groupRank(group) {
    const i = GROUP_ORDER.indexOf(group);
    return i === -1 ? GROUP_ORDER.length : i;
}
/** Groups in the runbook's order, then any others by name. */
function byGroup(items) {
    const groups = new Map();
    for (const item of items)
        groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
    return [...groups].sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b));
}

// EXTERNAL MODULE: ./core/action/summary.ts
var summary = __webpack_require__(4607);
;// CONCATENATED MODULE: ./core/gate/render.ts


const ICON = {
    pass: '\u2705 pass',
    fail: '\u274c fail',
    error: '\u26d4 error',
    warn: '\u26a0\ufe0f warn',
    skipped: '\u26d4 not checked',
    waived: '\ud83d\udfe1 waived',
};
function headline(e) {
    const c = e.counts;
    // An item that checked nothing is counted apart: "14 passed" must not hide it.
    const tally = `${c['pass'] ?? 0} passed, ${(c['fail'] ?? 0) + (c['error'] ?? 0)} failed, ${c['skipped'] ?? 0} not checked, ${c['waived'] ?? 0} waived`;
    return e.passed
        ? `Gate ${e.gate} passed for ${e.environment} at ${e.commit.slice(0, 7)}: ${tally}`
        : `Gate ${e.gate} blocks ${e.environment} at ${e.commit.slice(0, 7)}: ${tally}`;
}
function who(item) {
    if (item.waiver)
        return `waived by ${item.waiver.owner} until ${item.waiver.expires}${item.waiver.expired ? ' (expired)' : ''}: ${item.waiver.reason} (${item.waiver.ticket})`;
    if (item.attestation)
        return `vouched by ${item.attestation.by} on ${item.attestation.at.slice(0, 10)} until ${item.attestation.expires} ([evidence](${item.attestation.evidence}))`;
    return '';
}
/** The job summary, the check run's output and the evidence Markdown: one rendering. */
function renderGate(e, limitBytes) {
    const s = new summary/* Summary */.BD(limitBytes);
    s.heading(`${e.passed ? '\u2705' : '\u274c'} ${headline(e)}`, 2);
    const blocking = e.items.filter((i) => i.status === 'fail' || i.status === 'error' || i.status === 'skipped');
    if (blocking.length > 0)
        s.paragraph('**Blocking:**').list(blocking.map((i) => `\`${i.id}\`: ${i.line}`));
    const waived = e.items.filter((i) => i.status === 'waived');
    if (waived.length > 0)
        s.paragraph('**Waived (not passed):**').list(waived.map((i) => `\`${i.id}\`: ${who(i)}`));
    for (const [group, items] of byGroup(e.items)) {
        s.heading(group, 3);
        s.table(['Item', 'Status', 'What was seen', 'Vouched / waived'], items.map((i) => [`\`${i.id}\``, ICON[i.status], i.line, who(i)]));
    }
    s.paragraph([
        `Commit \`${e.commit}\` (${e.ref}) of ${e.repository}, run by @${e.ranBy}: ${e.runUrl}`,
        `Configuration ${e.config.file} sha256 \`${e.config.sha256}\`; attestations ${e.attestationsFile.file}${e.attestationsFile.sha256 ? ` sha256 \`${e.attestationsFile.sha256}\`` : ' (none)'}`,
        `Checked ${e.startedAt} \u2013 ${e.finishedAt}`,
    ].join('  \n'));
    return s;
}
/** The evidence Markdown: the summary plus every observed value, for the auditor's file. */
function evidenceMarkdown(e) {
    const s = renderGate(e, 50 * 1024 * 1024);
    s.heading('Observed values', 3);
    for (const item of e.items)
        s.details(`${item.id}: ${item.status} at ${item.checkedAt} (${item.durationMs} ms)`, `\`\`\`json\n${JSON.stringify({ observed: item.observed ?? {}, evidence: item.evidence ?? {} }, null, 2)}\n\`\`\``);
    return s.toMarkdown();
}

;// CONCATENATED MODULE: ./core/gate/gate.ts














class GateFailed extends (/* unused pure expression or super */ null && (DomainFailure)) {
    name = 'GateFailed';
}
/**
 * The gate's check run, one name per environment: a required check reads the newest run of a
 * name, so a shared name would let a later green staging gate hide a red production one.
 */
const GATE_CHECK_RUN_NAME = (gate, environment) => `apprunner-ops: ${gate} gate (${environment})`;
/** Attempts at creating the check run, each after looking up whether the last one landed. */
const CHECK_RUN_ATTEMPTS = 3;
const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** Everything the gate reads before a single check runs: any mistake here runs nothing. */
async function prepareGate(request, now) {
    let configText;
    try {
        configText = await (0,promises_.readFile)(request.configFile, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigError */.xL(request.configFile, [
            error.code === 'ENOENT'
                ? 'file not found; set the "config" input to its path'
                : `cannot read: ${(0,errors/* errorMessage */.gJ)(error)}`,
        ]);
    }
    const config = (0,load/* parseConfig */.o4)(configText, request.configFile);
    const env = (0,load/* selectEnvironment */.aP)(config, request.environment, request.configFile);
    const items = env.gates?.[request.gate];
    if (!items) {
        const known = Object.keys(env.gates ?? {});
        throw new errors/* ConfigError */.xL(request.configFile, [
            `environments.${request.environment}.gates.${request.gate}: no such gate; ${known.length ? `the environment defines ${known.map((k) => `"${k}"`).join(', ')}` : 'the environment defines no gates'} (set the "gate" input to one of them, or add it)`,
        ]);
    }
    const problems = [];
    const ids = items.map((item) => (0,registry/* checkId */.ij)(item));
    items.forEach((item, i) => {
        const type = (0,registry/* checkType */.Bt)(item.type);
        if (type?.mutating?.(item))
            problems.push(`environments.${request.environment}.gates.${request.gate}[${i}]: ${item.type} is set to change things; a gate only looks (remove the item or its delete/change option)`);
        if (ids.indexOf(ids[i]) !== i)
            problems.push(`environments.${request.environment}.gates.${request.gate}[${i}]: id "${ids[i]}" is used twice; give one of them an id`);
    });
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL(request.configFile, problems);
    const policy = env['gate-policy'];
    // One attestations file serves every gate of the environment (go-live, post-launch, \u2026).
    const allItems = Object.values(env.gates ?? {}).flat();
    const attestations = await loadAttestations(request.attestationsFile, {
        attestationIds: [
            ...new Set(allItems.filter((i) => i.type === 'attestation').map((i) => (0,registry/* checkId */.ij)(i))),
        ],
        checkIds: [...new Set(allItems.map((i) => (0,registry/* checkId */.ij)(i)))],
    }, {
        maxAttestationAgeDays: policy?.['max-attestation-age-days'] ?? 30,
        maxWaiverDays: policy?.['max-waiver-days'] ?? 14,
        timeZone: policy?.['time-zone'] ?? 'UTC',
    }, now);
    const attestationsText = await (0,promises_.readFile)(request.attestationsFile, 'utf8').catch(() => null);
    return {
        env,
        items,
        attestations,
        configSha256: sha256(configText),
        attestationsSha256: attestationsText === null ? null : sha256(attestationsText),
    };
}
/** In a gate, what an item that could not check (skipped) or failed says: not a pass. */
const BLOCKS = new Set(['fail', 'error', 'skipped']);
const blocks = (status) => BLOCKS.has(status);
/** A valid waiver makes a failing item `waived`; an expired one leaves it failing and says so. */
function applyWaivers(results, waivers, now) {
    return results.map((result) => {
        const waiver = waivers.find((w) => w.check === result.id);
        // An item that checked nothing (skipped) blocks like a failure, and a waiver may accept it.
        if (!waiver || !BLOCKS.has(result.status))
            return { result };
        const expired = waiver.expires.getTime() <= now;
        if (expired)
            return {
                result: {
                    ...result,
                    status: 'fail',
                    line: `${result.line} (its waiver by ${waiver.owner} expired on ${waiver.expires.toISOString().slice(0, 10)}: fix it or renew the waiver by pull request)`,
                },
                waiver,
                expired,
            };
        return { result: { ...result, status: 'waived' }, waiver, expired };
    });
}
function toItem(entry, attestations) {
    const { result, waiver, expired } = entry;
    const vouched = result.type === 'attestation' ? attestations.book.find(result.id) : undefined;
    return {
        id: result.id,
        type: result.type,
        group: result.group,
        status: result.status,
        line: result.line,
        ...(result.observed ? { observed: result.observed } : {}),
        ...(result.evidence ? { evidence: result.evidence } : {}),
        checkedAt: result.startedAt,
        durationMs: Math.round(result.durationMs),
        ...(vouched
            ? {
                attestation: {
                    by: vouched.by,
                    at: vouched.at.toISOString(),
                    expires: vouched.expires.toISOString().slice(0, 10),
                    evidence: vouched.evidence,
                },
            }
            : {}),
        ...(waiver
            ? {
                waiver: {
                    owner: waiver.owner,
                    reason: waiver.reason,
                    ticket: waiver.ticket,
                    expires: waiver.expires.toISOString().slice(0, 10),
                    expired: expired ?? false,
                },
            }
            : {}),
    };
}
/**
 * Runs a gate: every item at once (read-only), waivers applied, evidence written (JSON and
 * Markdown), a check run on the commit, a Slack message. Reporting failures (GitHub, Slack)
 * are warnings: the verdict stands on the checks.
 */
async function runGate(request, deps) {
    const { clock, logger, run } = deps;
    const started = clock.now();
    const prepared = await prepareGate(request, started);
    const env = prepared.env;
    logger.info(`Gate ${request.gate} for ${request.environment}: ${prepared.items.length} items, all at once`);
    const aws = deps.aws(env.region);
    await (0,database_access/* prepareDatabaseForChecks */.x)(prepared.items, { environment: request.environment, configFile: request.configFile, env }, request.secrets, { clock, logger, clients: aws, ...(deps.saveState ? { saveState: deps.saveState } : {}) });
    const results = await (0,run_checks/* runCheckList */.i)(prepared.items, {
        environment: request.environment,
        env,
        aws,
        secrets: request.secrets,
        run,
        clock,
        logger,
        attestations: prepared.attestations.book,
    });
    const judged = applyWaivers(results, prepared.attestations.waivers, clock.now());
    const items = judged
        .map((entry) => toItem(entry, prepared.attestations))
        .sort((a, b) => groupRank(a.group) - groupRank(b.group));
    const counts = (0,run_checks/* countByStatus */.x)(judged.map((j) => j.result));
    const evidence = {
        kind: 'apprunner-ops/gate-evidence',
        version: 1,
        gate: request.gate,
        environment: request.environment,
        passed: counts.fail === 0 && counts.error === 0 && counts.skipped === 0,
        counts,
        repository: run.repository,
        commit: run.sha,
        ref: run.ref,
        ranBy: run.actor,
        runUrl: run.runUrl,
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date(clock.now()).toISOString(),
        config: { file: request.configFile, sha256: prepared.configSha256 },
        attestationsFile: { file: request.attestationsFile, sha256: prepared.attestationsSha256 },
        items,
    };
    for (const item of items)
        if (blocks(item.status))
            logger.error(`${item.id}: ${item.line}`, {
                title: `${request.gate} gate: ${item.id} (${item.group})`,
            });
        else if (item.status === 'waived')
            logger.warning(`${item.id} is waived until ${item.waiver?.expires}: ${item.line}`, {
                title: `${request.gate} gate: ${item.id} waived`,
            });
    const evidenceJson = `${JSON.stringify(evidence, null, 2)}\n`;
    const markdown = evidenceMarkdown(evidence);
    await (0,promises_.mkdir)(request.evidenceDir, { recursive: true });
    await (0,promises_.writeFile)(external_node_path_default().join(request.evidenceDir, 'evidence.json'), evidenceJson);
    await (0,promises_.writeFile)(external_node_path_default().join(request.evidenceDir, 'evidence.md'), markdown);
    const [checkRunUrl] = await Promise.all([
        reportCheckRun(evidence, request, deps),
        notifySlack(evidence, request, env, deps),
    ]);
    return {
        evidence,
        evidenceJson,
        evidenceMarkdown: markdown,
        passed: counts.pass,
        failed: counts.fail + counts.error,
        notChecked: counts.skipped,
        waived: counts.waived,
        checkRunUrl,
    };
}
async function reportCheckRun(evidence, request, { run, logger }) {
    const token = request.secrets.githubToken;
    if (!token || !run.sha) {
        logger.info('No github-token: no check run on the commit');
        return undefined;
    }
    const [owner, repo] = run.repository.split('/');
    const name = GATE_CHECK_RUN_NAME(request.gate, request.environment);
    // Names this run's check run, so one whose answer was lost is found instead of made twice.
    // (A job may run a gate several times, as the post-launch watch does: its start time too.)
    const externalId = `${request.environment}/${request.gate}/${run.runId}.${run.runAttempt}/${evidence.startedAt}`;
    const octokit = (0,github_octokit.createOctokit)(token, { apiUrl: run.apiUrl, logger });
    const landed = async () => {
        const { data } = await octokit.rest.checks.listForRef({
            owner,
            repo,
            ref: run.sha,
            check_name: name,
            per_page: 100,
        });
        const found = data.check_runs.find((c) => c.external_id === externalId);
        return found ? (found.html_url ?? String(found.id)) : undefined;
    };
    // The check run output is limited to 65535 characters.
    const summary = renderGate(evidence, 60_000).toMarkdown();
    for (let attempt = 1; attempt <= CHECK_RUN_ATTEMPTS; attempt++) {
        try {
            if (attempt > 1) {
                const url = await landed();
                if (url) {
                    logger.info(`Check run "${name}" on ${run.sha7} was created (its answer was lost): ${url}`);
                    return url;
                }
            }
            const created = await octokit.rest.checks.create({
                owner,
                repo,
                name,
                head_sha: run.sha,
                status: 'completed',
                conclusion: evidence.passed ? 'success' : 'failure',
                started_at: evidence.startedAt,
                completed_at: evidence.finishedAt,
                details_url: run.runUrl,
                external_id: externalId,
                output: { title: headline(evidence), summary },
                // Not retried blindly: a lost answer is looked up first (above).
                request: { retries: 0 },
            });
            logger.info(`Check run "${name}" on ${run.sha7}: ${created.data.html_url ?? created.data.id}`);
            return created.data.html_url ?? undefined;
        }
        catch (error) {
            const status = (0,github_status/* statusOf */.c)(error);
            const lost = status === 0 || status >= 500;
            const said = status === 0 ? 'no answer from GitHub' : `GitHub answered ${status}`;
            if (lost && attempt < CHECK_RUN_ATTEMPTS) {
                logger.warning(`Creating check run "${name}" on ${run.sha7}: ${said} (${(0,errors/* errorMessage */.gJ)(error).slice(0, 120)}); looking up whether it was created, then trying again (attempt ${attempt + 1} of ${CHECK_RUN_ATTEMPTS})`);
                continue;
            }
            const hint = status === 401 || status === 403 || status === 404
                ? ' (the job needs permissions: checks: write)'
                : '';
            logger.warning(`Could not create the check run "${name}" on ${run.sha7}: ${said}: ${(0,errors/* errorMessage */.gJ)(error).slice(0, 200)}${hint}`);
            return undefined;
        }
    }
    return undefined;
}
async function notifySlack(evidence, request, env, { clock, logger, run }) {
    if (!request.slackWebhookUrl)
        return;
    const events = env.notify?.slack?.events;
    if (events && !events.includes('gate'))
        return;
    const blocking = evidence.items.filter((i) => blocks(i.status));
    const waived = evidence.items.filter((i) => i.status === 'waived');
    const fields = {
        Commit: run.sha7 || 'unknown',
        'Ran by': run.actor,
    };
    if (blocking.length > 0)
        fields['Blocking'] = blocking
            .map((i) => `\u2022 ${i.id}: ${i.line}`)
            .join('\n')
            .slice(0, 1900);
    if (waived.length > 0)
        fields['Waived'] = waived
            .map((i) => `\u2022 ${i.id} until ${i.waiver?.expires} (${i.waiver?.owner})`)
            .join('\n');
    try {
        await (0,slack/* postToSlack */.u)(request.slackWebhookUrl, (0,slack/* slackMessage */.y)(`${evidence.passed ? ':white_check_mark:' : ':no_entry:'} ${headline(evidence)}`, fields, {
            text: 'Gate run',
            url: run.runUrl,
        }), { clock, logger });
    }
    catch (error) {
        logger.warning(`Slack message not sent: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}

// EXTERNAL MODULE: ./core/util/clock.ts
var clock = __webpack_require__(8791);
;// CONCATENATED MODULE: ./actions/compliance-gate/src/inputs.ts

const NAME = /^[a-z][a-z0-9-]*$/;
/** Reads and validates every input once, before anything is called. */
function readGateInputs(inputs) {
    const environment = inputs.required('environment');
    if (!NAME.test(environment))
        throw new errors/* InputError */.dz('environment', `expected a lowercase name like production, got "${environment}"`);
    const gate = inputs.required('gate');
    if (!NAME.test(gate))
        throw new errors/* InputError */.dz('gate', `expected a lowercase gate name like go-live, got "${gate}"`);
    return Object.freeze({
        configFile: inputs.required('config'),
        environment,
        gate,
        attestationsFile: inputs.required('attestations'),
        evidenceDir: inputs.required('evidence-dir'),
        secrets: {
            githubToken: inputs.secret('github-token'),
            betterstackToken: inputs.secret('betterstack-token'),
            databaseUrl: inputs.secretUrl('database-url', ['postgres', 'postgresql'])?.href,
        },
        slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
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
;// CONCATENATED MODULE: ./cli/commands/gate.ts
/**
 * `apprunner-ops gate <environment> [gate]`: the compliance-gate action from a terminal, the
 * same input reading (actions/compliance-gate/src/inputs.ts, defaults from its action.yml) and
 * the same core (core/gate/): every item of `gates.<gate>` at once, read-only, with the
 * attestations file, an evidence bundle, and the check run on the commit when GITHUB_TOKEN is
 * set. Exit 0 when the gate passes, 1 when it does not, 2 on bad input.
 */













async function runGateCommand(args, io) {
    const environment = (0,shared/* positional */.n8)(args, 0, 'the environment', this.usage);
    (0,shared/* noExtraPositionals */.P_)(args, 2, this.usage);
    const resolve = (file) => file === undefined ? undefined : external_node_path_default().resolve(io.cwd, file);
    const request = readGateInputs((0,action_inputs/* commandInputs */.tp)('compliance-gate', {
        config: (0,shared/* configPath */.eQ)(args, io),
        environment,
        gate: args.positionals[1],
        attestations: resolve((0,shared/* stringFlag */.AM)(args, 'attestations')),
        'evidence-dir': resolve((0,shared/* stringFlag */.AM)(args, 'evidence-dir')),
        'github-token': io.env['GITHUB_TOKEN'] || undefined,
        'slack-webhook-url': io.env['SLACK_WEBHOOK_URL'] || undefined,
        'betterstack-token': io.env['BETTERSTACK_TOKEN'] || undefined,
        'database-url': io.env['OPS_DATABASE_URL'] || undefined,
    }));
    const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
    const logger = (0,terminal_logger/* terminalLogger */.j)(io.stderr, { color });
    const run = io.env['GITHUB_ACTIONS'] === 'true'
        ? (0,github_context/* readRunInfo */.m)(io.env)
        : (0,run_info/* terminalRunInfo */.U)(io.env, io.cwd, io.now());
    try {
        const outcome = await runGate(request, {
            run,
            clock: clock/* systemClock */.m,
            logger,
            aws: clients/* createAwsClients */.Gv,
        });
        logger.stop();
        if ((0,shared/* boolFlag */.lB)(args, 'json'))
            io.stdout.write(`${JSON.stringify(outcome.evidence, null, 2)}\n`);
        else
            io.stdout.write((0,render/* renderSummaryFor */.s)(renderGate(outcome.evidence).toMarkdown(), io));
        io.stderr.write(`${outcome.evidence.passed ? '' : 'FAILED: '}${headline(outcome.evidence)}\nevidence: ${external_node_path_default().join(request.evidenceDir, 'evidence.json')}\n`);
        return outcome.evidence.passed ? cli_io/* EXIT */.d.ok : cli_io/* EXIT */.d.failed;
    }
    finally {
        logger.stop();
    }
}


/***/ }),

/***/ 8458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ prepareDatabaseForChecks)
/* harmony export */ });
/* unused harmony export DATABASE_CHECK_TYPES */
/* harmony import */ var _database_access_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(920);

/** Check types that connect to the database (a new database check appends its type here). */
const DATABASE_CHECK_TYPES = [
    'sql',
    'snapshot-restore',
    'restore-verified',
    'pitr-tested',
    // reads deploys, rotations and drills from the audit database
    'report',
    // the database diagnostics read pg_stat_activity through database-url
    'connections',
    'long-queries',
    'blocking',
];
async function prepareDatabaseForChecks(items, where, secrets, deps) {
    const access = await (0,_database_access_js__WEBPACK_IMPORTED_MODULE_0__/* .openDatabaseAccess */ .Q)(where.env, where, deps);
    if (!items.some((item) => DATABASE_CHECK_TYPES.includes(item.type)))
        return;
    await (0,_database_access_js__WEBPACK_IMPORTED_MODULE_0__/* .preflightDatabases */ .O)(access, [
        { url: secrets.databaseUrl, what: 'the database (database-url)' },
        { url: secrets.auditDatabaseUrl, what: 'the audit database (audit-database-url)' },
    ], deps.logger);
}


/***/ })

};
