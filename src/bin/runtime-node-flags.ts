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

// The environment the long-running process is started with (npm start, the systemd unit, the
// container entrypoint). MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own malloc
// arena (up to 8 per core), and the bot has a dozen threads (libuv's pool, V8's platform workers,
// parse workers) whose arenas keep freed memory mapped: two arenas saved 5-10 MB of idle RSS
// (README "Performance"). glibc reads it when the process starts (mallopt(3), M_ARENA_MAX), so
// it must be in the environment before node runs: node cannot set it for itself.
// MALLOC_TRIM_THRESHOLD_=1048576: by default glibc raises its mmap threshold to the size of each
// large block freed (up to 32 MB) and its trim threshold to twice that (mallopt(3), "dynamic mmap
// threshold"), so after start-up and the first poll (V8's compiler zones, parse buffers) big
// blocks come from the heap and up to tens of MB stay mapped and fragmented for good. Setting any
// threshold turns that off: blocks over 128 KB are mmap'd and returned when freed, and a free top
// over 1 MB is given back. Measured (issue 17, README "Performance"): the idle bot ~10 MB lower,
// the poll bench's first poll and peak unchanged.
export const RUN_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '1048576' } as const;
