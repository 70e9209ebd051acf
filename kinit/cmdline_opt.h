/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmdline_opt.h - what cmdline.c and the storage options' files
 * (cmdline_luks.c, cmdline_lvm.c, cmdline_md.c, cmdline_resume.c) share:
 * option tables and the value checkers.  A feature's options are parsed
 * only where the feature is built (kinit.mk); cmdline.c says when one is
 * given to a kinit without it.
 */
#ifndef KINIT_CMDLINE_OPT_H
#define KINIT_CMDLINE_OPT_H

#include <stddef.h>

#include "cmdline.h"
#include "lib/compat.h"
#include "lib/kconfig.h"
#include "lib/util.h"

enum opt_arg {
	ARG_NONE,		/* bare word only: "ro", sets @flag to @value */
	ARG_REQUIRED,		/* word=value only: "root=..." */
	ARG_OPTIONAL,		/* either: "rootwait", "rootwait=30" */
};

/*
 * One of kinit's own options: @set parses a value; a bare flag instead
 * stores @value in the int at offset @flag of struct boot_args.  The
 * handlers only store values; on error they say in @why what is wrong,
 * and the caller quotes the word.  @val is NULL for a bare word.
 */
struct cmdline_opt {
	const char *name;
	int (*set)(struct boot_args *a, const char *val, char *why, size_t wl);
	unsigned short flag;	/* struct boot_args is smaller than 64 KiB */
	signed char value;
	unsigned char arg;	/* enum opt_arg */
};

#define FLAG(f, v)	.flag = offsetof(struct boot_args, f), .value = (v)

/**
 * struct cmdline_feature - the options of one storage feature
 * @opts:	its options
 * @count:	how many
 * @root:	NULL, or a root= form of its own: 1 when it took @val, 0
 *		when @val is not its form, -errno with @why set
 */
struct cmdline_feature {
	const struct cmdline_opt *opts;
	size_t count;
	int (*root)(struct boot_args *a, const char *val, char *why, size_t wl);
};

/*
 * One per cmdline_*.c file, built with its feature's option.  cmdline.c's
 * table names each under its option, so an option set without its file
 * fails the link; FEATURE_OPTION() in the file makes the file built
 * without its option fail to compile.
 */
#define FEATURE_OPTION(opt)						\
	_Static_assert(IS_ENABLED(CONFIG_KINIT_##opt),			\
		       "built without CONFIG_KINIT_" #opt			\
		       ": kinit.mk and cmdline.c disagree")

extern const struct cmdline_feature cmdline_luks;
extern const struct cmdline_feature cmdline_lvm;
extern const struct cmdline_feature cmdline_md;
extern const struct cmdline_feature cmdline_resume;
extern const struct cmdline_feature cmdline_net;
extern const struct cmdline_feature cmdline_nfs;

/* Filesystem UUIDs: 8-4-4-4-12, vfat's XXXX-XXXX, iso9660's date. */
extern const unsigned char cmdline_uuid_forms[3][8];

/* cmdline.c: the checkers, each linked only if an option built uses it */
void cmdline_seterr(char *err, size_t errlen, const char *fmt, ...) __printf(3, 4);
int cmdline_copy(char *dst, size_t size, const char *src);
int cmdline_hex_val(char c);
int cmdline_hex_groups(const char *s, size_t len, const unsigned char *w);
int cmdline_set_uuid(struct root_spec *spec, const char *s, size_t len,
		     const unsigned char forms[][8], size_t n);
int cmdline_root_spec(struct root_spec *spec, const char *text, char *why,
		      size_t wl);
int cmdline_switch(int *dst, const char *val, char *why, size_t wl);
int cmdline_list_room(int count, char *why, size_t wl);
int cmdline_dm_name_ok(const char *s, int slash);

#endif /* KINIT_CMDLINE_OPT_H */
