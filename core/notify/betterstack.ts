import { requestJson, type HttpDeps } from '../util/http-json.js';

/** BetterStack Uptime API base; overridable so tests and the demo talk to the local sim. */
export function betterStackApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env['BETTERSTACK_API_URL'] ?? 'https://uptime.betterstack.com').replace(/\/$/, '');
}

/**
 * A maintenance window as the runbook does it: the deploy's monitors are paused so an
 * expected blip pages nobody, and resumed afterwards — including after a failure or a
 * cancellation (the action's post step).
 */
export class BetterStackMonitors {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly deps: HttpDeps,
  ) {}

  private setPaused(id: string, paused: boolean): Promise<unknown> {
    return requestJson(
      `BetterStack ${paused ? 'pause' : 'resume'} monitor ${id}`,
      `${this.apiUrl}/api/v2/monitors/${encodeURIComponent(id)}`,
      { method: 'PATCH', headers: { authorization: `Bearer ${this.token}` }, body: { paused } },
      this.deps,
    );
  }

  async pause(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.setPaused(id, true)));
  }

  async resume(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.setPaused(id, false)));
  }
}
