import { renderSummary } from '../scripts/terminal-summary.js';
import type { CliIo } from './io.js';
import { inCliWords } from './words.js';

/** A job summary (Markdown) as the terminal shows it: colour only on a TTY without NO_COLOR. */
export function renderSummaryFor(markdown: string, io: CliIo): string {
  const color = !io.env['NO_COLOR'] && io.stdout.isTTY === true;
  const width = Math.max(60, Math.min(io.stdout.columns ?? 100, 140));
  return `${renderSummary(inCliWords(markdown), { color, width }).join('\n')}\n`;
}
