/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kinit.h - the state kinit carries through the boot, and the steps.
 * There is one struct kinit, on main()'s stack, passed to every step.
 */
#ifndef KINIT_KINIT_H
#define KINIT_KINIT_H

#include <stddef.h>
#include <sys/types.h>

#include "cmdline.h"
#include "image.h"
#include "lib/compat.h"
#include "log.h"
#include "lib/util.h"
#include "probe/probe.h"

/* Options from Kconfig (kinit-config.h); defaults for host builds. */
#ifndef CONFIG_KINIT_ROOT
#define CONFIG_KINIT_ROOT ""
#endif
#ifndef CONFIG_KINIT_ROOTWAIT_TIMEOUT
#define CONFIG_KINIT_ROOTWAIT_TIMEOUT 30
#endif
#ifndef CONFIG_KINIT_FAILURE_DELAY
#define CONFIG_KINIT_FAILURE_DELAY 10
#endif
#ifndef CONFIG_KINIT_BUSYBOX
#define CONFIG_KINIT_BUSYBOX ""
#endif

#define NEWROOT		"/newroot"
#define PATH_MAX_KINIT	512

struct coldplug;

#define EXEC_HOW_MAX	160

/**
 * struct kinit - everything the boot steps share
 * @log:	where messages go (struct kinit_log, log.h); first, so that
 *		info(k, ...) costs no more than passing @k
 * @argc:	kinit's own argument count
 * @argv:	kinit's arguments: what the kernel gives init (words after
 *		"--" and words it does not know), passed on to the real init
 * @envp:	kinit's environment, passed on likewise
 * @args:	the parsed command line (image defaults, then /proc/cmdline)
 * @t0_ms:	CLOCK_MONOTONIC at start, for the times in log lines
 * @root:	the device the root was found on, e.g. "/dev/vda1"
 * @rootdev:	its device number
 * @fstype:	the type the root was mounted as
 * @keys_in_image: KINIT_KEYS_DIR holds a key (find_root looks once): the
 *		root is encrypted, as with rd.luks.uuid=
 * @init:	path of the init that will be executed on the new root
 * @init_how:	what the kernel will execute for it ("static ELF", ...)
 * @what:	set by a failing step: the object it failed on
 * @modules_failed: names of the modules that failed to load, for the
 *		find-root report ("" when none did)
 * @coldplug:	the modalias table coldplug.c loaded, NULL without one
 * @net:	what the network step configured (net.dev "" if nothing)
 * @nfs_opts:	an NFS root's mount options (nfsroot.c)
 * @shell_denied: the rescue shell's password was wrong too often: no more
 *		tries in this boot (auth/password.c)
 */
struct kinit {
	struct kinit_log *log;
	int argc;
	char **argv;
	char **envp;
	struct boot_args args;
	long long t0_ms;
	char root[NET_PATH_MAX + 32];	/* also an NFS "server:path" */
	dev_t rootdev;
	char fstype[PROBE_TYPE_MAX];
	int keys_in_image;
	char init[INIT_PATH_MAX];
	char init_how[EXEC_HOW_MAX];
	char what[320];
	char modules_failed[128];
	struct coldplug *coldplug;
	struct net_lease net;
	char nfs_opts[NET_OPTS_MAX + ROOTFLAGS_MAX + 64];
	int shell_denied;
};

/* kinit.c */
int kinit_what(struct kinit *k, int err, const char *fmt, ...) __printf(3, 4);

/* mounts.c */
int mount_early(struct kinit *k);
int read_cmdline(struct kinit *k);

/* rootdev.c */
int find_root(struct kinit *k);

/* bootloader.c: settings from a confined boot loader archive (KINIT_BOOTLOADER_SETTINGS) */
#ifdef CONFIG_KINIT_BOOTLOADER_SETTINGS
int bootloader_settings(struct kinit *k);
#else
static inline int bootloader_settings(struct kinit *k)
{
	(void)k;
	return 0;
}
#endif

/* modules.c: the load-modules step (the kernel has CONFIG_MODULES) */
#ifdef CONFIG_KINIT_MODULE_LOADER
int load_modules(struct kinit *k);
#else
static inline int load_modules(struct kinit *k)
{
	(void)k;
	return 0;
}
#endif

