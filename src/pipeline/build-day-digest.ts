// The daily catch-up of one local day, for channels with the daily cadence. The same builder as
// the week's (buildWeekDigest narrowed to the day's stories and coverage), relabelled: its label
// is the day's ISO date ("2026-12-07"), its title "Catch up: Monday 7 December 2026", its range the
// day, and each "and N more" search covers the day instead of the week.
// Daily digests are not archived under digests/: the archive keeps one file per ISO week (the
// record of what the weekly channels were sent), and a day's digest can be rebuilt from the story
// archive at any time; the outbox keeps what each daily channel was actually sent.
import type { Digest } from '../domain.js';
import type { Db } from '../store/database.js';
import { dayRange, dayTitle } from '../time/day.js';
import { addDays, formatIsoDate, weekOf, type LocalDate } from '../time/week.js';
import type { ThemeOverrides } from '../tagging/apply-corrections.js';
import { buildWeekDigest, type DigestJobConfig } from './build-week-digest.js';

/** `overrides`: a workspace's corrections (see buildWeekDigest). */
export function buildDayDigest(
  db: Db,
  config: DigestJobConfig,
  day: LocalDate,
  overrides?: ThemeOverrides,
): Digest {
  const timeZone = config.settings.timeZone;
  const range = dayRange(day, timeZone);
  const week = weekOf(range.startsAt, timeZone);
  const digest = buildWeekDigest(db, config, week, range.endsAt, range, overrides);
  const since = formatIsoDate(day);
  const until = formatIsoDate(addDays(day, 1));
  return {
    ...digest,
    week: since,
    title: dayTitle(day),
    startsAt: range.startsAt.toISOString(),
    endsAt: range.endsAt.toISOString(),
    sections: digest.sections.map((section) => ({
      ...section,
      // The builder bounds each "more" search by the week; a reader of a daily wants the day.
      moreQuery: section.moreQuery.replace(/since:\S+ until:\S+/, `since:${since} until:${until}`),
    })),
  };
}
