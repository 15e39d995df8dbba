/**
 * What domain code may say. The Actions-backed implementation lives in core/action; tests
 * use the recording logger below.
 */
export interface Annotation {
  title?: string;
  file?: string;
  startLine?: number;
}

/** A wait in progress, for displays that can show one (the command line's spinner). */
export interface WaitProgress {
  what: string;
  startedAt: number;
  deadline: number;
  /** The last status seen, when there is one. */
  status?: string;
  done?: boolean;
}

export interface Logger {
  /** Optional: told at every poll of a wait. The Actions logger has no use for it. */
  progress?(update: WaitProgress): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, annotation?: Annotation): void;
  error(message: string, annotation?: Annotation): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Keeps every line; for tests that assert on what was said. */
export function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const push = (level: string) => (message: string) => void lines.push({ level, message });
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
