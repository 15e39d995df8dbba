/**
 * `apprunner-ops gate <environment> [gate]`: the compliance-gate action from a terminal, the
 * same input reading (actions/compliance-gate/src/inputs.ts, defaults from its action.yml) and
 * the same core (core/gate/): every item of `gates.<gate>` at once, read-only, with the
 * attestations file, an evidence bundle, and the check run on the commit when GITHUB_TOKEN is
 * set. Exit 0 when the gate passes, 1 when it does not, 2 on bad input.
 */
import path from 'node:path';
import { readRunInfo } from '../../core/action/github-context.js';
import { createAwsClients } from '../../core/aws/clients.js';
import { runGate } from '../../core/gate/gate.js';
import { headline, renderGate } from '../../core/gate/render.js';
import { systemClock } from '../../core/util/clock.js';
import { readGateInputs } from '../../actions/compliance-gate/src/inputs.js';
import { commandInputs } from '../action-inputs.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandSpec } from './index.js';
import type { ParsedArgs } from '../args.js';
import { renderSummaryFor } from '../render.js';
import { terminalRunInfo } from '../run-info.js';
import { terminalLogger } from '../terminal-logger.js';
import { boolFlag, configPath, noExtraPositionals, positional, stringFlag } from './shared.js';

export async function runGateCommand(
  this: CommandSpec,
  args: ParsedArgs,
  io: CliIo,
): Promise<number> {
  const environment = positional(args, 0, 'the environment', this.usage);
  noExtraPositionals(args, 2, this.usage);
  const resolve = (file: string | undefined): string | undefined =>
    file === undefined ? undefined : path.resolve(io.cwd, file);
  const request = readGateInputs(
    commandInputs('compliance-gate', {
      config: configPath(args, io),
      environment,
      gate: args.positionals[1],
      attestations: resolve(stringFlag(args, 'attestations')),
      'evidence-dir': resolve(stringFlag(args, 'evidence-dir')),
      'github-token': io.env['GITHUB_TOKEN'] || undefined,
      'slack-webhook-url': io.env['SLACK_WEBHOOK_URL'] || undefined,
      'betterstack-token': io.env['BETTERSTACK_TOKEN'] || undefined,
      'database-url': io.env['OPS_DATABASE_URL'] || undefined,
    }),
  );
  const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
  const logger = terminalLogger(io.stderr, { color });
  const run =
    io.env['GITHUB_ACTIONS'] === 'true'
      ? readRunInfo(io.env)
      : terminalRunInfo(io.env, io.cwd, io.now());
  try {
    const outcome = await runGate(request, {
      run,
      clock: systemClock,
      logger,
      aws: createAwsClients,
    });
    logger.stop();
    if (boolFlag(args, 'json')) io.stdout.write(`${JSON.stringify(outcome.evidence, null, 2)}\n`);
    else io.stdout.write(renderSummaryFor(renderGate(outcome.evidence).toMarkdown(), io));
    io.stderr.write(
      `${outcome.evidence.passed ? '' : 'FAILED: '}${headline(outcome.evidence)}\nevidence: ${path.join(request.evidenceDir, 'evidence.json')}\n`,
    );
    return outcome.evidence.passed ? EXIT.ok : EXIT.failed;
  } finally {
    logger.stop();
  }
}
