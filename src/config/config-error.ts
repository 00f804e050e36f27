// Every problem found in the configuration (env and config/*.yaml), reported together.
export class ConfigError extends Error {
  constructor(readonly errors: string[]) {
    super(`config: ${errors.length} problem(s)\n  ${errors.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}
