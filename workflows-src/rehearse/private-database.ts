/**
 * `npm run rehearse -- deploy --private-database`: docs/setup.md's caller against a private
 * database. drop-db is real PostgreSQL whose endpoint resolves only inside the sim's VPC, the
 * configuration says `access: ssm` through an instance in the VPC, and the jobs find the sim's
 * stand-in `aws` command (sim/bin/aws) on their PATH, as GitHub-hosted runners carry the AWS
 * CLI and its Session Manager plugin. The audit log is written through the same session.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FixtureInput, SimHandle } from '../../sim/index.js';
import type { RehearsalOptions } from './engine.js';

export const REHEARSAL_DATABASE_HOP = 'i-0a1b2c3d4e5f60718';

/** The fixture plus the instance in the VPC that runs the SSM agent. */
export function withPrivateDatabaseHop(fixture: FixtureInput): FixtureInput {
  const copy = structuredClone(fixture) as FixtureInput & {
    ec2?: { instances?: unknown[] };
  };
  copy.ec2 = {
    ...copy.ec2,
    instances: [
      {
        id: REHEARSAL_DATABASE_HOP,
        tags: { Name: 'db-bastion' },
        state: 'running',
        ssmAgent: 'Online',
      },
    ],
  };
  return copy;
}

/** Configures the rehearsal's workspace, PATH and secrets for database.access: ssm. */
export async function usePrivateDatabase(
  sim: SimHandle,
  options: Pick<RehearsalOptions, 'workspace' | 'env' | 'secrets'>,
): Promise<void> {
  const file = path.join(options.workspace as string, '.github', 'apprunner-ops.yml');
  const text = await readFile(file, 'utf8');
  const block = '      instance: drop-db\n';
  if (!text.includes(block)) throw new Error(`${file} has no database block for drop-db`);
  await writeFile(
    file,
    text.split(block).join(`${block}      access: ssm\n      via: ${REHEARSAL_DATABASE_HOP}\n`),
  );
  options.env = { ...options.env, PATH: await sim.awsCliPath() };
  // The audit log: the database's superuser, through its private endpoint.
  const db = sim.database('drop-db');
  const endpoint = sim.rdsEndpoint('drop-db');
  const admin = new URL(db.adminUrl);
  admin.hostname = endpoint.address;
  admin.port = String(endpoint.port);
  options.secrets = { ...options.secrets, AUDIT_DATABASE_URL: admin.href };
}
