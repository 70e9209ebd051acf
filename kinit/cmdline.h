/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmdline.h - the kernel command line as kinit understands it.
 * Parsing is pure: a string in, a struct out, no I/O (see cmdline.c).
 */
#ifndef KINIT_CMDLINE_H
#define KINIT_CMDLINE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "net/net.h"

#define CMDLINE_MAX		4096	/* longer command lines are rejected */
#define ROOT_VALUE_MAX		256
#define FSTYPE_MAX		128
#define ROOTFLAGS_MAX		256
#define INIT_PATH_MAX		256
#define INIT_ARGS_MAX		32	/* argv entries after "--", argv[0] excluded */
#define INIT_ARGBUF_MAX		1024

/* How root= names the device; the kernel's forms plus LABEL=/UUID=. */
enum root_kind {
	ROOT_NONE = 0,		/* no root= given */
	ROOT_PATH,		/* /dev/NAME, /dev/disk/by-.../X, /dev/VG/LV */
	ROOT_DEVNUM,		/* MAJ:MIN or hex dev_t */
	ROOT_LABEL,		/* LABEL=  (filesystem label) */
	ROOT_UUID,		/* UUID=   (filesystem UUID, lower-cased) */
	ROOT_PARTUUID,		/* PARTUUID=[/PARTNROFF=N] (lower-cased) */
	ROOT_PARTLABEL,		/* PARTLABEL= */
	ROOT_NFS,		/* /dev/nfs, nfs:, nfs4: (KINIT_NFS; struct net_args) */
};

/**
 * struct root_spec - a parsed device reference (root=, resume=, ...)
 * @kind:	which form was written
 * @value:	the path, label or canonical lower-case UUID text
 * @devnum:	for ROOT_DEVNUM
 * @partnroff:	for ROOT_PARTUUID with /PARTNROFF=, else 0
 */
struct root_spec {
	enum root_kind kind;
	char value[ROOT_VALUE_MAX];
	dev_t devnum;
	int partnroff;
};

#define STORAGE_LIST_MAX	8	/* rd.luks.uuid=, rd.lvm.vg=, ... each */
#define STORAGE_FEATURES	6	/* LUKS, LVM, md, resume, network, NFS: optional files */
#define ABSENT_OPT_MAX		32
#define STORAGE_UUID_MAX	40
#define STORAGE_NAME_MAX	128	/* a VG, VG/LV or dm name */
#define LUKS_KEY_MAX		256

/* rd.luks.options= words kinit passes on to cryptsetup */
enum luks_option {
	LUKS_OPT_DISCARD		= 1 << 0,	/* --allow-discards */
	LUKS_OPT_READONLY		= 1 << 1,	/* --readonly */
	LUKS_OPT_NO_READ_WORKQUEUE	= 1 << 2,
	LUKS_OPT_NO_WRITE_WORKQUEUE	= 1 << 3,
	LUKS_OPT_SAME_CPU_CRYPT		= 1 << 4,
	LUKS_OPT_SUBMIT_FROM_CRYPT_CPUS	= 1 << 5,
};

/**
 * struct storage_args - the storage layers' options
 * @luks:		rd.luks=
 * @luks_uuids:		entries used in @luks_uuid
 * @luks_names:		entries used in @luks_name_uuid and @luks_name
 * @luks_options:	rd.luks.options= as enum luks_option bits, -1 if not given
 * @luks_tries:		rd.luks.options=tries=N, -1 if not given
 * @luks_uuid:		rd.luks.uuid= (lower case, any "luks-" dropped)
 * @luks_name_uuid:	rd.luks.name=UUID=NAME: the UUID...
 * @luks_name:		...and the mapping name
 * @luks_key:		rd.luks.key= path in the image, "" if not given
 * @lvm:		rd.lvm=
 * @lvm_vgs:		entries used in @lvm_vg
 * @lvm_lvs:		entries used in @lvm_lv
 * @lvm_vg:		rd.lvm.vg=
 * @lvm_lv:		rd.lvm.lv= (VG/LV)
 * @md:			rd.md=
 * @md_uuids:		entries used in @md_uuid
 * @md_autodetect:	0 after raid=noautodetect, else -1
 * @md_uuid:		rd.md.uuid= as 32 lower-case hex digits
 * @resume_raw:		resume= as written
 * @resume:		resume= parsed
 * @noresume:		noresume seen
 *
 * rd.luks.*, rd.lvm.*, rd.md.*, raid=, resume=, noresume.  Lists
 * accumulate over occurrences, as dracut's do; the switches are -1 when
 * not given, 0 off, 1 on.
 */
