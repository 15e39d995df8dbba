/**
 * Slack incoming webhooks under `/slack/services/T…/B…/<secret>`: answers `ok` like Slack, or
 * Slack's plain-text errors (`invalid_payload`, `no_text`, `no_service`), and records every
 * message received.
 */
import type { RestService } from '../rest.js';
import type { SimClock } from '../clock.js';

/** What this service reads of the world. */
interface SlackWorld {
  slack: SlackMessage[];
  clock: SimClock;
}

export interface SlackMessage {
  /** Webhook path, e.g. `/services/T000/B000/XXXX`. */
  path: string;
  body: Record<string, unknown>;
  receivedAt: number;
}

const text = (
  status: number,
  body: string,
): { status: number; body: string; contentType: string } => ({
  status,
  body,
  contentType: 'text/html',
});

export const slack: RestService<SlackWorld> = {
  name: 'slack',
  prefix: '/slack',
  authenticate: () => undefined, // the secret is the URL itself
  badBody: () => text(400, 'invalid_payload'),
  notFound: () => text(404, 'no_service'),
  faults: {
    throttle: { ...text(429, 'rate_limited'), headers: { 'retry-after': '1' } },
    serverError: text(500, 'internal_error'),
    unavailable: text(503, 'service_unavailable'),
  },
  routes: [
    {
      method: 'POST',
      pattern: /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/,
      operation: 'postMessage',
      mutating: true,
      handle(req, _params, world) {
        const body = req.body;
        if (body === null || typeof body !== 'object' || Array.isArray(body))
          return text(400, 'invalid_payload');
        const message = body as Record<string, unknown>;
        if (!message['text'] && !message['blocks'] && !message['attachments'])
          return text(400, 'no_text');
        world.slack.push({ path: req.path, body: message, receivedAt: world.clock.now() });
        return text(200, 'ok');
      },
    },
  ],
};
