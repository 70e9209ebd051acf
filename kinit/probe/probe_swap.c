// SPDX-License-Identifier: GPL-2.0
/*
 * probe_swap.c - swap areas (swap), and the hibernation images written
 * over their signature.  Built when the kernel has SWAP.
 */
#include "probe/prober.h"

struct swap_magic {
	const char *magic;
	size_t len;
	int version;
	bool hibernated;
};

/*
 * The signature ends the first page, whose size the creating kernel
 * chose; swsusp/uswsusp overwrite it with theirs while an image is saved.
 */
static const struct swap_magic swap_magics[] = {
	{ .magic = "SWAPSPACE2", .len = 10, .version = 1 },
	{ .magic = "SWAP-SPACE", .len = 10, .version = 0 },
	{ .magic = "S1SUSPEND", .len = 9, .hibernated = true },
	{ .magic = "S2SUSPEND", .len = 9, .hibernated = true },
	{ .magic = "ULSUSPEND", .len = 9, .hibernated = true },
	{ .magic = "LINHIB0001", .len = 10, .hibernated = true },
};

static const uint32_t swap_page_sizes[] = {
	0x1000, 0x2000, 0x4000, 0x8000, 0x10000,
};

static const struct swap_magic *swap_find(const struct probe_src *src)
{
	uint8_t sig[10];
	size_t p, m;

	for (p = 0; p < ARRAY_SIZE(swap_page_sizes); p++) {
		if (probe_read(src, swap_page_sizes[p] - sizeof(sig), sig,
			       sizeof(sig)))
			continue;
		for (m = 0; m < ARRAY_SIZE(swap_magics); m++)
			if (!memcmp(sig, swap_magics[m].magic,
				    swap_magics[m].len))
				return &swap_magics[m];
	}
	return NULL;
}

static int probe_swap(const struct probe_src *src, struct probe_result *res)
{
	const struct swap_magic *m = swap_find(src);
	uint8_t h[180];		/* header after the 1 KiB of boot bits */
	int ret;

	if (!m)
		return -ENOENT;
	res->version = m->version;
	res->hibernated = m->hibernated;
	if (!m->version && !m->hibernated)
		return 0;	/* v0 has a bitmap there, no label/UUID */
	ret = probe_read(src, 1024, h, sizeof(h));
	if (ret)
		return ret;
	/* SWAPSPACE2 of either byte order, with a page count */
	if (m->version == 1 && ((get_le32(h) != 1 && get_be32(h) != 1) ||
				!get_le32(h + 4)))
		return -ENOENT;
	/* blkid's sanity check that the padding is not garbage */
	if (!probe_all_zero(h + 172, 8))
		return 0;
	probe_set_label(res, h + 28, 16);
	probe_set_uuid(res, h + 12);
	return 0;
}

PROBER_OPTION(SWAP);

const struct prober prober_swap = {
	.type = "swap",
	.usage = PROBE_SWAP,
	.probe = probe_swap,
};
