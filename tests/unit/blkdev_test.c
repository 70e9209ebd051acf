// SPDX-License-Identifier: GPL-2.0
/*
 * blkdev_test.c - host unit tests for kinit/blkdev.c's device table: a
 * disk with a 128-entry GPT and more fit, and a device beyond the bound
 * is reported by name, never dropped silently.  The devices are a
 * sysfs-like directory of uevent files made here.
 */
#define SYSBLOCK "blkdev-sys"	/* relative: tests/unit/run runs us in a scratch directory */
#include "blkdev.c"
#include "cmdline_all.h"
#include "probe_all.h"
#include "lib/util.c"
#include "lib/disktext.c"

#include <stdarg.h>

#include "ktap.h"

#include "log_capture.h"

/* SYSBLOCK/NAME/uevent for @n whole disks "xd0", "xd1", ... */
static int make_devices(int n)
{
	char path[64];
	FILE *f;
	int i;

	if (mkdir(SYSBLOCK, 0755) && errno != EEXIST)
		return -errno;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), SYSBLOCK "/xd%d", i);
		if (mkdir(path, 0755) && errno != EEXIST)
			return -errno;
		snprintf(path, sizeof(path), SYSBLOCK "/xd%d/uevent", i);
		f = fopen(path, "w");
		if (!f)
			return -errno;
		fprintf(f, "MAJOR=259\nMINOR=%d\nDEVNAME=xd%d\nDEVTYPE=disk\n", i, i);
		fclose(f);
	}
	return 0;
}

static struct kinit_log fake_log;

static int in_set(const struct blkdevs *set, const char *name)
{
	int i;

	for (i = 0; i < set->count; i++)
		if (!strcmp(set->dev[i].name, name))
			return 1;
	return 0;
}

int main(void)
{
	struct blkdevs set = { .log = &fake_log };
	struct ktap t = { 0 };
	int planned = 11, i, ret = 0, all = 1;
	char name[16];

	ktap_begin("blkdev", planned);
	KTAP_EQ_INT(&t, make_devices(BLKDEV_MAX + 2), 0, "make_devices");

	/* a disk and its 128 GPT partitions, and a few more: none dropped */
	for (i = 0; i < 140 && all; i++) {
		snprintf(name, sizeof(name), "xd%d", i);
		ret = blkdev_add(&set, name);
		all = ret == i;
	}
	ktap_check(&t, all, "add_140 # stopped at %d with %d", i - 1, ret);
	KTAP_EQ_INT(&t, set.count > 139 ? set.dev[139].devnum : 0, makedev(259, 139), "add_140_devnum");
	KTAP_EQ_INT(&t, blkdev_add(&set, "xd5"), 5, "add_again_same_index");
	KTAP_EQ_INT(&t, blkdev_add(&set, "nosuch"), -ENOENT, "add_unknown");
	KTAP_EQ_INT(&t, log_lines, 0, "nothing_logged_below_bound");

	/* the scan fills up to the bound, then says which device it dropped */
	KTAP_EQ_INT(&t, blkdev_scan(&set), 0, "scan");
	KTAP_EQ_INT(&t, set.count, BLKDEV_MAX, "scan_fills_to_bound");
	ktap_check(&t, log_lines == 1 && strstr(logged, "/dev/xd") &&
		   strstr(logged, "not considered"), "overflow_logged_by_name # log: %s",
		   escaped(logged));
	/* the uevent path: a device beyond the bound is refused, logged once */
	for (i = 0; i < BLKDEV_MAX + 2; i++) {	/* the scan's order is readdir's */
		snprintf(name, sizeof(name), "xd%d", i);
		if (!in_set(&set, name))
			break;
	}
	KTAP_EQ_INT(&t, blkdev_add(&set, name), -ENOSPC, "uevent_add_beyond_bound");
	blkdev_scan(&set);
	KTAP_EQ_INT(&t, log_lines, 1, "overflow_logged_once");
	blkdev_free(&set);
	return ktap_end(&t, planned);
}
