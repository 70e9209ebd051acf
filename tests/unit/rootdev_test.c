// SPDX-License-Identifier: GPL-2.0
/*
 * rootdev_test.c - host unit tests for kinit/rootdev.c's choice of the
 * root: two distinct devices answering to root= are refused with both
 * listed; a disk and its partition, or a device and the layer it holds,
 * are one; with rd.luks.* only a device on dm-crypt qualifies.  The
 * devices are made up, with a sysfs-like directory for holders, slaves
 * and dm uuids.
 */
#define SYSBLOCK "rootdev-sys"	/* relative: tests/unit/run runs us in a scratch directory */
#define CONFIG_KINIT_CRYPT 1	/* before rootdev.c: rd.luks.* makes the root encrypted */
#include "rootdev.c"
#include "blkdev.c"
#include "uevent.c"
#undef CONFIG_KINIT_CRYPT	/* cmdline_all.h defines it again */
#include "cmdline_all.h"
#include "probe_all.h"
#include "lib/util.c"
#include "lib/disktext.c"

#include <stdarg.h>

#include "ktap.h"

#include "log_capture.h"

#define UUID "5ca1ab1e-0000-4000-8000-00000000beef"

static struct blkdev devs[8];

/* a made-up identified device */
static void dev(int i, const char *name, const char *disk, const char *type,
		enum probe_usage usage, const char *uuid)
{
	struct blkdev *d = &devs[i];

	memset(d, 0, sizeof(*d));
	snprintf(d->name, sizeof(d->name), "%s", name);
	snprintf(d->disk, sizeof(d->disk), "%s", disk);
	d->partition = disk[0] ? 1 : 0;
	d->devnum = makedev(8, i);
	d->probed = 1;
	d->id.usage = usage;
	snprintf(d->id.type, sizeof(d->id.type), "%s", type);
	snprintf(d->id.uuid, sizeof(d->id.uuid), "%s", uuid);
}

static int choose(struct kinit *k, int n)
{
	struct blkdevs set = { .dev = devs, .count = n, .size = n };

	logged[0] = k->what[0] = k->root[0] = '\0';
	return check_all(k, &set);
}

static int mkfile(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

static int make_sysfs(void)
{
	static const char *const dirs[] = {
		SYSBLOCK, SYSBLOCK "/vda", SYSBLOCK "/vda/holders", SYSBLOCK "/vda/holders/md0",
		SYSBLOCK "/md0", SYSBLOCK "/md0/slaves", SYSBLOCK "/dm-0", SYSBLOCK "/dm-0/dm",
		SYSBLOCK "/dm-1", SYSBLOCK "/dm-1/dm", SYSBLOCK "/dm-1/slaves",
		SYSBLOCK "/dm-1/slaves/dm-0",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dirs); i++)
		if (mkdir(dirs[i], 0755) && errno != EEXIST)
			return -1;
	return mkfile(SYSBLOCK "/dm-0/dm/uuid", "CRYPT-LUKS2-c7a1b2c3000040008000000000000002-c\n") ||
	       mkfile(SYSBLOCK "/dm-1/dm/uuid", "LVM-abcdef\n");
}

