/**
 * A real OCI registry for the ECR stand-in: Debian's `docker-registry` (distribution 2.8) on a
 * loopback port with a throw-away storage directory. Images pushed to it (`buildah push
 * --tls-verify=false`) are what DescribeImages reports, with the registry's own digests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** True when a binary is on PATH (used to skip registry tests on machines without it). */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export interface RegistryHandle {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`, the host part of an image reference. */
  host: string;
  stop(): Promise<void>;
}

/** Starts `docker-registry serve` on loopback; resolves once `/v2/` answers (deadline 10 s). */
export async function startRegistry(
  options: { port?: number; deadlineMs?: number } = {},
): Promise<RegistryHandle> {
  if (!hasCommand('docker-registry'))
    throw new Error(
      'startRegistry: docker-registry is not installed (apt-get install docker-registry)',
    );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sim-registry-'));
  const port = options.port ?? (await freePort());
  const config = [
    'version: 0.1',
    'log:',
    '  level: error',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${path.join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '',
  ].join('\n');
  const configPath = path.join(dir, 'config.yml');
  await writeFile(configPath, config);
  const child: ChildProcess = spawn('docker-registry', ['serve', configPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // A child that never started (spawn's `error`) sends no `exit`: the error ends every wait.
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (!spawnError && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.deadlineMs ?? 10_000);
  for (;;) {
    if (spawnError) {
      await stop();
      throw new Error(`docker-registry could not be started: ${spawnError.message}`);
    }
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`docker-registry exited with ${child.exitCode}: ${stderr.trim()}`);
    }
    try {
      const response = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `docker-registry did not answer on ${url} within the deadline: ${stderr.trim()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url, host: `127.0.0.1:${port}`, stop };
}

export interface RegistryManifest {
  digest: string;
  mediaType: string;
  body: string;
}

/** The parts of the registry HTTP API v2 the ECR stand-in reads. */
export class RegistryClient {
  constructor(readonly url: string) {}

  async tags(repository: string): Promise<string[]> {
    const response = await fetch(`${this.url}/v2/${repository}/tags/list`, {
      signal: AbortSignal.timeout(5000),
    });
    if (response.status === 404) return [];
    if (!response.ok) throw new Error(`registry tags/list ${repository}: ${response.status}`);
    const body = (await response.json()) as { tags?: string[] | null };
    return body.tags ?? [];
  }

  async manifest(repository: string, reference: string): Promise<RegistryManifest | undefined> {
    const response = await fetch(`${this.url}/v2/${repository}/manifests/${reference}`, {
      headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') },
      signal: AbortSignal.timeout(5000),
    });
    if (response.status === 404) return undefined;
    if (!response.ok)
      throw new Error(`registry manifest ${repository}:${reference}: ${response.status}`);
    const digest = response.headers.get('docker-content-digest');
    if (!digest)
      throw new Error(`registry manifest ${repository}:${reference}: no Docker-Content-Digest`);
    return {
      digest,
      mediaType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim(),
      body: await response.text(),
    };
  }

  async deleteManifest(repository: string, digest: string): Promise<boolean> {
    const response = await fetch(`${this.url}/v2/${repository}/manifests/${digest}`, {
      method: 'DELETE',
      signal: AbortSignal.timeout(5000),
    });
    return response.status === 202 || response.status === 200;
  }
}
