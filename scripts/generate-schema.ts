/**
 * Writes schema/apprunner-ops.schema.json from the zod schema, so editors can autocomplete
 * and check the configuration file. `--out DIR` writes there instead (generated-files check).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configSchema } from '../core/config/schema.js';
import { attestationsFileSchema } from '../core/gate/attestations.js';
import { evidenceSchema } from '../core/gate/evidence.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    title: 'apprunner-ops configuration (version 1)',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The attestations and waivers file (core/gate/attestations.ts). */
export function attestationsJsonSchema(): string {
  const schema = z.toJSONSchema(attestationsFileSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'apprunner-ops attestations and waivers' }, null, 2)}\n`;
}

/** The gate's evidence bundle (core/gate/evidence.ts). */
export function evidenceJsonSchema(): string {
  const schema = z.toJSONSchema(evidenceSchema, { io: 'output', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'apprunner-ops gate evidence bundle (version 1)' }, null, 2)}\n`;
}

export async function writeConfigSchema(outDir = path.join(ROOT, 'schema')): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, 'apprunner-ops.schema.json');
  await writeFile(file, configJsonSchema());
  await writeFile(path.join(outDir, 'attestations.schema.json'), attestationsJsonSchema());
  await writeFile(path.join(outDir, 'gate-evidence.schema.json'), evidenceJsonSchema());
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  console.log(`wrote ${await writeConfigSchema(at > 0 ? process.argv[at + 1] : undefined)}`);
}
