// SPDX-License-Identifier: GPL-2.0
/*
 * switch_root.c - verify the new root, then hand over to its init: free
 * the initramfs, move /dev /proc /sys, make the new root "/", exec init.
 * Nothing is destroyed before the new root and its init are known good.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "kinit.h"

#define RAMFS_MAGIC	0x858458f6
#define TMPFS_MAGIC	0x01021994
#define SYMLINK_HOPS	40

/* The kernel's own list (init/main.c), tried when there is no init=. */
static const char *const default_inits[] = {
	"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
};

/*
 * Resolve @path inside the new root, as it will look after the switch:
 * an absolute symlink such as /sbin/init -> /lib/systemd/systemd must
 * be looked up under /newroot, not in the initramfs.  Return 0 with the
 * initramfs-side path of an executable regular file in @out, or -errno.
 */
static int resolve_in_root(const char *path, char *out, size_t size)
{
	char cur[PATH_MAX_KINIT - sizeof(NEWROOT)], link[PATH_MAX_KINIT], *slash;
	struct stat st;
	int hops;
	ssize_t n;

	snprintf(cur, sizeof(cur), "%s", path);
	for (hops = 0; hops < SYMLINK_HOPS; hops++) {
		snprintf(out, size, NEWROOT "%s", cur);
		if (lstat(out, &st))
			return -errno;
		if (!S_ISLNK(st.st_mode)) {
			if (!S_ISREG(st.st_mode))
				return -EACCES;
			return access(out, X_OK) ? -errno : 0;
		}
		n = readlink(out, link, sizeof(link) - 1);
		if (n < 0)
			return -errno;
		link[n] = '\0';
		if ((size_t)n >= sizeof(cur))
			return -ENAMETOOLONG;
		if (link[0] == '/') {
			memcpy(cur, link, n + 1);
		} else {
			slash = strrchr(cur, '/');
			slash[1] = '\0';
			if (strlen(cur) + n >= sizeof(cur))
				return -ENAMETOOLONG;
			strcat(cur, link);
		}
	}
	return -ELOOP;
}

/**
 * check_new_root() - make sure /newroot can be switched to
 * @k:	state: k->init is set to the init that will run
 *
 * The new root must be another filesystem than the initramfs and hold
 * an executable init (init=, else the kernel's list).  Any failure here
 * leaves the initramfs intact for the failure action.
 *
 * Return: 0 or -errno.
 */
int check_new_root(struct kinit *k)
{
	struct stat root, newroot;
	char where[PATH_MAX_KINIT + sizeof(NEWROOT)];
	size_t i;
	int ret;

	if (stat("/", &root) || stat(NEWROOT, &newroot))
		return kinit_what(k, -errno, "stat %s", NEWROOT);
	if (root.st_dev == newroot.st_dev)
		return kinit_what(k, -EINVAL, "%s is not a mounted filesystem", NEWROOT);
	if (k->args.init[0]) {
		ret = resolve_in_root(k->args.init, where, sizeof(where));
		if (ret)
			return kinit_what(k, ret, "init=%s on %s", k->args.init, k->root);
		snprintf(k->init, sizeof(k->init), "%s", k->args.init);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(default_inits); i++) {
		if (!resolve_in_root(default_inits[i], where, sizeof(where))) {
			snprintf(k->init, sizeof(k->init), "%s", default_inits[i]);
			return 0;
		}
	}
	return kinit_what(k, -ENOENT,
			  "no init on %s (tried /sbin/init /etc/init /bin/init /bin/sh; give init=)",
			  k->root);
}

/*
 * Delete the initramfs's files, not crossing into other filesystems
 * (/newroot, and /dev /proc /sys should they still be mounted).
 */
static void free_tree(int dirfd, dev_t rootdev)
{
	struct dirent *de;
	struct stat st;
	DIR *dir = fdopendir(dirfd);

	if (!dir) {
		close(dirfd);
		return;
	}
	while ((de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) ||
		    st.st_dev != rootdev)
			continue;
		if (S_ISDIR(st.st_mode)) {
			int sub = openat(dirfd, de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

			if (sub >= 0)
				free_tree(sub, rootdev);
			unlinkat(dirfd, de->d_name, AT_REMOVEDIR);
		} else {
			unlinkat(dirfd, de->d_name, 0);
		}
	}
	closedir(dir);
}

/* Move /dev, /proc, /sys under the new root; kinit's /dev is the console. */
static int move_mounts(struct kinit *k)
{
	static const char *const dirs[] = { "/dev", "/proc", "/sys" };
	char target[64];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		snprintf(target, sizeof(target), NEWROOT "%s", dirs[i]);
		if (mount(dirs[i], target, NULL, MS_MOVE, NULL)) {
			error(k, "cannot move %s to the new root (%s): unmounting it",
			      dirs[i], errstr(errno));
			umount2(dirs[i], MNT_DETACH);
		}
	}
	return 0;
}

/* The new root's /dev/console as stdin, stdout and stderr of init. */
static void reopen_console(void)
{
	int fd = open("/dev/console", O_RDWR);

	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

/**
 * switch_root() - make /newroot the root and execute its init
 * @k:	state after check_new_root()
 *
 * Order as busybox switch_root explains: chdir into the new root, move
 * it over "/" (pivot_root cannot be used on rootfs), chroot to ".".
 * Guards as klibc's run-init: only as PID 1, only from ramfs/tmpfs.
 *
 * Return: only on failure, -errno.  After the initramfs is freed a
 * failing exec can only be reported.
 */
int switch_root(struct kinit *k)
{
	struct statfs sfs;
	struct stat root;
	char *argv[INIT_ARGS_MAX + 2];
	int i, rootfd;

	if (getpid() != 1)
		return kinit_what(k, -EPERM, "not PID 1: refusing to delete /");
	if (statfs("/", &sfs) || (sfs.f_type != RAMFS_MAGIC && sfs.f_type != TMPFS_MAGIC))
		return kinit_what(k, -EINVAL, "/ is not ramfs or tmpfs: refusing to delete it");
	if (stat("/", &root))
		return kinit_what(k, -errno, "stat /");

	info(k, "switching to %s on %s after %lld ms in early userspace",
	     k->init, k->root, kinit_now_ms() - k->t0_ms);
	log_restore_ratelimit(k->log);
	move_mounts(k);
	if (chdir(NEWROOT))
		return kinit_what(k, -errno, "chdir %s", NEWROOT);
	rootfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd >= 0)
		free_tree(rootfd, root.st_dev);
	if (mount(".", "/", NULL, MS_MOVE, NULL))
		return kinit_what(k, -errno, "move %s to /", NEWROOT);
	if (chroot(".") || chdir("/"))
		return kinit_what(k, -errno, "chroot into the new root");
	reopen_console();

	/*
	 * The kernel gave kinit what it would have given init: pass that on.
	 * Only without it do the image's defaults ("-- args" in
	 * /etc/kinit/cmdline) apply.
	 */
	argv[0] = k->init;
	if (k->argc > 1) {
		for (i = 1; i < k->argc && i <= INIT_ARGS_MAX; i++)
			argv[i] = k->argv[i];
		argv[i] = NULL;
	} else {
		for (i = 0; i < k->args.init_argc; i++)
			argv[i + 1] = k->args.init_argv[i];
		argv[i + 1] = NULL;
	}
	execve(k->init, argv, k->envp);
	return kinit_what(k, -errno, "exec %s", k->init);
}
