// SPDX-License-Identifier: GPL-2.0
/*
 * switch_root.c - verify the new root, then hand over to its init: free
 * the initramfs, move /dev /proc /sys, make the new root "/", exec init.
 * Two phases: check_new_root() checks everything and changes nothing;
 * switch_root() commits and never comes back (see failure.c boot_stop()).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kinit.h"
#include "lib/dir.h"

#define RAMFS_MAGIC	0x858458f6
#define TMPFS_MAGIC	0x01021994

/* The kernel's own list (init/main.c), tried when there is no init=. */
static const char *const default_inits[] = {
	"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
};

/**
 * struct init_found - what a child chrooted into the new root found
 * @chosen:	index of the init that passed in the list tried, -1 if none
 * @tried:	how many were tried
 * @err:	per init tried: 0 or -errno from exec_check()
 * @res:	per init tried: what will run, or why not
 * @dev_ok:	/dev is a directory (not a symlink) for kinit's /dev to move to
 *
 * Sent back through a pipe: smaller than PIPE_BUF, so one write.
 */
struct init_found {
	int chosen;
	int tried;
	int err[ARRAY_SIZE(default_inits)];
	struct exec_check res[ARRAY_SIZE(default_inits)];
	int dev_ok;
};

/*
 * In the child: look at the new root as the real init will see it, every
 * path (symlinks, "..", #! and ELF interpreters) resolved inside it.
 */
static void check_in_root(const char *const *inits, int n, struct init_found *f)
{
	struct stat st;
	int i;

	f->chosen = -1;
	for (i = 0; i < n && f->chosen < 0; i++) {
		f->err[i] = exec_check(inits[i], &f->res[i]);
		if (!f->err[i])
			f->chosen = i;
		f->tried = i + 1;
	}
	f->dev_ok = !lstat("/dev", &st) && S_ISDIR(st.st_mode);
}

/* Run check_in_root() in a child chrooted into NEWROOT; 0 or -errno. */
static int look_in_root(const char *const *inits, int n, struct init_found *f)
{
	int pfd[2], status, ret = 0;
	ssize_t got;
	pid_t pid;

	if (pipe(pfd))
		return -errno;
	pid = fork();
	if (pid < 0) {
		ret = -errno;
		close(pfd[0]);
		close(pfd[1]);
		return ret;
	}
	if (pid == 0) {
		close(pfd[0]);
		memset(f, 0, sizeof(*f));
		if (chroot(NEWROOT) || chdir("/"))
			_exit(1);
		check_in_root(inits, n, f);
		_exit(write(pfd[1], f, sizeof(*f)) == sizeof(*f) ? 0 : 1);
	}
	close(pfd[1]);
	got = read(pfd[0], f, sizeof(*f));
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return got == sizeof(*f) ? 0 : -EIO;
}

/* Say why each init on the kernel's list that exists was passed over. */
static void report_passed_over(struct kinit *k, const char *const *inits,
			       const struct init_found *f)
{
	int i;

	for (i = 0; i < f->tried; i++) {
		if (!f->err[i] || (f->err[i] == -ENOENT && !f->res[i].why[0]))
			continue;
		error(k, "check-root: %s on %s: %s%s%s (trying the next)", inits[i], k->root,
		      f->res[i].why, f->res[i].why[0] ? ": " : "", errstr(-f->err[i]));
	}
}

/* The init that will run: init=, else the first of the kernel's list. */
static int choose_init(struct kinit *k, struct init_found *f)
{
	const char *const given[] = { k->args.init };
	const char *const *inits = k->args.init[0] ? given : default_inits;
	int n = k->args.init[0] ? 1 : (int)ARRAY_SIZE(default_inits);
	int ret = look_in_root(inits, n, f);

	if (ret)
		return kinit_what(k, ret, "looking at %s from inside it", NEWROOT);
	if (f->chosen >= 0) {
		ksnprintf(k->init, sizeof(k->init), "%s", inits[f->chosen]);
		return 0;
	}
	if (n == 1)
		return kinit_what(k, f->err[0], "init=%s on %s%s%s", k->args.init, k->root,
				  f->res[0].why[0] ? ": " : "", f->res[0].why);
	report_passed_over(k, inits, f);
	for (ret = 0; ret < f->tried; ret++)
		if (f->err[ret] != -ENOENT || f->res[ret].why[0])
			return kinit_what(k, f->err[ret],
					  "no init on %s the kernel can run (tried /sbin/init /etc/init /bin/init /bin/sh; give init=)",
					  k->root);
	return kinit_what(k, -ENOENT,
			  "no init on %s (tried /sbin/init /etc/init /bin/init /bin/sh; give init=)",
			  k->root);
}

