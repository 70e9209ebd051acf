// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_test.c - host unit tests for kinit/cmdline.c: every option,
 * every root= form, quoting, "--" arguments and every rejection path.
 */
#include "cmdline_all.h"

#include <limits.h>
#include <sys/sysmacros.h>

#include "ktap.h"

#define ERRLEN	512

/* A check returns NULL when @a is as expected, else the failed condition. */
#define EXPECT(c)	do { if (!(c)) return #c; } while (0)

struct cmdline_case {
	const char *name;
	const char *line;
	int ret;
	const char *(*check)(const struct boot_args *a);
	const char *err_is;		/* exact message, or */
	const char *err_has;		/* a part of it, usually the quoted word */
};

static const char *c_defaults(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_NONE);
	EXPECT(!a->root_raw[0] && !a->rootfstype[0] && !a->rootflags[0] && !a->init[0]);
	EXPECT(a->readonly == -1 && a->rootwait == -1 && a->rootdelay == -1);
	EXPECT(a->rd_shell == -1 && a->rd_break == RD_BREAK_NONE && !a->quiet);
	EXPECT(a->rd_emergency == RD_EMERGENCY_NONE);
	EXPECT(a->init_argc == 0 && !a->init_argv[0]);
	return NULL;
}

static const char *c_typical(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_PATH);
	EXPECT(!strcmp(a->root.value, "/dev/vda1"));
	EXPECT(!strcmp(a->root_raw, "/dev/vda1"));
	EXPECT(a->readonly == 1 && a->quiet == 1);
	EXPECT(a->rootwait == -1 && a->init_argc == 0);
	return NULL;
}

static const char *c_root_uuid(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_UUID);
	EXPECT(!strcmp(a->root.value, "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"));
	EXPECT(!strcmp(a->root_raw, "UUID=0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D"));
	return NULL;
}

static const char *c_fstype(const struct boot_args *a)
{
	EXPECT(!strcmp(a->rootfstype, "ext4,xfs,fuse.sshfs,9p,f2fs_x-y"));
	return NULL;
}

static const char *c_flags(const struct boot_args *a)
{
	EXPECT(!strcmp(a->rootflags, "data=journal,noatime"));
	return NULL;
}

static const char *c_flags_empty(const struct boot_args *a)
{
	EXPECT(!a->rootflags[0]);
	return NULL;
}

static const char *c_rw(const struct boot_args *a)
{
	EXPECT(a->readonly == 0);
	return NULL;
}

static const char *c_ro(const struct boot_args *a)
{
	EXPECT(a->readonly == 1);
	return NULL;
}

static const char *c_rootwait_bare(const struct boot_args *a)
{
	EXPECT(a->rootwait == 0 && a->rootdelay == -1);
	return NULL;
}

static const char *c_rootwait_30(const struct boot_args *a)
{
	EXPECT(a->rootwait == 30);
	return NULL;
}

static const char *c_rootwait_max(const struct boot_args *a)
{
	EXPECT(a->rootwait == 86400);
	return NULL;
}

static const char *c_rootdelay_0(const struct boot_args *a)
{
	EXPECT(a->rootdelay == 0 && a->rootwait == -1);
	return NULL;
}

static const char *c_rootdelay_5(const struct boot_args *a)
{
	EXPECT(a->rootdelay == 5);
	return NULL;
}

static const char *c_init(const struct boot_args *a)
{
	EXPECT(!strcmp(a->init, "/sbin/init"));
	return NULL;
}

static const char *c_init_spaces(const struct boot_args *a)
{
	EXPECT(!strcmp(a->init, "/sbin/my init"));
	EXPECT(!strcmp(a->rootflags, "a b"));
	EXPECT(a->quiet == 1);
	return NULL;
}

static const char *c_break_pivot(const struct boot_args *a)
{
	EXPECT(a->rd_break == RD_BREAK_PRE_PIVOT);
	return NULL;
}

static const char *c_break_mount(const struct boot_args *a)
{
	EXPECT(a->rd_break == RD_BREAK_PRE_MOUNT);
	return NULL;
}

static const char *c_break_dry_run(const struct boot_args *a)
{
	EXPECT(a->rd_break == RD_BREAK_DRY_RUN);
	return NULL;
}

static const char *c_shell_1(const struct boot_args *a)
{
	EXPECT(a->rd_shell == 1);
	return NULL;
}

static const char *c_shell_0(const struct boot_args *a)
{
	EXPECT(a->rd_shell == 0);
	return NULL;
}

static const char *c_emergency_reboot(const struct boot_args *a)
{
	EXPECT(a->rd_emergency == RD_EMERGENCY_REBOOT);
	return NULL;
}

static const char *c_emergency_poweroff(const struct boot_args *a)
{
	EXPECT(a->rd_emergency == RD_EMERGENCY_POWEROFF);
	return NULL;
}

static const char *c_emergency_halt(const struct boot_args *a)
{
	EXPECT(a->rd_emergency == RD_EMERGENCY_HALT);
	return NULL;
}

static const char *c_emergency_shell(const struct boot_args *a)
{
	EXPECT(a->rd_emergency == RD_EMERGENCY_SHELL && a->rd_shell == -1);
	return NULL;
}

static const char *c_quiet(const struct boot_args *a)
{
	EXPECT(a->quiet == 1);
	return NULL;
}

static const char *c_whole_quoted(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_PATH && !strcmp(a->root.value, "/dev/vda1"));
	EXPECT(a->readonly == 0);
	return NULL;
}

static const char *c_label_spaces(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_LABEL && !strcmp(a->root.value, "my root"));
	return NULL;
}

