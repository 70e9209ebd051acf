// SPDX-License-Identifier: GPL-2.0
/*
 * probe_squashfs.c - squashfs 4.0 superblocks (squashfs; no UUID or label).
 * Built when the kernel has SQUASHFS.
 */
#include "probe/prober.h"

static int probe_squashfs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[32];
	int ret;

	ret = probe_read(src, 0, sb, sizeof(sb));
	if (ret)
		return ret;
	/* 4.0 is the only version Linux mounts; no UUID or label exists */
	if (memcmp(sb, "hsqs", 4) || get_le16(sb + 28) < 4)
		return -ENOENT;
	(void)res;
	return 0;
}

PROBER_OPTION(SQUASHFS);

const struct prober prober_squashfs = {
	.type = "squashfs",
	.usage = PROBE_FILESYSTEM,
	.probe = probe_squashfs,
};
