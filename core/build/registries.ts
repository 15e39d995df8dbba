import { InputError } from '../util/errors.js';

/** Where build-push pushes: ECR always; Fly's registry (registry.fly.io/<app>) too with `fly`. */
export type Registry = 'ecr' | 'fly';

/** `registries` as written (comma- or space-separated); ECR must be one of them. */
export function parseRegistries(text: string): Registry[] {
  const registries = [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((r) => r.trim().toLowerCase())
        .filter((r) => r !== ''),
    ),
  ];
  if (registries.length === 0 || registries.some((r) => r !== 'ecr' && r !== 'fly'))
    throw new InputError(
      'registries',
      `expected ecr, or ecr and fly (comma-separated), got "${text}"`,
    );
  if (!registries.includes('ecr'))
    throw new InputError(
      'registries',
      'must include ecr: deploy resolves and records images in ECR, and the Fly image is the same digest (use "ecr, fly")',
    );
  return registries as Registry[];
}
