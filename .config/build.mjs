// Compiles src/ to plain JavaScript in dist/ (run by `npm run build`, and by `npm ci` through the
// `prepare` script), so `briefing` starts without a TypeScript loader: transpiling every module
// with tsx at each start was most of a CLI command's 0.5-2.4 s cold start. esbuild transpiles
// file by file (no bundling: each command still loads only what it imports); that is safe
// because tsconfig has isolatedModules and verbatimModuleSyntax, and `npm run check` (tsc) stays
// the type check. Files that are not TypeScript (SQL migrations, .mjs entries) are copied.
// dist/.build-stamp records the newest source time so src/bin/briefing.mjs can tell a stale build.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
// `--out DIR` builds elsewhere (test/bin/container-entrypoint.test.ts lays out the image's files).
const outFlag = process.argv.indexOf('--out');
const dist =
  outFlag > 0 && process.argv[outFlag + 1] ? process.argv[outFlag + 1] : join(root, 'dist');

const files = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
const typescript = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const assets = files.filter((f) => /\.(sql|mjs|json)$/.test(f));
const newest = Math.max(...files.map((f) => statSync(f).mtimeMs));

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: typescript,
  outdir: dist,
  outbase: src,
  bundle: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const file of assets) {
  const target = join(dist, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
writeFileSync(join(dist, '.build-stamp'), `${JSON.stringify({ newestSourceMs: newest })}\n`);
process.stdout.write(
  `build: ${typescript.length} modules compiled to ${relative(root, dist) || dist} in ${Date.now() - started} ms\n`,
);
