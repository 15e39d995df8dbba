export const id = 577;
export const ids = [577];
export const modules = {

/***/ 1391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ renderSummaryFor)
/* harmony export */ });
/* harmony import */ var _scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2132);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5430);


/** A job summary (Markdown) as the terminal shows it: colour only on a TTY without NO_COLOR. */
function renderSummaryFor(markdown, io) {
    const color = !io.env['NO_COLOR'] && io.stdout.isTTY === true;
    const width = Math.max(60, Math.min(io.stdout.columns ?? 100, 140));
    return `${(0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .renderSummary */ .Br)((0,_words_js__WEBPACK_IMPORTED_MODULE_1__/* .inCliWords */ .f)(markdown), { color, width }).join('\n')}\n`;
}


/***/ }),

/***/ 4587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ terminalRunInfo)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


function git(args, cwd) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', args, {
            cwd,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
    }
    catch {
        return undefined;
    }
}
/**
 * What a workflow run knows about itself, for a person at a terminal: the repository from
 * GITHUB_REPOSITORY or the origin remote, the commit (GITHUB_SHA or the checkout's HEAD), and
 * who ran it. The run id
 * is unique per invocation, so records made from a terminal never merge with a run's.
 */
function terminalRunInfo(env, cwd, now) {
    const remote = git(['remote', 'get-url', 'origin'], cwd);
    const fromRemote = remote ? /[:/]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(remote)?.[1] : undefined;
    const repository = env['GITHUB_REPOSITORY'] || fromRemote || 'local/unknown';
    const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com';
    const sha = env['GITHUB_SHA'] || git(['rev-parse', 'HEAD'], cwd) || '';
    const user = env['USER'] || node_os__WEBPACK_IMPORTED_MODULE_1___default().userInfo().username || 'unknown';
    return {
        repository,
        sha,
        sha7: sha.slice(0, 7),
        ref: git(['symbolic-ref', '-q', 'HEAD'], cwd) ?? '',
        actor: `${user} (terminal)`,
        runId: String(now),
        runAttempt: '1',
        job: 'terminal',
        serverUrl,
        apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/$/, ''),
        runUrl: `${serverUrl}/${repository}/deployments`,
    };
}


/***/ }),

/***/ 4607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ Summary),
/* harmony export */   aX: () => (/* binding */ mermaidTimeline)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, escapeCell */
/**
 * A job summary in GitHub-flavoured Markdown. GitHub refuses a step summary over 1 MiB, so
 * the builder stops adding blocks before that and says what it left out.
 */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const RESERVE_BYTES = 512; // room for the truncation note
function escapeCell(value) {
    if (value === null || value === undefined)
        return '';
    return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
class Summary {
    limitBytes;
    blocks = [];
    bytes = 0;
    omitted = 0;
    constructor(limitBytes = SUMMARY_LIMIT_BYTES) {
        this.limitBytes = limitBytes;
    }
    add(block) {
        const size = Buffer.byteLength(block, 'utf8') + 1;
        if (this.omitted > 0 || this.bytes + size > this.limitBytes - RESERVE_BYTES) {
            this.omitted++;
            return this;
        }
        this.blocks.push(block);
        this.bytes += size;
        return this;
    }
    heading(text, level = 2) {
        return this.add(`${'#'.repeat(level)} ${text}\n`);
    }
    paragraph(text) {
        return this.add(`${text}\n`);
    }
    list(items) {
        return this.add(`${items.map((item) => `- ${item}`).join('\n')}\n`);
    }
    /** A table; rows beyond what fits are dropped with a note. */
    table(header, rows) {
        const lines = [
            `| ${header.map(escapeCell).join(' | ')} |`,
            `|${header.map(() => ' --- ').join('|')}|`,
        ];
        let size = Buffer.byteLength(lines.join('\n'), 'utf8');
        let dropped = 0;
        for (const row of rows) {
            const line = `| ${row.map(escapeCell).join(' | ')} |`;
            const lineSize = Buffer.byteLength(line, 'utf8') + 1;
            if (this.bytes + size + lineSize > this.limitBytes - RESERVE_BYTES * 2) {
                dropped++;
                continue;
            }
            lines.push(line);
            size += lineSize;
        }
        if (dropped > 0)
            lines.push(`\n_${dropped} more rows not shown (summary size limit)._`);
        return this.add(`${lines.join('\n')}\n`);
    }
    details(title, body) {
        return this.add(`<details><summary>${title}</summary>\n\n${body}\n\n</details>\n`);
    }
    code(text, language = '') {
        return this.add(`\`\`\`${language}\n${text}\n\`\`\`\n`);
    }
    mermaid(diagram) {
        return this.code(diagram, 'mermaid');
    }
    toMarkdown() {
        const body = this.blocks.join('\n');
        return this.omitted > 0
            ? `${body}\n_${this.omitted} more sections not shown: GitHub limits a step summary to 1 MiB._\n`
            : body;
    }
}
/** A Mermaid gantt chart of named steps, for the "timeline" of a run. */
function mermaidTimeline(title, steps) {
    const origin = steps.length > 0 ? Math.min(...steps.map((s) => s.startMs)) : 0;
    const lines = ['gantt', `  title ${title}`, '  dateFormat x', '  axisFormat %M:%S'];
    for (const [index, step] of steps.entries()) {
        const tag = step.status === 'failed' ? 'crit, ' : step.status === 'skipped' ? 'done, ' : '';
        const start = step.startMs - origin;
        const end = Math.max(step.endMs - origin, start + 1);
        lines.push(`  ${step.name.replace(/[:#;]/g, ' ')} :${tag}s${index}, ${start}, ${end}`);
    }
    return lines.join('\n');
}


/***/ }),

