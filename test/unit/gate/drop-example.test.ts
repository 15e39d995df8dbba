import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkId, checkType } from '../../../core/checks/registry.js';
import { parseConfig } from '../../../core/config/load.js';
import { parseAttestations } from '../../../core/gate/attestations.js';
import { GROUP_ORDER } from '../../../core/gate/evidence.js';

const DIR = path.join(import.meta.dirname, '../../../examples/drop');
const config = parseConfig(
  readFileSync(path.join(DIR, 'apprunner-ops.yml'), 'utf8'),
  'apprunner-ops.yml',
);
const gate = config.environments['production']!.gates!['go-live']!;

describe('the Drop example go-live gate', () => {
  it('covers every section of the runbook checklist', () => {
    const groups = new Set(gate.map((item) => item.group ?? checkType(item.type)!.group));
    expect([...groups].sort()).toEqual([...GROUP_ORDER].sort());
  });

  it('has an attestation in the example file for every attestation item, valid on 2026-11-22', () => {
    const attestationIds = gate.filter((i) => i.type === 'attestation').map((i) => checkId(i));
    const loaded = parseAttestations(
      readFileSync(path.join(DIR, 'attestations.example.yml'), 'utf8'),
      'attestations.example.yml',
      { attestationIds, checkIds: gate.map((i) => checkId(i)) },
      { maxAttestationAgeDays: 30, maxWaiverDays: 14 },
      Date.UTC(2026, 10, 22, 12),
    );
    expect(loaded.attestations.map((a) => a.id).sort()).toEqual([...attestationIds].sort());
    expect(loaded.waivers.map((w) => w.check)).toEqual(['restore-verified']);
  });

  it('names the runbook items: secrets, private database, BANKID_MOCK absent, apex and www TLS for 90 days, HSTS preload', () => {
    expect(gate.map((i) => i.type)).toEqual(
      expect.arrayContaining([
        'secrets-present',
        'database-private',
        'backups',
        'restore-verified',
        'ci-green',
        'monitors-green',
      ]),
    );
    expect(gate.find((i) => i.type === 'service-env')).toMatchObject({ absent: ['BANKID_MOCK'] });
    expect(gate.find((i) => i.type === 'tls')).toMatchObject({
      hosts: ['getdrop.no', 'www.getdrop.no'],
      'min-days': 90,
    });
    expect(gate.find((i) => i.type === 'hsts')).toMatchObject({
      'min-max-age': 63072000,
      preload: true,
    });
  });
});
