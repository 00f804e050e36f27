// Compiles src/ to plain JavaScript in dist/ (run by `npm run build`, and by `npm ci` through the
// `prepare` script), so `briefing` starts without a TypeScript loader: transpiling every module
// with tsx at each start was most of a CLI command's 0.5-2.4 s cold start. esbuild transpiles
// file by file (no bundling: each command still loads only what it imports); that is safe
// because tsconfig has isolatedModules and verbatimModuleSyntax, and `npm run check` (tsc) stays
// the type check. Files that are not TypeScript (SQL migrations, .mjs entries) are copied.
// dist/.build-stamp records the newest source time so src/bin/briefing.mjs can tell a stale build.
//
// One exception to "no bundling": zod, which every command loads (the environment is validated
// with it) and which is ~100 small ES modules; loading them one by one cost a CLI command about
// as much as node's own start (issue 17). It is bundled once into dist/vendor/zod.js and the
// compiled modules' `from "zod"` is pointed at that file (vendorImports). Same code, same version
// (package-lock.json's); only how it is loaded changes. Tests run the TypeScript sources against
// the package itself. The bundle holds only the members of `z` the compiled code uses (found by
// scanning it for `z.<name>`; zodEntry): zod's `z` namespace also carries its 40-odd locales and
// the whole core API, and the full 458 KB bundle cost ~25 ms of CPU to load, the slim one ~10 ms.
// If a module imports zod any other way than `import { z } from 'zod'`, the whole package is bundled.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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

/** Packages bundled into dist/vendor/<name>.js (see the header). */
const VENDORED = ['zod'];

/** `code` (one compiled module at `file`) with imports of vendored packages pointed at dist/vendor/. */
function vendorImports(file, code) {
  let out = code;
  for (const name of VENDORED) {
    const path = relative(dirname(file), join(dist, 'vendor', `${name}.js`))
      .split(sep)
      .join('/');
    const specifier = JSON.stringify(path.startsWith('.') ? path : `./${path}`);
    // esbuild prints every specifier double-quoted: `from "zod"`, `import("zod")`.
    out = out.replaceAll(`from "${name}"`, `from ${specifier}`);
    out = out.replaceAll(`import("${name}")`, `import(${specifier})`);
  }
  return out;
}

/** A vendor bundle's entry that re-exports the whole package. */
function fullEntry(name) {
  return `export * from '${name}';\nexport { default } from '${name}';\n`;
}

/**
 * The zod bundle's entry: a frozen `z` holding only the members the compiled modules use, so
 * esbuild leaves out the rest (locales, the core API). Falls back to the whole package when a
 * module imports zod in any other shape, which a scan of `z.<name>` could not see through.
 */
async function zodEntry(outputs) {
  const { z } = await import('zod');
  const used = new Set();
  for (const { path, text } of outputs) {
    if (!path.endsWith('.js') || !text.includes('"zod"')) continue;
    const imports = text.match(/import[^;"]*"zod"|import\("zod"\)/g) ?? [];
    if (imports.some((line) => !/^import \{ z \} from "zod"$/.test(line))) return fullEntry('zod');
    for (const match of text.matchAll(/\bz\.([A-Za-z_$][\w$]*)/g)) used.add(match[1]);
  }
  const members = [...used].filter((name) => name in z).sort();
  const imports = members.map((name) => `${name} as ${name}_`).join(', ');
  const fields = members.map((name) => `${name}: ${name}_`).join(', ');
  return `import { ${imports} } from 'zod';\nexport const z = Object.freeze({ ${fields} });\nexport default z;\n`;
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const compiled = await build({
  entryPoints: typescript,
  outdir: dist,
  outbase: src,
  bundle: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
});
for (const name of VENDORED) {
  await build({
    stdin: {
      contents: name === 'zod' ? await zodEntry(compiled.outputFiles) : fullEntry(name),
      resolveDir: root,
      loader: 'js',
    },
    outfile: join(dist, 'vendor', `${name}.js`),
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}
for (const output of compiled.outputFiles) {
  mkdirSync(dirname(output.path), { recursive: true });
  const text = output.path.endsWith('.js') ? vendorImports(output.path, output.text) : output.text;
  writeFileSync(output.path, text);
}
for (const file of assets) {
  const target = join(dist, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
writeFileSync(join(dist, '.build-stamp'), `${JSON.stringify({ newestSourceMs: newest })}\n`);
process.stdout.write(
  `build: ${typescript.length} modules compiled to ${relative(root, dist) || dist} in ${Date.now() - started} ms\n`,
);
