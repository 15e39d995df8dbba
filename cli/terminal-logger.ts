import { formatDurationWords } from '../core/util/duration.js';
import type { Logger, WaitProgress } from '../core/util/logger.js';
import { paint } from '../scripts/terminal-summary.js';
import { inCliWords } from './words.js';

interface Stream {
  write(text: string): boolean;
  isTTY?: boolean;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * The command line's logger. On a terminal, a wait is one line that redraws itself: what it
 * waits for, how long so far, the deadline and the last status. Elsewhere (a pipe, a CI log)
 * every line is plain and nothing is redrawn.
 */
export function terminalLogger(
  stream: Stream,
  options: { color: boolean; verbose?: boolean; now?: () => number },
): Logger & { stop(): void } {
  const tty = stream.isTTY === true;
  const now = options.now ?? Date.now;
  let wait: WaitProgress | undefined;
  let frame = 0;
  let ticker: NodeJS.Timeout | undefined;

  const waitLine = (w: WaitProgress): string =>
    `${FRAMES[frame % FRAMES.length]} waiting for ${w.what}: ${formatDurationWords(now() - w.startedAt)} of ${formatDurationWords(w.deadline - w.startedAt)}${w.status ? ` · ${w.status}` : ''}`;
  const clear = (): void => {
    if (tty && wait) stream.write('\r\x1b[2K');
  };
  const redraw = (): void => {
    if (tty && wait) stream.write(paint(options.color, 'cyan', waitLine(wait)));
  };
  const print = (text: string): void => {
    clear();
    stream.write(`${text}\n`);
    redraw();
  };
  const stopTicker = (): void => {
    if (ticker) clearInterval(ticker);
    ticker = undefined;
  };

  return {
    progress(update) {
      if (!tty) {
        if (update.done)
          stream.write(
            `  done: ${update.what} after ${formatDurationWords(now() - update.startedAt)}\n`,
          );
        return;
      }
      clear();
      if (update.done) {
        wait = undefined;
        stopTicker();
        stream.write(
          `${paint(options.color, 'green', '✓')} ${update.what} after ${formatDurationWords(now() - update.startedAt)}\n`,
        );
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
      if (options.verbose) print(paint(options.color, 'dim', m));
    },
    // The core's messages name action inputs; the terminal names flags and variables.
    info: (m) => print(inCliWords(m)),
    warning: (m) => print(paint(options.color, 'yellow', `warning: ${inCliWords(m)}`)),
    error: (m) => print(paint(options.color, 'red', `error: ${inCliWords(m)}`)),
    group: async (name, fn) => {
      print(paint(options.color, 'bold', `▸ ${name}`));
      return fn();
    },
    stop() {
      stopTicker();
      clear();
      wait = undefined;
    },
  };
}
