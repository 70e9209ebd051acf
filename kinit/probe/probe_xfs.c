// SPDX-License-Identifier: GPL-2.0
/*
 * probe_xfs.c - XFS superblocks (xfs), v5 CRC checked.  Built when the
 * kernel has XFS_FS.
 */
#include "probe/prober.h"

#define XFS_SB_CRC_OFF	224u

/* The v5 superblock CRC covers a whole sector, read piecewise. */
static int xfs_crc_ok(const struct probe_src *src, const uint8_t *sb,
		      uint32_t sectsize)
{
	static const uint8_t zero[4];
	uint8_t buf[512];
	uint32_t crc = ~0u, off;
	int ret;

	crc = probe_crc(crc, CRC32C_POLY, sb, XFS_SB_CRC_OFF);
	crc = probe_crc(crc, CRC32C_POLY, zero, sizeof(zero));
	crc = probe_crc(crc, CRC32C_POLY, sb + XFS_SB_CRC_OFF + 4,
			512 - XFS_SB_CRC_OFF - 4);
	for (off = 512; off < sectsize; off += sizeof(buf)) {
		ret = probe_read(src, off, buf, sizeof(buf));
		if (ret)
			return ret;
		crc = probe_crc(crc, CRC32C_POLY, buf, sizeof(buf));
	}
	return ~crc == get_le32(sb + XFS_SB_CRC_OFF) ? 0 : -ENOENT;
}

static int probe_xfs(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[512];
	uint32_t bsize, ssize, isize;
	unsigned int blog, slog, ilog;
	int ret;

	ret = probe_read(src, 0, sb, sizeof(sb));
	if (ret)
		return ret;
	if (memcmp(sb, "XFSB", 4))
		return -ENOENT;
	bsize = get_be32(sb + 4);
	ssize = get_be16(sb + 102);
	isize = get_be16(sb + 104);
	blog = sb[120];
	slog = sb[121];
	ilog = sb[122];
	/* a subset of xfs_verify_sb(), as blkid applies it */
	if (!get_be32(sb + 88) || slog < 9 || slog > 15 ||
	    ssize != 1u << slog || blog < 9 || blog > 16 ||
	    bsize != 1u << blog || ilog < 8 || ilog > 11 ||
	    isize != 1u << ilog || blog - ilog != sb[123] ||
	    sb[127] > 100 || !get_be64(sb + 8))
		return -ENOENT;
	if ((get_be16(sb + 100) & 0x0f) == 5) {
		ret = xfs_crc_ok(src, sb, ssize);
		if (ret)
			return ret;
	}
	probe_set_uuid(res, sb + 32);
	probe_set_label(res, sb + 108, 12);
	return 0;
}

PROBER_OPTION(XFS);

const struct prober prober_xfs = {
	.type = "xfs",
	.usage = PROBE_FILESYSTEM,
	.probe = probe_xfs,
};
