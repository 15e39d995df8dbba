/**
 * Writes schema/apprunner-ops.schema.json from the zod schema, so editors can autocomplete
 * and check the configuration file. `--out DIR` writes there instead (generated-files check).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configSchema } from '../core/config/schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    title: 'apprunner-ops configuration (version 1)',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export async function writeConfigSchema(outDir = path.join(ROOT, 'schema')): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, 'apprunner-ops.schema.json');
  await writeFile(file, configJsonSchema());
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  console.log(`wrote ${await writeConfigSchema(at > 0 ? process.argv[at + 1] : undefined)}`);
}
