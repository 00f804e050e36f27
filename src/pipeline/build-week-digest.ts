// The full digest of one week (every theme) from the archive, as the weekly job, `briefing
// digest`, the chat commands and the demo build it. Composition: it reads the store (stories,
// poll log, earlier stories) and hands plain data to the pure builder in src/digest/.
// Coverage rules: a source with failures and not one successful poll in the week could not be
// checked at all (one that recovered has had the chance to catch up: feeds keep their recent
// items); a source polled before the week but not at all during it (the bot was down, the source
// was gone or backing off) is listed as not checked too. Disabled sources are never listed. A
// week that began before the bot's first poll says when polling began (`pollingBegan`), and a
// bot that has never polled says that instead of "nothing was published".
// After building: continuity (find-continuity.ts), then the lead for a channel following
// everything (the archive's `lead`; each channel's view picks its own).
import type { AppConfig } from '../config/load.js';
import type { ThemeSet } from '../config/themes.js';
import { dropRemovedThemes } from '../digest/apply-corrections.js';
import { buildDigest } from '../digest/build-digest.js';
import { selectForSubscription } from '../digest/select-for-subscription.js';
import { FOLLOWS_EVERYTHING, pickLead } from '../digest/view-for-channel.js';
import { closingSoonWindow } from '../digest/closing-soon.js';
import { weekRange } from '../time/week.js';
import type { Digest, DigestDeadline, IsoWeek } from '../domain.js';
import { dropFirstPollBacklog } from '../ingest/first-poll-backlog.js';
import type { Db } from '../store/database.js';
import { failuresBetween, firstPollAt, sourcesNotPolledBetween } from '../store/poll-days.js';
import { listDeadlinesBetween } from '../store/deadlines.js';
import { listDigestWeek, readArticleText } from '../store/digest-week.js';
import { listSourceStates } from '../store/source-state.js';
import { correctStories, type ThemeOverrides } from '../tagging/apply-corrections.js';
import { compileThemes, type CompiledThemes } from '../tagging/compile-themes.js';
import { attachContinuity, findOffTopic } from './find-continuity.js';

export type DigestJobConfig = Pick<AppConfig, 'settings' | 'sources'> & {
  /** The full theme set (AppConfig's) also lets off-topic stories be told from other news. */
  themes: { themes: readonly { id: string; label: string }[] } | ThemeSet;
};

export const NOT_POLLED_REASON = 'not polled';
const DAY_MS = 86_400_000;
const compiledCache = new WeakMap<object, CompiledThemes>();

/**
 * `now` makes a preview of the week so far (stories and coverage up to `now`). `within` narrows
 * the stories and the coverage to part of the week (a daily catch-up's day: build-day-digest.ts).
 * `overrides` are a workspace's corrections (store/corrections.ts listThemeOverrides): its digest
 * files stories under the corrected themes.
 */
export function buildWeekDigest(
  db: Db,
  config: DigestJobConfig,
  week: IsoWeek,
  now?: Date,
  within?: { startsAt: Date; endsAt: Date },
  overrides?: ThemeOverrides,
): Digest {
  const timeZone = config.settings.timeZone;
  const { startsAt, endsAt } = within ?? weekRange(week, timeZone);
  const start = startsAt.toISOString();
  const end = now && now < endsAt ? now.toISOString() : endsAt.toISOString();
  // Undated items found on a source's first poll are its backlog, not this week's news.
  const listed = listDigestWeek(db, start, endsAt.toISOString());
  const stories = dropFirstPollBacklog(listed.stories, listSourceStates(db));
  const { foldBelow, mainWords } = config.settings.digest;
  const built = buildDigest({
    week,
    timeZone,
    themes: config.themes.themes.map((t) => ({ id: t.id, label: t.label })),
    sources: config.sources.map((s) => ({ id: s.id, name: s.name, authority: s.authority })),
    failedSources: uncheckedSources(db, config, start, end),
    perThemeCap: config.settings.digest.perThemeCap,
    stories: overrides ? correctStories(stories, overrides) : stories,
    offTopicIds: findOffTopic(listed, compiledThemesOf(config.themes)),
    shape: { foldBelow, mainWords },
    articleText: (ids) => readArticleText(db, ids),
    ...(now ? { now } : {}),
  });
  const began = firstPollAt(db);
  if (began === null || began > start) built.coverage.pollingBegan = began;
  // A workspace's corrections: stories filed under the corrected themes (above), and a removed
  // theme takes the entry out of that section even where another outlet's copy carries it.
  const dated = { ...built, deadlines: closingSoon(db, new Date(end)) };
  const digest = overrides ? dropRemovedThemes(dated, overrides) : dated;
  return withLead(attachContinuity(db, digest, stories));
}

/** The archive's `lead`: what a channel following everything opens with. */
export function withLead(digest: Digest): Digest {
  const view = selectForSubscription(digest, FOLLOWS_EVERYTHING);
  return { ...digest, lead: pickLead(digest, view.sections, FOLLOWS_EVERYTHING) };
}

function compiledThemesOf(themes: DigestJobConfig['themes']): CompiledThemes | null {
  if (!('contexts' in themes)) return null;
  let compiled = compiledCache.get(themes);
  if (!compiled) {
    compiled = compileThemes(themes);
    compiledCache.set(themes, compiled);
  }
  return compiled;
}

/** "Closing soon": what closes within four weeks of the digest's end (or of `now` in a preview). */
function closingSoon(db: Db, end: Date): DigestDeadline[] {
  const { from, to } = closingSoonWindow(end);
  return listDeadlinesBetween(db, from, to).map(
    ({ storyId: _id, timeZone: _zone, ...deadline }) => deadline,
  );
}

function uncheckedSources(
  db: Db,
  config: DigestJobConfig,
  start: string,
  end: string,
): { id: string; name: string; reason: string }[] {
  const enabled = config.sources.filter((s) => s.enabled);
  const nameOf = new Map(enabled.map((s) => [s.id, s.name]));
  const failed = failuresBetween(db, start, end)
    .filter((f) => f.successes === 0 && nameOf.has(f.sourceId))
    .map((f) => ({
      id: f.sourceId,
      name: nameOf.get(f.sourceId)!,
      reason: f.lastReason ?? 'failed',
    }));
  // Less than a day into a week, "not polled yet" is normal, not a gap worth reporting.
  if (Date.parse(end) - Date.parse(start) < DAY_MS) return failed;
  const silent = sourcesNotPolledBetween(
    db,
    start,
    end,
    enabled.map((s) => s.id),
  ).map((id) => ({ id, name: nameOf.get(id)!, reason: NOT_POLLED_REASON }));
  return [...failed, ...silent];
}
