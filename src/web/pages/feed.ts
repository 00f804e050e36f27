// Routes: `/feed.atom` (the weekly catch-ups as Atom 1.0) and `/assets/site.css`. The feed's
// absolute links use WEB_PUBLIC_URL when set (behind a reverse proxy), else the address the
// request came to, if its Host header is a plain host name.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderAtomFeed } from '../atom-feed.js';
import { SITE_CSS } from '../html/site-css.js';
import type { ArchiveDeps, ArchivedWeek } from '../web-deps.js';

const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function siteBase(archive: ArchiveDeps, request: FastifyRequest): string {
  if (archive.publicUrl !== null) {
    const url = archive.publicUrl;
    return url.endsWith('/') ? url.slice(0, -1) : url;
  }
  const host = PLAIN_HOST.test(request.host) ? request.host : 'localhost';
  return `${request.protocol}://${host}`;
}

export function registerFeed(app: FastifyInstance, archive: ArchiveDeps): void {
  app.get('/feed.atom', async (request, reply) => {
    const weeks = archive
      .listWeeks()
      .slice(0, 20)
      .flatMap((week): ArchivedWeek[] => {
        const archived = archive.readWeek(week);
        return archived ? [archived] : [];
      });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .send(renderAtomFeed(weeks, siteBase(archive, request)));
  });
}

/** The stylesheet is public (no secret in it), so the email routes' pages can use it too. */
export function registerAssets(app: FastifyInstance): void {
  app.get('/assets/site.css', async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(SITE_CSS),
  );
}
