// Routes: `/` (the archive index by week), `/weeks/<YYYY-Www>` (one week's catch-up) and their
// JSON mirrors `/api/weeks` and `/api/weeks/<YYYY-Www>`. A week written another way ISO 8601
// allows ("2017-w7", "2017W07") is redirected to its canonical address.
import type { FastifyInstance } from 'fastify';
import { viewForChannel } from '../../digest/view-for-channel.js';
import { formatWeek, parseWeek } from '../../time/week.js';
import { renderIndexPage, renderWeekPage } from '../html/week-pages.js';
import { summariseWeek, type WeekSummary } from '../html/week-summary.js';
import type { ArchiveDeps } from '../web-deps.js';
import { sendHtml, sendJson, sendProblem } from './replies.js';

// The archive reader keeps a parsed digest while its file is unchanged, so a summary can be
// kept by digest object: the index does not rebuild every week's view on every request.
const summaries = new WeakMap<object, WeekSummary>();

export function listWeekSummaries(archive: ArchiveDeps): WeekSummary[] {
  return archive.listWeeks().flatMap((week) => {
    const archived = archive.readWeek(week);
    if (!archived) return [];
    const summary = summaries.get(archived.digest) ?? summariseWeek(archived.digest);
    summaries.set(archived.digest, summary);
    return [summary];
  });
}

function notArchived(week: string) {
  return {
    status: 404 as const,
    message: `No catch-up is archived for ${week}.`,
    hint: 'The index lists every archived week.',
  };
}

export function registerWeekPages(app: FastifyInstance, archive: ArchiveDeps): void {
  app.get('/', async (_request, reply) =>
    sendHtml(reply, renderIndexPage(listWeekSummaries(archive))),
  );
  app.get('/api/weeks', async (_request, reply) =>
    sendJson(reply, { weeks: listWeekSummaries(archive) }),
  );
  for (const api of [false, true]) {
    const prefix = api ? '/api/weeks/' : '/weeks/';
    app.get<{ Params: { week: string } }>(`${prefix}:week`, async (request, reply) => {
      const parsed = parseWeek(request.params.week.slice(0, 20));
      if (!parsed.ok) {
        return sendProblem(reply, api, {
          status: 404,
          message: `${parsed.reason}.`,
          hint: 'Weeks are written like 2017-W07.',
        });
      }
      const week = formatWeek(parsed.week);
      if (week !== request.params.week) return reply.redirect(`${prefix}${week}`, 301);
      const archived = archive.readWeek(week);
      if (archived === null) return sendProblem(reply, api, notArchived(week));
      const view = viewForChannel(archived.digest, null);
      if (api) return sendJson(reply, { week, updatedAt: archived.updatedAt, digest: view });
      const weeks = archive.listWeeks();
      const at = weeks.indexOf(week);
      return sendHtml(
        reply,
        renderWeekPage(view, {
          newer: at > 0 ? (weeks[at - 1] ?? null) : null,
          older: at >= 0 ? (weeks[at + 1] ?? null) : null,
        }),
      );
    });
  }
}
