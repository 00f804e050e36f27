// How archive routes answer: HTML pages and JSON with the right content types, and the one
// way a page says "not found" or "bad request" (a page in the site's shell, or JSON under /api).
import type { FastifyReply } from 'fastify';
import { renderMessagePage } from '../html/layout.js';

export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

export function sendJson(reply: FastifyReply, value: unknown, status = 200): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
}

export type Problem = { status: 400 | 404; message: string; hint: string | null };

/** A 404 or 400 as a page, or as `{error, hint}` for /api paths. */
export function sendProblem(reply: FastifyReply, api: boolean, problem: Problem): FastifyReply {
  if (api) {
    return sendJson(reply, { error: problem.message, hint: problem.hint }, problem.status);
  }
  const heading = problem.status === 404 ? 'Page not found' : 'Cannot show this page';
  return sendHtml(reply, renderMessagePage(heading, problem.message, problem.hint), problem.status);
}
