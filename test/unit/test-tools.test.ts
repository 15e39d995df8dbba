import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCommand, lookUpMissingTools } from '../helpers/tools.js';

// The lookup behind "N tests skipped: … not installed (sudo apt-get install …)".
describe('looking up the Debian tools the tests need', () => {
  it('finds exactly the tools on PATH, in one lookup', async () => {
    const bin = await mkdtemp(path.join(os.tmpdir(), 'tools-path-'));
    try {
      await symlink('/bin/sh', path.join(bin, 'sh'));
      expect(lookUpMissingTools({ PATH: bin })).toEqual([
        'buildah',
        'docker-registry',
        'shellcheck',
        'openssl',
      ]);
      await symlink('/bin/true', path.join(bin, 'shellcheck'));
      await symlink('/bin/true', path.join(bin, 'openssl'));
      expect(lookUpMissingTools({ PATH: bin })).toEqual(['buildah', 'docker-registry']);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });

  it('names the Debian packages to install', () => {
    expect(installCommand(['buildah', 'docker-registry'])).toBe(
      'sudo apt-get install buildah docker-registry',
    );
  });
});
