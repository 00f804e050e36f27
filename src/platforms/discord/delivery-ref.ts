// Idempotency for digest posts. The outbox gives each (digest, channel, part) a key; Discord gets
// it twice:
// - as the message `nonce` (at most 25 characters, so a hash of the key) with `enforce_nonce:
//   true`: Discord then answers a repeated POST with the message already created instead of a
//   duplicate, but only for a few minutes, and it stops echoing nonces on fetched messages soon
//   after (https://discord.com/developers/docs/resources/message#create-message);
// - as a short `ref …` at the end of the last embed's footer, which stays on the message for ever
//   and is unobtrusive (small grey text next to "Part 2 of 3 · 2017-W07"). findSent looks for
//   either in the channel's recent messages after a crash between posting and recording.
import { createHash } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import { DISCORD_LIMITS } from './discord-message.js';

export function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}

/** 12 hex characters: unique enough among one channel's last 50 messages. */
export function refFor(key: string): string {
  return `ref ${createHash('sha256').update(`ref:${key}`).digest('hex').slice(0, 12)}`;
}

/** The embeds with the ref appended to the last embed's footer (the renderer reserved room). */
export function withRef(embeds: readonly APIEmbed[], ref: string): APIEmbed[] {
  if (embeds.length === 0) return [{ description: '\u200b', footer: { text: ref } }];
  const out = [...embeds];
  const last = out[out.length - 1]!;
  const text = last.footer?.text ? `${last.footer.text} · ${ref}` : ref;
  out[out.length - 1] = {
    ...last,
    footer: { ...last.footer, text: text.slice(-DISCORD_LIMITS.footer) },
  };
  return out;
}

interface FetchedMessage {
  id: string;
  nonce?: string | number;
  author?: { bot?: boolean };
  embeds?: APIEmbed[];
}

/** The id of a message in `recent` that carries this nonce or ref, or null. */
export function findMessageWithRef(recent: readonly FetchedMessage[], key: string): string | null {
  const nonce = nonceFor(key);
  const ref = refFor(key);
  for (const message of recent) {
    if (message.nonce !== undefined && String(message.nonce) === nonce) return message.id;
    if (message.author?.bot !== true) continue;
    const footer = message.embeds?.[message.embeds.length - 1]?.footer?.text ?? '';
    if (footer === ref || footer.endsWith(` · ${ref}`)) return message.id;
  }
  return null;
}
