/* SPDX-License-Identifier: GPL-2.0 */
/*
 * probe_all.h - probe.c with every prober file, whatever a kernel's
 * configuration would build: the unit test and the fuzz target check all
 * of them, and probe_all_built() says whether one is missing here.
 */
#ifndef KINIT_TEST_PROBE_ALL_H
#define KINIT_TEST_PROBE_ALL_H

#include "probe.c"
#include "probe_md.c"
#include "probe_lvm2.c"
#include "probe_luks.c"
#include "probe_vfat.c"
#include "probe_swap.c"
#include "probe_xfs.c"
#include "probe_ext.c"
#include "probe_iso9660.c"
#include "probe_squashfs.c"
#include "probe_btrfs.c"
#include "probe_f2fs.c"
#include "probe_erofs.c"
#include "probe_gpt.c"
#include "probe_mbr.c"

/* Is every prober in probe.c's table here? (A new one needs its #include.) */
static inline int probe_all_built(void)
{
	size_t i;

	for (i = 0; i < sizeof(probers) / sizeof(*probers); i++)
		if (!probers[i])
			return 0;
	return 1;
}

#endif /* KINIT_TEST_PROBE_ALL_H */