static const char *c_init_args(const struct boot_args *a)
{
	int i;

	EXPECT(a->readonly == 1);
	EXPECT(a->init_argc == 4);
	EXPECT(!strcmp(a->init_argv[0], "single"));
	EXPECT(!strcmp(a->init_argv[1], "foo=bar"));
	EXPECT(!strcmp(a->init_argv[2], "a b"));
	EXPECT(!strcmp(a->init_argv[3], "x=c d"));
	EXPECT(a->init_argv[4] == NULL);
	for (i = 0; i < a->init_argc; i++)
		EXPECT(a->init_argv[i] >= a->argbuf &&
		       a->init_argv[i] < a->argbuf + sizeof(a->argbuf));
	return NULL;
}

static const char *c_after_dashes_not_ours(const struct boot_args *a)
{
	EXPECT(a->readonly == -1 && a->root.kind == ROOT_NONE);
	EXPECT(a->init_argc == 3);
	EXPECT(!strcmp(a->init_argv[0], "rw"));
	EXPECT(!strcmp(a->init_argv[1], "root=garbage"));
	EXPECT(!strcmp(a->init_argv[2], "--"));
	return NULL;
}

static const char *c_dashes_at_end(const struct boot_args *a)
{
	EXPECT(a->quiet == 1 && a->init_argc == 0 && !a->init_argv[0]);
	return NULL;
}

static const char *c_dashes_with_value(const struct boot_args *a)
{
	EXPECT(a->init_argc == 0 && a->readonly == 1);
	return NULL;
}

static const char *c_root_last(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_LABEL && !strcmp(a->root.value, "second"));
	EXPECT(!strcmp(a->root_raw, "LABEL=second"));
	EXPECT(a->rootwait == 7 && a->rd_break == RD_BREAK_PRE_MOUNT);
	EXPECT(!strcmp(a->init, "/bin/sh"));
	return NULL;
}

static const char *c_unknown(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_DEVNUM);
	EXPECT(major(a->root.devnum) == 8 && minor(a->root.devnum) == 1);
	EXPECT(a->readonly == -1 && !a->quiet);
	return NULL;
}

static const char *c_reset(const struct boot_args *a)
{
	return c_defaults(a);
}

static const char *c_storage_defaults(const struct boot_args *a)
{
	const struct storage_args *s = &a->storage;

	EXPECT(s->luks == -1 && s->lvm == -1 && s->md == -1 && s->md_autodetect == -1);
	EXPECT(s->luks_options == -1 && s->luks_tries == -1 && !s->luks_key[0]);
	EXPECT(!s->luks_uuids && !s->luks_names && !s->lvm_vgs && !s->lvm_lvs && !s->md_uuids);
	EXPECT(s->resume.kind == ROOT_NONE && !s->noresume);
	return NULL;
}

static const char *c_luks(const struct boot_args *a)
{
	const struct storage_args *s = &a->storage;

	EXPECT(s->luks == 1 && s->luks_uuids == 2);
	EXPECT(!strcmp(s->luks_uuid[0], "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"));
	EXPECT(!strcmp(s->luks_uuid[1], "11111111-2222-3333-4444-555555555555"));
	EXPECT(s->luks_names == 1 && !strcmp(s->luks_name[0], "cryptroot"));
	EXPECT(!strcmp(s->luks_name_uuid[0], "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"));
	EXPECT(!strcmp(s->luks_key, "/etc/kinit/keys/root.key"));
	EXPECT(s->luks_options == (LUKS_OPT_DISCARD | LUKS_OPT_NO_READ_WORKQUEUE));
	EXPECT(s->luks_tries == 5);
	return NULL;
}

static const char *c_luks_off(const struct boot_args *a)
{
	EXPECT(a->storage.luks == 0 && a->storage.lvm == 0 && a->storage.md == 0);
	return NULL;
}

static const char *c_lvm(const struct boot_args *a)
{
	const struct storage_args *s = &a->storage;

	EXPECT(s->lvm_vgs == 2 && !strcmp(s->lvm_vg[0], "vg0") && !strcmp(s->lvm_vg[1], "data-vg"));
	EXPECT(s->lvm_lvs == 1 && !strcmp(s->lvm_lv[0], "vg0/root"));
	return NULL;
}

static const char *c_md(const struct boot_args *a)
{
	const struct storage_args *s = &a->storage;

	EXPECT(s->md_uuids == 2 && s->md_autodetect == 0);
	EXPECT(!strcmp(s->md_uuid[0], "4d0e1a2b000000004000800000000005"));
	EXPECT(!strcmp(s->md_uuid[1], "4d0e1a2b000000004000800000000005"));
	return NULL;
}

static const char *c_resume(const struct boot_args *a)
{
	EXPECT(a->storage.resume.kind == ROOT_UUID && a->storage.noresume == 1);
	EXPECT(!strcmp(a->storage.resume.value, "5a4b0000-0000-4000-8000-000000000007"));
	EXPECT(!strcmp(a->storage.resume_raw, "UUID=5A4B0000-0000-4000-8000-000000000007"));
	return NULL;
}

static const char *c_resume_devnum(const struct boot_args *a)
{
	EXPECT(a->storage.resume.kind == ROOT_DEVNUM);
	EXPECT(a->storage.resume.devnum == makedev(254, 16));
	return NULL;
}

