// The bot's messaging endpoint: our own node:http server (the Agents SDK's express `startServer`
// binds every interface; we bind TEAMS_HOST, loopback by default) that accepts only
// POST /api/messages, reads at most MAX_BODY_BYTES of JSON, runs the SDK's real JWT check
// (CloudAdapter.authorizeRequest: signature against the issuer's JWKS, expiry, audience = our app
// id, issuer) and only then hands the activity to CloudAdapter.process. A request without a valid
// bearer token is answered 401 by the SDK and never reaches the bot's logic.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudAdapter, Request, TurnContext, WebResponse } from '@microsoft/agents-hosting';
import type { Logger } from '../../logging.js';

/** Teams activities are small; a card submit with its data is a few KB. */
export const MAX_BODY_BYTES = 256 * 1024;
export const MESSAGES_PATH = '/api/messages';

export interface TeamsServerInit {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  host: string;
  port: number;
  logger: Logger;
}

export interface TeamsServer {
  port: number;
  close(): Promise<void>;
}

export async function startTeamsServer(init: TeamsServerInit): Promise<TeamsServer> {
  const server = createServer((req, res) => {
    handleRequest(init, req, res).catch((error: unknown) => {
      init.logger.error({ err: error }, 'teams: request failed unexpectedly');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(init.port, init.host, () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}

async function handleRequest(
  init: TeamsServerInit,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== MESSAGES_PATH) return void res.writeHead(404).end();
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
  const body = await readJson(req);
  if (body === 'too-large') return void res.writeHead(413).end();
  if (body === 'invalid') return void res.writeHead(400).end();
  const request: Request = {
    method: 'POST',
    headers: req.headers as Request['headers'],
    body,
  };
  const response = wrapResponse(res);
  let authorised = false;
  await init.adapter.authorizeRequest(request, response, () => {
    authorised = true;
  });
  if (!authorised) {
    init.logger.warn({ status: res.statusCode }, 'teams: refused an unauthenticated request');
    if (!res.writableEnded) res.end();
    return;
  }
  await init.adapter.process(request, response, init.logic);
  if (!res.writableEnded) res.end();
}

async function readJson(
  req: IncomingMessage,
): Promise<Record<string, unknown> | 'too-large' | 'invalid'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** The SDK's WebResponse (an express-like subset) over node's ServerResponse. */
function wrapResponse(res: ServerResponse): WebResponse {
  const wrapped: WebResponse = {
    status(code) {
      res.statusCode = code;
      return wrapped;
    },
    setHeader(name, value) {
      res.setHeader(name, value);
      return wrapped;
    },
    send(body) {
      if (body === undefined) return wrapped;
      if (typeof body === 'string' || Buffer.isBuffer(body)) res.write(body);
      else {
        if (!res.headersSent) res.setHeader('content-type', 'application/json');
        res.write(JSON.stringify(body));
      }
      return wrapped;
    },
    end() {
      res.end();
      return wrapped;
    },
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
  };
  return wrapped;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
