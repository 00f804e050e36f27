// Routes: `/sources` (source health) and `/api/sources`, from the same SourceHealth the chat
// `status` command and `briefing sources` read.
import type { FastifyInstance } from 'fastify';
import { describeSource, renderSourcesPage } from '../html/sources-page.js';
import type { ArchiveDeps } from '../web-deps.js';
import { sendHtml, sendJson } from './replies.js';

export function registerSourcePages(app: FastifyInstance, archive: ArchiveDeps): void {
  app.get('/sources', async (_request, reply) =>
    sendHtml(
      reply,
      renderSourcesPage(archive.sourceHealth().map(describeSource), archive.timeZone),
    ),
  );
  app.get('/api/sources', async (_request, reply) =>
    sendJson(reply, {
      timeZone: archive.timeZone,
      sources: archive.sourceHealth().map(describeSource),
    }),
  );
}
