// SPDX-License-Identifier: GPL-2.0
/*
 * probe_vfat.c - FAT12/16/32 (vfat): label from the root directory, volume
 * serial as UUID.  Built when the kernel has VFAT_FS.
 */
#include "probe/prober.h"

#define FAT12_MAX	0xff4u
#define FAT16_MAX	0xfff4u
#define FAT32_MAX	0x0ffffff6u
#define FAT_DIRENT	32u
#define FAT_CHAIN_MAX	100	/* blkid's bound on the root directory chain */

static bool is_pow2(uint32_t v)
{
	return v && !(v & (v - 1));
}

/*
 * Look for the volume label entry among @entries directory entries at
 * @off.  1 and @label filled when found, 0 when not, or -errno.
 */
static int fat_find_label(const struct probe_src *src, uint64_t off,
			  uint64_t entries, uint8_t label[11])
{
	uint8_t buf[512];
	uint64_t i;
	int ret;

	for (i = 0; i < entries; i++) {
		const uint8_t *e = buf + (i % (sizeof(buf) / FAT_DIRENT)) *
				   FAT_DIRENT;

		if (i % (sizeof(buf) / FAT_DIRENT) == 0) {
			ret = probe_read(src, off + i * FAT_DIRENT, buf,
					 sizeof(buf));
			if (ret)
				return ret == -ENOENT ? 0 : ret;
		}
		if (e[0] == 0)
			return 0;
		/* deleted, has data (not a label), or a long-name slot */
		if (e[0] == 0xe5 || get_le16(e + 20) || get_le16(e + 26) ||
		    (e[11] & 0x3f) == 0x0f)
			continue;
		if ((e[11] & 0x18) == 0x08) {
			memcpy(label, e, 11);
			/* 0x05 stands for a leading 0xe5 byte */
			if (label[0] == 0x05)
				label[0] = 0xe5;
			return 1;
		}
	}
	return 0;
}

/* FAT32's root directory is a cluster chain: follow it, boundedly. */
static int fat32_find_label(const struct probe_src *src, const uint8_t *bs,
			    uint64_t data_sect, uint8_t label[11])
{
	uint32_t ssz = get_le16(bs + 11), csz = bs[13];
	uint64_t entries = (uint64_t)get_le32(bs + 36) * ssz / 4;
	uint32_t next = get_le32(bs + 44);
	uint8_t fe[4];
	int loop, ret;

	for (loop = 0; loop < FAT_CHAIN_MAX; loop++) {
		if (next < 2 || next >= entries)
			return 0;
		ret = fat_find_label(src, (data_sect + (uint64_t)(next - 2) *
					   csz) * ssz,
				     (uint64_t)csz * ssz / FAT_DIRENT, label);
		if (ret)
			return ret;
		ret = probe_read(src, (uint64_t)get_le16(bs + 14) * ssz +
			       (uint64_t)next * 4, fe, sizeof(fe));
		if (ret)
			return ret == -ENOENT ? 0 : ret;
		next = get_le32(fe) & 0x0fffffffu;
	}
	return 0;
}

/* FSInfo signatures, or zeros: some mkdosfs versions left them unset. */
static int fat32_fsinfo_ok(const struct probe_src *src, const uint8_t *bs)
{
	uint8_t fi[488];
	uint16_t sect = get_le16(bs + 48);
	int ret;

	if (!sect)
		return 0;
	ret = probe_read(src, (uint64_t)sect * get_le16(bs + 11), fi,
			 sizeof(fi));
	if (ret)
		return ret;
	if (memcmp(fi, "RRaA", 4) && memcmp(fi, "RRdA", 4) &&
	    !probe_all_zero(fi, 4))
		return -ENOENT;
	if (memcmp(fi + 484, "rrAa", 4) && !probe_all_zero(fi + 484, 4))
		return -ENOENT;
	return 0;
}

/*
 * blkid's fat_valid_superblock(): a 0x55AA or a jump opcode is a weak
 * hint, so the BPB must make sense before we call it FAT.
 * Return: 12, 16 or 32, or -ENOENT.
 */
