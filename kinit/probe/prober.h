/* SPDX-License-Identifier: GPL-2.0 */
/*
 * prober.h - what probe.c and the prober files (probe_*.c) share: the
 * on-disk readers and field formatters, and one prober per format.
 * Each probe_*.c is built only when the kernel can use what it
 * identifies (kinit.mk, KINIT_PROBE_*); probe.c's table names those built.
 */
#ifndef KINIT_PROBER_H
#define KINIT_PROBER_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/compat.h"
#include "lib/kconfig.h"
#include "lib/util.h"
#include "probe/probe.h"

/*
 * Everything on disk is read through these: never cast a buffer to a wider
 * type, the on-disk byte order is part of each format, not of the host.
 */
static inline uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint16_t get_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[3] | (uint32_t)p[2] << 8 |
	       (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
}

static inline uint64_t get_le64(const uint8_t *p)
{
	return (uint64_t)get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

static inline uint64_t get_be64(const uint8_t *p)
{
	return (uint64_t)get_be32(p) << 32 | (uint64_t)get_be32(p + 4);
}

#define CRC32_POLY	0xedb88320u	/* GPT, LVM2 */
#define CRC32C_POLY	0x82f63b78u	/* ext4, xfs, btrfs */
#define MBR_TYPE_GPT	0xeeu		/* a protective MBR's one partition */

/* probe.c: the helpers, each linked only if a prober built uses it */
int probe_read(const struct probe_src *src, uint64_t off, void *buf, size_t len);
uint32_t probe_crc(uint32_t crc, uint32_t poly, const uint8_t *p, size_t len);
bool probe_all_zero(const uint8_t *p, size_t len);
void probe_uuid_text(char *out, const uint8_t *b, const uint8_t *order);
void probe_set_uuid(struct probe_result *res, const uint8_t *b);
void probe_copy_text(char *dst, size_t dstsz, const uint8_t *p, size_t len);
void probe_set_label(struct probe_result *res, const uint8_t *p, size_t len);
void probe_utf16_to_utf8(char *dst, size_t dstsz, const uint8_t *p,
			 size_t units, bool be);

/**
 * struct prober - one on-disk format probe_device() recognises
 * @type:	blkid's name for it; NULL when @probe sets res->type itself
 * @usage:	what the format is used for
 * @probe:	0 and @res filled when the format is there, -ENOENT when it
 *		is not, another -errno when reading failed
 */
struct prober {
	const char *type;
	enum probe_usage usage;
	int (*probe)(const struct probe_src *src, struct probe_result *res);
};

/*
 * One per probe_*.c file, built when its KINIT_PROBE_* option is set.  The
 * table in probe.c names each under its option, so an option set without
 * its file fails the link; PROBER_OPTION() in the file makes the file
 * built without its option fail to compile.  Kconfig and kinit.mk cannot
 * disagree silently.
 */
#define PROBER_OPTION(opt)						\
	_Static_assert(IS_ENABLED(CONFIG_KINIT_PROBE_##opt),		\
		       "built without CONFIG_KINIT_PROBE_" #opt		\
		       ": kinit.mk and probe.c disagree")

extern const struct prober prober_md;
extern const struct prober prober_lvm2;
extern const struct prober prober_luks;
extern const struct prober prober_vfat;
extern const struct prober prober_swap;
extern const struct prober prober_xfs;
extern const struct prober prober_ext;
extern const struct prober prober_iso9660;
extern const struct prober prober_squashfs;
extern const struct prober prober_btrfs;
extern const struct prober prober_f2fs;
extern const struct prober prober_erofs;

/**
 * probe_gpt() - read a GPT (probe_gpt.c, the kernel's EFI_PARTITION)
 * @src:	the whole disk, whose MBR is protective
 * @parts:	output array of PART_MAX entries
 * @count:	number of entries filled
 *
 * Return: 0 (with *count 0 when neither GPT header is valid), or -errno.
 */
int probe_gpt(const struct probe_src *src, struct part_entry *parts,
	      int *count);

/**
 * probe_mbr() - read an MS-DOS partition table (probe_mbr.c, the kernel's
 * MSDOS_PARTITION) with its logical partitions
 * @src:	the whole disk
 * @mbr:	its first sector, ending in 0x55 0xAA
 * @parts:	output array of PART_MAX entries
 * @count:	number of entries filled
 *
 * Return: 0 (with *count 0 when the sector is no partition table), or -errno.
 */
int probe_mbr(const struct probe_src *src, const uint8_t *mbr,
	      struct part_entry *parts, int *count);

#endif /* KINIT_PROBER_H */
