/* SPDX-License-Identifier: GPL-2.0 */
/*
 * probe_all.h - probe.c with every prober file, whatever a kernel's
 * configuration would build: the unit test and the fuzz target check all
 * of them, and probe_all_built() says whether one is missing here.
 */
#ifndef KINIT_TEST_PROBE_ALL_H
#define KINIT_TEST_PROBE_ALL_H

/* the options that build these files (kinit.mk) */
#define CONFIG_KINIT_PROBE_MD 1
#define CONFIG_KINIT_PROBE_LVM2 1
#define CONFIG_KINIT_PROBE_LUKS 1
#define CONFIG_KINIT_PROBE_VFAT 1
#define CONFIG_KINIT_PROBE_SWAP 1
#define CONFIG_KINIT_PROBE_XFS 1
#define CONFIG_KINIT_PROBE_EXT 1
#define CONFIG_KINIT_PROBE_ISO9660 1
#define CONFIG_KINIT_PROBE_SQUASHFS 1
#define CONFIG_KINIT_PROBE_BTRFS 1
#define CONFIG_KINIT_PROBE_F2FS 1
#define CONFIG_KINIT_PROBE_EROFS 1
#define CONFIG_KINIT_PROBE_GPT 1
#define CONFIG_KINIT_PROBE_MBR 1

#include "probe/probe.c"
#include "probe/probe_md.c"
#include "probe/probe_lvm2.c"
#include "probe/probe_luks.c"
#include "probe/probe_vfat.c"
#include "probe/probe_swap.c"
#include "probe/probe_xfs.c"
#include "probe/probe_ext.c"
#include "probe/probe_iso9660.c"
#include "probe/probe_squashfs.c"
#include "probe/probe_btrfs.c"
#include "probe/probe_f2fs.c"
#include "probe/probe_erofs.c"
#include "probe/probe_gpt.c"
#include "probe/probe_mbr.c"

/* Is every prober in probe.c's table here? (A new one needs its #include.) */
static inline int probe_all_built(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(probers); i++)
		if (!probers[i])
			return 0;
	return 1;
}

#endif /* KINIT_TEST_PROBE_ALL_H */
