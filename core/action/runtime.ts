import * as core from '@actions/core';
import { closeLeftoverSessions, TUNNEL_STATE } from '../aws/ssm-tunnel.js';
import { errorMessage, isUserFixable, DomainFailure } from '../util/errors.js';
import { closeDatabaseRoute } from '../util/pg-client.js';
import type { Logger } from '../util/logger.js';
import { InputReader } from './inputs.js';
import type { Summary } from './summary.js';

/**
 * The only bridge between apprunner-ops and @actions/core. Actions call `runAction` with a
 * function that receives the pieces of the runner it may use.
 */
export interface ActionContext {
  inputs: InputReader;
  logger: Logger;
  setOutput(name: string, value: string | number | boolean): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  writeSummary(summary: Summary): Promise<void>;
  /** Hides a value derived at run time (a registry password) in every later log line. */
  mask(value: string): void;
}

export const actionsLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m, a) => core.warning(m, a),
  error: (m, a) => core.error(m, a),
  group: (name, fn) => core.group(name, fn),
};

function context(): ActionContext {
  return {
    inputs: new InputReader(
      (name) => core.getInput(name),
      (value) => core.setSecret(value),
    ),
    logger: actionsLogger,
    setOutput: (name, value) => core.setOutput(name, String(value)),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    mask: (value) => core.setSecret(value),
    writeSummary: async (summary) => {
      if (!process.env['GITHUB_STEP_SUMMARY']) return;
      await core.summary.addRaw(summary.toMarkdown(), true).write();
    },
  };
}

/**
 * Runs an action body and turns whatever it throws into one failure line,
 * `<action>: <message>`. User mistakes and domain failures are reported as they are; any
 * other error is a bug, reported with its stack so it can be filed.
 */
export async function runAction(
  action: string,
  body: (ctx: ActionContext) => Promise<void>,
): Promise<void> {
  try {
    await body(context());
  } catch (error) {
    reportFailure(action, error);
  } finally {
    // Every outcome ends the run's database sessions (a cancellation: the post step does).
    await closeDatabaseRoute().catch((error: unknown) =>
      core.warning(`${action}: closing the database sessions: ${errorMessage(error)}`),
    );
  }
}

function reportFailure(action: string, error: unknown): void {
  if (isUserFixable(error) || error instanceof DomainFailure) {
    core.setFailed(`${action}: ${error.message}`);
  } else {
    if (error instanceof Error && error.stack) core.info(error.stack);
    core.setFailed(
      `${action}: unexpected error (a bug in apprunner-ops; please report it): ${errorMessage(error)}`,
    );
  }
}

/**
 * A post step: failures become warnings, never a failed job. It first ends the database
 * sessions a cancelled main step left running (a killed step never reaches its own finally).
 */
export async function runPostStep(
  action: string,
  body: (ctx: ActionContext) => Promise<void>,
): Promise<void> {
  try {
    const pids = core
      .getState(TUNNEL_STATE)
      .split(',')
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid > 0);
    if (pids.length > 0) await closeLeftoverSessions(pids, actionsLogger);
  } catch (error) {
    core.warning(`${action} (post): closing the database sessions: ${errorMessage(error)}`);
  }
  try {
    await body(context());
  } catch (error) {
    core.warning(`${action} (post): ${errorMessage(error)}`);
  }
}
