/**
 * `npm run sim:models -- <botocore version> [--from <aws-models folder>] [--out <folder>]`
 *
 * Extracts from botocore's API models (`<service>/<api version>/service-2.json[.gz]`) the
 * operations the sim serves and every shape they reach, and writes `sim/models/<service>.json`
 * plus the license NOTICE. The folder defaults to `../shared/aws-models` next to the repository
 * (or one level further up, as seen from a worktree); its README must name the version asked
 * for, so the committed files always say which botocore they came from. Never hand-edit the
 * output: `test/sim/models.test.ts` checks it matches this script's output.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { MODEL_OF_SIGNING_NAME, type ServiceModel } from '../sim/aws/model.js';
import { AWS_SERVICES } from '../sim/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the models are when no `--from` is given; undefined when none is there. */
export function defaultModelsDir(): string | undefined {
  return [
    path.resolve(ROOT, '../shared/aws-models'),
    path.resolve(ROOT, '../../shared/aws-models'),
  ].find((dir) => existsSync(path.join(dir, 'README.md')));
}

type Json = Record<string, unknown>;

/** Drops the prose (documentation strings) and keeps every constraint. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'documentation' || k === 'documentationUrl') && typeof v === 'string') continue;
    out[k] = strip(v);
  }
  return out;
}

function readServiceModel(from: string, service: string): Json {
  const dir = path.join(from, service);
  const versions = readdirSync(dir).sort();
  const latest = versions.at(-1);
  if (latest === undefined) throw new Error(`${dir}: no API version folder`);
  const plain = path.join(dir, latest, 'service-2.json');
  const text = existsSync(plain)
    ? readFileSync(plain, 'utf8')
    : gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
  return JSON.parse(text) as Json;
}

/** Every shape an operation's input, output and errors reach, by name. */
function reach(shapes: Record<string, Json>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    const shape = shapes[name];
    if (!shape) throw new Error(`model: shape ${name} is referenced but not defined`);
    seen.add(name);
    const refs: unknown[] = [
      ...Object.values((shape['members'] as Record<string, unknown> | undefined) ?? {}),
      shape['member'],
      shape['key'],
      shape['value'],
    ];
    for (const ref of refs)
      if (ref && typeof ref === 'object' && typeof (ref as Json)['shape'] === 'string')
        todo.push((ref as Json)['shape'] as string);
  }
  return seen;
}

/** The cut-down model of one service: its served operations and the shapes they reach. */
export function extractService(
  from: string,
  service: string,
  operations: readonly string[],
  botocore: string,
): ServiceModel {
  const full = readServiceModel(from, service);
  const allOps = full['operations'] as Record<string, Json>;
  const allShapes = full['shapes'] as Record<string, Json>;
  const ops: Record<string, unknown> = {};
  const roots: string[] = [];
  for (const name of [...operations].sort()) {
    const op = allOps[name];
    if (!op) throw new Error(`${service}: botocore ${botocore} has no operation ${name}`);
    ops[name] = strip(op);
    for (const part of ['input', 'output'] as const) {
      const ref = op[part] as Json | undefined;
      if (ref) roots.push(ref['shape'] as string);
    }
    for (const error of (op['errors'] as Json[] | undefined) ?? [])
      roots.push(error['shape'] as string);
  }
  const shapes: Record<string, unknown> = {};
  for (const name of [...reach(allShapes, roots)].sort()) shapes[name] = strip(allShapes[name]);
  return {
    botocore,
    service,
    metadata: full['metadata'] as Record<string, unknown>,
    operations: ops as ServiceModel['operations'],
    shapes: shapes as ServiceModel['shapes'],
  };
}

/** Every file the script writes, by name, as text. */
export function buildModelFiles(from: string, botocore: string): Map<string, string> {
  const readme = readFileSync(path.join(from, 'README.md'), 'utf8');
  if (!readme.includes(`\`botocore\` ${botocore} `))
    throw new Error(
      `${from}/README.md does not name botocore ${botocore}; pass the version the folder holds ` +
        `(its README says which) or --from a folder with ${botocore}`,
    );
  const files = new Map<string, string>();
  for (const service of AWS_SERVICES) {
    const name = MODEL_OF_SIGNING_NAME[service.signingName];
    if (name === undefined)
      throw new Error(
        `sim service ${service.signingName} has no botocore model name in sim/aws/model.ts`,
      );
    const model = extractService(from, name, Object.keys(service.operations), botocore);
    files.set(`${name}.json`, `${JSON.stringify(model, null, 1)}\n`);
  }
  const notice = readFileSync(path.join(from, 'NOTICE'), 'utf8');
  files.set(
    'NOTICE',
    `The JSON files in this folder are extracted (operations the sim serves, the shapes they\n` +
      `reach, documentation left out) by scripts/sim-models.ts from the API models of botocore\n` +
      `${botocore} (botocore/data/<service>/<api version>/service-2.json), licensed under the\n` +
      `Apache License, Version 2.0 (LICENSE.txt in this folder). botocore's NOTICE follows.\n\n` +
      notice,
  );
  files.set('LICENSE.txt', readFileSync(path.join(from, 'LICENSE.txt'), 'utf8'));
  return files;
}

function main(argv: string[]): void {
  const args = [...argv];
  let from: string | undefined;
  let out = path.join(ROOT, 'sim/models');
  const positional: string[] = [];
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '--from') from = args.shift();
    else if (arg === '--out') out = path.resolve(args.shift() ?? '');
    else positional.push(arg);
  }
  const botocore = positional[0];
  if (botocore === undefined || !/^\d+\.\d+\.\d+$/.test(botocore)) {
    console.error(
      'usage: npm run sim:models -- <botocore version, e.g. 1.43.107> [--from <aws-models>] [--out <dir>]',
    );
    process.exit(2);
  }
  from ??= defaultModelsDir();
  if (from === undefined || !existsSync(from)) {
    console.error(
      `sim:models: no models folder (looked for ../shared/aws-models beside the repository); pass --from <folder>`,
    );
    process.exit(2);
  }
  const files = buildModelFiles(path.resolve(from), botocore);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(out, name), text);
  console.log(`sim:models: wrote ${files.size} files from botocore ${botocore} to ${out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
