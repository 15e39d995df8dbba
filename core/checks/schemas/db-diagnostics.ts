import { z } from 'zod';
import { durationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const connectionsSchema = defineCheckSchema({
  type: 'connections',
  description:
    'Database connections in use against max_connections, by state, and sessions idle in a transaction for longer than idle-in-transaction (read-only).',
  shape: {
    'max-used-percent': z
      .number()
      .min(1)
      .max(100)
      .default(80)
      .describe('Fail when more than this share of max_connections is in use.'),
    'idle-in-transaction': durationField
      .default('5m')
      .describe('Fail on a session idle in a transaction for longer than this (it holds locks).'),
  },
});

export const longQueriesSchema = defineCheckSchema({
  type: 'long-queries',
  description:
    'Queries running longer than longer-than, with pid, user and age; their text only with show-text (read-only).',
  shape: {
    'longer-than': durationField.default('5m'),
    'show-text': z
      .boolean()
      .default(false)
      .describe('Show the first 200 characters of each query (may hold personal data).'),
  },
});

export const blockingSchema = defineCheckSchema({
  type: 'blocking',
  description:
    'Sessions waiting for a lock longer than waiting-longer-than, each with the pid that blocks it (read-only; no query text).',
  shape: { 'waiting-longer-than': durationField.default('30s') },
});

export const replicationLagSchema = defineCheckSchema({
  type: 'replication-lag',
  description:
    'Each read replica of database.instance: CloudWatch AWS/RDS ReplicaLag, its maximum over the window, is at most max-seconds.',
  shape: {
    'max-seconds': z.number().min(0).default(60),
    window: durationField.default('15m'),
  },
});

export const storageGrowthSchema = defineCheckSchema({
  type: 'storage-growth',
  description:
    'Days until the database storage is full at the growth of the last 7 days (CloudWatch FreeStorageSpace, daily minimum) is at least min-days.',
  shape: { 'min-days': z.number().positive().default(30) },
});