static int fat_bits(const uint8_t *bs, bool weak)
{
	uint32_t ssz = get_le16(bs + 11), csz = bs[13];
	uint32_t reserved = get_le16(bs + 14), fats = bs[16];
	uint32_t dirents = get_le16(bs + 17), media = bs[21];
	uint64_t sects = get_le16(bs + 19), fatlen = get_le16(bs + 22);
	uint64_t meta, clusters;

	if (weak && (bs[510] != 0x55 || bs[511] != 0xaa ||
		     !memcmp(bs + 0x36, "JFS     ", 8) ||
		     !memcmp(bs + 0x36, "HPFS    ", 8)))
		return -ENOENT;
	if (!fats || !reserved || !(media >= 0xf8 || media == 0xf0) ||
	    !is_pow2(csz) || !is_pow2(ssz) || ssz < 512 || ssz > 4096)
		return -ENOENT;
	if (!sects)
		sects = get_le32(bs + 32);
	if (!fatlen)
		fatlen = get_le32(bs + 36);
	meta = reserved + fatlen * fats +
	       (dirents * FAT_DIRENT + ssz - 1) / ssz;
	if (meta > sects)
		return -ENOENT;
	clusters = (sects - meta) / csz;
	if (!get_le16(bs + 22) && get_le32(bs + 36))
		return clusters > FAT32_MAX ? -ENOENT : 32;
	if (clusters > FAT16_MAX)
		return -ENOENT;
	return clusters > FAT12_MAX ? 16 : 12;
}

static bool fat_strong_magic(const uint8_t *bs)
{
	return !memcmp(bs + 0x52, "MSWIN", 5) ||
	       !memcmp(bs + 0x52, "FAT32   ", 8) ||
	       !memcmp(bs + 0x36, "MSDOS", 5) ||
	       !memcmp(bs + 0x36, "FAT16   ", 8) ||
	       !memcmp(bs + 0x36, "FAT12   ", 8) ||
	       !memcmp(bs + 0x36, "FAT     ", 8);
}

static int probe_vfat(const struct probe_src *src, struct probe_result *res)
{
	uint8_t bs[512], label[11];
	const uint8_t *serial;
	uint64_t ssz, first;
	int bits, ret;

	ret = probe_read(src, 0, bs, sizeof(bs));
	if (ret)
		return ret;
	if (fat_strong_magic(bs))
		bits = fat_bits(bs, false);
	else if (bs[0] == 0xeb || bs[0] == 0xe9 ||
		 (bs[510] == 0x55 && bs[511] == 0xaa))
		bits = fat_bits(bs, true);
	else
		return -ENOENT;
	if (bits < 0)
		return bits;
	ssz = get_le16(bs + 11);
	/* first sector after the FATs: root dir (12/16) or data (32) */
	first = get_le16(bs + 14) + (uint64_t)bs[16] *
		(bits == 32 ? get_le32(bs + 36) : get_le16(bs + 22));
	if (bits == 32) {
		ret = fat32_fsinfo_ok(src, bs);
		if (ret)
			return ret;
		ret = fat32_find_label(src, bs, first, label);
		serial = bs + 0x43;
	} else {
		ret = fat_find_label(src, first * ssz, get_le16(bs + 17),
				     label);
		serial = bs + 0x27;
	}
	if (ret < 0)
		return ret;
	/* The root directory entry is the label; the BPB copy goes stale. */
	if (ret)
		probe_set_label(res, label, sizeof(label));
	if (!probe_all_zero(serial, 4)) {
		const uint8_t order[4] = { 3, 2, 1, 0 };
		char *o = res->uuid;
		int i;

		/* blkid prints the serial as "%02X%02X-%02X%02X" */
		for (i = 0; i < 4; i++) {
			if (i == 2)
				*o++ = '-';
			*o++ = "0123456789ABCDEF"[serial[order[i]] >> 4];
			*o++ = "0123456789ABCDEF"[serial[order[i]] & 15];
		}
		*o = '\0';
	}
	return 0;
}

PROBER_OPTION(VFAT);

const struct prober prober_vfat = {
	.type = "vfat",
	.usage = PROBE_FILESYSTEM,
	.probe = probe_vfat,
};
