import { attestationSchema } from './schemas/attestation.js';
import { defineCheck } from './types.js';

const DAY = 86_400_000;

/**
 * An item only a person can vouch for (a real BankID login, a regulator notified). It passes
 * while the attestations file holds a current attestation for its id: present, not expired,
 * and not older than the gate's max-attestation-age.
 */
export const attestation = defineCheck({
  ...attestationSchema,
  defaultTimeoutMs: 5_000,
  group: 'External services',
  async run(check, { attestations, clock }) {
    if (!attestations)
      return {
        status: 'error',
        line: 'no attestations file was read; attestation items are judged by the compliance-gate action',
      };
    const found = attestations.find(check.id);
    if (!found)
      return {
        status: 'fail',
        line: `no attestation for "${check.id}" in ${attestations.file}; add one by pull request (id, by, at, evidence, expires)`,
        observed: { id: check.id },
      };
    const now = clock.now();
    const observed = {
      id: check.id,
      by: found.by,
      at: found.at.toISOString(),
      expires: found.expires.toISOString().slice(0, 10),
      evidence: found.evidence,
    };
    const ageDays = Math.floor((now - found.at.getTime()) / DAY);
    if (found.expires.getTime() <= now)
      return {
        status: 'fail',
        line: `attestation "${check.id}" by ${found.by} expired on ${observed.expires}; vouch again with fresh evidence`,
        observed,
      };
    if (ageDays > attestations.maxAgeDays)
      return {
        status: 'fail',
        line: `attestation "${check.id}" by ${found.by} is ${ageDays} days old (limit ${attestations.maxAgeDays}); vouch again`,
        observed,
      };
    return {
      status: 'pass',
      line: `${found.by} vouched on ${observed.at.slice(0, 10)} (until ${observed.expires}): ${check.text}`,
      observed,
    };
  },
});
