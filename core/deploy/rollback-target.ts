/** What a rollback's `to` names: the last good version, a tag, a digest, or a GitHub deployment. */
import { parseImageRef } from '../aws/image-ref.js';
import { DomainFailure } from '../util/errors.js';
import { ecrLocation, type OpsContext } from './context.js';

export type RollbackTarget =
  | { kind: 'previous' }
  | { kind: 'tag'; tag: string }
  | { kind: 'digest'; digest: string }
  | { kind: 'deployment'; id: string };

/** Parses `to`. Digits alone name a GitHub deployment; `tag:<digits>` names such a tag. */
export function parseRollbackTarget(text: string, ctx: OpsContext): RollbackTarget {
  if (text === 'previous') return { kind: 'previous' };
  if (/^\d+$/.test(text)) return { kind: 'deployment', id: text };
  const explicitTag = /^tag:(.+)$/.exec(text);
  const ref = parseImageRef(
    explicitTag ? (explicitTag[1] as string) : text,
    'to',
    ecrLocation(ctx.env),
  );
  return ref.kind === 'tag'
    ? { kind: 'tag', tag: ref.tag }
    : { kind: 'digest', digest: ref.digest };
}

export class NoRollbackTarget extends DomainFailure {
  override readonly name = 'NoRollbackTarget';
}