/* The initramfs may be freed: kinit is PID 1 on ramfs or tmpfs. */
static int check_initramfs(struct kinit *k)
{
	struct statfs sfs;

	if (getpid() != 1)
		return kinit_what(k, -EPERM, "not PID 1: refusing to delete /");
	if (statfs("/", &sfs))
		return kinit_what(k, -errno, "statfs /");
	if (sfs.f_type != RAMFS_MAGIC && sfs.f_type != TMPFS_MAGIC)
		return kinit_what(k, -EINVAL, "/ is not ramfs or tmpfs: refusing to delete it");
	return 0;
}

/**
 * check_new_root() - check everything switch_root() needs, change nothing
 * @k:	state: k->init is set to the init that will run, k->init_how to
 *	what the kernel will execute for it
 *
 * The prepare phase of the switch: kinit is PID 1 on ramfs or tmpfs; the
 * new root is another filesystem; its init (init=, else the first of the
 * kernel's list that can run, as the kernel chooses) is an executable the
 * kernel can run, its ELF or #! interpreters too, all looked up inside
 * the new root; the root has a /dev for kinit's /dev (the console) to
 * move to.  Any failure leaves the initramfs intact for the failure
 * action.
 *
 * Return: 0 or -errno, with k->what saying what is wrong.
 */
int check_new_root(struct kinit *k)
{
	struct init_found f;
	struct stat root, newroot;
	int ret;

	ret = check_initramfs(k);
	if (ret)
		return ret;
	if (stat("/", &root) || stat(NEWROOT, &newroot))
		return kinit_what(k, -errno, "stat %s", NEWROOT);
	if (root.st_dev == newroot.st_dev)
		return kinit_what(k, -EINVAL, "%s is not a mounted filesystem", NEWROOT);
	ret = choose_init(k, &f);
	if (ret)
		return ret;
	ksnprintf(k->init_how, sizeof(k->init_how), "%s", f.res[f.chosen].how);
	if (!f.dev_ok)
		return kinit_what(k, -ENOTDIR,
				  "/dev on %s is not a directory: the real init would have no /dev/console (create the directory)",
				  k->root);
	return 0;
}

/*
 * Delete the initramfs's files, not crossing into other filesystems
 * (/newroot, and /dev /proc /sys should they still be mounted).
 */
static void free_tree(int dirfd, dev_t rootdev)
{
	struct dir_reader dir;
	const char *name;
	struct stat st;

	dir_open_fd(&dir, dirfd);
	while ((name = dir_next(&dir))) {
		if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) || st.st_dev != rootdev)
			continue;
		if (S_ISDIR(st.st_mode)) {
			int sub = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

			if (sub >= 0)
				free_tree(sub, rootdev);
			unlinkat(dirfd, name, AT_REMOVEDIR);
		} else {
			unlinkat(dirfd, name, 0);
		}
	}
	dir_close(&dir);
}

/* Move /dev, /proc, /sys under the new root; kinit's /dev is the console. */
static int move_mounts(struct kinit *k)
{
	static const char *const dirs[] = { "/dev", "/proc", "/sys" };
	char target[64];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		ksnprintf(target, sizeof(target), NEWROOT "%s", dirs[i]);
		if (mount(dirs[i], target, NULL, MS_MOVE, NULL)) {
			error(k, "cannot move %s to the new root (%s): unmounting it",
			      dirs[i], errstr(errno));
			umount2(dirs[i], MNT_DETACH);
		}
	}
	return 0;
}

