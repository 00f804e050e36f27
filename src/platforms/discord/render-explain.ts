// `explain` as one ephemeral embed: the story, then one field per theme it was filed under with
// the rules that fired (rule, field, matched text), then the near misses and the organisations
// and sums recognised. Fields are added only while the embed stays within Discord's limits
// (25 fields, name 256, value 1024, 6000 characters in all). Scores read as words
// (commands/plain-words.ts); the numbers are added when asked for (`scores:true`).
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { describeCorrection } from '../../commands/describe-corrections.js';
import type { CommandResult } from '../../commands/types.js';
import type { Evidence } from '../../domain.js';
import { fitMarkdown, fitPlain, formatCode, toSafeUrl } from './discord-markdown.js';
import { countEmbedChars, DISCORD_LIMITS } from './discord-message.js';
import {
  describeEvidence,
  describeMention,
  describeNearMissReason,
  describePublished,
  describeSum,
  describeThemeScore,
} from '../../commands/plain-words.js';
import { createReply, type DiscordReply } from './reply-text.js';

type ExplainResult = Extract<CommandResult, { kind: 'explain' }>;

const BUDGET = DISCORD_LIMITS.embedCharsPerMessage - 200;

function evidenceLines(evidence: readonly Evidence[], scores: boolean): string {
  const lines: string[] = [];
  let length = 0;
  for (const e of evidence) {
    const line = `${describeEvidence(e, scores)}: ${formatCode(e.rule, 80)} “${fitMarkdown(e.match, 80)}”`;
    if (length + line.length + 1 > DISCORD_LIMITS.fieldValue - 40) {
      lines.push(`…and ${evidence.length - lines.length} more`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n') || 'no evidence recorded';
}

export function renderExplain(result: ExplainResult, timeZone: string): DiscordReply {
  const { story, tags, nearMisses, entities } = result;
  const scores = result.showScores === true;
  const url = toSafeUrl(story.url);
  const embed: APIEmbed = {
    title: fitPlain(story.title || 'Untitled', DISCORD_LIMITS.title),
    ...(url ? { url } : {}),
    description: fitMarkdown(
      `${story.sourceIds.join(', ')} · published ${describePublished(story.publishedAt, timeZone, story.publishedEstimated)} · ${
        tags.length === 0
          ? 'not filed under any theme'
          : `filed under ${tags.map((t) => t.theme).join(', ')}`
      }`,
      1000,
    ),
    color: 0x005eb8,
    fields: [],
    ...(scores ? {} : { footer: { text: 'Add scores:true to see the score behind each word.' } }),
  };
  const candidates: APIEmbedField[] = [
    ...tags.map((t) => ({
      name: fitPlain(
        `✅ ${t.theme} · ${describeThemeScore(t.score, scores)}`,
        DISCORD_LIMITS.fieldName,
      ),
      value: evidenceLines(t.evidence, scores),
    })),
    ...nearMisses.map((n) => ({
      name: fitPlain(
        `✖ ${n.theme} · ${describeThemeScore(n.score, scores)} · ${describeNearMissReason(n.reason, scores)}`,
        DISCORD_LIMITS.fieldName,
      ),
      value: evidenceLines(n.evidence, scores),
    })),
  ];
  const corrections = result.corrections ?? [];
  if (corrections.length > 0) {
    // First, so a long explanation never crowds out what this server's readers said.
    candidates.unshift({
      name: 'Corrections in this server',
      value: fitMarkdown(
        corrections.map((c) => describeCorrection(c, timeZone)).join('\n'),
        DISCORD_LIMITS.fieldValue,
      ),
    });
  }
  if (entities.organisations.length > 0) {
    candidates.push({
      name: 'Organisations',
      value: fitMarkdown(
        entities.organisations.map(describeMention).join('; '),
        DISCORD_LIMITS.fieldValue,
      ),
    });
  }
  if (entities.money.length > 0) {
    candidates.push({
      name: 'Sums',
      value: fitMarkdown(entities.money.map(describeSum).join(', '), DISCORD_LIMITS.fieldValue),
    });
  }
  for (const field of candidates) {
    if (embed.fields!.length >= DISCORD_LIMITS.fields - 1) break;
    if (countEmbedChars(embed) + field.name.length + field.value.length > BUDGET) break;
    embed.fields!.push(field);
  }
  const left = candidates.length - embed.fields!.length;
  if (left > 0) embed.fields!.push({ name: 'More', value: `${left} more decision(s) not shown` });
  return createReply({ ephemeral: true, embeds: [embed] });
}
