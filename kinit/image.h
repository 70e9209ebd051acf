/* SPDX-License-Identifier: GPL-2.0 */
/*
 * image.h - the contract between the image and kinit: where the generator
 * (usr/kinit_gen) puts what kinit reads at boot, and the rules both apply
 * to module names.  Included by kinit/ and usr/; the one place to change.
 * A boot loader archive may add or replace these files, so kinit checks
 * them as untrusted input all the same.
 */
#ifndef KINIT_IMAGE_H
#define KINIT_IMAGE_H

/* kinit's own directory in the image, and what it holds */
#define KINIT_ETC_DIR		"/etc/kinit"
#define KINIT_CMDLINE_NAME	"cmdline"	/* default arguments (KINIT_CMDLINE) */
#define KINIT_CMDLINE_FILE	KINIT_ETC_DIR "/" KINIT_CMDLINE_NAME
#define KINIT_MODULES_D		KINIT_ETC_DIR "/modules.d"	/* NAME.load, added */
#define KINIT_LOAD_EXT		".load"
#define KINIT_MODPROBE_CONF	KINIT_ETC_DIR "/modprobe.conf"
#define KINIT_KEYS_DIR		KINIT_ETC_DIR "/keys"	/* LUKS keys: UUID, default */
#define KINIT_KEY_DEFAULT	"default"

/*
 * KINIT_BOOTLOADER_SETTINGS: the kernel unpacks a boot loader archive
 * here, as its root (kernel/initrd_confine.h); kinit takes the settings
 * files out of it (kinit/bootloader.c) and removes it.
 */
#define KINIT_BOOTLOADER_DIR	"/bootloader-archive"

/* modules: /lib/modules/<release>/, with the lists the generator writes */
#define KINIT_MODULES_DIR	"/lib/modules"
#define KINIT_LOAD_FILE		"kinit.load"	/* every module, dependencies first */
#define KINIT_ALIAS_FILE	"kinit.alias"	/* "alias PATTERN PATH", coldplug's */

/*
 * A module's name is its file name without one of these endings, '-'
 * read as '_' (as the kernel does), at most the kernel's
 * MODULE_NAME_LEN - 1 bytes.  The kernel decompresses .gz/.xz/.zst
 * itself (finit_module's MODULE_INIT_COMPRESSED_FILE).
 */
#define KINIT_MODULE_EXTS	".ko", ".ko.gz", ".ko.xz", ".ko.zst"
#define KINIT_MODNAME_MAX	56

/* the rescue shell and its applets (KINIT_BUSYBOX) */
#define KINIT_BUSYBOX_PATH	"/bin/busybox"

/* mdadm's own configuration, where mdadm looks for it (KINIT_MDADM_CONF) */
#define KINIT_MDADM_CONF	"/etc/mdadm/mdadm.conf"

#endif /* KINIT_IMAGE_H */
