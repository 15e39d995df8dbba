/**
 * Renders a job summary (the GitHub-flavoured Markdown our actions write to
 * GITHUB_STEP_SUMMARY) for a terminal: headings, tables with aligned and wrapped columns,
 * lists, `<details>` as an indented block, and the Mermaid gantt of a deploy as a text
 * timeline. Only what our summaries use is supported; anything else passes through as text.
 */
/* eslint-disable no-control-regex -- ANSI escape sequences are what this module writes and measures */
import { formatDuration } from '../core/util/duration.js';

export interface TerminalOptions {
  /** ANSI styles; off for pipes and when NO_COLOR is set (see `wantsColor`). */
  color: boolean;
  /** Columns available, tables and paragraphs wrap to it. */
  width: number;
}

/** Colour only on a terminal, unless NO_COLOR or FORCE_COLOR says otherwise (no-color.org). */
export function wantsColor(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env['NO_COLOR']) return false;
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0';
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
} as const;
export type Style = keyof typeof SGR;

export function paint(color: boolean, style: Style, text: string): string {
  if (!color || text === '') return text;
  const [open, close] = SGR[style];
  return `${open}${text}${close}`;
}

const ANSI = /\x1b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

// East Asian wide and fullwidth blocks; emoji are caught by Emoji_Presentation below.
const WIDE: [number, number][] = [
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
export function displayWidth(text: string): number {
  const chars = [...stripAnsi(text)];
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const code = ch.codePointAt(0) as number;
    if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(ch) || code < 0x20) continue;
    // A text-style pictograph followed by VS16 (⚠️) is drawn as an emoji, two columns.
    const emojiVariant = chars[i + 1] === '\ufe0f' && /\p{Extended_Pictographic}/u.test(ch);
    const wide =
      emojiVariant ||
      /\p{Emoji_Presentation}/u.test(ch) ||
      WIDE.some(([from, to]) => code >= from && code <= to);
    width += wide ? 2 : 1;
  }
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** The SGR codes still open after `code`, so a wrapped line can close and reopen them. */
function applySgr(active: string[], code: string): string[] {
  const n = Number(/\x1b\[([0-9;]*)m/.exec(code)?.[1] || '0');
  if (n === 0) return [];
  const closes: Record<number, (open: number) => boolean> = {
    22: (o) => o === 1 || o === 2,
    24: (o) => o === 4,
    39: (o) => (o >= 30 && o <= 37) || (o >= 90 && o <= 97),
  };
  const closing = closes[n];
  if (closing) return active.filter((a) => !closing(Number(/\d+/.exec(a)?.[0])));
  return [...active, code];
}

/**
 * Wraps text (which may hold ANSI styles) to `width` columns at spaces; words longer than a
 * line (image URIs, digests) are broken. Styles are closed at each line end and reopened on
 * the next line, so indentation and table padding never pick them up.
 */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let active: string[] = [];
  const breakLine = (): void => {
    lines.push(active.length > 0 ? `${line}\x1b[0m` : line);
    line = active.join('');
    lineWidth = 0;
  };
  for (const word of text.split(/ +/)) {
    const pieces = word.match(/\x1b\[[0-9;]*m|[^\x1b]/gu) ?? [];
    const wordWidth = displayWidth(word);
    if (lineWidth > 0 && lineWidth + 1 + wordWidth > limit) breakLine();
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
      if (lineWidth + w > limit && lineWidth > 0) breakLine();
      line += piece;
      lineWidth += w;
    }
  }
  lines.push(line);
  return lines;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Inline Markdown: `code`, **bold**, [text](url), <br> and stray tags, entities. */
export function inline(text: string, color: boolean): string {
  const codes: string[] = [];
  // Code spans first, so nothing inside them is taken for Markdown.
  let out = text.replace(/`([^`]+)`/g, (_m, code: string) => {
    codes.push(code);
    return `\ue000${codes.length - 1}\ue000`;
  });
  out = out
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\\([|`*_[\]\\])/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, (_m, bold: string) => paint(color, 'bold', bold))
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    );
  out = decodeEntities(out);
  return out.replace(/\ue000(\d+)\ue000/g, (_m, i: string) =>
    paint(color, 'cyan', codes[Number(i)] as string),
  );
}

type Align = 'left' | 'right' | 'center';

