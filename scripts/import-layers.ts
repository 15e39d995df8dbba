/**
 * The import rules of `core/` and `sim/` (core/README.md, "Layers"): no import circles, and in
 * `core/` every import points to the same layer or a lower one. `npx tsx scripts/import-layers.ts`
 * prints what breaks them; test/unit/import-layers.test.ts holds them.
 */
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export interface Layer {
  name: string;
  /** Paths from the repository root, matched from the start; a file takes the first layer that matches. */
  paths: readonly RegExp[];
}

/**
 * The layers of `core/`, lowest first. A file may import from its own layer or a lower one.
 * Files that a folder holds for a lower layer (a schema below the configuration) are named
 * before their folder, since the first layer that matches a file is its layer.
 */
export const CORE_LAYERS: readonly Layer[] = [
  { name: 'util', paths: [/^core\/util\//] },
  {
    name: 'clients',
    paths: [
      /^core\/aws\//,
      /^core\/fly\//,
      /^core\/github\//,
      /^core\/notify\//,
      /^core\/audit\//,
      /^core\/action\/(?!ops-)/,
      /^core\/config\/fields\.ts$/,
    ],
  },
  {
    name: 'schemas',
    paths: [
      /^core\/checks\/schemas\//,
      /^core\/health\/check-schema\.ts$/,
      /^core\/drill\/schema\.ts$/,
      /^core\/restore\/schema\.ts$/,
    ],
  },
  { name: 'config', paths: [/^core\/config\//] },
  {
    name: 'platform',
    paths: [
      /^core\/targets\//,
      /^core\/health\//,
      /^core\/maintenance\//,
      /^core\/cleanup\//,
      /^core\/build\//,
      /^core\/plan\//,
      /^core\/database\//,
    ],
  },
  {
    name: 'operations',
    paths: [/^core\/deploy\//, /^core\/rotation\//, /^core\/drill\//, /^core\/restore\//],
  },
  // The ops report reads what checks read (core/checks/load-balancer.ts) and is a check's body.
  { name: 'checks', paths: [/^core\/checks\//, /^core\/report\//] },
  { name: 'gate', paths: [/^core\/gate\//, /^core\/action\/ops-/] },
];

export function layerOf(file: string, layers: readonly Layer[] = CORE_LAYERS): number {
  return layers.findIndex((layer) => layer.paths.some((p) => p.test(file)));
}

/**
 * What breaks the rules among the TypeScript files under `roots` (relative to `baseDir`), one
 * line each: a circle with its files, an import from a lower layer to a higher one, a file of
 * `core/` in no layer. Type-only imports count: they are part of what a reader must understand.
 */
export async function importViolations(
  roots: readonly string[],
  options: { baseDir?: string; layers?: readonly Layer[] } = {},
): Promise<string[]> {
  const baseDir = options.baseDir ?? process.cwd();
  const layers = options.layers ?? CORE_LAYERS;
  const tsConfigFile = path.resolve(import.meta.dirname, '..', 'tsconfig.json');
  const { output } = await cruise(
    [...roots],
    {
      baseDir,
      tsConfig: { fileName: tsConfigFile },
      tsPreCompilationDeps: true,
      validate: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: 'node_modules' },
      ruleSet: {
        forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }],
      },
    },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  const result = output as ICruiseResult;
  const problems: string[] = [];
  for (const v of result.summary.violations)
    if (v.rule.name === 'no-circular')
      problems.push(
        `import circle: ${[v.from, ...(v.cycle ?? []).map((c) => c.name)].join(' → ')}`,
      );
  for (const module of result.modules) {
    if (!module.source.startsWith('core/') || module.coreModule || !module.source.endsWith('.ts'))
      continue;
    const from = layerOf(module.source, layers);
    if (from < 0) {
      problems.push(
        `${module.source} is in no layer: place its folder in CORE_LAYERS (scripts/import-layers.ts) and core/README.md`,
      );
      continue;
    }
    for (const dep of module.dependencies) {
      const to = layerOf(dep.resolved, layers);
      if (to > from)
        problems.push(
          `${module.source} (${layers[from]!.name}) imports ${dep.resolved} (${layers[to]!.name}), a higher layer: move what it needs down`,
        );
    }
  }
  return [...new Set(problems)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await importViolations(['core', 'sim']);
  for (const p of problems) console.log(p);
  console.log(
    problems.length
      ? `${problems.length} problems`
      : 'core/ and sim/: no import circles, layers point down',
  );
  process.exitCode = problems.length ? 1 : 0;
}
