// SPDX-License-Identifier: GPL-2.0
/*
 * probe_gpt.c - GUID partition tables: PARTUUID= and PARTLABEL= of each
 * partition.  Built when the kernel reads them (EFI_PARTITION).
 */
#include "probe/prober.h"

#define GPT_ENTRY_SIZE		128u
#define GPT_ENTRIES_MAX		16384u	/* 2 MiB of entries, read piecewise */
#define GPT_HDR_MIN		92u

/* GUIDs keep their first three fields little-endian on disk. */
static const uint8_t guid_order[16] = {
	3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15
};

/*
 * Validate the GPT header at @lba and copy its in-use entries to @parts.
 * Return: 0 with *count set, -ENOENT if this header or its entry array is
 * not valid, or another -errno.
 */
static int gpt_try(const struct probe_src *src, uint64_t lba, uint32_t ssz,
		   struct part_entry *parts, int *count)
{
	uint8_t hdr[512], buf[4096];
	uint32_t hsz, num, crc = ~0u, i;
	uint64_t eoff, disk_lbas = src->size / ssz;
	int ret;

	*count = 0;
	if (lba > UINT64_MAX / ssz)
		return -ENOENT;
	ret = probe_read(src, lba * ssz, hdr, sizeof(hdr));
	if (ret)
		return ret;
	hsz = get_le32(hdr + 12);
	if (memcmp(hdr, "EFI PART", 8) || hsz < GPT_HDR_MIN ||
	    hsz > sizeof(hdr) || get_le64(hdr + 24) != lba)
		return -ENOENT;
	i = get_le32(hdr + 16);
	memset(hdr + 16, 0, 4);
	if (~probe_crc(~0u, CRC32_POLY, hdr, hsz) != i)
		return -ENOENT;
	num = get_le32(hdr + 80);
	eoff = get_le64(hdr + 72);
	if (get_le32(hdr + 84) != GPT_ENTRY_SIZE || num > GPT_ENTRIES_MAX ||
	    eoff > UINT64_MAX / ssz)
		return -ENOENT;
	eoff *= ssz;
	for (i = 0; i < num; i++) {
		const uint8_t *e = buf + (i * GPT_ENTRY_SIZE) % sizeof(buf);
		uint64_t first, last;
		struct part_entry *p;

		if ((i * GPT_ENTRY_SIZE) % sizeof(buf) == 0) {
			uint32_t n = num - i < sizeof(buf) / GPT_ENTRY_SIZE ?
				     num - i : sizeof(buf) / GPT_ENTRY_SIZE;

			ret = probe_read(src, eoff + (uint64_t)i * GPT_ENTRY_SIZE,
					 buf, n * GPT_ENTRY_SIZE);
			if (ret)
				return ret;
			crc = probe_crc(crc, CRC32_POLY, buf,
					n * GPT_ENTRY_SIZE);
		}
		first = get_le64(e + 32);
		last = get_le64(e + 40);
		/* unused, or outside the disk (the kernel's is_pte_valid) */
		if (probe_all_zero(e, 16) || last < first ||
		    last > UINT64_MAX / ssz - 1 ||
		    (disk_lbas && last >= disk_lbas) || *count >= PART_MAX)
			continue;
		p = &parts[(*count)++];
		memset(p, 0, sizeof(*p));
		p->number = (int)i + 1;
		p->start = first * ssz;
		p->size = (last - first + 1) * ssz;
		probe_uuid_text(p->uuid, e + 16, guid_order);
		probe_utf16_to_utf8(p->name, sizeof(p->name), e + 56, 36, false);
	}
	if (~crc != get_le32(hdr + 88)) {
		*count = 0;
		return -ENOENT;
	}
	return 0;
}

PROBER_OPTION(GPT);

/*
 * probe_gpt() (see prober.h): the primary header, assuming 512-byte then
 * 4 KiB logical sectors; then the backup in the last sector, as the
 * kernel falls back to it.
 */
int probe_gpt(const struct probe_src *src, struct part_entry *parts,
	      int *count)
{
	static const uint32_t ssz[] = { 512, 4096 };
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(ssz); i++) {
		ret = gpt_try(src, 1, ssz[i], parts, count);
		if (ret != -ENOENT)
			return ret;
	}
	for (i = 0; i < ARRAY_SIZE(ssz); i++) {
		if (src->size < 2 * (uint64_t)ssz[i])
			continue;
		ret = gpt_try(src, src->size / ssz[i] - 1, ssz[i], parts,
			      count);
		if (ret != -ENOENT)
			return ret;
	}
	*count = 0;
	return 0;
}
