// `briefing web hash-password`: reads a password on standard input (the first line; nothing
// is echoed, and it never appears in the shell history or `ps`) and prints its scrypt hash in
// the form WEB_USERS takes: WEB_USERS="alice:<hash>,bob:<hash>".
import { text } from 'node:stream/consumers';
import { hashPassword } from '../web/password-hash.js';
import { UsageError, type CliCommand } from './command.js';

const MIN_PASSWORD = 8;
const MAX_PASSWORD = 1024;

export const command: CliCommand = {
  name: 'web',
  summary: 'Web archive tools: hash-password (for WEB_USERS)',
  help: `Usage: briefing web hash-password < password.txt
       printf '%s' 'the password' | briefing web hash-password

Reads a password from standard input (its first line; a trailing newline is dropped) and prints
its hash, scrypt$N$r$p$salt$hash (scrypt from Node's crypto, salt and hash in base64). Put it in
WEB_USERS as name:hash, several separated by commas:

  WEB_USERS="alice:scrypt$32768$8$1$...,bob:scrypt$32768$8$1$..."

Typed at a terminal, end the password with Enter then Ctrl-D.
`,
  options: {},
  async run(ctx, args) {
    const action = args.positionals[0];
    if (action !== 'hash-password') {
      throw new UsageError(
        action === undefined
          ? 'web needs an action: hash-password'
          : `unknown web action ${JSON.stringify(action.slice(0, 40))}; use hash-password`,
      );
    }
    const input = await text(ctx.stdin);
    const password = input.split(/\r?\n/)[0] ?? '';
    if ([...password].length < MIN_PASSWORD) {
      throw new UsageError(
        `the password on standard input is shorter than ${MIN_PASSWORD} characters`,
      );
    }
    if (password.length > MAX_PASSWORD) {
      throw new UsageError(`the password is longer than ${MAX_PASSWORD} characters`);
    }
    ctx.stdout.write(`${await hashPassword(password)}\n`);
    return 0;
  },
};