/***/ 8791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};


/***/ }),

/***/ 2132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   nI: () => (/* binding */ paint)
/* harmony export */ });
/* unused harmony exports wantsColor, stripAnsi, displayWidth, padEnd, padStart, wrap, inline, fitColumns, renderTable, renderGantt */
/**
 * Renders a job summary (the GitHub-flavoured Markdown our actions write to
 * GITHUB_STEP_SUMMARY) for a terminal: headings, tables with aligned and wrapped columns,
 * lists, `<details>` as an indented block, and the Mermaid gantt of a deploy as a text
 * timeline. Only what our summaries use is supported; anything else passes through as text.
 */
/* eslint-disable no-control-regex -- ANSI escape sequences are what this module writes and measures */
/** Colour only on a terminal, unless NO_COLOR or FORCE_COLOR says otherwise (no-color.org). */
function wantsColor(stream = process.stdout, env = process.env) {
    if (env['NO_COLOR'])
        return false;
    if (env['FORCE_COLOR'] !== undefined)
        return env['FORCE_COLOR'] !== '0';
    return stream.isTTY === true && env['TERM'] !== 'dumb';
}
const SGR = {
    bold: ['\x1b[1m', '\x1b[22m'],
    dim: ['\x1b[2m', '\x1b[22m'],
    underline: ['\x1b[4m', '\x1b[24m'],
    red: ['\x1b[31m', '\x1b[39m'],
    green: ['\x1b[32m', '\x1b[39m'],
    yellow: ['\x1b[33m', '\x1b[39m'],
    cyan: ['\x1b[36m', '\x1b[39m'],
};
function paint(color, style, text) {
    if (!color || text === '')
        return text;
    const [open, close] = SGR[style];
    return `${open}${text}${close}`;
}
const ANSI = /\x1b\[[0-9;]*m/g;
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
// East Asian wide and fullwidth blocks; emoji are caught by Emoji_Presentation below.
const WIDE = [
    [0x1100, 0x115f],
    [0x2e80, 0xa4cf],
    [0xac00, 0xd7a3],
    [0xf900, 0xfaff],
    [0xfe30, 0xfe4f],
    [0xff00, 0xff60],
    [0xffe0, 0xffe6],
    [0x1f300, 0x1f64f],
    [0x1f900, 0x1f9ff],
    [0x20000, 0x3fffd],
];
/** Columns a string takes in a terminal: ANSI codes 0, marks 0, emoji and CJK 2. */
function displayWidth(text) {
    const chars = [...stripAnsi(text)];
    let width = 0;
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        const code = ch.codePointAt(0);
        if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(ch) || code < 0x20)
            continue;
        // A text-style pictograph followed by VS16 (⚠️) is drawn as an emoji, two columns.
        const emojiVariant = chars[i + 1] === '\ufe0f' && /\p{Extended_Pictographic}/u.test(ch);
        const wide = emojiVariant ||
            /\p{Emoji_Presentation}/u.test(ch) ||
            WIDE.some(([from, to]) => code >= from && code <= to);
        width += wide ? 2 : 1;
    }
    return width;
}
function padEnd(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
function padStart(text, width) {
    return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
/** The SGR codes still open after `code`, so a wrapped line can close and reopen them. */
function applySgr(active, code) {
    const n = Number(/\x1b\[([0-9;]*)m/.exec(code)?.[1] || '0');
    if (n === 0)
        return [];
    const closes = {
        22: (o) => o === 1 || o === 2,
        24: (o) => o === 4,
        39: (o) => (o >= 30 && o <= 37) || (o >= 90 && o <= 97),
    };
    const closing = closes[n];
    if (closing)
        return active.filter((a) => !closing(Number(/\d+/.exec(a)?.[0])));
    return [...active, code];
}
/**
 * Wraps text (which may hold ANSI styles) to `width` columns at spaces; words longer than a
 * line (image URIs, digests) are broken. Styles are closed at each line end and reopened on
 * the next line, so indentation and table padding never pick them up.
 */
function wrap(text, width) {
    const limit = Math.max(1, width);
    const lines = [];
    let line = '';
    let lineWidth = 0;
    let active = [];
    const breakLine = () => {
        lines.push(active.length > 0 ? `${line}\x1b[0m` : line);
        line = active.join('');
        lineWidth = 0;
    };
    for (const word of text.split(/ +/)) {
        const pieces = word.match(/\x1b\[[0-9;]*m|[^\x1b]/gu) ?? [];
        const wordWidth = displayWidth(word);
        if (lineWidth > 0 && lineWidth + 1 + wordWidth > limit)
            breakLine();
        else if (lineWidth > 0) {
            line += ' ';
            lineWidth += 1;
        }
        for (const piece of pieces) {
            if (piece.startsWith('\x1b')) {
                line += piece;
                active = applySgr(active, piece);
                continue;
            }
            const w = displayWidth(piece);
            if (lineWidth + w > limit && lineWidth > 0)
                breakLine();
            line += piece;
            lineWidth += w;
        }
    }
    lines.push(line);
    return lines;
}
function decodeEntities(text) {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&');
}
/** Inline Markdown: `code`, **bold**, [text](url), <br> and stray tags, entities. */
function inline(text, color) {
    const codes = [];
    // Code spans first, so nothing inside them is taken for Markdown.
    let out = text.replace(/`([^`]+)`/g, (_m, code) => {
        codes.push(code);
        return `\ue000${codes.length - 1}\ue000`;
    });
    out = out
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<\/?[a-z][^>]*>/gi, '')
        .replace(/\\([|`*_[\]\\])/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, (_m, bold) => paint(color, 'bold', bold))
        .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, label, url) => label === url ? url : `${label} (${url})`);
    out = decodeEntities(out);
    return out.replace(/\ue000(\d+)\ue000/g, (_m, i) => paint(color, 'cyan', codes[Number(i)]));
}
/** Cells of a Markdown table row; `\|` inside a cell is a literal pipe. */
function tableCells(line) {
    const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
    const cells = [];
    let cell = '';
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch === '\\' && body[i + 1] === '|') {
            cell += '\\|';
            i++;
        }
        else if (ch === '|') {
            cells.push(cell.trim());
            cell = '';
        }
        else
            cell += ch;
    }
    cells.push(cell.trim());
    return cells;
}
/**
 * Column widths that fit `available`. Columns keep their natural width when everything fits.
 * Otherwise each column keeps at least its longest word (`minimal`, so a URL is not cut
 * mid-way while there is room), and the widest columns are capped at one common width, so
 * short columns such as Result and Duration stay on one line and long details wrap.
 */
