// SPDX-License-Identifier: GPL-2.0
/*
 * probe_mbr.c - MS-DOS partition tables, extended partitions included:
 * PARTUUID= (SSSSSSSS-PP) of each partition.  Built when the kernel reads
 * them (MSDOS_PARTITION).
 */

#include "probe/prober.h"

#define EBR_CHAIN_MAX	100	/* the kernel's bound on logicals */

struct mbr_state {
	const struct probe_src *src;
	struct part_entry *parts;
	int *count;
	uint32_t sig;
};

static bool mbr_is_extended(uint8_t type)
{
	return type == 0x05 || type == 0x0f || type == 0x85;
}

static void mbr_add(struct mbr_state *st, int number, uint64_t start_sect,
		    uint64_t nr_sects)
{
	struct part_entry *p;

	if (*st->count >= PART_MAX)
		return;
	p = &st->parts[(*st->count)++];
	memset(p, 0, sizeof(*p));
	p->number = number;
	p->start = start_sect * 512;
	p->size = nr_sects * 512;
	/* the kernel's PARTUUID for MBR */
	ksnprintf(p->uuid, sizeof(p->uuid), "%08x-%02x", (unsigned int)st->sig,
		 (unsigned int)number);
}

/*
 * The kernel's parse_extended(): each EBR holds one logical partition
 * (relative to that EBR) and a link to the next EBR (relative to the
 * primary extended partition).  The chain may loop, hence the bound.
 */
static int mbr_parse_extended(struct mbr_state *st, uint64_t first,
			      uint64_t first_size, int *next)
{
	uint64_t this = first, this_size = first_size;
	uint8_t s[512];
	int loop, i, ret;

	for (loop = 0; loop < EBR_CHAIN_MAX && *st->count < PART_MAX; loop++) {
		const uint8_t *e = s + 446;

		ret = probe_read(st->src, this * 512, s, sizeof(s));
		if (ret)
			return ret == -ENOENT ? 0 : ret;
		if (s[510] != 0x55 || s[511] != 0xaa)
			return 0;
		for (i = 0; i < 4; i++, e += 16) {
			uint64_t offs = get_le32(e + 8), size = get_le32(e + 12);

			if (!size || mbr_is_extended(e[4]))
				continue;
			/* slots 3 and 4 of an EBR often hold garbage */
			if (i >= 2 && (offs + size > this_size ||
				       this + offs + size > first + first_size))
				continue;
			mbr_add(st, (*next)++, this + offs, size);
		}
		for (i = 0, e = s + 446; i < 4; i++, e += 16)
			if (get_le32(e + 12) && mbr_is_extended(e[4]))
				break;
		if (i == 4)
			return 0;
		this = first + get_le32(e + 8);
		this_size = get_le32(e + 12);
	}
	return 0;
}

static void parts_sort(struct part_entry *parts, int count)
{
	struct part_entry t;
	int i, j;

	for (i = 1; i < count; i++) {
		t = parts[i];
		for (j = i; j > 0 && parts[j - 1].number > t.number; j--)
			parts[j] = parts[j - 1];
		parts[j] = t;
	}
}

PROBER_OPTION(MBR);

/* probe_mbr(): see prober.h */
int probe_mbr(const struct probe_src *src, const uint8_t *mbr,
	      struct part_entry *parts, int *count)
{
	struct mbr_state st = {
		.src = src, .parts = parts, .count = count,
		.sig = get_le32(mbr + 0x1b8),
	};
	const uint8_t *e = mbr + 446;
	int slot, next = 5, ret;

	*count = 0;
	/*
	 * Like the kernel: a boot indicator other than 0/0x80 means this is
	 * a boot sector (FAT, say), not a partition table; and a stray 0xEE
	 * entry means neither table can be trusted.
	 */
	for (slot = 1; slot <= 4; slot++, e += 16)
		if ((e[0] != 0 && e[0] != 0x80) || e[4] == MBR_TYPE_GPT)
			return 0;
	for (slot = 1, e = mbr + 446; slot <= 4; slot++, e += 16) {
		uint64_t start = get_le32(e + 8), size = get_le32(e + 12);

		if (!size)
			continue;
		mbr_add(&st, slot, start, size);
		if (mbr_is_extended(e[4])) {
			ret = mbr_parse_extended(&st, start, size, &next);
			if (ret)
				return ret;
		}
	}
	parts_sort(parts, *count);
	return 0;
}
