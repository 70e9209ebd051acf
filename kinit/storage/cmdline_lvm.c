// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_lvm.c - rd.lvm=, rd.lvm.vg= and rd.lvm.lv=: which volume groups
 * and logical volumes lvm.c activates.  Built with KINIT_LVM.
 */
#include <errno.h>
#include <string.h>

#include "cmdline_opt.h"

static int opt_rd_lvm(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return cmdline_switch(&a->storage.lvm, val, why, wl);
}

static int opt_lvm_vg(struct boot_args *a, const char *val, char *why, size_t wl)
{
	struct storage_args *s = &a->storage;
	int ret = cmdline_list_room(s->lvm_vgs, why, wl);

	if (ret)
		return ret;
	if (!cmdline_dm_name_ok(val, 0) || strlen(val) >= STORAGE_NAME_MAX) {
		cmdline_seterr(why, wl, "not a volume group name ([A-Za-z0-9+_.-])");
		return -EINVAL;
	}
	strcpy(s->lvm_vg[s->lvm_vgs++], val);
	return 0;
}

static int opt_lvm_lv(struct boot_args *a, const char *val, char *why, size_t wl)
{
	struct storage_args *s = &a->storage;
	const char *slash = strchr(val, '/');
	int ret = cmdline_list_room(s->lvm_lvs, why, wl);

	if (ret)
		return ret;
	if (!cmdline_dm_name_ok(val, 1) || !slash || slash == val || !slash[1] ||
	    strchr(slash + 1, '/') || strlen(val) >= STORAGE_NAME_MAX) {
		cmdline_seterr(why, wl, "want VG/LV");
		return -EINVAL;
	}
	strcpy(s->lvm_lv[s->lvm_lvs++], val);
	return 0;
}

static const struct cmdline_opt lvm_opts[] = {
	{ .name = "rd.lvm",	.arg = ARG_REQUIRED,	.set = opt_rd_lvm },
	{ .name = "rd.lvm.vg",	.arg = ARG_REQUIRED,	.set = opt_lvm_vg },
	{ .name = "rd.lvm.lv",	.arg = ARG_REQUIRED,	.set = opt_lvm_lv },
};

FEATURE_OPTION(LVM);

const struct cmdline_feature cmdline_lvm = {
	.opts = lvm_opts,
	.count = ARRAY_SIZE(lvm_opts),
};
