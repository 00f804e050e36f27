// Routes: `/stories/<ref>` (a story's page) and `/api/stories/<ref>`. The reference is the short
// one search results and digests show (text/story-ref.ts) or the full id; `explain`'s own lookup
// resolves it (a unique prefix only), re-tagging with the current rules. Links and other text in
// the path are refused as not found: the path names stories, nothing else.
import type { FastifyInstance } from 'fastify';
import { runExplain } from '../../commands/explain.js';
import { formatWeek, weekOf } from '../../time/week.js';
import { isStoryRef, storyRef } from '../../text/story-ref.js';
import { findStoryCluster } from '../html/story-cluster.js';
import { renderStoryPage, type StoryView } from '../html/story-page.js';
import type { ArchiveDeps } from '../web-deps.js';
import { sendHtml, sendJson, sendProblem } from './replies.js';

function loadStory(archive: ArchiveDeps, ref: string): StoryView | null {
  if (!isStoryRef(ref)) return null;
  const result = runExplain({ command: 'explain', target: ref }, archive.commands);
  if (result.kind !== 'explain') return null;
  const { story } = result;
  const week = formatWeek(weekOf(new Date(story.publishedAt), archive.timeZone));
  const archived = archive.readWeek(week);
  return {
    story,
    tags: result.tags,
    nearMisses: result.nearMisses,
    entities: result.entities,
    corrections: archive.storyCorrections(story.id),
    cluster: archived ? findStoryCluster(archived.digest, story.id) : null,
    themeLabels: new Map(archive.commands.themes().map((t) => [t.id, t.label])),
    sourceNames: archive.sourceNames(),
    timeZone: archive.timeZone,
  };
}

/** The JSON mirror: the page's data; the article text is left out (retention may drop it). */
function storyJson(view: StoryView) {
  const { content: _content, ...story } = view.story;
  return {
    ref: storyRef(story.id),
    story,
    sourceNames: Object.fromEntries(
      story.sourceIds.map((id) => [id, view.sourceNames.get(id) ?? id]),
    ),
    tags: view.tags,
    nearMisses: view.nearMisses,
    entities: view.entities,
    cluster: view.cluster,
    corrections: view.corrections,
  };
}

export function registerStoryPages(app: FastifyInstance, archive: ArchiveDeps): void {
  for (const api of [false, true]) {
    const path = api ? '/api/stories/:ref' : '/stories/:ref';
    app.get<{ Params: { ref: string } }>(path, async (request, reply) => {
      const ref = request.params.ref.trim().toLowerCase();
      const view = loadStory(archive, ref);
      if (view === null) {
        return sendProblem(reply, api, {
          status: 404,
          message: `No story in the archive has the reference ${JSON.stringify(ref.slice(0, 40))}.`,
          hint: 'References look like g_3fa9c1d2; search results and catch-ups show them.',
        });
      }
      return api ? sendJson(reply, storyJson(view)) : sendHtml(reply, renderStoryPage(view));
    });
  }
}
