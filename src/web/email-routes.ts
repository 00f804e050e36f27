// The email platform's public links (README "Email"): one-click unsubscribe (RFC 8058) and the
// double opt-in confirmation. The signed token in the path is the credential, so these paths
// need no WEB_TOKEN. A GET only shows a page with a button: mail scanners and link previews
// fetch links, and RFC 8058 section 3.2 has the action happen on POST alone. The POST body of a
// one-click client is `List-Unsubscribe=One-Click` (form-encoded); it is accepted, not required.
import type { FastifyInstance } from 'fastify';
import type { EmailTokenAction, WebDeps } from './web-deps.js';

const ACTIONS: readonly EmailTokenAction[] = ['unsubscribe', 'confirm'];

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// No inline style: the server's Content-Security-Policy allows only the site's stylesheet.
function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><link rel="stylesheet" href="/assets/site.css"></head><body><main id="main">${body}</main></body></html>`;
}

export function registerEmailRoutes(
  app: FastifyInstance,
  apply: NonNullable<WebDeps['emailToken']>,
): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );
  app.get<{ Params: { action: string; token: string } }>(
    '/email/:action/:token',
    async (request, reply) => {
      const action = ACTIONS.find((a) => a === request.params.action);
      if (!action) return reply.code(404).send({ error: 'not found' });
      const label = action === 'unsubscribe' ? 'Unsubscribe' : 'Confirm';
      const form = `<form method="post"><button type="submit">${label}</button></form>`;
      return reply
        .type('text/html; charset=utf-8')
        .send(page(label, `<h1>${label}</h1><p>Press the button to ${action}.</p>${form}`));
    },
  );
  app.post<{ Params: { action: string; token: string } }>(
    '/email/:action/:token',
    async (request, reply) => {
      const action = ACTIONS.find((a) => a === request.params.action);
      if (!action) return reply.code(404).send({ error: 'not found' });
      const result = apply(action, request.params.token);
      return reply
        .code(result.ok ? 200 : 400)
        .type('text/html; charset=utf-8')
        .send(page(result.ok ? 'Done' : 'Not done', `<p>${escape(result.message)}</p>`));
    },
  );
}
