import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `value` as indented JSON to a new file `<stem>-<time>-<pid>.json` in `directory`
 * (made if missing), so two runs on one runner never write the same file; returns its path.
 */
export async function writeJsonFile(
  directory: string,
  stem: string,
  value: unknown,
): Promise<string> {
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, `${stem}-${Date.now()}-${process.pid}.json`);
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}
