// SPDX-License-Identifier: GPL-2.0
/*
 * blkdev.c - the block devices the kernel has: found in /sys/class/block,
 * identified by probe.c through /dev/NAME, linked under /dev/disk/by-*,
 * and matched against a root= style device reference.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "kinit.h"
#include "lib/dir.h"

#ifndef SYSBLOCK		/* unit tests give a directory of their own */
#define SYSBLOCK "/sys/class/block"
#endif

/*
 * What the kernel says of block device @name in its uevent file
 * ("MAJOR=254\nMINOR=1\nDEVNAME=vda1\nDEVTYPE=partition\nPARTN=1\n..."):
 * one read where the "dev" and "partition" attributes would take two,
 * and each costs a millisecond or more under emulation.
 * Return: 0 with @devnum and @partition (0 for a whole disk), or -errno.
 */
static int read_uevent(const char *name, dev_t *devnum, int *partition)
{
	char buf[512], *line, *save = NULL;
	unsigned long maj = 0, min = 0, partn = 0;
	int seen = 0, ret;

	ret = read_text(buf, sizeof(buf), SYSBLOCK "/%s/uevent", name);
	if (ret)
		return ret;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "MAJOR=", 6))
			seen |= cmdline_ulong(line + 6, ULONG_MAX, &maj) ? 0 : 1;
		else if (!strncmp(line, "MINOR=", 6))
			seen |= cmdline_ulong(line + 6, ULONG_MAX, &min) ? 0 : 2;
		else if (!strncmp(line, "PARTN=", 6) && cmdline_ulong(line + 6, 65535, &partn))
			return -EINVAL;
	}
	if (seen != 3)
		return -EINVAL;
	*devnum = makedev(maj, min);
	*partition = partn;
	return 0;
}

/*
 * The whole disk of partition @name: its sysfs link ends in
 * .../<disk>/<part>.  @disk is left as it is when the link cannot be read.
 */
static void partition_disk(const char *name, char *disk, size_t size)
{
	char path[64], link[256], *slash;
	ssize_t n;

	ksnprintf(path, sizeof(path), SYSBLOCK "/%s", name);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return;
	link[n] = '\0';
	slash = strrchr(link, '/');
	if (!slash)
		return;
	*slash = '\0';
	slash = strrchr(link, '/');
	ksnprintf(disk, size, "%s", slash ? slash + 1 : link);
}

/*
 * Room for one more entry; -ENOSPC at BLKDEV_MAX, -ENOMEM, both logged.
 * The table is mapped at its bound at once: pages the kernel backs only
 * as entries are written (some 400 KiB for all of them, nothing for the
 * ones never used), no copy as it grows, and no allocator in kinit.
 */
