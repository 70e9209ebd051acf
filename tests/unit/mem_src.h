/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mem_src.h - a probe_src over bytes in memory, for the probers' unit
 * tests and their fuzz target.
 */
#ifndef KINIT_TEST_MEM_SRC_H
#define KINIT_TEST_MEM_SRC_H

#include <errno.h>
#include <stdint.h>
#include <string.h>

struct mem {
	const uint8_t *data;
	size_t len;
};

static int mem_read(void *ctx, uint64_t off, void *buf, size_t len)
{
	const struct mem *m = ctx;

	if (off > m->len || len > m->len - off)
		return -EIO;
	memcpy(buf, m->data + off, len);
	return 0;
}

#endif /* KINIT_TEST_MEM_SRC_H */
