// discord.js and @discordjs/rest use the project's undici (package.json `overrides`: "undici":
// "$undici"), not copies of undici 6 of their own: each copy cost the idle bot about 5 MB of heap
// (issue 17, idle memory). They use only undici's `request`, `Headers`, `FormData` and `fetch`,
// whose shapes undici 7 keeps; the rest of this folder runs discord.js against the loopback fakes
// with this undici. If an `npm install` brings the nested copies back, this fails.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const ours = createRequire(import.meta.url);

/** The undici entry file a package's own require() would load (packages' `exports` allow `main`). */
function undiciSeenFrom(packageName: string, from: NodeRequire): string {
  return createRequire(from.resolve(packageName)).resolve('undici');
}

describe('one undici', () => {
  it('discord.js and @discordjs/rest resolve the same undici as the bot', () => {
    const project = ours.resolve('undici');
    const discordRequire = createRequire(ours.resolve('discord.js'));
    expect(undiciSeenFrom('discord.js', ours)).toBe(project);
    expect(undiciSeenFrom('@discordjs/rest', discordRequire)).toBe(project);
  });
});