static const struct cmdline_case cmdline_cases[] = {
	{ .name = "empty_line_gives_defaults", .line = "", .check = c_defaults },
	{ .name = "blank_line_gives_defaults", .line = " \t\n", .check = c_defaults },
	{ .name = "typical_proc_cmdline",
	  .line = "BOOT_IMAGE=/vmlinuz root=/dev/vda1 ro quiet\n", .check = c_typical },
	{ .name = "root_uuid_lower_cased",
	  .line = "root=UUID=0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D", .check = c_root_uuid },
	{ .name = "rootfstype_list",
	  .line = "rootfstype=ext4,xfs,fuse.sshfs,9p,f2fs_x-y", .check = c_fstype },
	{ .name = "rootflags_keeps_inner_equals",
	  .line = "rootflags=data=journal,noatime", .check = c_flags },
	{ .name = "rootflags_empty_clears",
	  .line = "rootflags=x rootflags=", .check = c_flags_empty },
	{ .name = "rw", .line = "rw", .check = c_rw },
	{ .name = "ro", .line = "ro", .check = c_ro },
	{ .name = "ro_then_rw_last_wins", .line = "ro rw", .check = c_rw },
	{ .name = "rw_then_ro_last_wins", .line = "rw ro", .check = c_ro },
	{ .name = "rootwait_bare_is_0", .line = "rootwait", .check = c_rootwait_bare },
	{ .name = "rootwait_30", .line = "rootwait=30", .check = c_rootwait_30 },
	{ .name = "rootwait_86400", .line = "rootwait=86400", .check = c_rootwait_max },
	{ .name = "rootwait_then_bare_last_wins",
	  .line = "rootwait=30 rootwait", .check = c_rootwait_bare },
	{ .name = "rootdelay_0", .line = "rootdelay=0", .check = c_rootdelay_0 },
	{ .name = "rootdelay_5", .line = "rootdelay=5", .check = c_rootdelay_5 },
	{ .name = "init_absolute", .line = "init=/sbin/init", .check = c_init },
	{ .name = "quoted_values_keep_spaces",
	  .line = "init=\"/sbin/my init\" rootflags=\"a b\" quiet", .check = c_init_spaces },
	{ .name = "rd_break_bare_is_pre_pivot", .line = "rd.break", .check = c_break_pivot },
	{ .name = "rd_break_pre_mount", .line = "rd.break=pre-mount", .check = c_break_mount },
	{ .name = "rd_break_pre_pivot",
	  .line = "rd.break=pre-mount rd.break=pre-pivot", .check = c_break_pivot },
	{ .name = "rd_break_dry_run", .line = "rd.break=dry-run", .check = c_break_dry_run },
	{ .name = "rd_shell_bare_is_1", .line = "rd.shell", .check = c_shell_1 },
	{ .name = "rd_shell_0", .line = "rd.shell=0", .check = c_shell_0 },
	{ .name = "rd_shell_1", .line = "rd.shell=0 rd.shell=1", .check = c_shell_1 },
	{ .name = "rd_emergency_reboot", .line = "rd.emergency=reboot",
	  .check = c_emergency_reboot },
	{ .name = "rd_emergency_poweroff", .line = "rd.emergency=poweroff",
	  .check = c_emergency_poweroff },
	{ .name = "rd_emergency_halt", .line = "rd.emergency=halt", .check = c_emergency_halt },
	{ .name = "rd_emergency_shell", .line = "rd.emergency=shell", .check = c_emergency_shell },
	{ .name = "rd_emergency_last_wins", .line = "rd.emergency=shell rd.emergency=halt",
	  .check = c_emergency_halt },
	{ .name = "quiet", .line = "quiet", .check = c_quiet },
	{ .name = "whole_word_quoted",
	  .line = "\"root=/dev/vda1\" \"rw\"", .check = c_whole_quoted },
	{ .name = "label_quoted_whole_value",
	  .line = "root=\"LABEL=my root\"", .check = c_label_spaces },
	{ .name = "label_quoted_inside_value",
	  .line = "root=LABEL=\"my root\"", .check = c_label_spaces },
	{ .name = "init_args_after_dashes",
	  .line = "ro -- single foo=bar \"a b\" x=\"c d\"\n", .check = c_init_args },
	{ .name = "after_dashes_not_parsed_as_options",
	  .line = "-- rw root=garbage --", .check = c_after_dashes_not_ours },
	{ .name = "dashes_at_end", .line = "quiet --", .check = c_dashes_at_end },
	{ .name = "dashes_with_value_is_not_separator",
	  .line = "--=x ro", .check = c_dashes_with_value },
	{ .name = "last_occurrence_wins",
	  .line = "root=LABEL=first rootwait=3 rd.break init=/sbin/init\t"
		  "root=LABEL=second rootwait=7 rd.break=pre-mount init=/bin/sh",
	  .check = c_root_last },
	{ .name = "unknown_words_ignored",
	  .line = "console=ttyS0 foo rd.lvm.vg=vg0 root=8:1 rootx=1 quietly =ro",
	  .check = c_unknown },
	{ .name = "storage_defaults", .line = "root=/dev/vda", .check = c_storage_defaults },
	{ .name = "luks_options",
	  .line = "rd.luks=1 rd.luks.uuid=0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D "
		  "rd.luks.uuid=luks-11111111-2222-3333-4444-555555555555 "
		  "rd.luks.name=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d=cryptroot "
		  "rd.luks.key=/etc/kinit/keys/root.key "
		  "rd.luks.options=discard,no-read-workqueue,tries=5",
	  .check = c_luks },
	{ .name = "storage_switches_off", .line = "rd.luks=0 rd.lvm=0 rd.md=0",
	  .check = c_luks_off },
	{ .name = "lvm_lists_accumulate",
	  .line = "rd.lvm.vg=vg0 rd.lvm.lv=vg0/root rd.lvm.vg=data-vg", .check = c_lvm },
	{ .name = "md_uuid_both_forms",
	  .line = "rd.md.uuid=4d0e1a2b:00000000:40008000:00000005 raid=noautodetect,partitionable "
		  "rd.md.uuid=4D0E1A2B-0000-0000-4000-800000000005",
	  .check = c_md },
	{ .name = "resume_uuid_noresume",
	  .line = "resume=UUID=5A4B0000-0000-4000-8000-000000000007 noresume", .check = c_resume },
	{ .name = "resume_majmin", .line = "resume=254:16", .check = c_resume_devnum },

	/* rejections */
	{ .name = "reject_malformed_uuid", .line = "root=UUID=not-a-uuid", .ret = -EINVAL,
	  .err_is = "root=UUID=not-a-uuid: not a UUID (want 8-4-4-4-12 hex digits, or vfat's XXXX-XXXX)" },
	{ .name = "reject_empty_label", .line = "root=LABEL=", .ret = -EINVAL,
	  .err_is = "root=LABEL=: empty label" },
	{ .name = "reject_empty_root", .line = "root=", .ret = -EINVAL, .err_has = "root=: empty" },
	{ .name = "reject_bare_name", .line = "root=sda1", .ret = -EINVAL,
	  .err_is = "root=sda1: not a device (want /dev/NAME, MAJ:MIN, hex dev_t, LABEL=, UUID=, PARTUUID=[/PARTNROFF=N] or PARTLABEL=)" },
	{ .name = "reject_root_without_value", .line = "root", .ret = -EINVAL,
	  .err_is = "root: needs a value (root=...)" },
	{ .name = "reject_uuid_trailing_garbage",
	  .line = "root=UUID=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5dx", .ret = -EINVAL,
	  .err_has = "root=UUID=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5dx: " },
	{ .name = "reject_majmin_trailing_garbage", .line = "root=8:1x", .ret = -EINVAL,
	  .err_has = "root=8:1x: not MAJ:MIN" },
	{ .name = "reject_partnroff_trailing_garbage",
	  .line = "root=PARTUUID=0000abcd-01/PARTNROFF=1x", .ret = -EINVAL,
	  .err_has = "root=PARTUUID=0000abcd-01/PARTNROFF=1x: bad PARTNROFF" },
	{ .name = "reject_rootwait_0", .line = "rootwait=0", .ret = -EINVAL,
	  .err_is = "rootwait=0: want whole seconds from 1 to 86400" },
	{ .name = "reject_rootwait_negative", .line = "rootwait=-1", .ret = -EINVAL,
	  .err_has = "rootwait=-1:" },
	{ .name = "reject_rootwait_word", .line = "rootwait=abc", .ret = -EINVAL,
	  .err_has = "rootwait=abc:" },
	{ .name = "reject_rootwait_suffix", .line = "rootwait=10s", .ret = -EINVAL,
	  .err_has = "rootwait=10s:" },
	{ .name = "reject_rootwait_over_a_day", .line = "rootwait=86401", .ret = -EINVAL,
	  .err_has = "rootwait=86401:" },
	{ .name = "reject_rootwait_leading_space", .line = "rootwait=\" 5\"", .ret = -EINVAL,
	  .err_has = "rootwait= 5:" },
	{ .name = "reject_rootwait_plus", .line = "rootwait=+5", .ret = -EINVAL },
	{ .name = "reject_rootwait_overflow",
	  .line = "rootwait=99999999999999999999999999", .ret = -EINVAL },
	{ .name = "reject_rootwait_empty", .line = "rootwait=", .ret = -EINVAL },
	{ .name = "reject_rootdelay_bare", .line = "rootdelay", .ret = -EINVAL,
	  .err_is = "rootdelay: needs a value (rootdelay=...)" },
	{ .name = "reject_rootdelay_word", .line = "rootdelay=soon", .ret = -EINVAL,
	  .err_is = "rootdelay=soon: want whole seconds from 0 to 86400" },
	{ .name = "reject_bad_rd_break", .line = "rd.break=foo", .ret = -EINVAL,
	  .err_is = "rd.break=foo: unknown breakpoint (want pre-mount, pre-pivot or dry-run)" },
	{ .name = "reject_empty_rd_break", .line = "rd.break=", .ret = -EINVAL },
	{ .name = "reject_rd_shell_2", .line = "rd.shell=2", .ret = -EINVAL,
	  .err_is = "rd.shell=2: want 0 or 1" },
	{ .name = "reject_rd_shell_yes", .line = "rd.shell=yes", .ret = -EINVAL },
	{ .name = "reject_rd_emergency_unknown", .line = "rd.emergency=panic", .ret = -EINVAL,
	  .err_is = "rd.emergency=panic: unknown failure action "
		    "(want reboot, poweroff, halt or shell)" },
	{ .name = "reject_rd_emergency_bare", .line = "rd.emergency", .ret = -EINVAL,
	  .err_has = "rd.emergency:" },
	{ .name = "reject_rd_emergency_empty", .line = "rd.emergency=", .ret = -EINVAL },
	{ .name = "reject_rd_emergency_case", .line = "rd.emergency=Halt", .ret = -EINVAL },
	{ .name = "reject_relative_init", .line = "init=sbin/init", .ret = -EINVAL,
	  .err_is = "init=sbin/init: not an absolute path to a program" },
	{ .name = "reject_empty_init", .line = "init=", .ret = -EINVAL },
	{ .name = "reject_init_root_dir", .line = "init=/", .ret = -EINVAL },
	{ .name = "reject_init_control_char", .line = "init=/sbin/in\x01it", .ret = -EINVAL },
	{ .name = "reject_init_bare", .line = "init", .ret = -EINVAL },
	{ .name = "reject_fstype_upper", .line = "rootfstype=Ext4", .ret = -EINVAL,
	  .err_is = "rootfstype=Ext4: want filesystem names [a-z0-9_.-] separated by commas" },
	{ .name = "reject_fstype_empty_item", .line = "rootfstype=ext4,,xfs", .ret = -EINVAL },
	{ .name = "reject_fstype_leading_comma", .line = "rootfstype=,ext4", .ret = -EINVAL },
	{ .name = "reject_fstype_trailing_comma", .line = "rootfstype=ext4,", .ret = -EINVAL },
	{ .name = "reject_fstype_empty", .line = "rootfstype=", .ret = -EINVAL },
	{ .name = "reject_fstype_space", .line = "rootfstype=\"ext4 xfs\"", .ret = -EINVAL },
	{ .name = "reject_ro_with_value", .line = "ro=1", .ret = -EINVAL,
	  .err_is = "ro=1: ro takes no value" },
	{ .name = "reject_quiet_with_value", .line = "quiet=yes", .ret = -EINVAL },
	{ .name = "error_resets_earlier_values", .line = "ro quiet rootwait root=foo",
	  .ret = -EINVAL, .check = c_reset, .err_has = "root=foo: not a device" },
	{ .name = "reject_rd_luks_2", .line = "rd.luks=2", .ret = -EINVAL,
	  .err_is = "rd.luks=2: want 0 or 1" },
	{ .name = "reject_luks_uuid", .line = "rd.luks.uuid=abc", .ret = -EINVAL,
	  .err_is = "rd.luks.uuid=abc: not a LUKS UUID (want 8-4-4-4-12 hex digits)" },
	{ .name = "reject_luks_name_no_name",
	  .line = "rd.luks.name=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", .ret = -EINVAL,
	  .err_has = "want UUID=NAME" },
	{ .name = "reject_luks_name_slash",
	  .line = "rd.luks.name=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d=a/b", .ret = -EINVAL },
	{ .name = "reject_luks_key_relative", .line = "rd.luks.key=key", .ret = -EINVAL,
	  .err_has = "absolute path" },
	{ .name = "reject_luks_key_device", .line = "rd.luks.key=/k:/dev/sdb", .ret = -EINVAL },
	{ .name = "reject_luks_option_unknown", .line = "rd.luks.options=discard,bogus",
	  .ret = -EINVAL, .err_has = "rd.luks.options=discard,bogus: want a comma list" },
	{ .name = "reject_luks_tries_0", .line = "rd.luks.options=tries=0", .ret = -EINVAL },
	{ .name = "reject_luks_tries_11", .line = "rd.luks.options=tries=11", .ret = -EINVAL },
	{ .name = "reject_lvm_lv_no_vg", .line = "rd.lvm.lv=root", .ret = -EINVAL,
	  .err_is = "rd.lvm.lv=root: want VG/LV" },
	{ .name = "reject_lvm_vg_slash", .line = "rd.lvm.vg=a/b", .ret = -EINVAL },
	{ .name = "reject_lvm_vg_dash", .line = "rd.lvm.vg=-vg", .ret = -EINVAL },
	{ .name = "reject_lvm_vg_too_many",
	  .line = "rd.lvm.vg=a rd.lvm.vg=b rd.lvm.vg=c rd.lvm.vg=d rd.lvm.vg=e "
		  "rd.lvm.vg=f rd.lvm.vg=g rd.lvm.vg=h rd.lvm.vg=i", .ret = -E2BIG,
	  .err_is = "rd.lvm.vg=i: given more than 8 times" },
	{ .name = "reject_md_uuid_short", .line = "rd.md.uuid=4d0e1a2b:00000000:40008000",
	  .ret = -EINVAL, .err_has = "not an md UUID" },
	{ .name = "reject_raid_word", .line = "raid=autodetect", .ret = -EINVAL,
	  .err_is = "raid=autodetect: want noautodetect or partitionable" },
	{ .name = "reject_resume_bad", .line = "resume=UUID=xyz", .ret = -EINVAL,
	  .err_has = "resume=UUID=xyz: not a UUID" },
	{ .name = "reject_noresume_value", .line = "noresume=1", .ret = -EINVAL },
	{ .name = "overridden_bad_value_still_rejected",
	  .line = "rootwait=x rootwait=5", .ret = -EINVAL, .err_has = "rootwait=x:" },
};