static int blkdev_grow(struct blkdevs *set, const char *name)
{
	void *dev;

	if (set->count < set->size)
		return 0;
	if (set->size >= BLKDEV_MAX) {
		/* once: every scan meets the same devices again */
		if (set->log && !set->overflow)
			log_line(set->log, LOG_ERR,
				 "%d block devices already: /dev/%s and any after it are not considered",
				 set->count, name);
		set->overflow = 1;
		return -ENOSPC;
	}
	dev = mmap(NULL, BLKDEV_MAX * sizeof(*set->dev), PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (dev == MAP_FAILED) {
		if (set->log)
			log_line(set->log, LOG_ERR,
				 "no memory for %d block devices: /dev/%s is not considered",
				 BLKDEV_MAX, name);
		return -ENOMEM;
	}
	if (set->count)		/* a table the caller gave */
		memcpy(dev, set->dev, set->count * sizeof(*set->dev));
	set->dev = dev;
	set->size = BLKDEV_MAX;
	return 0;
}

/**
 * blkdev_add() - record device @name (as in /sys/class/block) if new
 * @set:	the devices seen
 * @name:	kernel name, e.g. "vda1"
 *
 * The table grows up to BLKDEV_MAX entries; a device beyond that (or
 * without memory) is reported through @set->log.
 *
 * Return: index of the entry, or -errno (-ENOSPC when the table is full,
 * -ENOMEM, -ENOENT for a name sysfs does not describe).
 */
int blkdev_add(struct blkdevs *set, const char *name)
{
	struct blkdev *d;
	dev_t devnum;
	int partition, i;

	for (i = 0; i < set->count; i++)
		if (!strcmp(set->dev[i].name, name))
			return i;
	if (strlen(name) >= sizeof(d->name) || read_uevent(name, &devnum, &partition))
		return -ENOENT;
	i = blkdev_grow(set, name);
	if (i)
		return i;
	d = &set->dev[set->count];
	memset(d, 0, sizeof(*d));
	strcpy(d->name, name);
	d->devnum = devnum;
	d->partition = partition;
	if (partition)
		partition_disk(name, d->disk, sizeof(d->disk));
	return set->count++;
}

/**
 * blkdev_free() - release the table; @set is empty afterwards
 * @set:	the devices seen
 */
void blkdev_free(struct blkdevs *set)
{
	if (set->size == BLKDEV_MAX)
		munmap(set->dev, BLKDEV_MAX * sizeof(*set->dev));
	set->dev = NULL;
	set->count = 0;
	set->size = 0;
	set->overflow = 0;
}

/**
 * blkdev_scan() - add every device /sys/class/block lists now
 * @set:	the devices seen
 *
 * Return: 0 or -errno.
 */
int blkdev_scan(struct blkdevs *set)
{
	struct dir_reader dir;
	const char *name;
	int ret = dir_open(&dir, SYSBLOCK);

	if (ret)
		return ret;
	while ((name = dir_next(&dir)))
		if (name[0] != '.')
			blkdev_add(set, name);
	dir_close(&dir);
	return 0;
}

/**
 * struct dev_reader - a block device open for probing
 * @fd:		the device
 * @head_len:	bytes of @head held, 0 before the first read, -1 if it failed
 * @head:	the device's first bytes, read once: every superblock kinit
 *		knows but md's end-of-device ones lies there (btrfs's, at
 *		64 KiB, is the farthest)
 */
struct dev_reader {
	int fd;
	ssize_t head_len;
	uint8_t head[68 * 1024];
};

static int fd_read(void *ctx, uint64_t off, void *buf, size_t len)
{
	struct dev_reader *r = ctx;
	ssize_t n;

	/*
	 * The probers read a dozen small pieces of the first 68 KiB: one
	 * read brings them all (each system call costs under emulation).
	 */
	if (!r->head_len) {
		n = pread(r->fd, r->head, sizeof(r->head), 0);
		r->head_len = n > 0 ? n : -1;
	}
	if (r->head_len > 0 && off + len <= (uint64_t)r->head_len) {
		memcpy(buf, r->head + off, len);
		return 0;
	}
	n = pread(r->fd, buf, len, off);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

/**
 * blkdev_open_src() - open /dev/@name for probing
 * @src:	filled with a reader over the device
 * @r:		receives the descriptor (the caller closes r->fd) and the
 *		buffer reads go through
 * @name:	kernel device name
 *
 * Return: 0 or -errno (-ENOMEDIUM for an empty device, e.g. a CD drive).
 */
static int blkdev_open_src(struct probe_src *src, struct dev_reader *r, const char *name)
{
	char path[64], size[32];
	unsigned long sectors;

	if (read_text(size, sizeof(size), SYSBLOCK "/%s/size", name))
		return -ENOENT;
	ksnprintf(path, sizeof(path), "/dev/%s", name);
	if (cmdline_ulong(size, ULONG_MAX / 512, &sectors))
		sectors = 0;
	src->size = (uint64_t)sectors * 512;
	if (!src->size)
		return -ENOMEDIUM;
	r->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0)
		return -errno;
	r->head_len = 0;
	src->read = fd_read;
	src->ctx = r;
	return 0;
}

/*
 * PARTUUID and PARTLABEL come from the whole disk's partition table,
 * read through @r (the partition's own reader, closed by then).
 */
static void identify_partition(struct blkdev *d, struct dev_reader *r)
{
	static struct part_entry parts[PART_MAX];	/* PID 1 is single-threaded */
	struct probe_src src;
	int count = 0, i;

	if (blkdev_open_src(&src, r, d->disk))
		return;
	if (!probe_partitions(&src, parts, &count)) {
		for (i = 0; i < count; i++) {
			if (parts[i].number != d->partition)
				continue;
			memcpy(d->partuuid, parts[i].uuid, sizeof(d->partuuid));
			memcpy(d->partlabel, parts[i].name, sizeof(d->partlabel));
		}
	}
	close(r->fd);
}

/**
 * blkdev_identify() - probe what @d holds (once)
 * @d:		the device
 * @set:	all devices (unused for now: stacked devices will need it)
 *
 * Return: 0 or -errno from reading; an unrecognised device is not an error.
 */
int blkdev_identify(struct blkdev *d, const struct blkdevs *set)
{
	static struct dev_reader r;	/* PID 1 is single-threaded */
	struct probe_src src;
	int ret;

	(void)set;
	if (d->probed)
		return d->probed < 0 ? d->probed : 0;
	ret = blkdev_open_src(&src, &r, d->name);
	if (!ret) {
		ret = probe_device(&src, &d->id);
		close(r.fd);
		if (ret == -ENOENT)
			ret = 0;
	}
	if (d->partition && d->disk[0])
		identify_partition(d, &r);
	d->probed = ret ? ret : 1;
	return ret;
}

/* udev's escaping of /dev/disk/by-* names: keep [A-Za-z0-9#+-.:=@_] */
static void link_escape(char *out, size_t size, const char *in)
{
	static const char ok[] = "#+-.:=@_";
	size_t o = 0;

	for (; *in && o + 5 < size; in++) {
		unsigned char c = *in;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(ok, c) || c >= 0x80)
			out[o++] = c;
		else
			o += ksnprintf(out + o, size - o, "\\x%02x", c);
	}
	out[o] = '\0';
}