/** Cells of a Markdown table row; `\|` inside a cell is a literal pipe. */
function tableCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === '\\' && body[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
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
export function fitColumns(
  natural: readonly number[],
  available: number,
  minimal: readonly number[] = [],
): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return [...natural];
  let floor = natural.map((w, i) => Math.min(w, Math.max(6, minimal[i] ?? 0)));
  // Words too long for any layout: give up on keeping them whole.
  if (floor.reduce((a, b) => a + b, 0) > available) floor = natural.map((w) => Math.min(w, 6));
  const width = (cap: number): number[] =>
    natural.map((w, i) => Math.max(floor[i] as number, Math.min(w, cap)));
  let cap = Math.max(...natural);
  while (cap > 1 && width(cap).reduce((a, b) => a + b, 0) > available) cap--;
  return width(cap);
}

export interface TableOptions extends TerminalOptions {
  header?: string[];
  align?: Align[];
  /** Style of the first column when there is no header (key–value tables). */
  keyStyle?: Style;
}

/** An aligned table: header, a rule, rows; cells wrap within their column. */
export function renderTable(rows: string[][], options: TableOptions): string[] {
  const { color, header } = options;
  const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
  const all = header ? [header, ...rows] : rows;
  const natural = Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...all.map((r) => displayWidth(r[c] ?? ''))),
  );
  const gap = 2;
  const longestWord = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...all.flatMap((r) => (r[c] ?? '').split(' ').map(displayWidth))),
  );
  const widths = fitColumns(natural, options.width - gap * (columns - 1), longestWord);
  const renderRow = (cells: string[], style?: (c: number, text: string) => string): string[] => {
    const wrapped = widths.map((w, c) => wrap(cells[c] ?? '', w));
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let i = 0; i < height; i++) {
      const parts = widths.map((w, c) => {
        const text = style ? style(c, wrapped[c]?.[i] ?? '') : (wrapped[c]?.[i] ?? '');
        const align = options.align?.[c] ?? 'left';
        if (align === 'right') return padStart(text, w);
        if (align === 'center') return padEnd(padStart(text, (w + displayWidth(text)) >> 1), w);
        return padEnd(text, w);
      });
      lines.push(parts.join(' '.repeat(gap)).trimEnd());
    }
    return lines;
  };
  const out: string[] = [];
  if (header) {
    out.push(...renderRow(header, (_c, text) => paint(color, 'bold', text)));
    out.push(paint(color, 'dim', widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap))));
  }
  const keyStyle = options.keyStyle;
  for (const row of rows)
    out.push(
      ...renderRow(row, (c, text) => (c === 0 && keyStyle ? paint(color, keyStyle, text) : text)),
    );
  return out;
}

function renderMarkdownTable(lines: string[], options: TerminalOptions): string[] {
  const rows = lines.map(tableCells);
  const isRule = (cells: string[]): boolean => cells.every((c) => /^:?-+:?$/.test(c));
  const ruleAt = rows.findIndex(isRule);
  const rule = ruleAt >= 0 ? (rows[ruleAt] as string[]) : [];
  const align: Align[] = rule.map((c) =>
    c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : 'left',
  );
  const styled = (cells: string[]): string[] => cells.map((c) => inline(c, options.color));
  const headerCells = ruleAt === 1 ? (rows[0] as string[]) : undefined;
  const body = rows.filter((_, i) => i !== ruleAt && !(ruleAt === 1 && i === 0)).map(styled);
  // `|  |  |` headers (our key–value tables) have nothing to say: no header, bold keys.
  const emptyHeader = headerCells?.every((c) => c === '') ?? true;
  return renderTable(body, {
    ...options,
    align,
    ...(emptyHeader ? { keyStyle: 'bold' as const } : { header: styled(headerCells ?? []) }),
  });
}

/**
 * A Mermaid gantt with `dateFormat x` (milliseconds, what our deploy summary writes) as bars
 * on a shared time axis; any other diagram becomes a one-line note.
 */
