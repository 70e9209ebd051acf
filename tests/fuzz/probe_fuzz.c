// SPDX-License-Identifier: GPL-2.0
/*
 * probe_fuzz.c - libFuzzer target: the input is a whole device, probed
 * for content and partitions by every prober, once with its size known
 * and once unknown.
 *
 * The device is up to 128 KiB: btrfs's superblock (64 KiB + 4 KiB, as
 * kinit reads 68 KiB) and md 0.90 (in the last 64 KiB-aligned 64 KiB) and
 * 1.0 (8 KiB from the end) superblocks are all within reach.
 * fuzz-options: -max_len=131072
 */
#include "../unit/probe_all.h"

#include "../unit/mem_src.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct part_entry parts[PART_MAX];
	struct mem m = { .data = data, .len = size };
	struct probe_src src = { .read = mem_read, .ctx = &m };
	struct probe_result res;
	int pass, count, i;

	for (pass = 0; pass < 2; pass++) {
		src.size = pass ? size : 0;
		if (probe_device(&src, &res) == 0 &&
		    (!memchr(res.type, 0, sizeof(res.type)) ||
		     !memchr(res.uuid, 0, sizeof(res.uuid)) ||
		     !memchr(res.label, 0, sizeof(res.label))))
			__builtin_trap();
		if (probe_partitions(&src, parts, &count) == 0) {
			if (count < 0 || count > PART_MAX)
				__builtin_trap();
			for (i = 0; i < count; i++)
				if (!memchr(parts[i].uuid, 0, sizeof(parts[i].uuid)) ||
				    !memchr(parts[i].name, 0, sizeof(parts[i].name)))
					__builtin_trap();
		}
	}
	return 0;
}
