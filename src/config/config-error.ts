// Every problem found in the configuration (env and config/*.yaml), reported together. The CLI
// prints them and exits 78 (EX_CONFIG); a single problem is its own message, so code that shows
// `error.message` (doctor's lines) shows the problem itself.
export class ConfigError extends Error {
  constructor(
    readonly errors: string[],
    options?: ErrorOptions,
  ) {
    super(
      errors.length === 1
        ? errors[0]!
        : `config: ${errors.length} problem(s)\n  ${errors.join('\n  ')}`,
      options,
    );
    this.name = 'ConfigError';
  }
}

/** Every problem of a ConfigError on one line (doctor's detail); any other error's message. */
export function problemText(error: unknown): string {
  if (error instanceof ConfigError) return error.errors.join('; ');
  return error instanceof Error ? error.message : String(error);
}
