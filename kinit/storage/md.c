// SPDX-License-Identifier: GPL-2.0
/*
 * md.c - software RAID the kernel assembles itself: the RAID_AUTORUN
 * ioctl for 0.90 members on type-fd partitions, as raidautorun did.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <linux/major.h>
#include <linux/raid/md_u.h>

#include "storage/storage.h"

/**
 * md_wanted() - may md member @d be assembled?
 * @k:	options: rd.md=0 forbids it, rd.md.uuid= narrows it
 * @d:	an identified linux_raid_member
 *
 * Return: 1 or 0.
 */
int md_wanted(const struct kinit *k, const struct blkdev *d)
{
	const struct storage_args *s = &k->args.storage;
	int i;

	if (s->md == 0)
		return 0;
	if (!s->md_uuids)
		return 1;
	for (i = 0; i < s->md_uuids; i++)
		if (uuid_eq(s->md_uuid[i], d->id.uuid))
			return 1;
	return 0;
}

/**
 * md_autorun() - have the kernel start the 0.90 arrays it detected
 * @k:	state
 * @st:	marks the autorun done: the kernel does it once per boot
 *
 * The kernel collects type-fd partitions while it reads partition tables
 * but only starts their arrays itself when no initramfs is there.
 *
 * Return: 1 when the ioctl was issued, 0 when it could not be.
 */
int md_autorun(struct kinit *k, struct stack *st)
{
	int fd, ret;

	st->md_autorun = 1;
	if (k->args.storage.md_autodetect == 0)
		return 0;
	/* opening md0 creates it; RAID_AUTORUN is an ioctl on any md device */
	mknod("/dev/md0", S_IFBLK | 0600, makedev(MD_MAJOR, 0));
	fd = open("/dev/md0", O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		error(k, "md: /dev/md0 for RAID_AUTORUN: %s", errstr(errno));
		return 0;
	}
	ret = ioctl(fd, RAID_AUTORUN, 0);
	close(fd);
	if (ret && errno == ENOTTY) {
		/* Linux 5.x dropped the ioctl: autodetect only runs without an initramfs */
		info(k, "md: this kernel has no RAID_AUTORUN: 0.90 members go to mdadm");
		return 0;
	}
	if (ret) {
		error(k, "md: RAID_AUTORUN: %s", errstr(errno));
		return 0;
	}
	info(k, "md: kernel autodetect ran (raid=noautodetect switches it off)");
	return 1;
}
