import { betterStackApiUrl } from '../notify/betterstack.js';
import { BetterStackIncidents } from '../notify/betterstack-incidents.js';
import { formatDuration, parseDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import { incidentsResolvedSchema } from './schemas/incidents-resolved.js';
import { defineCheck } from './types.js';

/**
 * The runbook's daily "no unresolved critical alerts in 24 h", in BetterStack's terms: an
 * incident (what a failing monitor or a person opens, and what pages people) that is still
 * not resolved after `max-age`. Acknowledged is not resolved: someone looked, nobody closed it.
 * Every page of unresolved incidents is read; a list cut short is an error.
 */
export const incidentsResolved = defineCheck({
  ...incidentsResolvedSchema,
  defaultTimeoutMs: 60_000,
  group: 'Monitoring',
  async run(check, { secrets, clock, logger }) {
    const token = secrets.betterstackToken;
    if (!token)
      return {
        status: 'error',
        line: 'no betterstack-token given: incidents cannot be read (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
      };
    const maxAgeMs = parseDuration(check['max-age'])!;
    const api = new BetterStackIncidents(betterStackApiUrl(), token, { clock, logger });
    let open;
    try {
      open = await api.list({ resolved: false });
    } catch (error) {
      return { status: 'error', line: `unresolved incidents: ${errorMessage(error)}` };
    }
    const ids = check['monitor-ids'];
    const mine = ids ? open.filter((i) => i.monitorId && ids.includes(i.monitorId)) : open;
    const now = clock.now();
    const old = mine.filter((i) => now - Date.parse(i.startedAt) > maxAgeMs);
    const observed = {
      unresolved: mine.length,
      olderThanMaxAge: old.map((i) => ({
        id: i.id,
        name: i.name,
        startedAt: i.startedAt,
        status: i.status,
      })),
    };
    if (old.length)
      return {
        status: 'fail',
        line: `${old.length} BetterStack incident(s) unresolved for more than ${check['max-age']}: ${old
          .map(
            (i) =>
              `${i.name} (${i.id}, ${i.status.toLowerCase()} for ${formatDuration(now - Date.parse(i.startedAt))})`,
          )
          .join(', ')}; resolve them in BetterStack or fix what they report`,
        observed,
      };
    return {
      status: 'pass',
      line: mine.length
        ? `${mine.length} incident(s) open, none for more than ${check['max-age']}`
        : 'no unresolved BetterStack incident',
      observed,
    };
  },
});