struct storage_args {
	int luks;
	int luks_uuids, luks_names, luks_options, luks_tries;
	char luks_uuid[STORAGE_LIST_MAX][STORAGE_UUID_MAX];
	char luks_name_uuid[STORAGE_LIST_MAX][STORAGE_UUID_MAX];
	char luks_name[STORAGE_LIST_MAX][STORAGE_NAME_MAX];
	char luks_key[LUKS_KEY_MAX];
	int lvm, lvm_vgs, lvm_lvs;
	char lvm_vg[STORAGE_LIST_MAX][STORAGE_NAME_MAX];
	char lvm_lv[STORAGE_LIST_MAX][STORAGE_NAME_MAX];
	int md, md_uuids, md_autodetect;
	char md_uuid[STORAGE_LIST_MAX][STORAGE_UUID_MAX];
	char resume_raw[ROOT_VALUE_MAX];
	struct root_spec resume;
	int noresume;
};

enum rd_break {
	RD_BREAK_NONE = 0,
	RD_BREAK_PRE_MOUNT,	/* rd.break=pre-mount: shell before mounting root */
	RD_BREAK_PRE_PIVOT,	/* rd.break=pre-pivot (or bare rd.break): before switch_root */
	RD_BREAK_DRY_RUN,	/* rd.break=dry-run: every check of the switch, then stop */
};

/* rd.emergency=: what a failed boot ends in (dracut's names, and shell) */
enum rd_emergency {
	RD_EMERGENCY_NONE = 0,	/* not given: the Kconfig failure action */
	RD_EMERGENCY_REBOOT,
	RD_EMERGENCY_POWEROFF,	/* a halt where the kernel cannot power off */
	RD_EMERGENCY_HALT,
	RD_EMERGENCY_SHELL,	/* the rescue shell (rd.shell=0 still forbids it) */
};

/**
 * struct boot_args - everything kinit takes from the command line
 * @root_raw:	root= exactly as written
 * @root:	root= parsed
 * @rootfstype:	rootfstype=, a comma list; "" if not given
 * @rootflags:	rootflags=; "" if not given
 * @readonly:	1 ro, 0 rw, -1 not given
 * @rootwait:	rootwait= seconds; 0 a bare "rootwait" (for ever); -1 absent
 * @rootdelay:	rootdelay= seconds, -1 absent
 * @init:	init=, "" if not given
 * @init_argc:	words after "--"
 * @init_argv:	those words, pointing into @argbuf, NULL-terminated
 * @argbuf:	where the words after "--" are kept
 * @quiet:	"quiet" seen
 * @rd_break:	rd.break=: where to stop for a shell, or the dry run
 * @rd_shell:	rd.shell: shell on failure; -1 absent
 * @rd_emergency: rd.emergency=: the failure action, NONE if absent
 * @storage:	rd.luks.*, rd.lvm.*, rd.md.*, raid=, resume=
 * @net:	ip=, rd.neednet, nfsroot=, an NFS root= (KINIT_NET, KINIT_NFS)
 * @absent:	per storage feature this kinit lacks, the first option
 *		given for it
 *
 * Integers are -1 when the option was not given, so policy (defaults
 * from Kconfig) is applied in one place by the caller.
 */
struct boot_args {
	char root_raw[ROOT_VALUE_MAX];
	struct root_spec root;
	char rootfstype[FSTYPE_MAX];
	char rootflags[ROOTFLAGS_MAX];
	int readonly;
	int rootwait;
	int rootdelay;
	char init[INIT_PATH_MAX];
	int init_argc;
	char *init_argv[INIT_ARGS_MAX + 1];
	char argbuf[INIT_ARGBUF_MAX];
	int quiet;
	enum rd_break rd_break;
	int rd_shell;
	enum rd_emergency rd_emergency;
	struct storage_args storage;
	struct net_args net;
	char absent[STORAGE_FEATURES][ABSENT_OPT_MAX];
};

/* cmdline.c; each is documented at its definition, as the kernel does */
void boot_args_init(struct boot_args *args);
int cmdline_parse_more(struct boot_args *args, const char *line, char *err, size_t errlen);
int cmdline_parse(struct boot_args *args, const char *line, char *err, size_t errlen);
const char *cmdline_absent(const struct boot_args *args, size_t i, char *msg, size_t len);
int cmdline_ulong(const char *s, unsigned long max, unsigned long *out);
int root_spec_parse(struct root_spec *spec, const char *text, char *err, size_t errlen);

#endif /* KINIT_CMDLINE_H */
