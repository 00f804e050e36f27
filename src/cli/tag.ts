// `briefing tag`: the contract other tools rely on (issue 3). Reads JSON lines
// {"id", "title", "summary", "content"?, "publishedAt"?} from stdin, streaming, and writes one
// JSON line per input: {"id", "tags": [{"theme", "score", "evidence"}], "entities":
// {"organisations", "money"}}. A malformed line gets {"id": <id or null>, "error": "..."} and the
// rest go on; blank lines are skipped. Exit 0 unless stdin itself fails.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { compileThemes, type CompiledThemes } from '../tagging/compile-themes.js';
import { annotateStory } from '../tagging/annotate-story.js';
import { compileGazetteer, type Gazetteer } from '../tagging/organisations.js';
import type { CliCommand } from './command.js';

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  summary: z.string().default(''),
  content: z.string().optional(),
  publishedAt: z.string().nullable().optional(),
});

/** One input line to one output line; never throws for bad input. */
export function tagJsonLine(
  line: string,
  lineNumber: number,
  compiled: CompiledThemes,
  gazetteer: Gazetteer,
): string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return JSON.stringify({ id: null, error: `line ${lineNumber}: invalid JSON: ${detail}` });
  }
  const parsed = lineSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'line'}: ${i.message}`)
      .join('; ');
    return JSON.stringify({ id: readableId(raw), error: `line ${lineNumber}: ${issues}` });
  }
  const story = parsed.data;
  const { tags, entities } = annotateStory(story, compiled, gazetteer);
  return JSON.stringify({
    id: story.id,
    tags: tags.map((t) => ({ theme: t.theme, score: t.score, evidence: t.evidence })),
    entities,
  });
}

function readableId(raw: unknown): string | number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

async function writeLine(out: Writable, text: string): Promise<void> {
  if (!out.write(`${text}\n`)) await once(out, 'drain');
}

export const command: CliCommand = {
  name: 'tag',
  summary: 'Tag JSON-lines stories from stdin (contract for other tools)',
  help: `Usage: briefing tag < stories.jsonl > tagged.jsonl

Reads one JSON object per line on stdin:
  {"id": "...", "title": "...", "summary": "...", "content": "..." (optional),
   "publishedAt": "2017-02-13T09:00:00Z" (optional)}
and writes one JSON line per input, in order:
  {"id": "...", "tags": [{"theme", "score", "evidence": [...]}],
   "entities": {"organisations": [{"id", "name", "kind", "matched"}],
                "money": [{"text", "pounds", "context"?}]}}
A line that is not valid JSON or lacks "id"/"title" produces {"id": <id or null>, "error": "..."}
and the rest carry on. Uses config/themes.yaml and config/organisations.yaml.
`,
  options: {},
  async run(ctx) {
    const config = ctx.config();
    const compiled = compileThemes(config.themes);
    const gazetteer = compileGazetteer(config.organisations);
    const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const line of lines) {
        lineNumber++;
        if (line.trim() === '') continue;
        await writeLine(ctx.stdout, tagJsonLine(line, lineNumber, compiled, gazetteer));
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      ctx.stderr.write(`briefing tag: cannot read stdin: ${detail}\n`);
      return 1;
    }
    return 0;
  },
};
