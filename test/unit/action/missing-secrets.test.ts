import { describe, expect, it } from 'vitest';
import { warnMissingSecrets } from '../../../core/action/missing-secrets.js';
import { recordingLogger } from '../../../core/util/logger.js';

describe('warnMissingSecrets', () => {
  const slack = (enabled: boolean, given: boolean) => ({
    input: 'slack-webhook-url',
    enabledBy: enabled ? 'environments.production.notify.slack' : undefined,
    feature: 'the Slack message',
    given,
  });

  it('warns, naming the input and the configuration, when an enabled feature gets no secret', () => {
    const logger = recordingLogger();
    expect(warnMissingSecrets([slack(true, false)], logger)).toEqual(['slack-webhook-url']);
    expect(logger.lines).toEqual([
      {
        level: 'warning',
        message:
          'slack-webhook-url is empty but environments.production.notify.slack is configured: the Slack message is skipped. Pass the secret to the workflow (secrets: inherit, or name it under secrets:) or set it on the environment.',
      },
    ]);
  });

  it('says nothing when the secret arrived or the feature is off', () => {
    const logger = recordingLogger();
    expect(warnMissingSecrets([slack(true, true), slack(false, false)], logger)).toEqual([]);
    expect(logger.lines).toEqual([]);
  });
});
