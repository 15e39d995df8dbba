/**
 * New values and DATABASE_URLs. Values never reach a log line: callers log names and version
 * ids only, and errors from here never quote a URL.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, randomInt } from 'node:crypto';
import { pgClient, usePgClient } from '../util/pg-client.js';
import type { Clock } from '../util/clock.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/logger.js';

/** `bytes` from the CSPRNG, base64 (like `openssl rand -base64 48`). */
export function randomValue(bytes: number): string {
  return randomBytes(bytes).toString('base64');
}

// Printable ASCII without what RDS refuses (/ " @ space) and what AWS's own rotation templates
// leave out (: ' \ `). % # ? & stay in on purpose: they prove the URL encoding.
const PASSWORD_ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.;<=>?[]^_{|}~';

/** A database password of `length` characters (8–128) from the CSPRNG. */
export function databasePassword(length: number): string {
  if (length < 8 || length > 128) throw new Error('a database password has 8–128 characters');
  return Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(
    '',
  );
}

export interface DatabaseUrlParts {
  user: string;
  password: string;
}

/** Reads user and password from a postgres:// URL; throws a message without the URL. */
export function credentialsOf(url: string, what: string): DatabaseUrlParts {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${what} is not a URL (expected postgres://user:password@host:port/db)`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol) || !parsed.username)
    throw new Error(`${what} is not a postgres:// URL with a user`);
  return {
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/** The same URL with other credentials, both percent-encoded (`% # ? &` would break it). */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.href;
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802/7677, 4096
 * iterations, a random 16-byte salt), computed here so CREATE/ALTER ROLE … PASSWORD sends the
 * verifier and never the cleartext: a statement is logged with log_statement=ddl or when it
 * fails, and from there exported to CloudWatch. Our passwords are printable ASCII, which
 * SASLprep leaves as it is.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** Every form a value could be printed in: itself, and a URL's or JSON's password. */
export function secretForms(value: string): string[] {
  const forms = [value];
  try {
    const url = new URL(value);
    if (url.password) forms.push(url.password, decodeURIComponent(url.password));
  } catch {
    // not a URL
  }
  if (value.startsWith('{'))
    try {
      const parsed = JSON.parse(value) as { password?: unknown };
      if (typeof parsed.password === 'string') forms.push(parsed.password);
    } catch {
      // not JSON
    }
  return [...new Set(forms.filter((f) => f.length >= 6))];
}

/** A message with every form of `values` replaced by ***. */
export function withoutSecrets(message: string, values: readonly string[]): string {
  let out = message;
  for (const form of values.flatMap(secretForms).sort((a, b) => b.length - a.length))
    out = out.split(form).join('***');
  return out;
}

/** A real connection and `SELECT 1`; the error is pg's (it names the user, never the password). */
export async function tryLogin(url: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const client = await pgClient({
    connectionString: url,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 5_000,
  });
  try {
    await usePgClient(client, (c) => c.query('SELECT 1'));
    return { ok: true };
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, error: withoutSecrets(message, [url]) };
  }
}

/** Logs in, trying again until `withinMs` passes (a new password can take a moment). */
export async function loginWithin(
  url: string,
  what: string,
  withinMs: number,
  intervalMs: number,
  deps: { clock: Clock; logger: Logger },
): Promise<{ ok: true } | { ok: false; error: string }> {
  const deadline = deps.clock.now() + withinMs;
  let last: { ok: false; error: string };
  for (let attempt = 1; ; attempt++) {
    const result = await tryLogin(url);
    if (result.ok) return result;
    last = result;
    if (deps.clock.now() + intervalMs > deadline) break;
    deps.logger.info(
      `  login with ${what} failed (attempt ${attempt}: ${result.error}); trying again`,
    );
    await deps.clock.sleep(intervalMs);
  }
  deps.logger.info(`  login with ${what} still failing after ${formatDuration(withinMs)}`);
  return last;
}
