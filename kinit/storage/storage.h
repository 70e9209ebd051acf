/* SPDX-License-Identifier: GPL-2.0 */
/*
 * storage.h - the layers a root can sit under (LUKS, LVM, md) and resume.
 * Each layer is an optional file; when it is off, its stub here does nothing.
 */
#ifndef KINIT_STORAGE_H
#define KINIT_STORAGE_H

#include "kinit.h"

#define STACK_PASSES_MAX	8	/* layers activated for one device, at most */
#define STACK_POLL_MS		500	/* look again this often while layers wait */
#define MD_DEGRADED_WAIT_MS	5000	/* then start incomplete arrays degraded */
#define CRYPT_TRIES		3	/* passphrase attempts per volume */
#define PASSPHRASE_MAX		512
#define STACK_RUN_DIR		"/run"
#define STACK_TOOL_TIMEOUT_MS	120000	/* a storage tool still running is killed */

/**
 * struct stack - what the layer activation remembers during one search
 * @passes:	activations done, bounded by STACK_PASSES_MAX per device
 * @md_first_ms: when the first md member went to mdadm, 0 if none did
 * @md_degraded: incomplete arrays were started degraded already
 * @md_autorun:	RAID_AUTORUN was issued already
 * @lvm_done:	number of PVs handed to lvm the last time it ran
 */
struct stack {
	int passes;
	long long md_first_ms;
	int md_degraded;
	int md_autorun;
	int lvm_done;
};

#ifdef CONFIG_KINIT_STACK
/* stack.c */
int stack_activate(struct kinit *k, struct stack *st, struct blkdevs *set);
int stack_run(const struct kinit *k, const char *const argv[],
	      const char *input, size_t len);
int stack_run_for(const struct kinit *k, const char *const argv[],
		  const char *input, size_t len, long long timeout_ms);
int stack_in_use(const struct blkdev *d);
void stack_link_dm(void);
#define STACK_POLL_CAP	STACK_POLL_MS
#else
static inline int stack_activate(struct kinit *k, struct stack *st,
				 struct blkdevs *set)
{
	(void)k;
	(void)st;
	(void)set;
	return 0;
}
#define STACK_POLL_CAP	0x7fffffff
#endif

/* crypt.c: 1 when the volume was unlocked, 0 when it is not wanted, -errno */
#ifdef CONFIG_KINIT_CRYPT
int crypt_unlock(struct kinit *k, const struct blkdev *d);
#else
static inline int crypt_unlock(struct kinit *k, const struct blkdev *d)
{
	(void)k;
	(void)d;
	return 0;
}
#endif

/* lvm.c: 1 when lvm ran, 0 when LVM is not wanted, -errno */
#ifdef CONFIG_KINIT_LVM
int lvm_activate(struct kinit *k);
#else
static inline int lvm_activate(struct kinit *k)
{
	(void)k;
	return 0;
}
#endif

/* md.c: the kernel's autodetect of 0.90 arrays; 1 when it ran */
#ifdef CONFIG_KINIT_MD
int md_autorun(struct kinit *k, struct stack *st);
int md_wanted(const struct kinit *k, const struct blkdev *d);
#else
static inline int md_autorun(struct kinit *k, struct stack *st)
{
	(void)k;
	(void)st;
	return 0;
}
static inline int md_wanted(const struct kinit *k, const struct blkdev *d)
{
	(void)k;
	(void)d;
	return 0;
}
#endif

/* mdadm.c: incremental assembly of 1.x (and 0.90) members */
#ifdef CONFIG_KINIT_MDADM
int mdadm_add(struct kinit *k, struct stack *st, const struct blkdev *d);
int mdadm_run_degraded(struct kinit *k, struct stack *st);
#else
static inline int mdadm_add(struct kinit *k, struct stack *st,
			    const struct blkdev *d)
{
	(void)k;
	(void)st;
	(void)d;
	return 0;
}
static inline int mdadm_run_degraded(struct kinit *k, struct stack *st)
{
	(void)k;
	(void)st;
	return 0;
}
#endif

/* resume.c: the resume step, before the root is looked for */
#ifdef CONFIG_KINIT_RESUME
int resume_check(struct kinit *k);
#else
static inline int resume_check(struct kinit *k)
{
	(void)k;
	return 0;
}
#endif

#endif /* KINIT_STORAGE_H */