/* The new root's /dev/console as stdin, stdout and stderr of init. */
static void reopen_console(struct kinit *k)
{
	int fd = open("/dev/console", O_RDWR);

	if (fd < 0) {
		error(k, "switch-root: /dev/console on the new root: %s: init keeps kinit's console",
		      errstr(errno));
		return;
	}
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

/*
 * The kernel gave kinit what it would have given init: pass that on.
 * Only without it do the image's defaults ("-- args" in /etc/kinit/cmdline)
 * apply.  @argv has room for INIT_ARGS_MAX + 2 entries.
 */
static void init_argv(const struct kinit *k, char **argv)
{
	int i;

	argv[0] = (char *)k->init;
	if (k->argc > 1) {
		for (i = 1; i < k->argc && i <= INIT_ARGS_MAX; i++)
			argv[i] = k->argv[i];
		argv[i] = NULL;
	} else {
		for (i = 0; i < k->args.init_argc; i++)
			argv[i + 1] = k->args.init_argv[i];
		argv[i + 1] = NULL;
	}
}

/**
 * switch_dry_run() - say what switch_root() would do, and do none of it
 * @k:	state after check_new_root()
 *
 * For rd.break=dry-run, as busybox switch_root -n: every check has run.
 */
void switch_dry_run(const struct kinit *k)
{
	char *argv[INIT_ARGS_MAX + 2], line[512];
	size_t n = 0;
	int i;

	init_argv(k, argv);
	for (i = 0; argv[i] && n < sizeof(line); i++)
		n += ksnprintf(line + n, sizeof(line) - n, "%s%s", i ? " " : "", argv[i]);
	info(k, "dry-run: every check passed: would switch to %s on %s (%s, %s)", k->init,
	     k->root, k->fstype[0] ? k->fstype : "unknown type",
	     k->args.readonly == 0 ? "rw" : "ro");
	info(k, "dry-run: %s is %s", k->init, k->init_how);
	info(k, "dry-run: argv: %s", line);
	info(k, "dry-run: would move /dev /proc /sys to %s, free the initramfs and execute %s as PID 1",
	     NEWROOT, k->init);
}

/* A failure after the initramfs is gone: no shell, no retry. */
static void __attribute__((noreturn)) commit_failed(struct kinit *k, int err)
{
	boot_stop(k, "switch-root", err, "the initramfs is already freed; cannot retry");
}

/*
 * The commit phase: from here on nothing returns.  Order as busybox
 * switch_root explains: chdir into the new root (done by the caller),
 * move it over "/" (pivot_root cannot be used on rootfs), chroot to ".".
 */
static void __attribute__((noreturn)) commit(struct kinit *k, int rootfd, dev_t rootdev)
{
	char *argv[INIT_ARGS_MAX + 2];

	info(k, "switching to %s on %s after %lld ms in early userspace",
	     k->init, k->root, kinit_now_ms() - k->t0_ms);
	log_restore_ratelimit(k->log);
	move_mounts(k);
	free_tree(rootfd, rootdev);
	if (mount(".", "/", NULL, MS_MOVE, NULL))
		commit_failed(k, kinit_what(k, -errno, "move %s to /", NEWROOT));
	if (chroot(".") || chdir("/"))
		commit_failed(k, kinit_what(k, -errno, "chroot into the new root"));
	reopen_console(k);
	init_argv(k, argv);
	execve(k->init, argv, k->envp);
	commit_failed(k, kinit_what(k, -errno, "exec %s", k->init));
}

/**
 * switch_root() - make /newroot the root and execute its init
 * @k:	state after check_new_root()
 *
 * Takes what the commit needs (a handle on the initramfs, the new root as
 * current directory); a failure there changes nothing and is returned.
 * Then it commits: moves /dev /proc /sys, frees the initramfs, moves the
 * new root over "/" and executes init.  A failure in the commit is
 * reported and the configured stop action (reboot or halt) taken: the
 * initramfs, and the rescue shell with it, is gone.
 *
 * Return: only before the commit, -errno.
 */
int switch_root(struct kinit *k)
{
	struct stat root;
	int rootfd;

	if (stat("/", &root))
		return kinit_what(k, -errno, "stat /");
	rootfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		return kinit_what(k, -errno, "open / to free it");
	if (chdir(NEWROOT)) {
		close(rootfd);
		return kinit_what(k, -errno, "chdir %s", NEWROOT);
	}
	commit(k, rootfd, root.st_dev);
}
