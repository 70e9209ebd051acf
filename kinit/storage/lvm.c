// SPDX-License-Identifier: GPL-2.0
/*
 * lvm.c - activate LVM logical volumes with the lvm tool, without udev:
 * every volume group found, or those rd.lvm.vg=/rd.lvm.lv= name.
 */
#include <errno.h>
#include <string.h>

#include "storage/storage.h"

#ifndef CONFIG_KINIT_LVM_BINARY
#define CONFIG_KINIT_LVM_BINARY "/sbin/lvm"
#endif

/*
 * No udev to wait for or to create nodes (libdevmapper makes them),
 * no lvmetad or lvmpolld, no monitoring daemon, no backups written.
 */
#define LVM_CONFIG \
	"devices { obtain_device_list_from_udev = 0 external_device_info_source = \"none\" } " \
	"activation { udev_sync = 0 udev_rules = 0 monitoring = 0 } " \
	"global { use_lvmpolld = 0 locking_dir = \"" STACK_RUN_DIR "/lock/lvm\" } " \
	"backup { backup = 0 archive = 0 }"

#define LVM_ARGS_MAX	(8 + STORAGE_LIST_MAX)

/**
 * lvm_activate() - activate the logical volumes the options ask for
 * @k:	state and options
 *
 * "lvm vgchange -ay --sysinit" for all volume groups (or those of
 * rd.lvm.vg=), "lvm lvchange -ay --sysinit VG/LV" for rd.lvm.lv=.  A
 * volume group whose physical volumes are not all there yet is left for
 * a later call, when more appear.
 *
 * Return: 1 when lvm ran and succeeded, 0 when LVM is switched off or
 * lvm failed (it said why on the console).
 */
int lvm_activate(struct kinit *k)
{
	const struct storage_args *s = &k->args.storage;
	const char *argv[LVM_ARGS_MAX];
	int i, n = 0, ret;

	if (s->lvm == 0)
		return 0;
	argv[n++] = CONFIG_KINIT_LVM_BINARY;
	argv[n++] = s->lvm_lvs ? "lvchange" : "vgchange";
	argv[n++] = "-ay";
	argv[n++] = "--sysinit";
	argv[n++] = "--config";
	argv[n++] = LVM_CONFIG;
	for (i = 0; i < s->lvm_lvs; i++)
		argv[n++] = s->lvm_lv[i];
	for (i = 0; !s->lvm_lvs && i < s->lvm_vgs; i++)
		argv[n++] = s->lvm_vg[i];
	argv[n] = NULL;
	info(k, "lvm: activating %s", s->lvm_lvs ? "rd.lvm.lv= volumes" :
	     s->lvm_vgs ? "rd.lvm.vg= groups" : "every volume group");
	ret = stack_run(k, argv, NULL, 0);
	if (ret) {
		error(k, "lvm: %s %s exited with status %d", argv[0], argv[1], ret);
		return 0;
	}
	return 1;
}
