// Request bodies of the fake Slack Web API: Web API calls arrive form-encoded with `blocks`,
// `metadata` and `attachments` as JSON strings inside the form (or as a JSON body), per
// https://api.slack.com/web#posting_json. Split from slack-api.ts.
import type { IncomingMessage } from 'node:http';

const JSON_FIELDS = new Set(['blocks', 'metadata', 'attachments']);

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseParams(contentType: string, raw: string): Record<string, unknown> {
  if (contentType.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return { unparsable: value };
  }
}
