/**
 * checks: 12 routine checks of one environment run concurrently against the sim (every AWS
 * call 150 ms slower, as a far region would be) and a real PostgreSQL. Target: the wall time
 * of the list is at most the slowest check + 10 %, i.e. the checks really overlap.
 */
import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import pg from 'pg';
import { parse } from 'yaml';
import { checkItemSchema } from '../core/checks/registry.js';
import { runCheckList } from '../core/checks/run-checks.js';
import { parseConfig } from '../core/config/load.js';
import { systemClock } from '../core/util/clock.js';
import { recordingLogger } from '../core/util/logger.js';
import { testConfig } from '../sim/deploy-world.js';
import { startSim } from '../sim/index.js';
import { startPostgres } from '../sim/postgres.js';
import { median, type BenchResult } from './stats.js';

const LOG_GROUP = '/aws/apprunner/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f/application';
const CHECKS = `
- { type: service-running }
- { type: health }
- { type: snapshot-fresh, max-age: 24h }
- { type: snapshot-fresh, id: snapshot-fresh-48h, max-age: 48h }
- { type: free-storage, min-gib: 2 }
- { type: error-rate, max-percent: 1 }
- { type: error-rate, id: error-rate-24h, max-percent: 1, window: 24h }
- { type: latency-p99, max-ms: 1000 }
- { type: log-errors, log-group: '${LOG_GROUP}', pattern: FATAL, window: 24h }
- { type: sql, name: open-aml-alerts, query: "SELECT id FROM aml_alerts WHERE status = 'open'" }
- { type: sql, name: pending-str-filings, query: "SELECT id FROM str_reports WHERE status = 'pending'" }
- { type: sql, name: slow-report, query: 'SELECT id FROM str_reports, pg_sleep(0.3)' }
`;

export async function run(): Promise<BenchResult[]> {
  const [sim, db] = await Promise.all([startSim({ timeScale: 0.005 }), startPostgres()]);
  try {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`CREATE TABLE aml_alerts (id bigserial PRIMARY KEY, status text);
      CREATE TABLE str_reports (id bigserial PRIMARY KEY, status text);`);
    await client.end();
    sim.setFaults({ rules: [{ kind: 'latency', latencyMs: 150 }] });
    const config = sim.clientConfig({ maxAttempts: 1 });
    const env = parseConfig(testConfig(sim), 'bench.yml').environments['production']!;
    const items = (parse(CHECKS) as unknown[]).map((i) => checkItemSchema.parse(i));
    const context = {
      environment: 'production',
      env,
      aws: {
        appRunner: new AppRunnerClient(config),
        ecr: new ECRClient(config),
        rds: new RDSClient(config),
        sts: new STSClient(config),
        cloudWatch: new CloudWatchClient(config),
        cloudWatchLogs: new CloudWatchLogsClient(config),
        secretsManager: new SecretsManagerClient(config),
      },
      secrets: { databaseUrl: db.url },
      run: undefined,
      clock: systemClock,
      logger: recordingLogger(),
    };
    await runCheckList(items, context); // warm up connections and the JIT
    const walls: number[] = [];
    const slowest: number[] = [];
    const sums: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const results = await runCheckList(items, context);
      walls.push(performance.now() - started);
      const bad = results.filter((r) => r.status !== 'pass');
      if (bad.length > 0)
        throw new Error(
          `checks bench: ${bad.map((r) => `${r.id} ${r.status}: ${r.line}`).join('; ')}`,
        );
      slowest.push(Math.max(...results.map((r) => r.durationMs)));
      sums.push(results.reduce((n, r) => n + r.durationMs, 0));
    }
    const ratio = median(walls.map((w, i) => w / slowest[i]!));
    return [
      { name: `${items.length} checks, wall time (median of 5)`, value: median(walls), unit: 'ms' },
      { name: 'slowest single check (median of 5)', value: median(slowest), unit: 'ms' },
      { name: 'sum of the checks’ durations (median of 5)', value: median(sums), unit: 'ms' },
      {
        name: 'wall ÷ slowest check',
        value: ratio,
        unit: 'x',
        target: '≤ 1.10',
        ok: ratio <= 1.1,
      },
    ];
  } finally {
    await Promise.all([sim.stop(), db.stop()]);
  }
}
