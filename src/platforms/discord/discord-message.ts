// The Discord message body this folder produces, and Discord's documented limits
// (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
// Every message carries `allowed_mentions: { parse: [] }` so nothing in it can ping anyone,
// whatever the text says.
import type { APIActionRowComponent, APIEmbed, APIStringSelectComponent } from 'discord.js';

export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Across title, description, field names and values, footer text and author name. */
  embedCharsPerMessage: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  customId: 100,
  buttonLabel: 80,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
} as const;

export interface AllowedMentionsNone {
  parse: [];
}

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  /** The "Correct a story's themes" select under a digest's last part (render-corrections.ts). */
  components?: APIActionRowComponent<APIStringSelectComponent>[];
  allowed_mentions: AllowedMentionsNone;
}

export function noMentions(): AllowedMentionsNone {
  return { parse: [] };
}

/** Characters Discord counts towards the 6000 limit for one embed (same rule as embedLength). */
export function countEmbedChars(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}
