/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmdline_all.h - cmdline.c with every storage feature's options, whatever
 * a kernel's configuration would build: the unit test and the fuzz target
 * parse them all (cmdline_absent_test.c parses without any).
 */
#ifndef KINIT_TEST_CMDLINE_ALL_H
#define KINIT_TEST_CMDLINE_ALL_H

/* the options that build these files (kinit.mk) */
#define CONFIG_KINIT_CRYPT 1
#define CONFIG_KINIT_LVM 1
#define CONFIG_KINIT_MD 1
#define CONFIG_KINIT_RESUME 1
#define CONFIG_KINIT_NET 1
#define CONFIG_KINIT_NFS 1

#include "cmdline.c"
#include "storage/cmdline_luks.c"
#include "storage/cmdline_lvm.c"
#include "storage/cmdline_md.c"
#include "storage/cmdline_resume.c"
#include "net/cmdline_net.c"
#include "net/cmdline_nfs.c"

#endif /* KINIT_TEST_CMDLINE_ALL_H */
