#!/usr/bin/env bash
# replay.sh: time `dsasim replay` against bench/replay.c, a plain C program
# with the same LRU logic, on the same din files (a few million lines each):
#   export  the address stream dsasim exports for a DSA decode (cpu-llc shape,
#           mode none), replayed through its 32 MiB, 64 B, 16-way LLC;
#   random  random 128-byte lines over twice a 50 MiB, 16-way LLC (an H100 L2).
# Both programs must report the same hits and misses. Uses hyperfine when it
# is installed (apt-get install hyperfine), else bash's time.
#   bench/replay.sh [LINES]   (LINES: size of the random trace, default 4000000)
set -Eeuo pipefail
cd "$(dirname "$0")/.."
lines=${1:-4000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/dsasim" ./cmd/dsasim
gcc -O2 -o "$tmp/replay_c" bench/replay.c

echo "== generating din traces" >&2
"$tmp/dsasim" export -preset cpu-llc -mode none -reserve 0 -hash mod -layers 8 -steps 16 \
	-weightBytes 1MiB -din "$tmp/export.din"
awk -v n="$lines" 'BEGIN { srand(1); for (i = 0; i < n; i++) printf "0 %x\n", int(rand() * 819200) * 128 }' \
	>"$tmp/random.din"

# name file capacity line ways
traces=(
	"export $tmp/export.din 33554432 64 16"
	"random $tmp/random.din 52428800 128 16"
)
for t in "${traces[@]}"; do
	read -r name file capacity line ways <<<"$t"
	n=$(wc -l <"$file")
	go_cmd="$tmp/dsasim replay -trace $file -capacity $capacity -line $line -ways $ways"
	c_cmd="$tmp/replay_c $capacity $line $ways $file"
	sscanf_cmd="$tmp/replay_c -s $capacity $line $ways $file"
	echo "== $name: $n lines, $(du -h "$file" | cut -f1)"
	go_out=$($go_cmd 2>/dev/null | head -3)
	c_out=$($c_cmd | head -3)
	if [ "$go_out" != "$c_out" ]; then
		echo "results differ: dsasim: $go_out; C: $c_out" >&2
		exit 1
	fi
	echo "$go_out" | tr '\n' ' '
	echo "(same in C)"
	if command -v hyperfine >/dev/null; then
		hyperfine -N --warmup 1 --runs 10 --style basic \
			-n "dsasim replay" "$go_cmd" -n "C fgets+hand parse" "$c_cmd" -n "C fgets+sscanf" "$sscanf_cmd" 2>/dev/null |
			grep -E 'Benchmark|Time|Range|faster|^ +[0-9.]+ ±' || true
	else
		for cmd in "$go_cmd" "$c_cmd" "$sscanf_cmd"; do
			echo "$cmd"
			{ time $cmd >/dev/null 2>&1; } 2>&1 | grep real
		done
	fi
done
