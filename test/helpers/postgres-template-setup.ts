/**
 * Global setup: a folder for the run's PostgreSQL cluster template (sim/postgres.ts), named to
 * the test processes and those they start by TEMPLATE_FOLDER_ENV, removed when the run ends.
 * The template itself is made by the first server that needs it.
 */
import { rm } from 'node:fs/promises';
import { makeTemplateFolder, TEMPLATE_FOLDER_ENV } from '../../sim/postgres.js';

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env['DATABASE_URL']) return async () => undefined;
  const folder = await makeTemplateFolder();
  process.env[TEMPLATE_FOLDER_ENV] = folder;
  return async () => {
    delete process.env[TEMPLATE_FOLDER_ENV];
    await rm(folder, { recursive: true, force: true });
  };
}