static void link_one(const char *kind, const char *id, const char *name)
{
	char path[256], esc[192], target[64];

	if (!id[0])
		return;
	link_escape(esc, sizeof(esc), id);
	ksnprintf(path, sizeof(path), "/dev/disk/%s/%s", kind, esc);
	ksnprintf(target, sizeof(target), "../../%s", name);
	/* one system call in the usual case: each costs under emulation */
	if (!symlink(target, path))
		return;
	if (errno == EEXIST) {
		unlink(path);
	} else {
		mkdir("/dev/disk", 0755);
		ksnprintf(path, sizeof(path), "/dev/disk/%s", kind);
		mkdir(path, 0755);
		ksnprintf(path, sizeof(path), "/dev/disk/%s/%s", kind, esc);
	}
	symlink(target, path);
}

/**
 * blkdev_link() - create /dev/disk/by-{uuid,label,partuuid,partlabel} links
 * @d:	an identified device
 *
 * For the rescue shell and the real system, which has no udev yet.
 *
 * Return: 0.
 */
int blkdev_link(const struct blkdev *d)
{
	link_one("by-uuid", d->id.uuid, d->name);
	link_one("by-label", d->id.label, d->name);
	link_one("by-partuuid", d->partuuid, d->name);
	link_one("by-partlabel", d->partlabel, d->name);
	return 0;
}

/* The by-* directories name the same things as the KEY= forms. */
static const struct {
	const char *prefix;
	enum root_kind kind;
} by_dirs[] = {
	{ .prefix = "/dev/disk/by-uuid/", .kind = ROOT_UUID },
	{ .prefix = "/dev/disk/by-label/", .kind = ROOT_LABEL },
	{ .prefix = "/dev/disk/by-partuuid/", .kind = ROOT_PARTUUID },
	{ .prefix = "/dev/disk/by-partlabel/", .kind = ROOT_PARTLABEL },
};

static int match_path(const struct blkdev *d, const char *path, const struct blkdevs *set)
{
	struct root_spec alias = { 0 };
	struct stat st;
	size_t i, len;

	for (i = 0; i < ARRAY_SIZE(by_dirs); i++) {
		len = strlen(by_dirs[i].prefix);
		if (strncmp(path, by_dirs[i].prefix, len))
			continue;
		alias.kind = by_dirs[i].kind;
		ksnprintf(alias.value, sizeof(alias.value), "%s", path + len);
		return blkdev_matches(d, &alias, set);
	}
	if (!strncmp(path, "/dev/", 5) && !strcmp(path + 5, d->name))
		return 1;
	/* /dev/mapper/..., /dev/VG/LV: whatever node or link names it */
	return !stat(path, &st) && S_ISBLK(st.st_mode) && st.st_rdev == d->devnum;
}

/* PARTUUID=.../PARTNROFF=N names a sibling of the partition with that UUID. */
static int match_partuuid(const struct blkdev *d, const struct root_spec *spec,
			  const struct blkdevs *set)
{
	int i;

	if (!spec->partnroff)
		return d->partition && uuid_eq(d->partuuid, spec->value);
	if (!d->partition)
		return 0;
	for (i = 0; i < set->count; i++) {
		const struct blkdev *p = &set->dev[i];

		if (p->partition && !strcmp(p->disk, d->disk) &&
		    uuid_eq(p->partuuid, spec->value))
			return p->partition + spec->partnroff == d->partition;
	}
	return 0;
}

