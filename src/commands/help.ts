// `help`: one line per command, or every form of one command, from command-specs.ts.
import { COMMAND_SPECS, findCommandSpec } from './command-specs.js';
import type { CommandName, CommandResult, HelpLine } from './types.js';

export function runHelp(topic: CommandName | null): CommandResult {
  const spec = topic === null ? undefined : findCommandSpec(topic);
  const lines: HelpLine[] =
    spec === undefined
      ? COMMAND_SPECS.map((s) => ({ usage: s.usage[0]!.usage, description: s.description }))
      : spec.usage.map((u) => ({ ...u }));
  return { kind: 'help', topic: spec === undefined ? null : spec.name, lines };
}
