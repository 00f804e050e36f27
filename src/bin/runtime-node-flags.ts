// V8 heap settings for the long-running process (`npm start`, the systemd unit in the README).
// Why: with Node's defaults (16 MB semi-spaces, an old generation allowed to grow to ~4 GB) V8 is
// lazy about collecting the garbage a big poll makes, and a first poll of 500 sources x 50 items
// peaked at 250-270 MB RSS. A 4 MB young generation and a 256 MB old-generation ceiling put V8 in
// its small-heap growth mode: the same poll peaks at ~165 MB for a ~10% slower first poll (see
// README "Performance"). 256 MB is far above what the process keeps live (tens of MB: the week's
// stories for a digest, one feed per concurrent poll), so it is a ceiling, not a squeeze.
// One-off CLI jobs (retag of a large archive, the benchmarks) run without these limits.
// test/bin/runtime-node-flags.test.ts checks that package.json's start script and the README use them.
export const RUN_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256'] as const;
