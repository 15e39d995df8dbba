import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseYamlDocument } from '../config/load.js';
import type { AttestationBook, AttestationRecord } from '../checks/types.js';
import { ConfigError, errorMessage } from '../util/errors.js';

/**
 * The attestations file (default `.github/apprunner-ops/attestations.yml`), changed only by
 * pull request so every vouch and every waiver is reviewed and kept in history:
 * - attestations: a person vouches for an `attestation` item of a gate until a date;
 * - waivers: a failing check is accepted, with an owner, a reason and a ticket, until a date.
 */

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const dateField = z
  .string()
  .refine((t) => (DATE.test(t) || DATE_TIME.test(t)) && !Number.isNaN(Date.parse(t)), {
    message: 'expected a date like 2026-12-31 or a time like 2026-11-20T14:30:00Z',
  });
/** YAML may read an unquoted date as a Date; accept it the same as its text. */
const dateText = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().replace(/T00:00:00\.000Z$/, '') : v),
  dateField,
);
const githubLogin = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(\[bot\])?$/, {
    message: 'expected a GitHub login like octocat',
  });
const idField = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like bankid-callback' });

export const attestationsFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    attestations: z
      .array(
        z.strictObject({
          id: idField.describe('The id of an attestation item of the gate.'),
          by: githubLogin.describe('GitHub login of the person who vouches.'),
          at: dateText.describe('When they checked it (not in the future).'),
          evidence: z.url({
            protocol: /^https?$/,
            message: 'expected an http(s) URL of the evidence',
          }),
          expires: dateText.describe('After this date the item fails until someone vouches again.'),
          note: z.string().optional(),
        }),
      )
      .default([]),
    waivers: z
      .array(
        z.strictObject({
          check: idField.describe('The id of a check of the gate (its id, or its type).'),
          owner: githubLogin.describe('Who owns the fix.'),
          reason: z.string().min(10, { message: 'say why, in at least a sentence' }),
          ticket: z.string().min(1).describe('Issue or ticket tracking the fix (URL or key).'),
          expires: dateText.describe(
            'Within max-waiver-days of the gate run; afterwards the check fails again.',
          ),
        }),
      )
      .default([]),
  })
  .describe('apprunner-ops attestations and waivers');

export type AttestationsFile = z.output<typeof attestationsFileSchema>;

export interface Waiver {
  check: string;
  owner: string;
  reason: string;
  ticket: string;
  expires: Date;
}

export interface AttestationsPolicy {
  maxAttestationAgeDays: number;
  maxWaiverDays: number;
  /** IANA time zone the gate counts calendar days in (a bare date ends at its midnight there). */
  timeZone?: string;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(instant: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** How far a time zone is ahead of UTC at an instant, in ms. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Calendar days from one YYYY-MM-DD to another. */
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export interface LoadedAttestations {
  file: string;
  book: AttestationBook;
  attestations: AttestationRecord[];
  waivers: Waiver[];
}

/** An error in the attestations file: the user fixes it by pull request. */
export class AttestationsError extends ConfigError {
  constructor(file: string, problems: readonly string[]) {
    super(file, problems);
    this.message =
      problems.length === 1
        ? `attestations ${file}: ${problems[0]}`
        : `attestations ${file} has ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
  }
}

/**
 * A date without a time means the end of that day in the gate's time zone: "expires 2026-12-31"
 * includes the 31st.
 */
function expiryOf(text: string, timeZone: string): Date {
  if (!DATE.test(text)) return new Date(text);
  const asUtc = Date.parse(`${text}T23:59:59.999Z`);
  const guess = asUtc - offsetMs(asUtc, timeZone);
  return new Date(asUtc - offsetMs(guess, timeZone));
}

/**
 * Validates the file against the gate: ids known, `at` not in the future, no waiver longer
 * than allowed. Every problem names the path and its line; any problem means no check runs.
 */
export function parseAttestations(
  text: string,
  file: string,
  gate: { attestationIds: readonly string[]; checkIds: readonly string[] },
  policy: AttestationsPolicy,
  now: number,
): LoadedAttestations {
  const fail = (problems: string[]) => new AttestationsError(file, problems);
  const timeZone = policy.timeZone ?? 'UTC';
  const { data, lineOf } = parseYamlDocument(text, attestationsFileSchema, fail);
  const problems: string[] = [];
  const at = (path: (string | number)[], what: string) =>
    problems.push(
      `${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('')}: ${what}${lineOf(path)}`,
    );
  const seen = new Set<string>();
  const attestations: AttestationRecord[] = data.attestations.map((a, i) => {
    if (!gate.attestationIds.includes(a.id))
      at(
        ['attestations', i, 'id'],
        `"${a.id}" is not an attestation item of any gate of this environment (known: ${gate.attestationIds.join(', ') || 'none'})`,
      );
    if (seen.has(a.id))
      at(['attestations', i, 'id'], `"${a.id}" is attested twice; keep one entry per id`);
    seen.add(a.id);
    const when = new Date(a.at);
    if (when.getTime() > now)
      at(['attestations', i, 'at'], `${a.at} is in the future; write when the item was checked`);
    const expires = expiryOf(a.expires, timeZone);
    if (expires.getTime() < when.getTime())
      at(['attestations', i, 'expires'], `${a.expires} is before "at" (${a.at})`);
    return { id: a.id, by: a.by, at: when, evidence: a.evidence, expires };
  });
  const waivers: Waiver[] = data.waivers.map((w, i) => {
    if (!gate.checkIds.includes(w.check))
      at(
        ['waivers', i, 'check'],
        `"${w.check}" is not a check of any gate of this environment (known: ${gate.checkIds.join(', ')})`,
      );
    const expires = expiryOf(w.expires, timeZone);
    // Calendar days in the gate's time zone: today + max-waiver-days is the last date allowed.
    const today = dateIn(now, timeZone);
    const last = addDays(today, policy.maxWaiverDays);
    const days = daysBetween(today, dateIn(expires.getTime(), timeZone));
    if (days > policy.maxWaiverDays)
      at(
        ['waivers', i, 'expires'],
        `${w.expires} is ${days} days after today (${today}, ${timeZone}); a waiver may last at most ${policy.maxWaiverDays} days (gate-policy.max-waiver-days), so the last date allowed is ${last}: fix the check or renew the waiver later`,
      );
    return { check: w.check, owner: w.owner, reason: w.reason, ticket: w.ticket, expires };
  });
  if (problems.length > 0) throw fail(problems);
  return {
    file,
    attestations,
    waivers,
    book: {
      file,
      maxAgeDays: policy.maxAttestationAgeDays,
      find: (id) => attestations.find((a) => a.id === id),
    },
  };
}

/** Reads the file; a missing file is an empty one (a gate without attestation items needs none). */
export async function loadAttestations(
  file: string,
  gate: { attestationIds: readonly string[]; checkIds: readonly string[] },
  policy: AttestationsPolicy,
  now: number,
): Promise<LoadedAttestations> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new AttestationsError(file, [`cannot read: ${errorMessage(error)}`]);
    text = '{}';
  }
  return parseAttestations(text, file, gate, policy, now);
}
