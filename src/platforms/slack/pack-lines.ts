// Packs already-escaped mrkdwn lines into section blocks under Slack's limits: each section at
// most 3000 characters and at most `maxBlocks` sections; lines that do not fit are counted so the
// caller can say "and N more" instead of failing with invalid_blocks.
import { SLACK_LIMITS, type SlackBlock } from './block-kit.js';
import { truncateText } from '../../text/truncate.js';

export function packLines(
  input: readonly string[],
  maxBlocks: number,
): { blocks: SlackBlock[]; omitted: number } {
  const lines = input.filter((l) => l.trim() !== '');
  const blocks: SlackBlock[] = [];
  let buffer: string[] = [];
  let length = 0;
  let placed = 0;
  for (const raw of lines) {
    // Callers keep lines short; this cut is only a backstop so one line can never break a limit.
    const line =
      raw.length > SLACK_LIMITS.sectionText ? truncateText(raw, SLACK_LIMITS.sectionText) : raw;
    const joinedLength = buffer.length === 0 ? line.length : length + 1 + line.length;
    if (joinedLength > SLACK_LIMITS.sectionText) {
      if (blocks.length >= maxBlocks) break;
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: buffer.join('\n') } });
      placed += buffer.length;
      buffer = [line];
      length = line.length;
    } else {
      buffer.push(line);
      length = joinedLength;
    }
  }
  if (buffer.length > 0 && blocks.length < maxBlocks) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: buffer.join('\n') } });
    placed += buffer.length;
  }
  return { blocks, omitted: lines.length - placed };
}
