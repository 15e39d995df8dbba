/**
 * A job summary in GitHub-flavoured Markdown. GitHub refuses a step summary over 1 MiB, so
 * the builder stops adding blocks before that and says what it left out.
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const RESERVE_BYTES = 512; // room for the truncation note

export type Cell = string | number | boolean | null | undefined;

export function escapeCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export class Summary {
  private readonly blocks: string[] = [];
  private bytes = 0;
  private omitted = 0;

  constructor(private readonly limitBytes = SUMMARY_LIMIT_BYTES) {}

  private add(block: string): this {
    const size = Buffer.byteLength(block, 'utf8') + 1;
    if (this.omitted > 0 || this.bytes + size > this.limitBytes - RESERVE_BYTES) {
      this.omitted++;
      return this;
    }
    this.blocks.push(block);
    this.bytes += size;
    return this;
  }

  heading(text: string, level: 1 | 2 | 3 = 2): this {
    return this.add(`${'#'.repeat(level)} ${text}\n`);
  }

  paragraph(text: string): this {
    return this.add(`${text}\n`);
  }

  list(items: readonly string[]): this {
    return this.add(`${items.map((item) => `- ${item}`).join('\n')}\n`);
  }

  /** A table; rows beyond what fits are dropped with a note. */
  table(header: readonly string[], rows: readonly (readonly Cell[])[]): this {
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
    if (dropped > 0) lines.push(`\n_${dropped} more rows not shown (summary size limit)._`);
    return this.add(`${lines.join('\n')}\n`);
  }

  details(title: string, body: string): this {
    return this.add(`<details><summary>${title}</summary>\n\n${body}\n\n</details>\n`);
  }

  code(text: string, language = ''): this {
    return this.add(`\`\`\`${language}\n${text}\n\`\`\`\n`);
  }

  mermaid(diagram: string): this {
    return this.code(diagram, 'mermaid');
  }

  toMarkdown(): string {
    const body = this.blocks.join('\n');
    return this.omitted > 0
      ? `${body}\n_${this.omitted} more sections not shown: GitHub limits a step summary to 1 MiB._\n`
      : body;
  }
}

/** A Mermaid gantt chart of named steps, for the "timeline" of a run. */
export function mermaidTimeline(
  title: string,
  steps: readonly {
    name: string;
    startMs: number;
    endMs: number;
    status: 'ok' | 'failed' | 'skipped';
  }[],
): string {
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
