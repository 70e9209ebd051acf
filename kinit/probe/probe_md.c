// SPDX-License-Identifier: GPL-2.0
/*
 * probe_md.c - md RAID members (linux_raid_member): 0.90, 1.0, 1.1 and 1.2
 * superblocks.  Built when the kernel has md (BLK_DEV_MD).
 */
#include "probe/prober.h"

#define MD_SB_MAGIC		0xa92b4efcu
#define MD_RESERVED_BYTES	0x10000u	/* 0.90 sits in the last 64 KiB */
#define MD_SB1_MAX		4096u		/* mdadm's MAX_SB_SIZE */

/*
 * 0.90 stores the UUID as four host-endian words; the magic tells which
 * endianness the creating host had.  blkid prints each word's value as
 * big-endian bytes, so does mdadm ("%08x:%08x:...").
 */
static int probe_md090(const struct probe_src *src, struct probe_result *res,
		       uint64_t off)
{
	static const unsigned int word_off[4] = { 20, 52, 56, 60 };
	uint8_t sb[64], uuid[16] = { 0 };
	uint32_t (*get32)(const uint8_t *p);
	int i, n, ret;

	ret = probe_read(src, off, sb, sizeof(sb));
	if (ret)
		return ret;
	if (get_le32(sb) == MD_SB_MAGIC)
		get32 = get_le32;
	else if (get_be32(sb) == MD_SB_MAGIC)
		get32 = get_be32;
	else
		return -ENOENT;
	/* Before 0.90 only the first word existed. */
	n = get32(sb + 8) >= 90 ? 4 : 1;
	for (i = 0; i < n; i++) {
		uint32_t w = get32(sb + word_off[i]);

		uuid[4 * i] = (uint8_t)(w >> 24);
		uuid[4 * i + 1] = (uint8_t)(w >> 16);
		uuid[4 * i + 2] = (uint8_t)(w >> 8);
		uuid[4 * i + 3] = (uint8_t)w;
	}
	probe_set_uuid(res, uuid);
	res->version = 0;
	return 0;
}

/* The kernel's calc_sb_1_csum(): 32-bit LE words summed, carry folded. */
static uint32_t md1_csum(const uint8_t *sb, size_t size)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i + 4 <= size; i += 4)
		if (i != 216)
			sum += get_le32(sb + i);
	if (size & 2)
		sum += get_le16(sb + i);
	return (uint32_t)((sum & 0xffffffffu) + (sum >> 32));
}

static int probe_md1(const struct probe_src *src, struct probe_result *res,
		     uint64_t off)
{
	uint8_t sb[MD_SB1_MAX];
	uint32_t max_dev;
	size_t size;
	int ret;

	ret = probe_read(src, off, sb, 256);
	if (ret)
		return ret;
	if (get_le32(sb) != MD_SB_MAGIC || get_le32(sb + 4) != 1)
		return -ENOENT;
	/* super_offset names where this copy lives: rejects stale copies. */
	if (get_le64(sb + 144) != off >> 9)
		return -ENOENT;
	max_dev = get_le32(sb + 220);
	if (max_dev > (MD_SB1_MAX - 256) / 2)
		return -ENOENT;
	size = 256 + 2 * (size_t)max_dev;
	if (size > 256) {
		ret = probe_read(src, off + 256, sb + 256, size - 256);
		if (ret)
			return ret;
	}
	if (md1_csum(sb, size) != get_le32(sb + 216))
		return -ENOENT;
	probe_set_uuid(res, sb + 16);
	probe_set_label(res, sb + 32, 32);
	res->version = 1;
	return 0;
}

/*
 * blkid's order: 0.90 and 1.0 at the end first, then 1.1 at 0 and 1.2 at
 * 4 KiB.  The end-of-device formats need the size; a RAID1 leg with them
 * also shows the filesystem at offset 0, which is why md goes first.
 */
static int probe_md(const struct probe_src *src, struct probe_result *res)
{
	int ret;

	if (src->size > MD_RESERVED_BYTES) {
		ret = probe_md090(src, res, (src->size &
				  ~(uint64_t)(MD_RESERVED_BYTES - 1)) -
				  MD_RESERVED_BYTES);
		if (ret != -ENOENT)
			return ret;
		ret = probe_md1(src, res, (src->size & ~(uint64_t)0xfff) -
				0x2000);
		if (ret != -ENOENT)
			return ret;
	}
	ret = probe_md1(src, res, 0);
	if (ret != -ENOENT)
		return ret;
	return probe_md1(src, res, 0x1000);
}

PROBER_OPTION(MD);

const struct prober prober_md = {
	.type = "linux_raid_member",
	.usage = PROBE_RAID,
	.probe = probe_md,
};
