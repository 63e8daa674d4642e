/* replay.c: the yardstick for `dsasim replay`: a plain C program that
 * replays a Dinero-style din trace ("label hexaddr" per line; 0 read,
 * 1 write, 2 fetch; 3 and 4 skipped) through a set-associative LRU cache,
 * write-allocate, set = line mod sets, and prints accesses, hits, misses.
 * Reading is buffered stdio (fgets) with a hand-written parse, no
 * allocation per line; with -s it parses with sscanf instead, as a quick
 * C program would. Each set is an LRU stack, most recent first.
 *
 * Usage: replay [-s] CAPACITY LINE WAYS [FILE]   (sizes in bytes)
 * Build and compare with dsasim: bench/replay.sh */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t *tags;  /* sets*ways, line+1, 0 = empty; MRU first */
static uint8_t *counts; /* valid lines per set */
static uint64_t sets, ways;

/* access_line returns 1 on a hit; on a miss it inserts the line. */
static int access_line(uint64_t line) {
	uint64_t *t = &tags[(line % sets) * ways];
	uint8_t *n = &counts[line % sets];
	uint64_t tag = line + 1;
	for (uint64_t i = 0; i < *n; i++) {
		if (t[i] == tag) {
			memmove(&t[1], &t[0], i * sizeof t[0]);
			t[0] = tag;
			return 1;
		}
	}
	uint64_t keep = *n < ways ? *n : ways - 1;
	memmove(&t[1], &t[0], keep * sizeof t[0]);
	t[0] = tag;
	if (*n < ways)
		(*n)++;
	return 0;
}

static int hexval(int c) {
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* parse reads "label hexaddr" from s; it returns 0 on a malformed line. */
static int parse(const char *s, int *label, uint64_t *addr) {
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s < '0' || *s > '4' || (s[1] != ' ' && s[1] != '\t'))
		return 0;
	*label = *s - '0';
	s += 1;
	while (*s == ' ' || *s == '\t')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	uint64_t a = 0;
	int d, digits = 0;
	while ((d = hexval((unsigned char)*s)) >= 0) {
		a = a << 4 | (uint64_t)d;
		s++;
		digits++;
	}
	*addr = a;
	return digits > 0 && digits <= 16;
}

int main(int argc, char **argv) {
	int use_sscanf = argc > 1 && strcmp(argv[1], "-s") == 0;
	argv += use_sscanf;
	argc -= use_sscanf;
	if (argc < 4) {
		fprintf(stderr, "usage: replay [-s] CAPACITY LINE WAYS [FILE]\n");
		return 2;
	}
	uint64_t capacity = strtoull(argv[1], 0, 10), line = strtoull(argv[2], 0, 10);
	ways = strtoull(argv[3], 0, 10);
	if (line == 0 || ways == 0 || ways > 255 || capacity < line * ways) {
		fprintf(stderr, "replay: bad geometry\n");
		return 2;
	}
	sets = capacity / (line * ways);
	tags = calloc(sets * ways, sizeof *tags);
	counts = calloc(sets, 1);
	FILE *f = argc > 4 ? fopen(argv[4], "r") : stdin;
	if (!tags || !counts || !f) {
		perror("replay");
		return 1;
	}
	char buf[4096];
	uint64_t accesses = 0, hits = 0, skipped = 0, lineno = 0;
	while (fgets(buf, sizeof buf, f)) {
		int label;
		uint64_t addr;
		lineno++;
		int ok = use_sscanf ? sscanf(buf, "%d %lx", &label, &addr) == 2 && label >= 0 && label <= 4
		                    : parse(buf, &label, &addr);
		if (!ok) {
			fprintf(stderr, "replay: line %llu: malformed\n", (unsigned long long)lineno);
			return 1;
		}
		if (label > 2) {
			skipped++;
			continue;
		}
		accesses++;
		hits += access_line(addr / line);
	}
	printf("accesses %llu\nhits %llu\nmisses %llu\nskipped %llu\n", (unsigned long long)accesses,
	       (unsigned long long)hits, (unsigned long long)(accesses - hits), (unsigned long long)skipped);
	return 0;
}