static void run_cmdline_case(struct ktap *t, const struct cmdline_case *c)
{
	struct boot_args a;
	char err[ERRLEN];
	const char *why = NULL;
	int ret;

	ret = cmdline_parse(&a, c->line, err, sizeof(err));
	if (ret != c->ret)
		why = "return value";
	else if (c->err_is && strcmp(err, c->err_is))
		why = "error text";
	else if (c->err_has && !strstr(err, c->err_has))
		why = "error text does not quote the word";
	else if (!c->ret && err[0])
		why = "error text on success";
	else if (c->check)
		why = c->check(&a);
	if (why)
		ktap_check(t, 0, "%s # failed: %s; ret %d err '%s'", c->name, why, ret, err);
	else
		ktap_check(t, 1, "%s", c->name);
}

struct root_case {
	const char *name;
	const char *text;
	int ret;
	enum root_kind kind;
	const char *value;		/* NULL: not checked */
	unsigned int maj, min;		/* for ROOT_DEVNUM */
	int partnroff;
};

#define UUID_L	"0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
#define UUID_U	"0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D"
#define L127	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" \
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde"
#define E36	"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" \
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" \
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" \
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"

#define OK(n, t, k, v)	{ .name = n, .text = t, .kind = k, .value = v }
#define DEV(n, t, ma, mi) { .name = n, .text = t, .kind = ROOT_DEVNUM, .maj = ma, .min = mi }
#define OFF(n, t, v, o)	{ .name = n, .text = t, .kind = ROOT_PARTUUID, .value = v, .partnroff = o }
#define BAD(n, t)	{ .name = n, .text = t, .ret = -EINVAL }

