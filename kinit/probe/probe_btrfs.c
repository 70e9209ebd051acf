// SPDX-License-Identifier: GPL-2.0
/*
 * probe_btrfs.c - btrfs superblocks (btrfs), crc32c checked.  Built when
 * the kernel has BTRFS_FS.
 */
#include "probe/prober.h"

#define BTRFS_SB_OFF	0x10000u
#define BTRFS_SB_SIZE	4096u

static int probe_btrfs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[BTRFS_SB_SIZE];
	int ret;

	ret = probe_read(src, BTRFS_SB_OFF, sb, sizeof(sb));
	if (ret)
		return ret;
	if (memcmp(sb + 0x40, "_BHRfS_M", 8))
		return -ENOENT;
	/* crc32c is the default csum_type 0; the others are not checked */
	if (!get_le16(sb + 0xc4) &&
	    ~probe_crc(~0u, CRC32C_POLY, sb + 0x20, sizeof(sb) - 0x20) !=
	    get_le32(sb))
		return -ENOENT;
	probe_set_uuid(res, sb + 0x20);
	probe_set_label(res, sb + 0x12b, 256);
	return 0;
}

PROBER_OPTION(BTRFS);

const struct prober prober_btrfs = {
	.type = "btrfs",
	.usage = PROBE_FILESYSTEM,
	.probe = probe_btrfs,
};
