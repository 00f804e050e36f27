// The weekly catch-ups as an Atom 1.0 feed (RFC 4287), so the digest can be read in any feed
// reader: one entry per archived week, newest first, its content the week page's HTML (type
// "html", escaped once as section 3.1.1.2 says). Ids are name-based UUIDs of the week and the
// site (RFC 4122 section 4.3, SHA-1), so they never change when the digest file is rewritten;
// `updated` is when the week's archive was last written. Every text is XML-escaped.
import { createHash } from 'node:crypto';
import { describeWeekLine, renderDigestHtml } from '../digest/render-digest-html.js';
import { viewForChannel } from '../digest/view-for-channel.js';
import { escapeHtml } from '../text/escape-html.js';
import { storyRef } from '../text/story-ref.js';
import { SITE_NAME } from './html/layout.js';
import type { ArchivedWeek } from './web-deps.js';

const ENTRIES = 20;
// RFC 4122 Appendix C's URL namespace: the names hashed are URLs.
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** A stable urn:uuid for a name (UUID version 5). */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(URL_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function renderEntry(archived: ArchivedWeek, base: string): string {
  const view = viewForChannel(archived.digest, null);
  const url = `${base}/weeks/${view.week}`;
  // Absolute story links: a feed reader resolves relative ones against the feed, not the page.
  const html = renderDigestHtml(view, {
    attrs: {
      title: '',
      weekLine: '',
      heading: '',
      entries: '',
      entry: '',
      muted: '',
      link: '',
      ref: '',
      host: '',
      whyLabel: '',
      whyList: '',
      coverage: '',
    },
    storyHref: (id) => `${base}/stories/${storyRef(id)}`,
  });
  return [
    '<entry>',
    `<id>${nameUuid(`${base}/weeks/${view.week}`)}</id>`,
    `<title type="text">${escapeHtml(view.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>`,
    `<updated>${escapeHtml(archived.updatedAt)}</updated>`,
    `<published>${escapeHtml(archived.digest.endsAt)}</published>`,
    `<summary type="text">${escapeHtml(describeWeekLine(view))}</summary>`,
    `<content type="html">${escapeHtml(html)}</content>`,
    '</entry>',
  ].join('\n');
}

/** The feed over `weeks` (newest first); `base` is the site's absolute URL without a slash. */
export function renderAtomFeed(weeks: readonly ArchivedWeek[], base: string): string {
  const shown = weeks.slice(0, ENTRIES);
  const updated = shown.reduce(
    (latest, w) => (w.updatedAt > latest ? w.updatedAt : latest),
    '1970-01-01T00:00:00.000Z',
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `<id>${nameUuid(`${base}/feed.atom`)}</id>`,
    `<title type="text">${escapeHtml(SITE_NAME)}: weekly catch-ups</title>`,
    `<link rel="self" type="application/atom+xml" href="${escapeHtml(`${base}/feed.atom`)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeHtml(`${base}/`)}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${escapeHtml(SITE_NAME)}</name></author>`,
    '<generator>nhs-briefing-bot</generator>',
    ...shown.map((w) => renderEntry(w, base)),
    '</feed>',
    '',
  ].join('\n');
}
