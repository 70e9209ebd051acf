// SPDX-License-Identifier: GPL-2.0
/*
 * probe_erofs.c - EROFS superblocks (erofs).  Built when the kernel has
 * EROFS_FS.
 */
#include "probe/prober.h"

#define EROFS_SB_OFF	1024u
#define EROFS_MAGIC	0xe0f5e1e2u

static int probe_erofs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[80];
	int ret;

	ret = probe_read(src, EROFS_SB_OFF, sb, sizeof(sb));
	if (ret)
		return ret;
	if (get_le32(sb) != EROFS_MAGIC || sb[12] < 9 || sb[12] > 16)
		return -ENOENT;
	probe_set_uuid(res, sb + 48);
	probe_set_label(res, sb + 64, 16);
	return 0;
}

PROBER_OPTION(EROFS);

const struct prober prober_erofs = {
	.type = "erofs",
	.usage = PROBE_FILESYSTEM,
	.probe = probe_erofs,
};
