// `briefing backup FILE`: a consistent, checked copy of the archive while the bot runs
// (store/backup.ts says how).
import { existsSync } from 'node:fs';
import { backupDatabase } from '../store/backup.js';
import { UsageError, type CliCommand } from './command.js';
import { EXIT_FAILED } from './exit-codes.js';

export const command: CliCommand = {
  name: 'backup',
  summary: 'Copy the archive to FILE while the bot runs (SQLite online backup)',
  help: `Usage: briefing backup FILE [--force]

Writes a consistent copy of the database (DATABASE_PATH) to FILE using SQLite's online backup,
safe while \`briefing run\` is writing. The copy is checked (PRAGMA quick_check) before it takes
FILE's name. Restore by stopping the bot and copying FILE to DATABASE_PATH.

Options:
  --force   replace FILE if it exists
`,
  options: { force: { type: 'boolean' } },
  async run(ctx, args) {
    const file = args.positionals[0];
    if (file === undefined || args.positionals.length > 1) {
      throw new UsageError('usage: briefing backup FILE [--force]');
    }
    if (existsSync(file) && args.values.force !== true) {
      throw new UsageError(`${file} exists; use --force to replace it`);
    }
    const outcome = await backupDatabase(ctx.db(), file);
    if (!outcome.ok) {
      ctx.stderr.write(`${outcome.error}; nothing written\n`);
      return EXIT_FAILED;
    }
    const mb = (outcome.bytes / 1024 / 1024).toFixed(1);
    ctx.stdout.write(`Backed up ${outcome.stories} stories to ${file} (${mb} MB), checked.\n`);
    return 0;
  },
};
