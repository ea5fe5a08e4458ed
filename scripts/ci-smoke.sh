#!/usr/bin/env bash
# CI smoke benchmark: build release, generate a small corpus (4 MB, seconds) and the
# pathological inputs at 500 kB and 2 MB, and fail only on ratio targets, which hold on
# any machine: time(2 MB) <= 4.5 x time(500 kB) for wire copy and every pathological
# input (a quadratic step gives ~16x), and `onrecord check` no more than 150 x slower
# than `wc -w` on the same files (today 19-50x; a 10x slowdown fails, noise does not).
# (500 kB, best of five: with start-up down to a few milliseconds nothing pads the small
# run, and a 250 kB run of tens of milliseconds let a loaded machine's noise past 4.5.)
# Absolute MB/s and peak memory are printed, not enforced: they depend on the runner.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exec "$root/scripts/bench.sh" --smoke --check --max-linear "${MAX_LINEAR:-4.5}" \
  --max-wc-ratio "${MAX_WC_RATIO:-150}" --timeout "${SMOKE_TIMEOUT:-120}" "$@"
