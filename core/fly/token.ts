/**
 * The `fly-api-token` input: read as a secret (masked the moment it is read) and checked for
 * the shape Fly's tokens have before any call, so a pasted header or two tokens on two lines
 * fail as an input error instead of as a 401 from Fly. The value is never in the message.
 */
import type { InputReader } from '../action/inputs.js';
import { InputError } from '../util/errors.js';

/** `FlyV1 fm2_…` (what `fly tokens create deploy` prints) or one bare token. */
const SHAPE = /^(?:FlyV1 )?[\x21-\x7e]+$/;

export function flyApiTokenInput(inputs: InputReader, name = 'fly-api-token'): string | undefined {
  const token = inputs.secret(name);
  if (token === undefined) return undefined;
  if (/^(?:Bearer|Authorization:)\s/i.test(token))
    throw new InputError(
      name,
      'looks like an HTTP header, not a token (value not shown); pass the token alone: secrets.FLY_API_TOKEN holding what fly tokens create deploy printed',
    );
  if (!SHAPE.test(token))
    throw new InputError(
      name,
      'is not one Fly API token: it holds spaces, line breaks or characters a token does not (value not shown); set secrets.FLY_API_TOKEN to the one line fly tokens create deploy printed',
    );
  return token;
}