static const struct root_case root_cases[] = {
	OK("path_vda1", "/dev/vda1", ROOT_PATH, "/dev/vda1"),
	OK("path_by_uuid_kept_verbatim", "/dev/disk/by-uuid/ABCD-1234", ROOT_PATH,
	   "/dev/disk/by-uuid/ABCD-1234"),
	OK("path_vg_lv", "/dev/vg0/root", ROOT_PATH, "/dev/vg0/root"),
	OK("path_nfs", "/dev/nfs", ROOT_PATH, "/dev/nfs"),
	BAD("reject_path_dev_only", "/dev/"),
	BAD("reject_path_space", "/dev/sda 1"),
	BAD("reject_path_outside_dev", "/sda1"),
	BAD("reject_dev_without_slash", "/dev"),
	DEV("majmin_8_1", "8:1", 8, 1),
	DEV("majmin_259_0", "259:0", 259, 0),
	DEV("majmin_max", "4095:1048575", 4095, 1048575),
	BAD("reject_majmin_major_too_big", "4096:0"),
	BAD("reject_majmin_minor_too_big", "8:1048576"),
	BAD("reject_majmin_0_0", "0:0"),
	BAD("reject_majmin_no_major", ":1"),
	BAD("reject_majmin_no_minor", "8:"),
	BAD("reject_majmin_three_fields", "8:1:2"),
	BAD("reject_majmin_signed", "+8:1"),
	BAD("reject_majmin_hex", "0x8:1"),
	DEV("hex_801", "801", 8, 1),
	DEV("hex_fe01", "fe01", 254, 1),
	DEV("hex_0x801", "0x801", 8, 1),
	DEV("hex_upper_0XB302", "0XB302", 179, 2),
	DEV("hex_new_decode_major", "10300", 259, 0),
	DEV("hex_new_decode_minor", "12345678", 0x456, 0x12378),
	BAD("reject_hex_zero", "0"),
	BAD("reject_hex_0x_only", "0x"),
	BAD("reject_hex_nine_digits", "123456789"),
	BAD("reject_hex_trailing_garbage", "801g"),
	BAD("reject_bare_sda1", "sda1"),
	BAD("reject_foo", "foo"),
	BAD("reject_empty", ""),
	OK("label", "LABEL=root", ROOT_LABEL, "root"),
	OK("label_127", "LABEL=" L127, ROOT_LABEL, L127),
	OK("label_keeps_case_and_utf8", "LABEL=My R\xc3\xb6\xc3\xb6t", ROOT_LABEL,
	   "My R\xc3\xb6\xc3\xb6t"),
	BAD("reject_label_128", "LABEL=" L127 "f"),
	BAD("reject_label_empty", "LABEL="),
	BAD("reject_label_empty_quotes", "LABEL=\"\""),
	BAD("reject_label_lower_prefix", "label=root"),
	OK("uuid_lower", "UUID=" UUID_L, ROOT_UUID, UUID_L),
	OK("uuid_upper_lowered", "UUID=" UUID_U, ROOT_UUID, UUID_L),
	OK("uuid_vfat_short", "UUID=ABCD-12ef", ROOT_UUID, "abcd-12ef"),
	OK("uuid_iso9660", "UUID=2021-05-01-12-34-56-00", ROOT_UUID, "2021-05-01-12-34-56-00"),
	BAD("reject_uuid_empty", "UUID="),
	BAD("reject_uuid_trailing_garbage", "UUID=" UUID_L "0"),
	BAD("reject_uuid_short_group", "UUID=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5"),
	BAD("reject_uuid_missing_dash", "UUID=0a1b2c3d4e5f-6a7b-8c9d-0e1f2a3b4c5d"),
	BAD("reject_uuid_non_hex", "UUID=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5g"),
	BAD("reject_uuid_vfat_no_dash", "UUID=ABCD1234"),
	BAD("reject_uuid_braces", "UUID={" UUID_L "}"),
	OK("partuuid_gpt", "PARTUUID=" UUID_U, ROOT_PARTUUID, UUID_L),
	OK("partuuid_mbr", "PARTUUID=0000ABCD-01", ROOT_PARTUUID, "0000abcd-01"),
	OFF("partuuid_partnroff", "PARTUUID=" UUID_L "/PARTNROFF=1", UUID_L, 1),
	OFF("partuuid_partnroff_negative", "PARTUUID=0000abcd-02/PARTNROFF=-1", "0000abcd-02", -1),
	OFF("partuuid_partnroff_plus", "PARTUUID=0000abcd-02/PARTNROFF=+3", "0000abcd-02", 3),
	BAD("reject_partnroff_empty", "PARTUUID=0000abcd-02/PARTNROFF="),
	BAD("reject_partnroff_too_big", "PARTUUID=0000abcd-02/PARTNROFF=256"),
	BAD("reject_partnroff_lower", "PARTUUID=0000abcd-02/partnroff=1"),
	BAD("reject_partuuid_slash_only", "PARTUUID=0000abcd-02/"),
	BAD("reject_partuuid_empty", "PARTUUID="),
	BAD("reject_partuuid_vfat_form", "PARTUUID=abcd-1234"),
	BAD("reject_partuuid_mbr_long_part", "PARTUUID=0000abcd-001"),
	OK("partlabel", "PARTLABEL=EFI system", ROOT_PARTLABEL, "EFI system"),
	OK("partlabel_36_utf8_chars", "PARTLABEL=" E36, ROOT_PARTLABEL, E36),
	BAD("reject_partlabel_37_chars", "PARTLABEL=" E36 "x"),
	BAD("reject_partlabel_empty", "PARTLABEL="),
};

