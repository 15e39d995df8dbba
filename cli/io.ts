import { createInterface } from 'node:readline/promises';
import type { Readable } from 'node:stream';

export interface OutStream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** What a command may use of the process; tests give their own. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: OutStream;
  stderr: OutStream;
  stdin: Readable & { isTTY?: boolean };
  now(): number;
}

/** One question on the terminal; undefined when there is no terminal to ask on. */
export async function ask(io: CliIo, question: string): Promise<string | undefined> {
  if (!io.stdin.isTTY) return undefined;
  const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
