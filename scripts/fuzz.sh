#!/usr/bin/env bash
# Fuzz the whole check (fuzz/fuzz_targets/check.rs) on nightly, seeded with the corpus
# articles and a few generated ones; crashes land in fuzz/artifacts/check/ and each one
# becomes a test in tests/regressions.rs.
#
#   scripts/fuzz.sh [SECONDS]        default 600
# Needs: rustup toolchain nightly; cargo +nightly install cargo-fuzz
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
seeds=$root/fuzz/corpus/check
mkdir -p "$seeds"
cp "$root"/corpus/*.txt "$root"/corpus/*.md "$seeds"/
(cd "$root" && cargo build --release --quiet --example generate_corpus)
for i in 1 2 3 4 5; do
  "$root/target/release/examples/generate_corpus" --seed "$i" --size 3K --one-file --plant 30 \
    --format "$([ "$i" -gt 3 ] && echo md || echo txt)" --out "$seeds/gen-$i.txt" 2>/dev/null
done
# The pathological shapes, a new person in every paragraph among them.
for shape in quotes paragraph nested alternating capwords names cues; do
  "$root/target/release/examples/generate_corpus" --shape "$shape" --seed 1 --size 3K --one-file \
    --out "$seeds/shape-$shape.txt" 2>/dev/null
done
cd "$root/fuzz"
exec cargo +nightly fuzz run -O check -- -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -rss_limit_mb=2048 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
