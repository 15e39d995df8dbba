/**
 * The application side of JWT key rotation, as the example app (and the sim's sample app) does
 * it: sign with one key, accept a set. Only node:crypto; copy it, or do the same with your JWT
 * library (jose: try each key of the set; jsonwebtoken: a secret callback).
 *
 *   JWT_SECRET           the signing key; accepted
 *   JWT_SECRET_PREVIOUS  accepted (previous-secret-id): tokens signed before the last rotation
 *   JWT_SECRET_NEXT      accepted (next-secret-id): the key the next phase will sign with
 *
 * rotate-secret rotates in two phases: the new key reaches JWT_SECRET_NEXT and is deployed, so
 * every instance accepts it; only then does it become JWT_SECRET (the old one becomes
 * JWT_SECRET_PREVIOUS) in a second deployment. While either deployment rolls out, old and new
 * instances serve together, and each accepts what the other signs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface KeySet {
  /** The key new tokens are signed with. */
  signing: string;
  /** Every key a token may be signed with (signing first), without repeats or empty ones. */
  accepted: string[];
}

/** The key set from the environment the platform gives the app (secrets read at deployment). */
export function keySetFromEnv(env: Readonly<Record<string, string | undefined>>): KeySet {
  const signing = env['JWT_SECRET'];
  if (!signing) throw new Error('JWT_SECRET is not set: the app cannot sign tokens');
  const accepted = [signing, env['JWT_SECRET_PREVIOUS'], env['JWT_SECRET_NEXT']].filter(
    (k): k is string => typeof k === 'string' && k.length > 0,
  );
  return { signing, accepted: [...new Set(accepted)] };
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const mac = (key: string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export interface Claims {
  sub: string;
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

/** An HS256 JWT for `sub`, valid `ttlSeconds` from `nowSeconds`, signed with the signing key. */
export function signToken(
  keys: KeySet,
  sub: string,
  nowSeconds: number,
  ttlSeconds: number,
): string {
  const payload = b64url(
    JSON.stringify({ sub, iat: nowSeconds, exp: nowSeconds + ttlSeconds } satisfies Claims),
  );
  const signed = `${HEADER}.${payload}`;
  return `${signed}.${b64url(mac(keys.signing, signed))}`;
}

/**
 * The claims of a token signed with any accepted key and not expired; undefined otherwise. Only
 * HS256 is accepted (never `none` or what the header asks for).
 */
export function verifyToken(keys: KeySet, token: string, nowSeconds: number): Claims | undefined {
  const [header, payload, signature, extra] = token.split('.');
  if (header !== HEADER || !payload || !signature || extra !== undefined) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const signed = `${header}.${payload}`;
  const valid = keys.accepted.some((key) => {
    const expected = mac(key, signed);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!valid) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
    return typeof claims.exp === 'number' && claims.exp > nowSeconds ? claims : undefined;
  } catch {
    return undefined;
  }
}
