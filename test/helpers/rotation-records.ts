import pg from 'pg';
import type { RotationWorld } from '../../sim/rotation-world.js';
import type { ActionRun } from '../../sim/run-action.js';

/** Everything a run leaves that a person could read: logs, outputs, summary, records. */
export async function everythingRecorded(world: RotationWorld, runs: ActionRun[]): Promise<string> {
  const client = new pg.Client({ connectionString: world.sim.database('drop-db').adminUrl });
  await client.connect();
  const audit = await client.query('SELECT to_jsonb(a) AS row FROM audit_log a');
  await client.end();
  return [
    // ::add-mask:: lines are runner commands that hide a value; the runner never prints them.
    ...runs.map((r) =>
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ),
    ...runs.map((r) => r.stderr),
    ...runs.map((r) => JSON.stringify(r.outputs)),
    ...runs.map((r) => r.summary),
    JSON.stringify(audit.rows),
    JSON.stringify(world.sim.slackMessages()),
    JSON.stringify(world.sim.github.commitStatuses()),
    JSON.stringify(world.sim.github.deployments()),
  ].join('\n');
}