function fitColumns(natural, available, minimal = []) {
    const total = natural.reduce((a, b) => a + b, 0);
    if (total <= available)
        return [...natural];
    let floor = natural.map((w, i) => Math.min(w, Math.max(6, minimal[i] ?? 0)));
    // Words too long for any layout: give up on keeping them whole.
    if (floor.reduce((a, b) => a + b, 0) > available)
        floor = natural.map((w) => Math.min(w, 6));
    const width = (cap) => natural.map((w, i) => Math.max(floor[i], Math.min(w, cap)));
    let cap = Math.max(...natural);
    while (cap > 1 && width(cap).reduce((a, b) => a + b, 0) > available)
        cap--;
    return width(cap);
}
/** An aligned table: header, a rule, rows; cells wrap within their column. */
function renderTable(rows, options) {
    const { color, header } = options;
    const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
    const all = header ? [header, ...rows] : rows;
    const natural = Array.from({ length: columns }, (_, c) => Math.max(1, ...all.map((r) => displayWidth(r[c] ?? ''))));
    const gap = 2;
    const longestWord = Array.from({ length: columns }, (_, c) => Math.max(0, ...all.flatMap((r) => (r[c] ?? '').split(' ').map(displayWidth))));
    const widths = fitColumns(natural, options.width - gap * (columns - 1), longestWord);
    const renderRow = (cells, style) => {
        const wrapped = widths.map((w, c) => wrap(cells[c] ?? '', w));
        const height = Math.max(...wrapped.map((w) => w.length));
        const lines = [];
        for (let i = 0; i < height; i++) {
            const parts = widths.map((w, c) => {
                const text = style ? style(c, wrapped[c]?.[i] ?? '') : (wrapped[c]?.[i] ?? '');
                const align = options.align?.[c] ?? 'left';
                if (align === 'right')
                    return padStart(text, w);
                if (align === 'center')
                    return padEnd(padStart(text, (w + displayWidth(text)) >> 1), w);
                return padEnd(text, w);
            });
            lines.push(parts.join(' '.repeat(gap)).trimEnd());
        }
        return lines;
    };
    const out = [];
    if (header) {
        out.push(...renderRow(header, (_c, text) => paint(color, 'bold', text)));
        out.push(paint(color, 'dim', widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap))));
    }
    const keyStyle = options.keyStyle;
    for (const row of rows)
        out.push(...renderRow(row, (c, text) => (c === 0 && keyStyle ? paint(color, keyStyle, text) : text)));
    return out;
}
function renderMarkdownTable(lines, options) {
    const rows = lines.map(tableCells);
    const isRule = (cells) => cells.every((c) => /^:?-+:?$/.test(c));
    const ruleAt = rows.findIndex(isRule);
    const rule = ruleAt >= 0 ? rows[ruleAt] : [];
    const align = rule.map((c) => c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : 'left');
    const styled = (cells) => cells.map((c) => inline(c, options.color));
    const headerCells = ruleAt === 1 ? rows[0] : undefined;
    const body = rows.filter((_, i) => i !== ruleAt && !(ruleAt === 1 && i === 0)).map(styled);
    // `|  |  |` headers (our key–value tables) have nothing to say: no header, bold keys.
    const emptyHeader = headerCells?.every((c) => c === '') ?? true;
    return renderTable(body, {
        ...options,
        align,
        ...(emptyHeader ? { keyStyle: 'bold' } : { header: styled(headerCells ?? []) }),
    });
}
const MS_UNITS = [
    [60_000, 'm'],
    [1000, 's'],
];
function shortDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    for (const [size, unit] of MS_UNITS)
        if (ms >= size)
            return `${(ms / size).toFixed(ms >= 10 * size ? 0 : 1)}${unit}`;
    return `${ms}ms`;
}
/**
 * A Mermaid gantt with `dateFormat x` (milliseconds, what our deploy summary writes) as bars
 * on a shared time axis; any other diagram becomes a one-line note.
 */