export function renderGantt(source: string[], options: TerminalOptions): string[] {
  const note = [paint(options.color, 'dim', '(a Mermaid diagram; GitHub draws it)')];
  if (source[0]?.trim() !== 'gantt') return note;
  let title = '';
  let epochMs = false;
  const tasks: { name: string; start: number; end: number; crit: boolean }[] = [];
  for (const raw of source.slice(1)) {
    const line = raw.trim();
    if (line.startsWith('title ')) title = line.slice(6);
    else if (line === 'dateFormat x') epochMs = true;
    else if (/^(axisFormat|section|todayMarker|excludes)\b/.test(line) || line === '') continue;
    else {
      const match = /^(.+?)\s*:(.*)$/.exec(line);
      if (!match) return note;
      const fields = (match[2] as string).split(',').map((f) => f.trim());
      const [start, end] = fields.slice(-2).map(Number) as [number, number];
      if (!Number.isFinite(start) || !Number.isFinite(end)) return note;
      tasks.push({ name: match[1] as string, start, end, crit: fields.includes('crit') });
    }
  }
  if (!epochMs || tasks.length === 0) return note;
  const origin = Math.min(...tasks.map((t) => t.start));
  const total = Math.max(1, Math.max(...tasks.map((t) => t.end)) - origin);
  const nameWidth = Math.max(...tasks.map((t) => displayWidth(t.name)));
  const barWidth = Math.max(10, Math.min(60, options.width - nameWidth - 12));
  const out = [
    paint(
      options.color,
      'dim',
      `${title ? `${title}: ` : ''}0 to ${formatDuration(total)}, one column ≈ ${formatDuration(total / barWidth)}`,
    ),
  ];
  for (const task of tasks) {
    const from = Math.min(barWidth - 1, Math.floor(((task.start - origin) / total) * barWidth));
    const to = Math.max(from + 1, Math.round(((task.end - origin) / total) * barWidth));
    const bar = paint(options.color, task.crit ? 'red' : 'green', '█'.repeat(to - from));
    const track = `${' '.repeat(from)}${bar}${' '.repeat(Math.max(0, barWidth - to))}`;
    const mark = task.crit ? ' ✗' : '';
    out.push(
      `${padEnd(task.name, nameWidth)} ${paint(options.color, 'dim', '│')}${track}${paint(options.color, 'dim', '│')} ${formatDuration(task.end - task.start)}${mark}`,
    );
  }
  return out;
}

/** Renders a job summary for the terminal; returns lines without trailing newlines. */
export function renderSummary(markdown: string, options: TerminalOptions): string[] {
  const { color } = options;
  const source = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let indent = '';
  const width = (): number => Math.max(20, options.width - indent.length);
  const emit = (lines: string[]): void => {
    for (const l of lines) out.push(l === '' ? '' : indent + l);
  };
  const blank = (): void => {
    if (out.length > 0 && out.at(-1) !== '') out.push('');
  };
  for (let i = 0; i < source.length; i++) {
    const line = source[i] as string;
    const trimmed = line.trim();
    const fence = /^```\s*(\S*)/.exec(trimmed);
    if (fence) {
      const body: string[] = [];
      for (i++; i < source.length && !(source[i] as string).trim().startsWith('```'); i++)
        body.push(source[i] as string);
      blank();
      if (fence[1] === 'mermaid') emit(renderGantt(body, { ...options, width: width() }));
      else emit(body.map((b) => `  ${paint(color, 'cyan', b)}`));
      blank();
      continue;
    }
    const details = /^<details[^>]*>\s*(?:<summary>(.*?)<\/summary>)?(.*)$/i.exec(trimmed);
    if (details) {
      blank();
      emit([`${paint(color, 'bold', '▸')} ${inline(details[1] ?? 'Details', color)}`]);
      indent += '    ';
      const rest = (details[2] ?? '').trim();
      if (rest) emit(wrap(inline(rest, color), width()));
      continue;
    }
    if (/^<\/details>/i.test(trimmed)) {
      indent = indent.slice(4);
      blank();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (heading) {
      const text = inline(heading[2] as string, color);
      blank();
      if ((heading[1] as string).length <= 2) {
        emit([paint(color, 'bold', text)]);
        emit([paint(color, 'dim', '═'.repeat(Math.min(width(), displayWidth(text))))]);
      } else emit([paint(color, 'bold', paint(color, 'underline', text))]);
      continue;
    }
    if (trimmed.startsWith('|')) {
      const block: string[] = [];
      for (; i < source.length && (source[i] as string).trim().startsWith('|'); i++)
        block.push(source[i] as string);
      i--;
      emit(renderMarkdownTable(block, { ...options, width: width() }));
      continue;
    }
    const item = /^(\s*)([-*+]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const depth = Math.floor((item[1] as string).length / 2);
      const bullet = /\d/.test(item[2] as string) ? (item[2] as string) : '•';
      const lead = `${'  '.repeat(depth)}${bullet} `;
      const lines = wrap(inline(item[3] as string, color), width() - lead.length);
      emit(lines.map((l, n) => (n === 0 ? lead : ' '.repeat(lead.length)) + l));
      continue;
    }
    if (trimmed === '') {
      blank();
      continue;
    }
    emit(wrap(inline(trimmed, color), width()));
  }
  while (out.at(-1) === '') out.pop();
  return out;
}
