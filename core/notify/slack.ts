import { requestJson, type HttpDeps } from '../util/http-json.js';

export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

/** Posts to a Slack incoming webhook. The URL is a secret: it never appears in a log line. */
export async function postToSlack(
  webhookUrl: string,
  message: SlackMessage,
  deps: HttpDeps,
): Promise<void> {
  await requestJson(
    'Slack webhook',
    webhookUrl,
    { method: 'POST', body: message, timeoutMs: 10_000 },
    deps,
  );
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