function renderGantt(source, options) {
    const note = [paint(options.color, 'dim', '(a Mermaid diagram; GitHub draws it)')];
    if (source[0]?.trim() !== 'gantt')
        return note;
    let title = '';
    let epochMs = false;
    const tasks = [];
    for (const raw of source.slice(1)) {
        const line = raw.trim();
        if (line.startsWith('title '))
            title = line.slice(6);
        else if (line === 'dateFormat x')
            epochMs = true;
        else if (/^(axisFormat|section|todayMarker|excludes)\b/.test(line) || line === '')
            continue;
        else {
            const match = /^(.+?)\s*:(.*)$/.exec(line);
            if (!match)
                return note;
            const fields = match[2].split(',').map((f) => f.trim());
            const [start, end] = fields.slice(-2).map(Number);
            if (!Number.isFinite(start) || !Number.isFinite(end))
                return note;
            tasks.push({ name: match[1], start, end, crit: fields.includes('crit') });
        }
    }
    if (!epochMs || tasks.length === 0)
        return note;
    const origin = Math.min(...tasks.map((t) => t.start));
    const total = Math.max(1, Math.max(...tasks.map((t) => t.end)) - origin);
    const nameWidth = Math.max(...tasks.map((t) => displayWidth(t.name)));
    const barWidth = Math.max(10, Math.min(60, options.width - nameWidth - 12));
    const out = [
        paint(options.color, 'dim', `${title ? `${title}: ` : ''}0 to ${shortDuration(total)}, one column ≈ ${shortDuration(total / barWidth)}`),
    ];
    for (const task of tasks) {
        const from = Math.min(barWidth - 1, Math.floor(((task.start - origin) / total) * barWidth));
        const to = Math.max(from + 1, Math.round(((task.end - origin) / total) * barWidth));
        const bar = paint(options.color, task.crit ? 'red' : 'green', '█'.repeat(to - from));
        const track = `${' '.repeat(from)}${bar}${' '.repeat(Math.max(0, barWidth - to))}`;
        const mark = task.crit ? ' ✗' : '';
        out.push(`${padEnd(task.name, nameWidth)} ${paint(options.color, 'dim', '│')}${track}${paint(options.color, 'dim', '│')} ${shortDuration(task.end - task.start)}${mark}`);
    }
    return out;
}
/** Renders a job summary for the terminal; returns lines without trailing newlines. */
function renderSummary(markdown, options) {
    const { color } = options;
    const source = markdown.replace(/\r\n/g, '\n').split('\n');
    const out = [];
    let indent = '';
    const width = () => Math.max(20, options.width - indent.length);
    const emit = (lines) => {
        for (const l of lines)
            out.push(l === '' ? '' : indent + l);
    };
    const blank = () => {
        if (out.length > 0 && out.at(-1) !== '')
            out.push('');
    };
    for (let i = 0; i < source.length; i++) {
        const line = source[i];
        const trimmed = line.trim();
        const fence = /^```\s*(\S*)/.exec(trimmed);
        if (fence) {
            const body = [];
            for (i++; i < source.length && !source[i].trim().startsWith('```'); i++)
                body.push(source[i]);
            blank();
            if (fence[1] === 'mermaid')
                emit(renderGantt(body, { ...options, width: width() }));
            else
                emit(body.map((b) => `  ${paint(color, 'cyan', b)}`));
            blank();
            continue;
        }
        const details = /^<details[^>]*>\s*(?:<summary>(.*?)<\/summary>)?(.*)$/i.exec(trimmed);
        if (details) {
            blank();
            emit([`${paint(color, 'bold', '▸')} ${inline(details[1] ?? 'Details', color)}`]);
            indent += '    ';
            const rest = (details[2] ?? '').trim();
            if (rest)
                emit(wrap(inline(rest, color), width()));
            continue;
        }
        if (/^<\/details>/i.test(trimmed)) {
            indent = indent.slice(4);
            blank();
            continue;
        }
        const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
        if (heading) {
            const text = inline(heading[2], color);
            blank();
            if (heading[1].length <= 2) {
                emit([paint(color, 'bold', text)]);
                emit([paint(color, 'dim', '═'.repeat(Math.min(width(), displayWidth(text))))]);
            }
            else
                emit([paint(color, 'bold', paint(color, 'underline', text))]);
            continue;
        }
        if (trimmed.startsWith('|')) {
            const block = [];
            for (; i < source.length && source[i].trim().startsWith('|'); i++)
                block.push(source[i]);
            i--;
            emit(renderMarkdownTable(block, { ...options, width: width() }));
            continue;
        }
        const item = /^(\s*)([-*+]|\d+\.)\s+(.*)$/.exec(line);
        if (item) {
            const depth = Math.floor(item[1].length / 2);
            const bullet = /\d/.test(item[2]) ? item[2] : '•';
            const lead = `${'  '.repeat(depth)}${bullet} `;
            const lines = wrap(inline(item[3], color), width() - lead.length);
            emit(lines.map((l, n) => (n === 0 ? lead : ' '.repeat(lead.length)) + l));
            continue;
        }
        if (trimmed === '') {
            blank();
            continue;
        }
        emit(wrap(inline(trimmed, color), width()));
    }
    while (out.at(-1) === '')
        out.pop();
    return out;
}


/***/ })

};
