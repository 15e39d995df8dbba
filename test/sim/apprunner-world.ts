/** One sim per App Runner test, so the tests can run concurrently (they mostly wait). */
import {
  AppRunnerClient,
  DescribeServiceCommand,
  ListOperationsCommand,
  UpdateServiceCommand,
  type OperationSummary,
} from '@aws-sdk/client-apprunner';
import { startSim, type SimHandle } from '../../sim/index.js';
import { waitFor } from './helpers.js';

// 0.003: a 3m15s deployment takes ~0.6 s, a 2-minute rollback ~0.36 s.
export const TIME_SCALE = 0.003;

export interface AppRunnerWorld {
  sim: SimHandle;
  client: AppRunnerClient;
  arn: string;
  operation(id: string): Promise<OperationSummary>;
  /** Waits for the operation to end and records every status it was seen in. */
  follow(id: string): Promise<{ final: OperationSummary; seen: string[] }>;
  health(): Promise<{ status: number; body: { data: { status: string; version: string } } }>;
  /** What a careful client does: read the service, change only the image identifier. */
  deployImage(identifier: string): Promise<string>;
}

export async function appRunnerWorld(
  onFinished: (fn: () => Promise<void>) => void,
  timeScale = TIME_SCALE,
): Promise<AppRunnerWorld> {
  const sim = await startSim({ timeScale });
  const client = new AppRunnerClient(sim.clientConfig({ maxAttempts: 1 }));
  const arn = sim.service('drop-web').arn;
  onFinished(async () => {
    client.destroy();
    await sim.stop();
  });
  const operation = async (id: string): Promise<OperationSummary> => {
    const out = await client.send(new ListOperationsCommand({ ServiceArn: arn }));
    const op = out.OperationSummaryList?.find((o) => o.Id === id);
    if (!op) throw new Error(`operation ${id} not listed`);
    return op;
  };
  return {
    sim,
    client,
    arn,
    operation,
    follow: async (id) => {
      const seen: string[] = [];
      const final = await waitFor(`operation ${id} to end`, async () => {
        const op = await operation(id);
        if (seen.at(-1) !== op.Status) seen.push(op.Status!);
        return op.EndedAt ? op : undefined;
      });
      return { final, seen };
    },
    health: async () => {
      const response = await fetch(`${sim.serviceUrl('drop-web')}/api/health`);
      return { status: response.status, body: (await response.json()) as never };
    },
    deployImage: async (identifier) => {
      const { Service } = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
      const source = structuredClone(Service!.SourceConfiguration!);
      source.ImageRepository!.ImageIdentifier = identifier;
      const out = await client.send(
        new UpdateServiceCommand({ ServiceArn: arn, SourceConfiguration: source }),
      );
      return out.OperationId!;
    },
  };
}
