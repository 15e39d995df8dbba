/**
 * What every stage module exports: a stage without its needs. The needs are declared in one
 * place, pipelines.ts, so the order of a pipeline is read and changed there.
 */
import type { Need, Stage } from '../pipeline.js';

export type StageDefinition<R> = Omit<Stage<R>, 'needs'>;

/** Needs: each named stage finished. */
export const after = (...stages: string[]): Need[] =>
  stages.map((stage) => ({ stage, until: 'finished' as const }));

/** Needs: the named stage has started its effect (it may still be running). */
export const startedOf = (stage: string): Need => ({ stage, until: 'started' });