/* coldplug.c: modules for the devices there are (KINIT_MODULES_AUTOLOAD) */
#ifdef CONFIG_KINIT_MODULES_AUTOLOAD
int coldplug_devices(struct kinit *k);
void coldplug_uevent(struct kinit *k, const char *modalias);
#else
static inline int coldplug_devices(struct kinit *k)
{
	(void)k;
	return 0;
}
static inline void coldplug_uevent(struct kinit *k, const char *modalias)
{
	(void)k;
	(void)modalias;
}
#endif

/* net/: the network step, its record on the new root (KINIT_NET) */
#ifdef CONFIG_KINIT_NET
int net_up(struct kinit *k);
int net_record(struct kinit *k);
#else
static inline int net_up(struct kinit *k)
{
	(void)k;
	return 0;
}
static inline int net_record(struct kinit *k)
{
	(void)k;
	return 0;
}
#endif

/* net/nfsroot.c: find-root and mount-root for a root on NFS (KINIT_NFS) */
#ifdef CONFIG_KINIT_NFS
int nfs_find_root(struct kinit *k);
int nfs_mount_root(struct kinit *k);
#else
static inline int nfs_find_root(struct kinit *k)
{
	return kinit_what(k, -EINVAL, "root on NFS without CONFIG_KINIT_NFS");
}
static inline int nfs_mount_root(struct kinit *k)
{
	return nfs_find_root(k);
}
#endif

/* blkdev.c: the block devices the kernel has, identified */
struct blkdev {
	char name[32];		/* "vda1" */
	dev_t devnum;
	int partition;		/* partition number, 0 for a whole disk */
	char disk[32];		/* the whole disk's name for a partition */
	struct probe_result id;
	int probed;		/* 0 not yet, 1 done, -errno failed */
	char partuuid[PROBE_UUID_MAX];
	char partlabel[PART_NAME_MAX];
	int stacked;		/* storage: a layer above was tried (stack.c) */
	int passed_over;	/* rootdev.c: said why it is not the root */
};

/*
 * The table takes every device there is: a stick with a 128-entry GPT must
 * not push the root out.  The bound only stops a flood of devices from
 * taking all memory (a thousand entries are some 400 KiB, mapped at once,
 * backed as they are used); a device beyond it is logged, never dropped
 * silently.
 */
#define BLKDEV_MAX	1024

/**
 * struct blkdevs - the block devices seen so far
 * @dev:	one entry per device, in the order they appeared (mapped
 *		by the first blkdev_add(); blkdev_free() unmaps it)
 * @count:	entries used
 * @size:	entries there is room for: BLKDEV_MAX once mapped
 * @log:	where a device that does not fit is reported (may be NULL)
 * @overflow:	a device did not fit (and was reported)
 */
struct blkdevs {
	struct blkdev *dev;
	int count;
	int size;
	struct kinit_log *log;
	int overflow;
};

int blkdev_scan(struct blkdevs *set);
int blkdev_add(struct blkdevs *set, const char *name);
void blkdev_free(struct blkdevs *set);
int blkdev_identify(struct blkdev *d, const struct blkdevs *set);
int blkdev_link(const struct blkdev *d);
int blkdev_matches(const struct blkdev *d, const struct root_spec *spec,
		   const struct blkdevs *set);
int blkdev_related(const struct blkdev *a, const struct blkdev *b);
int blkdev_on_crypt(const char *name, int depth);
int blkdev_unique(const struct blkdevs *set, const int *match, int n);

/* mounts.c */
int mount_root(struct kinit *k);

/**
 * struct exec_check - exec_check()'s answer
 * @how:	what the kernel will execute: "static ELF", "ELF using
 *		/lib64/ld-linux-x86-64.so.2", "#! /bin/sh: static ELF"
 * @why:	on failure, what is wrong ("#! interpreter /bin/bash")
 */
struct exec_check {
	char how[EXEC_HOW_MAX];
	char why[160];
};

/* exec_check.c: would execve() run this program? */
int exec_check(const char *path, struct exec_check *res);

/* switch_root.c: the prepare phase, a report of it, the commit */
int check_new_root(struct kinit *k);
void switch_dry_run(const struct kinit *k);
int switch_root(struct kinit *k);

/* failure.c: the one death path */
void boot_failed(struct kinit *k, const char *step, int err);
void boot_stop(struct kinit *k, const char *step, int err, const char *why)
	__attribute__((noreturn));

/* shell.c: the rescue shell, as the shell policy allows */
int run_shell(struct kinit *k, const char *why, const char *then);

/* auth/password.c: the password KINIT_SHELL_PASSWORD asks for */
int shell_password(struct kinit *k, const char *why);

#endif /* KINIT_KINIT_H */
