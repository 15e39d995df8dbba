import { runPostStepIfOpen } from './post-state.js';

/**
 * The post step of an action whose main step leaves nothing open but database sessions
 * (compliance-gate, restore-database, rotate-secret): runPostStep ends those. A module of its
 * own: the main bundles import post-state.ts, and need no import of the runtime's post step.
 */
export function closeSessionsPostStep(action: string): Promise<void> {
  return runPostStepIfOpen(action, [], async () => {
    const { runPostStep } = await import('./runtime.js');
    await runPostStep(action, async () => {});
  });
}
