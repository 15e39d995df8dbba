import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importViolations } from '../../scripts/import-layers.js';

describe('imports of core/ and sim/', () => {
  it('form no circle, and in core/ point to the same layer or a lower one (core/README.md)', async () => {
    expect(await importViolations(['core', 'sim'])).toEqual([]);
  }, 120_000);

  describe('the rule itself, on planted files', () => {
    let dir: string | undefined;
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    async function plant(files: Record<string, string>): Promise<string> {
      dir = await mkdtemp(path.join(tmpdir(), 'import-layers-'));
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), text);
      }
      return dir;
    }

    it('fails on a circle, an import up the layers and a folder in no layer', async () => {
      const baseDir = await plant({
        // A circle through a type-only import, as the configuration and the checks once were.
        'core/config/schema.ts':
          "import type { Item } from '../checks/item.js';\nexport type List = Item[];\n",
        'core/checks/item.ts':
          "import type { List } from '../config/schema.js';\nexport type Item = { list: List };\n",
        'sim/world.ts':
          "import { state } from './services/store.js';\nexport const world = { state };\n",
        'sim/services/store.ts':
          "import { world } from '../world.js';\nexport const state = () => world;\n",
        // util is the lowest layer; deploy is above it.
        'core/util/format.ts':
          "import { run } from '../deploy/run.js';\nexport const format = run;\n",
        'core/deploy/run.ts': 'export const run = 1;\n',
        'core/newfolder/thing.ts': 'export const thing = 1;\n',
      });
      const problems = await importViolations(['core', 'sim'], { baseDir });
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^import circle: core\/(config\/schema|checks\/item)\.ts → /),
          expect.stringMatching(/^import circle: sim\/(world|services\/store)\.ts → /),
          'core/util/format.ts (util) imports core/deploy/run.ts (operations), a higher layer: move what it needs down',
          expect.stringMatching(/^core\/newfolder\/thing\.ts is in no layer/),
          'core/config/schema.ts (config) imports core/checks/item.ts (checks), a higher layer: move what it needs down',
        ]),
      );
      // And nothing else but the config → checks import, itself one up the layers.
      expect(problems).toHaveLength(5);
    }, 120_000);
  });
});
