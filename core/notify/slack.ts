import { DomainFailure, errorMessage } from '../util/errors.js';
import { HttpError, requestJson, type HttpDeps } from '../util/http-json.js';

export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

/**
 * Posts to a Slack incoming webhook at most once. The URL is a secret: it never appears in a
 * log line. A webhook post is not idempotent, so it is retried only when Slack cannot have
 * posted it (429 rate limited, or no connection at all); after a 5xx or a lost answer the
 * message may be in the channel already, and a second copy is worse than a missing one: the
 * caller reports it as a warning.
 */
export async function postToSlack(
  webhookUrl: string,
  message: SlackMessage,
  deps: HttpDeps,
): Promise<void> {
  try {
    await requestJson(
      'Slack webhook',
      webhookUrl,
      { method: 'POST', body: message, timeoutMs: 10_000, idempotent: false },
      deps,
    );
  } catch (error) {
    if (error instanceof HttpError && error.status >= 400 && error.status < 500)
      throw new DomainFailure(
        `Slack refused the message (HTTP ${error.status}: ${error.body.slice(0, 100) || 'no reason given'}); check the webhook URL secret`,
      );
    throw new DomainFailure(
      `Slack did not confirm the message (${error instanceof HttpError ? `HTTP ${error.status}` : errorMessage(error)}); it may or may not be in the channel, and is not sent twice`,
    );
  }
}

/** A message with a headline and "key: value" fields, readable in the channel and in a notification. */
export function slackMessage(
  headline: string,
  fields: Record<string, string>,
  link?: { text: string; url: string },
): SlackMessage {
  const lines = Object.entries(fields).map(([k, v]) => `*${k}:* ${v}`);
  const text = [headline, ...lines, ...(link ? [`<${link.url}|${link.text}>`] : [])].join('\n');
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: headline } },
      {
        type: 'section',
        fields: Object.entries(fields).map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${v}` })),
      },
      ...(link
        ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${link.url}|${link.text}>` }] }]
        : []),
    ],
  };
}
