// SPDX-License-Identifier: GPL-2.0
/*
 * probe_lvm2.c - LVM2 physical volumes (LVM2_member).  Built when the
 * kernel has device-mapper (BLK_DEV_DM), which LVM needs.
 */
#include "probe/prober.h"

#define LVM2_SECTOR	512u
#define LVM2_CRC_INIT	0xf597a6cfu
#define LVM2_ID_LEN	32

/* LVM makes its ids of these (lib/uuid/uuid.c); anything else is forged. */
static bool lvm_id_valid(const uint8_t *id)
{
	int i;

	for (i = 0; i < LVM2_ID_LEN; i++)
		if (!is_digit(id[i]) && !(id[i] >= 'a' && id[i] <= 'z') &&
		    !(id[i] >= 'A' && id[i] <= 'Z') && id[i] != '!' && id[i] != '#')
			return false;
	return true;
}

/*
 * The PV id is text from the disk: one that is not 32 characters of
 * LVM's alphabet leaves the PV without a UUID, so that nothing else (a
 * by-uuid link, a log line, a UUID= match) ever sees it.
 */
static void set_lvm_uuid(struct probe_result *res, const uint8_t *id)
{
	char *o = res->uuid;
	int i;

	*o = '\0';
	if (!lvm_id_valid(id))
		return;
	/* LVM shows its 32-character ids as 6-4-4-4-4-4-6; so does blkid. */
	for (i = 0; i < LVM2_ID_LEN; i++) {
		if (i == 6 || i == 10 || i == 14 || i == 18 || i == 22 ||
		    i == 26)
			*o++ = '-';
		*o++ = (char)id[i];
	}
	*o = '\0';
}

static int probe_lvm2(const struct probe_src *src, struct probe_result *res)
{
	uint8_t buf[4 * LVM2_SECTOR];
	unsigned int i;
	int ret;

	ret = probe_read(src, 0, buf, sizeof(buf));
	if (ret)
		return ret;
	/* The label may be in any of the first four sectors (usually 1). */
	for (i = 0; i < 4; i++) {
		const uint8_t *l = buf + i * LVM2_SECTOR;
		uint32_t off;

		if (memcmp(l, "LABELONE", 8) || memcmp(l + 24, "LVM2 001", 8))
			continue;
		if (get_le64(l + 8) != i)
			continue;
		if (probe_crc(LVM2_CRC_INIT, CRC32_POLY, l + 20,
			      LVM2_SECTOR - 20) != get_le32(l + 16))
			continue;
		off = get_le32(l + 20);
		if (off > LVM2_SECTOR - LVM2_ID_LEN)
			continue;
		set_lvm_uuid(res, l + off);
		return 0;
	}
	return -ENOENT;
}

PROBER_OPTION(LVM2);

const struct prober prober_lvm2 = {
	.type = "LVM2_member",
	.usage = PROBE_RAID,
	.probe = probe_lvm2,
};
