// SPDX-License-Identifier: GPL-2.0
/*
 * probe_f2fs.c - F2FS superblocks (f2fs).  Built when the kernel has
 * F2FS_FS.
 */
#include "probe/prober.h"

#define F2FS_SB_OFF	1024u
#define F2FS_MAGIC	0xf2f52010u

static int probe_f2fs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[124 + 1024];	/* up to the end of the UTF-16 volume name */
	int ret;

	ret = probe_read(src, F2FS_SB_OFF, sb, sizeof(sb));
	if (ret)
		return ret;
	if (get_le32(sb) != F2FS_MAGIC)
		return -ENOENT;
	/* 1.0 predates the UUID and name fields */
	if (get_le16(sb + 4) == 1 && get_le16(sb + 6) == 0)
		return 0;
	probe_set_uuid(res, sb + 108);
	probe_utf16_to_utf8(res->label, sizeof(res->label), sb + 124, 512, false);
	return 0;
}

PROBER_OPTION(F2FS);

const struct prober prober_f2fs = {
	.type = "f2fs",
	.usage = PROBE_FILESYSTEM,
	.probe = probe_f2fs,
};
