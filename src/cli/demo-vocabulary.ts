// The demo's vocabulary step (issue 14): one vocabulary serving search, organisations and readers'
// corrections, shown on the demo archive through the chat commands' own paths (CommandDeps):
// an acronym search that also finds the long form ("ICS": "integrated care system"), a CCG the
// news names recognised with its kind and the ICB that succeeded it, and a reader's correction
// (-carter +procurement) applied to one workspace, with the story's themes before and after and
// a theme search in that workspace that follows it. Runs after the digest, so the catch-up the
// demo prints is the one the rules made; the correction applies to future digests only.
import type { AppConfig } from '../config/load.js';
import type { OrganisationEntry } from '../config/organisations.js';
import { buildCorrect } from '../commands/correction-request.js';
import { describeCorrected } from '../commands/describe-corrections.js';
import { describeMention, ORGANISATION_KIND_WORDS } from '../commands/plain-words.js';
import { runCommand } from '../commands/run-command.js';
import { describeExpansions } from '../commands/search-notes.js';
import { buildSearchQuery } from '../commands/search-request.js';
import type { CommandDeps, WorkspaceRef } from '../commands/types.js';
import type { SearchPage } from '../domain.js';
import type { Logger } from '../logging.js';
import { buildCommandDeps } from '../pipeline/command-deps.js';
import type { Db } from '../store/database.js';
import { storyRef } from '../text/story-ref.js';

/** The demo channel's workspace (demo-digest.ts subscribes memory/demo/catch-up). */
export const DEMO_WORKSPACE: WorkspaceRef = { platform: 'memory', workspaceId: 'demo' };
const SHOWN = 4;

function search(deps: CommandDeps, text: string, workspace?: WorkspaceRef): SearchPage {
  const built = buildSearchQuery(text, { limit: 10, offset: 0 }, deps);
  if (!built.ok || built.request.command !== 'search') {
    throw new Error(`demo-vocabulary: the demo's own query "${text}" does not parse`);
  }
  return deps.search(built.request.query, workspace);
}

function hitLines(page: SearchPage): string[] {
  return page.hits.slice(0, SHOWN).map((h) => `    ${storyRef(h.id)}  ${h.title}`);
}

/** "NHS Dudley CCG ... -> NHS Black Country and West Birmingham CCG -> NHS Black Country ICB". */
function successionLine(id: string, organisations: readonly OrganisationEntry[]): string[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const line: string[] = [];
  const seen = new Set([id]);
  let next = byId.get(id)?.successors?.[0];
  while (next !== undefined && !seen.has(next)) {
    seen.add(next);
    const entry = byId.get(next);
    if (!entry) break;
    const when = entry.opened ? ` from ${entry.opened}` : '';
    line.push(`${entry.name} (${ORGANISATION_KIND_WORDS[entry.kind]}, ${entry.id}${when})`);
    next = entry.successors?.[0];
  }
  return line;
}

function acronymSearch(deps: CommandDeps): string[] {
  const page = search(deps, 'ICS');
  return [
    'Search speaks the language (briefing search ICS):',
    `  ${page.total} stories. ${describeExpansions(page) ?? 'Nothing expanded.'}`,
    ...hitLines(page),
  ];
}

function organisationNamed(deps: CommandDeps, config: AppConfig): string[] {
  const page = search(deps, 'org:"Dudley CCG"');
  const hit = page.hits[0];
  if (!hit) return ['A CCG recognised: no demo story names NHS Dudley CCG.'];
  const explained = deps.explain(hit.id);
  const ccgs = (explained?.entities.organisations ?? []).filter((o) => o.kind === 'ccg');
  const out = [`A CCG recognised (briefing explain ${storyRef(hit.id)}): "${hit.title}"`];
  for (const mention of ccgs) {
    out.push(`  names ${describeMention(mention)}, kind ${mention.kind}`);
    const after = successionLine(mention.id, config.organisations);
    if (after.length > 0) out.push(`  succeeded by ${after.join(', then ')}`);
  }
  return out;
}

function themesOf(deps: CommandDeps, id: string, theme: string, workspace?: WorkspaceRef) {
  const page = search(deps, `"Carter five years on" theme:${theme}`, workspace);
  return page.hits.some((h) => h.id === id);
}

function correction(deps: CommandDeps): string[] {
  const hit = search(deps, '"Carter five years on"').hits[0];
  if (!hit) return ['A correction: the demo story about Carter is missing.'];
  const ref = storyRef(hit.id);
  const parsed = buildCorrect({ target: ref, changes: '-carter +procurement', note: 'demo' }, deps);
  if (!parsed.ok) throw new Error(`demo-vocabulary: the demo correction does not parse`);
  const result = runCommand(
    parsed.request,
    { ...DEMO_WORKSPACE, channelId: 'catch-up', userId: 'demo', isAdmin: true, now: new Date() },
    deps,
  );
  if (result.kind !== 'corrected') throw new Error(`demo-vocabulary: correction ${result.kind}`);
  const yesNo = (found: boolean) => (found ? 'finds it' : 'does not find it');
  return [
    `A reader's correction (briefing correct ${ref} +procurement --remove carter --platform memory --workspace demo):`,
    `  "${hit.title}"`,
    `  themes before: ${hit.themes.join(', ')}`,
    ...describeCorrected(result).map((l) => `  ${l}`),
    `  In workspace demo, theme:procurement ${yesNo(themesOf(deps, hit.id, 'procurement', DEMO_WORKSPACE))} and theme:carter ${yesNo(themesOf(deps, hit.id, 'carter', DEMO_WORKSPACE))};`,
    `  elsewhere theme:carter still ${yesNo(themesOf(deps, hit.id, 'carter'))}.`,
  ];
}

/** The lines the demo prints for this step. */
export function runDemoVocabulary(input: { db: Db; config: AppConfig; logger: Logger }): string[] {
  const deps = buildCommandDeps(input);
  return [
    ...acronymSearch(deps),
    '',
    ...organisationNamed(deps, input.config),
    '',
    ...correction(deps),
  ];
}
