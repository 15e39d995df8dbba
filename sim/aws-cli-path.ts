/**
 * A PATH for a test's action process that finds the sim's stand-in `aws` first (sim/bin/aws),
 * with or without the Session Manager plugin next to it.
 */
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchFolder } from './scratch-folders.js';

export const SIM_BIN = fileURLToPath(new URL('./bin/', import.meta.url));

export async function awsCliPath(options: { plugin?: boolean } = {}): Promise<string> {
  const rest = process.env['PATH'] ?? '';
  if (options.plugin !== false) return `${SIM_BIN}${path.delimiter}${rest}`;
  // Only `aws`: the plugin is not installed (and must not be found further down the PATH).
  const dir = await scratchFolder('sim-aws-no-plugin-');
  await symlink(path.join(SIM_BIN, 'aws'), path.join(dir, 'aws'));
  await symlink(path.join(SIM_BIN, 'aws-cli.mjs'), path.join(dir, 'aws-cli.mjs'));
  return `${dir}${path.delimiter}${rest}`;
}
