// The Teams app package must match what the bot does: one bot in team, personal and group-chat
// scope, commands the shared parser knows (Teams shows up to 10 as suggestions), and the two
// icons Teams requires (192×192 colour, 32×32 outline).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../src/commands/command-specs.js';

const dir = new URL('../../../config/teams/', import.meta.url);

interface Manifest {
  manifestVersion: string;
  id: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
}

const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as Manifest;

function pngSize(file: string): [number, number] {
  const bytes = readFileSync(new URL(file, dir));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('config/teams/manifest.json', () => {
  it('declares one bot with the commands the parser knows', () => {
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0]!;
    expect(bot.botId).toBe(manifest.id);
    expect(bot.scopes).toEqual(['team', 'personal', 'groupChat']);
    const titles = bot.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    // Teams lists at most 10 commands per scope; every one listed must be a real command, and
    // the ones people start with must be there.
    expect(titles.length).toBeLessThanOrEqual(10);
    for (const title of titles) expect(COMMAND_NAMES).toContain(title);
    expect(titles).toEqual(expect.arrayContaining(['search', 'subscribe', 'digest', 'help']));
  });

  it('ships the two icons Teams requires', () => {
    expect(pngSize(manifest.icons.color)).toEqual([192, 192]);
    expect(pngSize(manifest.icons.outline)).toEqual([32, 32]);
  });
});
