import { describe, expect, it } from 'vitest';
import { choosePrevious, type HistoryEntry } from '../../../core/deploy/history.js';
import { standingRollback } from '../../../core/deploy/newer-rollback.js';

const digest = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const REPO = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web';

function entry(
  id: number,
  kind: 'deploy' | 'rollback',
  image: number,
  before: number | undefined,
  succeeded = true,
): HistoryEntry {
  return {
    source: 'github',
    id: String(id),
    kind,
    digest: digest(image),
    image: `${REPO}@${digest(image)}`,
    tag: `v${image}`,
    createdAt: id * 1000,
    succeeded,
    rolledBackFrom: kind === 'rollback' && before !== undefined ? digest(before) : undefined,
    before: before !== undefined ? digest(before) : undefined,
    actor: 'octocat',
    reason: kind === 'rollback' ? 'bad release' : undefined,
    serviceArn: undefined,
    sha: undefined,
  };
}

describe('choosePrevious', () => {
  it('on the day of adoption: the version the first deploy recorded as running before it', () => {
    const chosen = choosePrevious([entry(1, 'deploy', 2, 1)], digest(2));
    expect(chosen?.digest).toBe(digest(1));
    expect(chosen?.image).toBe(`${REPO}@${digest(1)}`);
    expect(chosen?.adoptedFrom).toBe(true);
    expect(chosen?.id).toBe('1');
  });

  it('prefers a recorded older version; never the running one or one rolled back away from', () => {
    const history = [entry(3, 'deploy', 3, 2), entry(2, 'deploy', 2, 1)];
    expect(choosePrevious(history, digest(3))?.digest).toBe(digest(2));
    // Only the first deploy, and what ran before it is the version a rollback moved away from.
    const rolledBack = [entry(2, 'rollback', 2, 1), entry(1, 'deploy', 2, 1)];
    expect(choosePrevious(rolledBack, digest(2))).toBeUndefined();
  });
});

describe('standingRollback', () => {
  it('is the newest rollback no successful deploy has followed', () => {
    const rollback = entry(3, 'rollback', 1, 2);
    expect(standingRollback([rollback, entry(2, 'deploy', 2, 1)])).toBe(rollback);
    expect(
      standingRollback([entry(5, 'deploy', 4, 1, false), rollback, entry(2, 'deploy', 2, 1)]),
    ).toBe(rollback);
    expect(standingRollback([entry(4, 'deploy', 3, 1), rollback])).toBeUndefined();
    expect(standingRollback([entry(2, 'deploy', 2, 1)])).toBeUndefined();
  });
});
