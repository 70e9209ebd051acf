// SPDX-License-Identifier: GPL-2.0
/*
 * mounts.c - the early mounts, the command line, and mounting the root.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kinit.h"

/**
 * struct early_mount - a filesystem kinit needs before anything else
 * @dir:	where
 * @type:	filesystem type (also the source name)
 * @flags:	mount flags
 */
struct early_mount {
	const char *dir;
	const char *type;
	unsigned long flags;
};

static const struct early_mount early_mounts[] = {
	{ .dir = "/proc", .type = "proc", .flags = MS_NOSUID | MS_NODEV | MS_NOEXEC },
	{ .dir = "/sys", .type = "sysfs", .flags = MS_NOSUID | MS_NODEV | MS_NOEXEC },
	{ .dir = "/dev", .type = "devtmpfs", .flags = MS_NOSUID },
};

/**
 * mount_early() - mount /proc, /sys and /dev (devtmpfs) and open the log
 * @k:	state
 *
 * Mounts that are already there (a retry after a rescue shell) are fine.
 *
 * Return: 0 or -errno.
 */
int mount_early(struct kinit *k)
{
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(early_mounts); i++) {
		const struct early_mount *m = &early_mounts[i];

		ret = mount(m->type, m->dir, m->type, m->flags, NULL) ? -errno : 0;
		if (ret == -ENOENT) {	/* the image has them; a hand-made one may not */
			mkdir(m->dir, 0755);
			ret = mount(m->type, m->dir, m->type, m->flags, NULL) ? -errno : 0;
		}
		if (ret && ret != -EBUSY)
			return kinit_what(k, ret, "mount %s on %s", m->type, m->dir);
	}
	log_open(k->log);
	return 0;
}

/**
 * read_cmdline() - parse the image's defaults, then /proc/cmdline
 * @k:	state; k->args is filled
 *
 * Return: 0, or -EINVAL with k->what quoting the malformed option.
 */
int read_cmdline(struct kinit *k)
{
	static char line[CMDLINE_MAX + 1];	/* only PID 1's one call uses it */
	const char *absent;
	char err[256];
	size_t i;
	int ret;

	memset(&k->args, 0, sizeof(k->args));
	ret = read_text(line, sizeof(line), "%s", KINIT_CMDLINE_FILE);
	if (ret && ret != -ENOENT)
		return kinit_what(k, ret, "%s", KINIT_CMDLINE_FILE);
	if (ret == -ENOENT)
		line[0] = '\0';
	if (cmdline_parse(&k->args, line, err, sizeof(err)))
		return kinit_what(k, -EINVAL, "%s: %s", KINIT_CMDLINE_FILE, err);

	ret = read_text(line, sizeof(line), "%s", "/proc/cmdline");
	if (ret)
		return kinit_what(k, ret, "%s", "/proc/cmdline");
	/* over the image's defaults: the kernel's options win */
	if (cmdline_parse_more(&k->args, line, err, sizeof(err)))
		return kinit_what(k, -EINVAL, "kernel command line: %s", err);
	for (i = 0; (absent = cmdline_absent(&k->args, i, err, sizeof(err))); i++)
		if (absent[0])
			error(k, "%s", absent);

	if (k->args.root.kind == ROOT_NONE && CONFIG_KINIT_ROOT[0]) {
		if (root_spec_parse(&k->args.root, CONFIG_KINIT_ROOT, err, sizeof(err)))
			return kinit_what(k, -EINVAL, "CONFIG_KINIT_ROOT: %s", err);
		/* the log and the timeout report quote root_raw */
		ksnprintf(k->args.root_raw, sizeof(k->args.root_raw), "%s", CONFIG_KINIT_ROOT);
	}
	return 0;
}

/* Try one filesystem type; ext2/ext3 fall back to the ext4 driver. */
static int try_mount(struct kinit *k, const char *type, unsigned long flags)
{
	if (!mount(k->root, NEWROOT, type, flags, k->args.rootflags)) {
		ksnprintf(k->fstype, sizeof(k->fstype), "%s", type);
		return 0;
	}
	if (errno == ENODEV && (!strcmp(type, "ext2") || !strcmp(type, "ext3")))
		return try_mount(k, "ext4", flags);
	return -errno;
}

/**
 * mount_root() - mount the root found by find_root() on /newroot
 * @k:	state: k->root and k->fstype (the probed type) are set
 *
 * rootfstype= is a comma list tried in order; without it the probed type
 * is used: kinit never mounts by trying every filesystem it knows.
 * Read-only unless "rw", as the kernel does.
 *
 * Return: 0 or -errno.
 */
int mount_root(struct kinit *k)
{
	unsigned long flags = k->args.readonly == 0 ? 0 : MS_RDONLY;
	char types[FSTYPE_MAX], *type, *save = NULL;
	int ret = -EINVAL;

	if (k->args.root.kind == ROOT_NFS)
		return nfs_mount_root(k);
	mkdir(NEWROOT, 0755);
	umount2(NEWROOT, MNT_DETACH);	/* a retry after a rescue shell */
	if (!k->args.rootfstype[0]) {
		if (!k->fstype[0])
			return kinit_what(k, -EINVAL,
					  "%s: unknown filesystem type; give rootfstype=", k->root);
		ksnprintf(types, sizeof(types), "%s", k->fstype);
	} else {
		ksnprintf(types, sizeof(types), "%s", k->args.rootfstype);
	}
	for (type = strtok_r(types, ",", &save); type; type = strtok_r(NULL, ",", &save)) {
		ret = try_mount(k, type, flags);
		if (!ret) {
			info(k, "mounted %s (%s, %s) on %s", k->root, k->fstype,
			     flags & MS_RDONLY ? "ro" : "rw", NEWROOT);
			return 0;
		}
	}
	/* ENODEV alone reads "No such device", as if the disk were gone */
	return kinit_what(k, ret, "mount %s as %s%s%s%s", k->root,
			  k->args.rootfstype[0] ? k->args.rootfstype : k->fstype,
			  k->args.rootflags[0] ? " with " : "", k->args.rootflags,
			  ret == -ENODEV ?
			  " (a filesystem type this kernel does not have: see /proc/filesystems)" : "");
}