int main(void)
{
	static struct kinit k;
	struct ktap t = { 0 };
	int planned = 20, ret;

	ktap_begin("rootdev", planned);
	KTAP_EQ_INT(&t, make_sysfs(), 0, "make_sysfs");
	k.args.root.kind = ROOT_UUID;
	snprintf(k.args.root.value, sizeof(k.args.root.value), UUID);
	snprintf(k.args.root_raw, sizeof(k.args.root_raw), "UUID=" UUID);
	k.args.storage.luks = -1;

	/* one filesystem with the UUID: it is the root */
	dev(0, "vda", "", "ext4", PROBE_FILESYSTEM, UUID);
	dev(1, "vdb", "", "swap", PROBE_SWAP, UUID);
	ret = choose(&k, 2);
	KTAP_EQ_INT(&t, ret, 1, "one_match");
	KTAP_EQ_STR(&t, k.root, "/dev/vda", "one_match_root");

	/* an impostor disk with the root's filesystem UUID: refused, both listed */
	dev(1, "vdb", "", "ext4", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 2);
	KTAP_EQ_INT(&t, ret, -ENOTUNIQ, "impostor_refused");
	KTAP_EQ_STR(&t, k.root, "", "impostor_no_root");
	ktap_check(&t, strstr(k.what, "/dev/vda (ext4)") && strstr(k.what, "/dev/vdb (ext4)"),
		   "impostor_what_lists_both # what: %s", k.what);
	ktap_check(&t, strstr(logged, "  /dev/vda (ext4)\n") && strstr(logged, "  /dev/vdb (ext4)\n"),
		   "impostor_logged # log: %s", escaped(logged));

	/* an isohybrid image: the whole disk and its partition show one filesystem */
	dev(0, "vdc", "", "iso9660", PROBE_FILESYSTEM, UUID);
	dev(1, "vdc1", "vdc", "iso9660", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 2);
	KTAP_EQ_INT(&t, ret, 1, "disk_and_partition_are_one");

	/* an md member whose superblock is at the end, and its array */
	dev(0, "vda", "", "ext4", PROBE_FILESYSTEM, UUID);
	dev(1, "md0", "", "ext4", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 2);
	KTAP_EQ_INT(&t, ret, 1, "member_and_array_are_one");
	dev(2, "vde", "", "ext4", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 3);
	KTAP_EQ_INT(&t, ret, -ENOTUNIQ, "third_distinct_refused");

	/* rd.luks.uuid=: a plain device is passed over, the dm-crypt one taken */
	k.args.storage.luks_uuids = 1;
	dev(0, "vdb", "", "ext4", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 1);
	KTAP_EQ_INT(&t, ret, 0, "encrypted_root_plain_passed_over");
	ktap_check(&t, strstr(logged, "/dev/vdb (ext4) is not on dm-crypt") != NULL,
		   "encrypted_root_plain_logged # log: %s", escaped(logged));
	dev(1, "dm-0", "", "ext4", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 2);
	KTAP_EQ_INT(&t, ret, 1, "encrypted_root_on_crypt");
	KTAP_EQ_STR(&t, k.root, "/dev/dm-0", "encrypted_root_is_dm0");
	/* LVM on LUKS: dm-1's slave dm-0 is the crypt device */
	dev(1, "dm-1", "", "ext4", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 2);
	KTAP_EQ_INT(&t, ret, 1, "encrypted_root_lvm_on_crypt");
	KTAP_EQ_STR(&t, k.root, "/dev/dm-1", "encrypted_root_is_dm1");

	/* no rd.luks.*, but a key file in the image: the same rule */
	k.args.storage.luks_uuids = 0;
	k.keys_in_image = 1;
	dev(0, "vdb", "", "ext4", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 1);
	KTAP_EQ_INT(&t, ret, 0, "image_key_plain_passed_over");
	ktap_check(&t, strstr(logged, "/dev/vdb (ext4) is not on dm-crypt, and the image carries a LUKS key (/etc/kinit/keys/), so the root is encrypted: passed over") != NULL,
		   "image_key_plain_logged # log: %s", escaped(logged));
	dev(1, "dm-0", "", "ext4", PROBE_FILESYSTEM, UUID);
	ret = choose(&k, 2);
	KTAP_EQ_INT(&t, ret, 1, "image_key_root_on_crypt");
	/* rd.luks=0: no LUKS at all, so the key says nothing */
	k.args.storage.luks = 0;
	ret = choose(&k, 1);
	KTAP_EQ_INT(&t, ret, 1, "image_key_luks_off_plain_taken");
	return ktap_end(&t, planned);
}
