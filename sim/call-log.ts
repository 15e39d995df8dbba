/** Evidence of every call the sim received, so tests can assert what a client did (or not). */
export interface CallRecord {
  /** `apprunner`, `ecr`, `rds`, `sts`, `github`, `slack`, `betterstack`. */
  service: string;
  /** AWS operation name, or a REST operation such as `createDeployment`. */
  operation: string;
  params: unknown;
  /** Wall-clock ms when the call arrived. */
  time: number;
  /** The operation changes state (counted even when a fault or an error stopped it). */
  mutating: boolean;
  /** HTTP status answered (0 when the connection was reset). */
  status?: number;
  /** Error code answered, if any (e.g. InvalidStateException, ThrottlingException). */
  error?: string;
  /** A fault the sim injected into this call. */
  fault?: string;
  /** Latency the sim injected before answering (a `latency` fault), in real ms. */
  latencyMs?: number;
}

export interface CallFilter {
  service?: string;
  operation?: string;
}

export class CallLog {
  private readonly records: CallRecord[] = [];

  add(record: CallRecord): CallRecord {
    this.records.push(record);
    return record;
  }

  list(filter: CallFilter = {}): CallRecord[] {
    return this.records
      .filter(
        (r) =>
          (filter.service === undefined || r.service === filter.service) &&
          (filter.operation === undefined || r.operation === filter.operation),
      )
      .map((r) => structuredClone(r));
  }

  clear(): void {
    this.records.length = 0;
  }
}
