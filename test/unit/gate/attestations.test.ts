import { describe, expect, it } from 'vitest';
import { AttestationsError, parseAttestations } from '../../../core/gate/attestations.js';
import { applyWaivers } from '../../../core/gate/gate.js';
import type { CheckResult } from '../../../core/checks/run-checks.js';

const NOW = Date.UTC(2026, 10, 22, 12);
const GATE = {
  attestationIds: ['bankid-callback', 'sumsub-kyc'],
  checkIds: ['service-env', 'restore-verified', 'bankid-callback', 'sumsub-kyc'],
};
const POLICY = { maxAttestationAgeDays: 30, maxWaiverDays: 14 };
const FILE = '.github/apprunner-ops/attestations.yml';

const good = `attestations:
  - id: bankid-callback
    by: octocat
    at: 2026-11-20T10:00:00Z
    evidence: https://github.com/acme/drop/issues/12#issuecomment-1
    expires: 2026-12-20
waivers:
  - check: restore-verified
    owner: hubot
    reason: The first drill runs on the 1st; accepted for the launch week.
    ticket: https://github.com/acme/drop/issues/40
    expires: 2026-11-30
`;

function problems(text: string): readonly string[] {
  try {
    parseAttestations(text, FILE, GATE, POLICY, NOW);
  } catch (error) {
    if (error instanceof AttestationsError) return error.problems;
    throw error;
  }
  return [];
}

describe('the attestations file', () => {
  it('reads attestations and waivers; a bare date expires at the end of that day', () => {
    const loaded = parseAttestations(good, FILE, GATE, POLICY, NOW);
    expect(loaded.book.find('bankid-callback')).toMatchObject({
      by: 'octocat',
      expires: new Date('2026-12-20T23:59:59.999Z'),
    });
    expect(loaded.waivers).toEqual([
      expect.objectContaining({ check: 'restore-verified', owner: 'hubot' }),
    ]);
  });

  it('a missing file is empty (parsed from {})', () => {
    expect(parseAttestations('{}', FILE, GATE, POLICY, NOW).attestations).toEqual([]);
  });

  it.each([
    [
      'an unknown attestation id',
      good.replace('id: bankid-callback', 'id: bankid-callbak'),
      /^attestations\[0\]\.id: "bankid-callbak" is not an attestation item of any gate of this environment \(known: bankid-callback, sumsub-kyc\) \(line 2\)$/,
    ],
    [
      'an unknown waiver check',
      good.replace('check: restore-verified', 'check: restore-verifed'),
      /^waivers\[0\]\.check: "restore-verifed" is not a check of any gate of this environment .*\(line 8\)$/,
    ],
    [
      'a waiver without expires',
      good.replace('    expires: 2026-11-30\n', ''),
      /^waivers\[0\]\.expires: .*required.*\(line 8\)$/i,
    ],
    [
      'a waiver longer than allowed',
      good.replace('expires: 2026-11-30', 'expires: 2027-01-30'),
      /^waivers\[0\]\.expires: 2027-01-30 is 69 days after today \(2026-11-22, UTC\); a waiver may last at most 14 days \(gate-policy\.max-waiver-days\), so the last date allowed is 2026-12-06: .*\(line 12\)$/,
    ],
    [
      'a waiver one calendar day past max-waiver-days',
      good.replace('expires: 2026-11-30', 'expires: 2026-12-07'),
      /^waivers\[0\]\.expires: 2026-12-07 is 15 days after today \(2026-11-22, UTC\); .* the last date allowed is 2026-12-06: .*\(line 12\)$/,
    ],
    [
      'an attestation with a future at',
      good.replace('at: 2026-11-20T10:00:00Z', 'at: 2026-11-25T10:00:00Z'),
      /^attestations\[0\]\.at: 2026-11-25T10:00:00Z is in the future.*\(line 4\)$/,
    ],
    ['a malformed file', 'attestations:\n  - id: x\n   by: y\n', /^invalid YAML: .*\(line \d\)$/],
    [
      'a bad evidence URL',
      good.replace(
        'evidence: https://github.com/acme/drop/issues/12#issuecomment-1',
        'evidence: see slack',
      ),
      /^attestations\[0\]\.evidence: expected an http\(s\) URL of the evidence.*\(line 5\)$/,
    ],
    [
      'an unknown key',
      good.replace('    by: octocat\n', '    by: octocat\n    signed: yes\n'),
      /^attestations\[0\]\.signed: .*\(line 4\)$/,
    ],
  ])('%s is one error with its path and line', (_what, text, pattern) => {
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(pattern);
  });

  it('its error message names the file', () => {
    expect(() =>
      parseAttestations(good.replace('id: bankid-callback', 'id: nope'), FILE, GATE, POLICY, NOW),
    ).toThrow(/^attestations \.github\/apprunner-ops\/attestations\.yml: attestations\[0\]\.id/);
  });
});

describe('waivers applied to results', () => {
  const result = (id: string, status: CheckResult['status']): CheckResult => ({
    id,
    type: id,
    group: 'Infrastructure',
    status,
    line: `${id} said so`,
    startedAt: new Date(NOW).toISOString(),
    durationMs: 1,
  });
  const waiver = (check: string, expires: number) => ({
    check,
    owner: 'hubot',
    reason: 'accepted for launch week',
    ticket: 'DROP-1',
    expires: new Date(expires),
  });

  it("a waiver with a bare date exactly max-waiver-days ahead is accepted, counted in calendar days of the gate's time zone", () => {
    const waiverOn = (date: string) => good.replace('expires: 2026-11-30', `expires: ${date}`);
    // 12:00 UTC on 2026-11-22: 14 days ahead is 2026-12-06, the last date allowed.
    expect(
      parseAttestations(waiverOn('2026-12-06'), FILE, GATE, POLICY, NOW).waivers[0]?.expires,
    ).toEqual(new Date('2026-12-06T23:59:59.999Z'));
    // 23:30 UTC is already the 23rd in Oslo (UTC+1): there the last date is 2026-12-07, and a
    // bare date ends at Oslo's midnight.
    const late = Date.UTC(2026, 10, 22, 23, 30);
    const oslo = { ...POLICY, timeZone: 'Europe/Oslo' };
    expect(
      parseAttestations(waiverOn('2026-12-07'), FILE, GATE, oslo, late).waivers[0]?.expires,
    ).toEqual(new Date('2026-12-07T22:59:59.999Z'));
    expect(() => parseAttestations(waiverOn('2026-12-07'), FILE, GATE, POLICY, late)).toThrow(
      /the last date allowed is 2026-12-06/,
    );
  });

  it('a valid waiver makes a failure or an error waived, never pass; a passing check stays pass', () => {
    const out = applyWaivers(
      [result('a', 'fail'), result('b', 'error'), result('c', 'pass')],
      [waiver('a', NOW + 86_400_000), waiver('b', NOW + 1), waiver('c', NOW + 1)],
      NOW,
    );
    expect(out.map((o) => o.result.status)).toEqual(['waived', 'waived', 'pass']);
    expect(out[0]!.waiver?.owner).toBe('hubot');
  });

  it('an expired waiver is a failure that says it expired', () => {
    const [out] = applyWaivers([result('a', 'fail')], [waiver('a', NOW - 1)], NOW);
    expect(out!.result.status).toBe('fail');
    expect(out!.result.line).toMatch(/its waiver by hubot expired on 2026-11-22/);
    expect(out!.expired).toBe(true);
  });
});
