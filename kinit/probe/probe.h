/* SPDX-License-Identifier: GPL-2.0 */
/*
 * probe.h - identify what a block device holds by reading its superblocks
 * and partition tables directly (no blkid, no udev).  Pure: all reads go
 * through struct probe_src, so the same code runs on the host under test.
 */
#ifndef KINIT_PROBE_H
#define KINIT_PROBE_H

#include <stddef.h>
#include <stdint.h>

/**
 * struct probe_src - where probers read bytes from
 * @read:	read @len bytes at @off into @buf; 0 or -errno (-EIO short read)
 * @ctx:	passed to @read
 * @size:	size of the device in bytes (0 if unknown)
 */
struct probe_src {
	int (*read)(void *ctx, uint64_t off, void *buf, size_t len);
	void *ctx;
	uint64_t size;
};

#define PROBE_TYPE_MAX	24	/* "linux_raid_member" needs 18 */
#define PROBE_UUID_MAX	40	/* 36 chars of a UUID, or shorter (vfat "ABCD-1234") */
#define PROBE_LABEL_MAX	128

enum probe_usage {
	PROBE_NONE = 0,		/* nothing recognised */
	PROBE_FILESYSTEM,	/* mountable: ext4, xfs, ... */
	PROBE_SWAP,		/* swap; see @hibernated */
	PROBE_CRYPTO,		/* LUKS1/LUKS2 */
	PROBE_RAID,		/* md member, LVM2 PV */
};

/**
 * struct probe_result - what a device holds
 * @usage:	class of content
 * @type:	"ext4", "xfs", "btrfs", "vfat", "f2fs", "squashfs", "erofs",
 *		"iso9660", "swap", "crypto_LUKS", "LVM2_member",
 *		"linux_raid_member" (blkid's names)
 * @uuid:	canonical lower-case text ("" if none); for md the array UUID
 * @label:	label ("" if none)
 * @version:	e.g. LUKS 1/2, md 0 (0.90) or 1 (1.x), else 0
 * @hibernated:	swap carries a hibernation image signature
 */
struct probe_result {
	enum probe_usage usage;
	char type[PROBE_TYPE_MAX];
	char uuid[PROBE_UUID_MAX];
	char label[PROBE_LABEL_MAX];
	int version;
	int hibernated;
};

/* probe.c; documented at the definitions, as the kernel does */
int probe_device(const struct probe_src *src, struct probe_result *res);

#define PART_MAX	128
#define PART_NAME_MAX	72	/* GPT names are 36 UTF-16 units */

/**
 * struct part_entry - one partition as its table describes it
 * @number:	1-based partition number as the kernel numbers it
 * @start:	first byte
 * @size:	bytes
 * @uuid:	GPT: unique partition GUID; MBR: "ssssssss-pp" (lower case)
 * @name:	GPT partition name (UTF-8), "" for MBR
 */
struct part_entry {
	int number;
	uint64_t start;
	uint64_t size;
	char uuid[PROBE_UUID_MAX];
	char name[PART_NAME_MAX];
};

/* probe.c, documented there */
int probe_partitions(const struct probe_src *src, struct part_entry *parts, int *count);
const char *probe_usage_name(enum probe_usage usage);

#endif /* KINIT_PROBE_H */