static void run_root_case(struct ktap *t, const struct root_case *c)
{
	struct root_spec s;
	char err[ERRLEN] = "";
	const char *why = NULL;
	int ret;

	ret = root_spec_parse(&s, c->text, err, sizeof(err));
	if (ret != c->ret)
		why = "return value";
	else if (ret && strncmp(err, c->text, strnlen(c->text, QUOTE_MAX / 2)))
		why = "error does not quote the text";
	else if (ret && s.kind != ROOT_NONE)
		why = "kind not reset on error";
	else if (!ret && s.kind != c->kind)
		why = "kind";
	else if (!ret && c->value && strcmp(s.value, c->value))
		why = "value";
	else if (!ret && c->kind == ROOT_DEVNUM &&
		 (major(s.devnum) != c->maj || minor(s.devnum) != c->min))
		why = "devnum";
	else if (!ret && s.partnroff != c->partnroff)
		why = "partnroff";
	if (why)
		ktap_check(t, 0, "root_%s # failed: %s; ret %d kind %d value '%s' dev %u:%u off %d err '%s'",
			   c->name, why, ret, s.kind, s.value, major(s.devnum),
			   minor(s.devnum), s.partnroff, err);
	else
		ktap_check(t, 1, "root_%s", c->name);
}

/* Cases whose input is built at run time. */

