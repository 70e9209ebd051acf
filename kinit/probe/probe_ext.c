// SPDX-License-Identifier: GPL-2.0
/*
 * probe_ext.c - ext2, ext3, ext4 (and ext4dev) superblocks, told apart as
 * blkid does.  Built when the kernel has EXT2_FS, EXT3_FS or EXT4_FS.
 */
#include "probe/prober.h"

#define EXT_SB_OFF		1024u
#define EXT_COMPAT_JOURNAL	0x0004u
#define EXT_INCOMPAT_JOURNAL_DEV 0x0008u
#define EXT_RO_COMPAT_CSUM	0x0400u
#define EXT_FLAGS_TEST_FS	0x0004u
/* what ext2 and ext3 drivers understood, per blkid */
#define EXT2_RO_COMPAT_SUPP	0x0007u
#define EXT2_INCOMPAT_SUPP	0x0012u
#define EXT3_INCOMPAT_SUPP	0x0016u

/* blkid's ext4dev/ext4/ext3/ext2 probers, in its order, as one decision. */
static const char *ext_type(const uint8_t *sb)
{
	uint32_t compat = get_le32(sb + 0x5c), incompat = get_le32(sb + 0x60);
	uint32_t ro = get_le32(sb + 0x64);
	bool ro_unsupp = ro & ~EXT2_RO_COMPAT_SUPP;

	if (incompat & EXT_INCOMPAT_JOURNAL_DEV)
		return NULL;	/* an external journal: nothing to mount */
	if (get_le32(sb + 0x160) & EXT_FLAGS_TEST_FS)
		return "ext4dev";
	/* ext4 is whatever uses a feature ext3 does not know */
	if (ro_unsupp || (incompat & ~EXT3_INCOMPAT_SUPP))
		return "ext4";
	if (compat & EXT_COMPAT_JOURNAL)
		return "ext3";
	if (!(incompat & ~EXT2_INCOMPAT_SUPP))
		return "ext2";
	return NULL;
}

static int probe_ext(const struct probe_src *src, struct probe_result *res)
{
	uint8_t sb[1024];
	const char *type;
	int ret;

	ret = probe_read(src, EXT_SB_OFF, sb, sizeof(sb));
	if (ret)
		return ret;
	if (get_le16(sb + 0x38) != 0xef53)
		return -ENOENT;
	if ((get_le32(sb + 0x64) & EXT_RO_COMPAT_CSUM) &&
	    probe_crc(~0u, CRC32C_POLY, sb, 0x3fc) != get_le32(sb + 0x3fc))
		return -ENOENT;
	/*
	 * Beyond blkid: counts the kernel would refuse, so that a stray
	 * 0xEF53 in zeroed space is not called ext2.
	 */
	if (!get_le32(sb) || !get_le32(sb + 4) || get_le32(sb + 0x18) > 6 ||
	    !get_le32(sb + 0x20) || !get_le32(sb + 0x28))
		return -ENOENT;
	type = ext_type(sb);
	if (!type)
		return -ENOENT;
	probe_copy_text(res->type, sizeof(res->type), (const uint8_t *)type,
			strlen(type));
	probe_set_uuid(res, sb + 0x68);
	probe_set_label(res, sb + 0x78, 16);
	return 0;
}

PROBER_OPTION(EXT);

const struct prober prober_ext = {
	.usage = PROBE_FILESYSTEM,
	.probe = probe_ext,
};
