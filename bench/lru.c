/* lru.c: a straightforward C set-associative LRU cache, the yardstick for
 * BenchmarkRandomAccess in sim/cache. Same geometry (50 MiB, 128-byte
 * lines, 16 ways: 25,600 sets), same workload shape (random lines over
 * twice the cache's lines, from a table of 2^20 precomputed addresses).
 * Build and run: bench/lru.sh */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define WAYS 16
#define SETS 25600
#define TABLE (1 << 20)

static uint64_t tags[SETS * WAYS];   /* line+1, 0 = empty */
static uint64_t stamps[SETS * WAYS]; /* last use, for LRU */
static uint64_t clock_;

static int access_line(uint64_t line) {
	uint64_t *t = &tags[(line % SETS) * WAYS];
	uint64_t *s = &stamps[(line % SETS) * WAYS];
	int victim = 0;
	for (int w = 0; w < WAYS; w++) {
		if (t[w] == line + 1) {
			s[w] = ++clock_;
			return 1;
		}
		if (s[w] < s[victim]) victim = w;
	}
	t[victim] = line + 1;
	s[victim] = ++clock_;
	return 0;
}

static uint64_t xorshift(uint64_t *x) {
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

int main(int argc, char **argv) {
	long n = argc > 1 ? atol(argv[1]) : 100000000;
	uint64_t *lines = malloc(sizeof(uint64_t) * TABLE), seed = 88172645463325252ull;
	for (int i = 0; i < TABLE; i++) lines[i] = xorshift(&seed) % (2ull * SETS * WAYS);
	for (int i = 0; i < TABLE; i++) access_line(lines[i]);
	struct timespec a, b;
	long hits = 0;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < n; i++) hits += access_line(lines[i & (TABLE - 1)]);
	clock_gettime(CLOCK_MONOTONIC, &b);
	double sec = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
	printf("c-lru: %.2f Maccesses/s (%ld accesses, hit rate %.3f)\n", n / sec / 1e6, n, (double)hits / n);
	return 0;
}