static void fill(char *buf, size_t n, const char *prefix)
{
	size_t len = strlen(prefix);

	memcpy(buf, prefix, len);
	memset(buf + len, 'a', n - len);
	buf[n] = '\0';
}

static int t_line_at_limit(struct ktap *t)
{
	char line[CMDLINE_MAX + 1];
	struct boot_args a;
	char err[ERRLEN];
	int ret;

	fill(line, CMDLINE_MAX, "quiet x=");
	ret = cmdline_parse(&a, line, err, sizeof(err));
	return ktap_check(t, ret == 0 && a.quiet == 1, "line_of_CMDLINE_MAX_bytes_accepted # ret %d",
			  ret);
}

static int t_line_too_long(struct ktap *t)
{
	char line[CMDLINE_MAX + 2];
	struct boot_args a;
	char err[ERRLEN];
	int ret;

	fill(line, CMDLINE_MAX + 1, "quiet x=");
	ret = cmdline_parse(&a, line, err, sizeof(err));
	return ktap_check(t, ret == -E2BIG && !a.quiet &&
			  !strcmp(err, "command line longer than 4096 bytes"),
			  "reject_overlong_line # ret %d err '%s'", ret, err);
}

static int t_init_args_max(struct ktap *t)
{
	char line[CMDLINE_MAX];
	struct boot_args a;
	char err[ERRLEN];
	int i, ret;

	strcpy(line, "--");
	for (i = 0; i < INIT_ARGS_MAX; i++)
		sprintf(line + strlen(line), " a%d", i);
	ret = cmdline_parse(&a, line, err, sizeof(err));
	return ktap_check(t, ret == 0 && a.init_argc == INIT_ARGS_MAX &&
			  !strcmp(a.init_argv[INIT_ARGS_MAX - 1], "a31") &&
			  !a.init_argv[INIT_ARGS_MAX],
			  "init_args_max_accepted # ret %d argc %d", ret, a.init_argc);
}

static int t_init_args_too_many(struct ktap *t)
{
	char line[CMDLINE_MAX];
	struct boot_args a;
	char err[ERRLEN];
	int i, ret;

	strcpy(line, "--");
	for (i = 0; i <= INIT_ARGS_MAX; i++)
		sprintf(line + strlen(line), " a%d", i);
	ret = cmdline_parse(&a, line, err, sizeof(err));
	return ktap_check(t, ret == -E2BIG && a.init_argc == 0 &&
			  !strcmp(err, "a32: more than 32 arguments for init after --"),
			  "reject_too_many_init_args # ret %d err '%s'", ret, err);
}

static int t_init_args_too_long(struct ktap *t)
{
	char line[CMDLINE_MAX], word[600];
	struct boot_args a;
	char err[ERRLEN];
	int ret, ok;

	/* two words of 600 bytes fit in the line, not in argbuf */
	fill(word, sizeof(word) - 1, "w=");
	snprintf(line, sizeof(line), "-- %s %s", word, word);
	ret = cmdline_parse(&a, line, err, sizeof(err));
	ok = ret == -E2BIG && strstr(err, "exceed 1024 bytes");
	/* and exactly INIT_ARGBUF_MAX bytes with the NULs do fit */
	fill(word, 511, "w=");
	snprintf(line, sizeof(line), "-- %s %s", word, word);
	ret = cmdline_parse(&a, line, err, sizeof(err));
	ok = ok && ret == 0 && a.init_argc == 2 && strlen(a.init_argv[1]) == 511;
	return ktap_check(t, ok, "reject_init_args_over_argbuf # ret %d err '%s'", ret, err);
}

static int t_root_too_long(struct ktap *t)
{
	char line[CMDLINE_MAX];
	struct boot_args a;
	char err[ERRLEN];
	int ret, ok;

	fill(line, 5 + ROOT_VALUE_MAX - 1, "root=/dev/");
	ret = cmdline_parse(&a, line, err, sizeof(err));
	ok = ret == 0 && strlen(a.root.value) == ROOT_VALUE_MAX - 1;
	fill(line, 5 + ROOT_VALUE_MAX, "root=/dev/");
	ret = cmdline_parse(&a, line, err, sizeof(err));
	ok = ok && ret == -E2BIG;
	/* the word is cut so that the reason still fits a short buffer */
	line[QUOTE_MAX - 4] = '\0';
	ok = ok && strlen(err) < 120 && !strncmp(err, line, strlen(line)) &&
	     !strcmp(err + strlen(line), "...: longer than 255 bytes");
	return ktap_check(t, ok, "reject_root_over_255_bytes # ret %d err '%s'", ret, err);
}

static int t_fields_too_long(struct ktap *t)
{
	static const struct {
		const char *prefix;
		size_t max;
	} f[] = {
		{ "rootfstype=", FSTYPE_MAX - 1 },
		{ "rootflags=", ROOTFLAGS_MAX - 1 },
		{ "init=/", INIT_PATH_MAX - 1 },
	};
	char line[CMDLINE_MAX];
	struct boot_args a;
	char err[ERRLEN];
	size_t i, pl;
	int ok = 1;

	for (i = 0; i < ARRAY_SIZE(f); i++) {
		pl = strchr(f[i].prefix, '=') - f[i].prefix + 1;	/* "key=" */
		fill(line, pl + f[i].max, f[i].prefix);
		ok = ok && cmdline_parse(&a, line, err, sizeof(err)) == 0;
		fill(line, pl + f[i].max + 1, f[i].prefix);
		ok = ok && cmdline_parse(&a, line, err, sizeof(err)) == -E2BIG &&
		     !strncmp(err, f[i].prefix, strlen(f[i].prefix));
	}
	return ktap_check(t, ok, "reject_overlong_fstype_flags_init # err '%s'", err);
}

