#!/usr/bin/env bash
# Compare the Go LRU partition with a straightforward C LRU on the same
# random-access workload, back to back on this machine.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
gcc -O2 -o "$out/lru" bench/lru.c
for i in 1 2 3; do
	"$out/lru" 50000000
	go test -run '^$' -bench 'RandomAccess/lru' -benchtime 50000000x ./sim/cache | grep Maccesses
done
rm -rf "$out"
