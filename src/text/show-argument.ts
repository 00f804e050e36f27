// A user's argument as echoed back in an error message (CLI usage errors, a platform
// subcommand's unknown action): pure, so the CLI and platform folders share it.

/** An argument as echoed in an error: one short line, no terminal control characters. */
export function showArgument(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