static int t_root_spec_err_text(struct ktap *t)
{
	struct root_spec s;
	char err[ERRLEN];
	int ret;

	ret = root_spec_parse(&s, "PARTUUID=xyz", err, sizeof(err));
	return KTAP_EQ_STR(t, err,
			   "PARTUUID=xyz: not a partition UUID (want GPT 8-4-4-4-12 or MBR SSSSSSSS-PP hex digits)",
			   ret == -EINVAL ? "root_spec_err_text" : "root_spec_err_text_ret");
}

static int t_err_null(struct ktap *t)
{
	struct boot_args a;
	char err[4];
	int ret1, ret2;

	ret1 = cmdline_parse(&a, "root=foo", NULL, 0);
	ret2 = cmdline_parse(&a, "root=foo", err, sizeof(err));
	return ktap_check(t, ret1 == -EINVAL && ret2 == -EINVAL && !strcmp(err, "roo"),
			  "err_null_or_short_buffer # ret %d %d err '%s'", ret1, ret2, err);
}

/* The image's defaults, then the kernel's line: set fields win, others stay. */
static int t_merge(struct ktap *t)
{
	static struct boot_args base;
	char err[ERRLEN];
	int ok;

	ok = !cmdline_parse(&base, "root=LABEL=img rootwait=9 init=/sbin/a "
			    "rd.lvm.vg=img -- x y", err, sizeof(err)) &&
	     !cmdline_parse_more(&base, "rw root=/dev/vda rd.lvm.vg=k --", err, sizeof(err));
	ok = ok && base.root.kind == ROOT_PATH && !strcmp(base.root_raw, "/dev/vda") &&
	     base.readonly == 0 && base.rootwait == 9 && !strcmp(base.init, "/sbin/a") &&
	     base.storage.lvm_vgs == 2 && !strcmp(base.storage.lvm_vg[1], "k") &&
	     base.init_argc == 2 && !strcmp(base.init_argv[1], "y");
	/* init's args from the kernel replace the image's */
	ok = ok && !cmdline_parse_more(&base, "-- z", err, sizeof(err));
	ok = ok && base.init_argc == 1 && !strcmp(base.init_argv[0], "z") &&
	     !base.init_argv[1] && base.init_argv[0] >= base.argbuf &&
	     base.init_argv[0] < base.argbuf + sizeof(base.argbuf);
	/* a bad kernel line leaves the defaults, not half of each */
	ok = ok && cmdline_parse_more(&base, "ro rootwait=x", err, sizeof(err)) == -EINVAL &&
	     base.root.kind == ROOT_NONE && base.readonly == -1 && base.init_argc == 0;
	return ktap_check(t, ok, "kernel_line_over_image_defaults");
}

/* cmdline_ulong(): the whole text, decimal, and never past @max */
static int t_ulong(struct ktap *t)
{
	static const struct {
		const char *s;
		unsigned long max, v;
		int ret;
	} c[] = {
		{ "0", 0, 0, 0 },
		{ "255", 255, 255, 0 },
		{ "256", 255, 0, -EINVAL },
		{ "1", 0, 0, -EINVAL },
		{ "18446744073709551615", ULONG_MAX, ULONG_MAX, 0 },
		{ "18446744073709551616", ULONG_MAX, 0, -EINVAL },
		{ "99999999999999999999999", ULONG_MAX, 0, -EINVAL },
		{ "007", 7, 7, 0 },
		{ "", 9, 0, -EINVAL },
		{ "+1", 9, 0, -EINVAL },
		{ " 1", 9, 0, -EINVAL },
		{ "1 ", 9, 0, -EINVAL },
		{ "1x", 9, 0, -EINVAL },
		{ "-1", ULONG_MAX, 0, -EINVAL },
	};
	unsigned long v;
	size_t i;
	int ok = 1, ret;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		v = 0;
		ret = cmdline_ulong(c[i].s, c[i].max, &v);
		if (ret != c[i].ret || (!ret && v != c[i].v)) {
			printf("# cmdline_ulong(\"%s\", %lu): %d %lu\n", c[i].s, c[i].max, ret, v);
			ok = 0;
		}
	}
	return ktap_check(t, ok, "ulong_whole_decimal_bounded");
}

static int (*const extra_tests[])(struct ktap *t) = {
	t_ulong,
	t_merge,
	t_line_at_limit,
	t_line_too_long,
	t_init_args_max,
	t_init_args_too_many,
	t_init_args_too_long,
	t_root_too_long,
	t_fields_too_long,
	t_root_spec_err_text,
	t_err_null,
};

int main(void)
{
	int planned = ARRAY_SIZE(cmdline_cases) + ARRAY_SIZE(root_cases) +
		      ARRAY_SIZE(extra_tests);
	struct ktap t = { 0 };
	size_t i;

	ktap_begin("cmdline", planned);
	for (i = 0; i < ARRAY_SIZE(cmdline_cases); i++)
		run_cmdline_case(&t, &cmdline_cases[i]);
	for (i = 0; i < ARRAY_SIZE(root_cases); i++)
		run_root_case(&t, &root_cases[i]);
	for (i = 0; i < ARRAY_SIZE(extra_tests); i++)
		extra_tests[i](&t);
	return ktap_end(&t, planned);
}
