// Writes a week's full digest (every theme) to digests/YYYY/YYYY-Www.md and .json before anything
// is posted, so the archive holds exactly what channels were sent a part of. The Markdown shows
// each story once (in its strongest theme, with "Also in" naming the others); the JSON lists it
// under every theme it was filed in.
// Rules: atomic (write a temporary file in the same folder, fsync, rename over the target), so a
// crash leaves either the old file or the new one, never half of one. The only I/O in digest/.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Digest } from '../domain.js';
import { renderDigestMarkdown } from './render-markdown.js';
import { viewForChannel } from './view-for-channel.js';

export interface ArchivedDigest {
  markdownPath: string;
  jsonPath: string;
}

/** digests/2017/2017-W07 (without extension) for week "2017-W07". */
export function archiveBasePath(digestsDir: string, week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`digest: cannot archive a digest with week "${week}"`);
  return join(digestsDir, match[1]!, week);
}

export function writeFileAtomic(path: string, content: string): void {
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`digest: cannot write ${path}`, { cause: error });
  }
}

export function archiveDigest(digest: Digest, digestsDir: string): ArchivedDigest {
  const base = archiveBasePath(digestsDir, digest.week);
  try {
    mkdirSync(join(base, '..'), { recursive: true });
  } catch (error) {
    throw new Error(`digest: cannot create ${join(base, '..')}`, { cause: error });
  }
  const markdownPath = `${base}.md`;
  const jsonPath = `${base}.json`;
  writeFileAtomic(jsonPath, `${JSON.stringify(digest, null, 2)}\n`);
  writeFileAtomic(markdownPath, renderArchiveMarkdown(digest));
  return { markdownPath, jsonPath };
}

/**
 * The archive's Markdown of a full digest. The JSON keeps every theme's full list (data for other
 * tools); the Markdown is for reading: exactly what a channel following everything receives (the
 * same view, viewForChannel, and the same renderer as `briefing digest`), each story once.
 */
export function renderArchiveMarkdown(digest: Digest): string {
  return renderDigestMarkdown(viewForChannel(digest, null));
}