/**
 * blkdev_matches() - does @d answer to @spec?
 * @d:		an identified device
 * @spec:	the reference (root=, resume=, ...)
 * @set:	all devices (for PARTNROFF)
 *
 * LABEL= and UUID= only name filesystems and swap, never the LUKS or
 * RAID container whose header happens to carry a UUID.
 *
 * Return: 1 if it does, else 0.
 */
int blkdev_matches(const struct blkdev *d, const struct root_spec *spec,
		   const struct blkdevs *set)
{
	int fs = d->id.usage == PROBE_FILESYSTEM || d->id.usage == PROBE_SWAP;

	switch (spec->kind) {
	case ROOT_PATH:
		return match_path(d, spec->value, set);
	case ROOT_DEVNUM:
		return d->devnum == spec->devnum;
	case ROOT_LABEL:
		return fs && !strcmp(d->id.label, spec->value);
	case ROOT_UUID:
		return fs && uuid_eq(d->id.uuid, spec->value);
	case ROOT_PARTUUID:
		return match_partuuid(d, spec, set);
	case ROOT_PARTLABEL:
		return d->partition && !strcmp(d->partlabel, spec->value);
	default:
		return 0;
	}
}

/*
 * /sys/class/block/@a/holders/@b: @b is a layer (dm, md) built on @a.
 * One level is enough: a device two layers up is never a filesystem
 * matching the same reference as the one at the bottom.
 */
static int holds(const char *a, const char *b)
{
	char path[96];

	ksnprintf(path, sizeof(path), SYSBLOCK "/%s/holders/%s", a, b);
	return !access(path, F_OK);
}

/**
 * blkdev_related() - are @a and @b one device seen twice?
 * @a:	a device
 * @b:	another
 *
 * A whole disk and its partition (an isohybrid image shows its
 * filesystem on both), or a device and a layer on it (an md member with
 * its superblock at the end, and the array), may both answer to one
 * reference: that is not two candidates.
 *
 * Return: 1 when they are the same device, a disk and its partition, or
 * one holds the other; else 0.
 */
int blkdev_related(const struct blkdev *a, const struct blkdev *b)
{
	if (a == b || !strcmp(a->name, b->name))
		return 1;
	if ((a->partition && !strcmp(a->disk, b->name)) ||
	    (b->partition && !strcmp(b->disk, a->name)))
		return 1;
	return holds(a->name, b->name) || holds(b->name, a->name);
}

/**
 * blkdev_unique() - do the matching devices name one device?
 * @set:	all devices
 * @match:	indexes of the devices that qualify, in table order
 * @n:		how many
 *
 * Return: 1 when every one is related (blkdev_related()) to the first,
 * 0 when two distinct devices qualify.
 */
int blkdev_unique(const struct blkdevs *set, const int *match, int n)
{
	int i;

	for (i = 1; i < n; i++)
		if (!blkdev_related(&set->dev[match[0]], &set->dev[match[i]]))
			return 0;
	return 1;
}

/**
 * blkdev_on_crypt() - does device @name lie on dm-crypt?
 * @name:	kernel device name ("dm-1")
 * @depth:	layers still to look down (recursion bound)
 *
 * True for a dm-crypt device ("CRYPT-" in its dm uuid) and for any
 * device whose slaves, at some layer, include one: LVM on LUKS, md on
 * LUKS.
 *
 * Return: 1 when it does, else 0.
 */
int blkdev_on_crypt(const char *name, int depth)
{
	char path[96], uuid[160];
	struct dir_reader dir;
	const char *slave;
	int found = 0;

	if (!read_text(uuid, sizeof(uuid), SYSBLOCK "/%s/dm/uuid", name) &&
	    !strncmp(uuid, "CRYPT-", 6))
		return 1;
	if (depth <= 0)
		return 0;
	ksnprintf(path, sizeof(path), SYSBLOCK "/%s/slaves", name);
	if (dir_open(&dir, path))
		return 0;
	while (!found && (slave = dir_next(&dir)))
		if (slave[0] != '.')
			found = blkdev_on_crypt(slave, depth - 1);
	dir_close(&dir);
	return found;
}
