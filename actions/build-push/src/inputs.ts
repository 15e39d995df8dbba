import type { InputReader } from '../../../core/action/inputs.js';
import type { BuildPushRequest } from '../../../core/build/prepare.js';
import { parseRegistries } from '../../../core/build/registries.js';
import { InputError } from '../../../core/util/errors.js';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const ARG = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

/** Reads and validates every input once, before anything is built or pushed. */
export function readBuildPushInputs(inputs: InputReader): BuildPushRequest {
  const tag = inputs.optional('tag');
  if (tag !== undefined && !TAG.test(tag)) {
    throw new InputError(
      'tag',
      `expected an image tag (letters, digits, _ . -; at most 128; not starting with . or -), got "${tag}"`,
    );
  }
  const buildArgs = (inputs.optional('build-args') ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = ARG.exec(line);
      if (!match)
        throw new InputError(
          'build-args',
          `expected NAME=value on each line, got "${line.split('=')[0]}…"`,
        );
      return { name: match[1] as string, value: match[2] as string };
    });
  const builder = inputs.optional('builder');
  if (builder !== undefined && builder !== 'docker' && builder !== 'buildah') {
    throw new InputError(
      'builder',
      `expected docker or buildah (or empty to detect), got "${builder}"`,
    );
  }
  const registries = parseRegistries(inputs.required('registries'));
  const flyApiToken = inputs.optional('fly-api-token');
  return Object.freeze({
    registries,
    flyApiToken,
    config: inputs.required('config'),
    environment: inputs.required('environment'),
    context: inputs.required('context'),
    dockerfile: inputs.optional('dockerfile'),
    tag,
    buildArgs,
    builder,
  });
}
