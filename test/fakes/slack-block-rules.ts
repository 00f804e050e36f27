// Slack's Block Kit validation as the fake Slack applies it, written independently of the app's
// own renderer (src/platforms/slack/block-kit.ts) so a renderer bug cannot hide behind a shared
// rule. Sources: https://api.slack.com/reference/block-kit/blocks and .../block-elements.
// Returns Slack-style messages such as "must be less than 3001 characters [json-pointer:/blocks/3/text]".

const KNOWN = new Set(['header', 'section', 'context', 'divider', 'actions', 'image', 'rich_text']);

export function checkSlackBlocks(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return ['blocks must be an array [json-pointer:/blocks]'];
  const problems: string[] = [];
  if (blocks.length > 50) problems.push('no more than 50 items allowed [json-pointer:/blocks]');
  blocks.forEach((block: unknown, i) => {
    const at = `/blocks/${i}`;
    if (!block || typeof block !== 'object')
      return void problems.push(`invalid block [json-pointer:${at}]`);
    const b = block as Record<string, unknown>;
    if (typeof b.type !== 'string' || !KNOWN.has(b.type)) {
      return void problems.push(`unsupported type [json-pointer:${at}/type]`);
    }
    if (typeof b.block_id === 'string' && b.block_id.length > 255)
      problems.push(`block_id too long [json-pointer:${at}]`);
    switch (b.type) {
      case 'header':
        checkText(b.text, `${at}/text`, 150, ['plain_text'], problems);
        break;
      case 'section':
        if (b.text === undefined && b.fields === undefined)
          problems.push(`must provide text or fields [json-pointer:${at}]`);
        if (b.text !== undefined)
          checkText(b.text, `${at}/text`, 3000, ['plain_text', 'mrkdwn'], problems);
        if (b.accessory !== undefined) checkStaticSelect(b.accessory, `${at}/accessory`, problems);
        break;
      case 'context': {
        const elements = Array.isArray(b.elements) ? b.elements : null;
        if (!elements || elements.length === 0 || elements.length > 10) {
          problems.push(`must have 1 to 10 elements [json-pointer:${at}/elements]`);
        } else
          elements.forEach((e, j) =>
            checkText(e, `${at}/elements/${j}`, 3000, ['plain_text', 'mrkdwn'], problems),
          );
        break;
      }
      case 'actions': {
        const elements = Array.isArray(b.elements) ? b.elements : null;
        if (!elements || elements.length === 0 || elements.length > 25) {
          problems.push(`must have 1 to 25 elements [json-pointer:${at}/elements]`);
        } else elements.forEach((e, j) => checkButton(e, `${at}/elements/${j}`, problems));
        break;
      }
    }
  });
  return problems;
}

function checkText(
  value: unknown,
  at: string,
  max: number,
  types: string[],
  problems: string[],
): void {
  const t = value as { type?: unknown; text?: unknown } | null;
  if (!t || typeof t !== 'object' || typeof t.type !== 'string' || !types.includes(t.type)) {
    return void problems.push(`must be a ${types.join(' or ')} text object [json-pointer:${at}]`);
  }
  if (typeof t.text !== 'string' || t.text.length === 0)
    return void problems.push(`must be more than 0 characters [json-pointer:${at}/text]`);
  if (t.text.length > max)
    problems.push(`must be less than ${max + 1} characters [json-pointer:${at}/text]`);
}

function checkButton(value: unknown, at: string, problems: string[]): void {
  const b = value as Record<string, unknown> | null;
  if (!b || b.type !== 'button')
    return void problems.push(`unsupported element [json-pointer:${at}]`);
  checkText(b.text, `${at}/text`, 75, ['plain_text'], problems);
  if (typeof b.action_id !== 'string' || b.action_id.length > 255)
    problems.push(`invalid action_id [json-pointer:${at}]`);
  if (b.value !== undefined && (typeof b.value !== 'string' || b.value.length > 2000)) {
    problems.push(`value must be less than 2001 characters [json-pointer:${at}/value]`);
  }
}

/** https://api.slack.com/reference/block-kit/block-elements#static_select */
function checkStaticSelect(value: unknown, at: string, problems: string[]): void {
  const e = value as Record<string, unknown> | null;
  if (!e || e.type !== 'static_select')
    return void problems.push(`unsupported element [json-pointer:${at}]`);
  checkText(e.placeholder, `${at}/placeholder`, 150, ['plain_text'], problems);
  if (typeof e.action_id !== 'string' || e.action_id.length > 255)
    problems.push(`invalid action_id [json-pointer:${at}]`);
  const options = Array.isArray(e.options) ? (e.options as Record<string, unknown>[]) : null;
  if (!options || options.length === 0 || options.length > 100) {
    return void problems.push(`must have 1 to 100 options [json-pointer:${at}/options]`);
  }
  options.forEach((o, i) => {
    checkText(o.text, `${at}/options/${i}/text`, 75, ['plain_text'], problems);
    if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > 150)
      problems.push(`value must be 1 to 150 characters [json-pointer:${at}/options/${i}/value]`);
  });
}
