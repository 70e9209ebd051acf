/* SPDX-License-Identifier: GPL-2.0 */
/*
 * initrd_confine.h - kinitramfs' change to init/initramfs.c: with
 * CONFIG_KINIT_BOOTLOADER_SETTINGS the archive the boot loader passes is
 * unpacked with its own directory as the root, so that it cannot replace
 * a file of the image embedded in the (maybe signed) kernel.
 *
 * scripts/kinitramfs-overlay includes this file in init/initramfs.c
 * before do_populate_rootfs() and puts kinitramfs_confine() and
 * kinitramfs_unconfine() around the unpack_to_rootfs() of the boot
 * loader's archive (each added line ends with a kinitramfs comment).
 * Without the option both are empty.
 */
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/namei.h>
#include <linux/path.h>
#include <linux/sched.h>
#include <linux/sched/task.h>

#include "../kinit/image.h"

/* the unpacker's fs_struct while it runs confined; the unpacker's own globals are __initdata too */
static struct fs_struct *kinitramfs_saved_fs __initdata;

/**
 * kinitramfs_confine() - make KINIT_BOOTLOADER_DIR the unpacker's root
 *
 * The unpacker resolves every name of the archive (files, directories,
 * hard link targets, what a symlink it made points to) against the
 * task's root and working directory.  With both set to a fresh
 * directory, "/init", "../init" or a symlink to "/" all stay inside it.
 * The task gets an fs_struct of its own for that: the one it has is
 * shared with PID 1 and every kernel thread, whose root must not move.
 * Failing to confine the archive panics rather than unpack it over the
 * image.
 */
static void __init kinitramfs_confine(void)
{
	struct fs_struct *fs;
	struct path dir;
	int err;

	if (!IS_ENABLED(CONFIG_KINIT_BOOTLOADER_SETTINGS))
		return;
	err = init_mkdir(KINIT_BOOTLOADER_DIR, 0700);
	if (err && err != -EEXIST)
		goto fail;
	/* no LOOKUP_FOLLOW: a symlink there is not a directory */
	err = kern_path(KINIT_BOOTLOADER_DIR, LOOKUP_DIRECTORY, &dir);
	if (err)
		goto fail;
	fs = copy_fs_struct(current->fs);
	if (!fs) {
		path_put(&dir);
		err = -ENOMEM;
		goto fail;
	}
	set_fs_root(fs, &dir);
	set_fs_pwd(fs, &dir);
	path_put(&dir);
	task_lock(current);
	kinitramfs_saved_fs = current->fs;
	current->fs = fs;
	task_unlock(current);
	pr_info("kinitramfs: unpacking the boot loader's archive into %s\n",
		KINIT_BOOTLOADER_DIR);
	return;
fail:
	panic("kinitramfs: cannot confine the boot loader's archive to %s: %d\n",
	      KINIT_BOOTLOADER_DIR, err);
}

/* Give the unpacker its own root back. */
static void __init kinitramfs_unconfine(void)
{
	struct fs_struct *fs;

	if (!kinitramfs_saved_fs)
		return;
	task_lock(current);
	fs = current->fs;
	current->fs = kinitramfs_saved_fs;
	task_unlock(current);
	kinitramfs_saved_fs = NULL;
	free_fs_struct(fs);
}
