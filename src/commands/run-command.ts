// Runs one parsed chat command. Synchronous: every dependency (SQLite through better-sqlite3,
// pure tagging and digest code) is synchronous, so platforms call it inside their 3-second
// acknowledgement window without deferring. Nothing throws out: an unexpected error is reported to
// deps.reportError (when given) and answered with a generic error that leaks no internals.
// The one exception is `email` (it sends a confirmation mail): chat front ends call
// runCommandAsync, which runs it and hands every other command to runCommand.
import { parseCommandText, type ParsedRequest } from './parse-command-text.js';
import { commandError } from './command-error.js';
import { runDeadlines } from './deadlines.js';
import { runCorrect, runCorrections } from './correct.js';
import { runDigest } from './digest.js';
import { runEmail } from './email.js';
import { runExplain } from './explain.js';
import { runHelp } from './help.js';
import { runSearch } from './search.js';
import { runStatus } from './status.js';
import { runSubscribe } from './subscribe.js';
import { runSubscriptions } from './subscriptions.js';
import { runThemes } from './themes.js';
import type { CommandDeps, CommandRequest, CommandResult, Invocation } from './types.js';
import { runUnsubscribe } from './unsubscribe.js';

export function runCommand(
  request: CommandRequest,
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  try {
    return dispatch(request, invocation, deps);
  } catch (error) {
    return reportFailure(error, request, invocation, deps);
  }
}

/** Every command, `email` included: what chat front ends call. Never rejects. */
export async function runCommandAsync(
  request: CommandRequest,
  invocation: Invocation,
  deps: CommandDeps,
): Promise<CommandResult> {
  if (request.command !== 'email') return runCommand(request, invocation, deps);
  try {
    return await runEmail(request, invocation, deps);
  } catch (error) {
    return reportFailure(error, request, invocation, deps);
  }
}

function reportFailure(
  error: unknown,
  request: CommandRequest,
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  try {
    deps.reportError?.(error, request, invocation);
  } catch {
    // A failing logger must not turn a handled error into a thrown one.
  }
  return commandError(
    'something went wrong on our side while running that command',
    'Try again in a minute; if it keeps happening, tell whoever runs the bot.',
  );
}

/** Parses Slack-style text and runs it: the whole path from a text field to a result. */
export function runCommandText(
  text: string,
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  const parsed: ParsedRequest = parseCommandText(text, deps);
  return parsed.ok ? runCommand(parsed.request, invocation, deps) : parsed.error;
}

function dispatch(
  request: CommandRequest,
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  switch (request.command) {
    case 'subscribe':
      return runSubscribe(request, invocation, deps);
    case 'unsubscribe':
      return runUnsubscribe(invocation, deps);
    case 'subscriptions':
      return runSubscriptions(invocation, deps);
    case 'search':
      return runSearch(request, deps, invocation);
    case 'digest':
      return runDigest(request, invocation, deps);
    case 'themes':
      return runThemes(invocation, deps);
    case 'status':
      return runStatus(invocation, deps);
    case 'explain':
      return runExplain(request, deps, invocation);
    case 'correct':
      return runCorrect(request, invocation, deps);
    case 'corrections':
      return runCorrections(invocation, deps);
    case 'deadlines':
      return runDeadlines(request, invocation, deps);
    case 'help':
      return runHelp(request.topic);
    case 'email':
      // Sends mail: asynchronous, so only runCommandAsync runs it.
      throw new Error('commands: `email` runs through runCommandAsync');
  }
  // Reachable only with a request built outside the type system (e.g. decoded from JSON).
  return commandError('unknown command', 'Try `help`.');
}
