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

enum rd_break {
	RD_BREAK_NONE = 0,
	RD_BREAK_PRE_MOUNT,	/* rd.break=pre-mount: shell before mounting root */
	RD_BREAK_PRE_PIVOT,	/* rd.break=pre-pivot (or bare rd.break): before switch_root */
};

/**
 * struct boot_args - everything kinit takes from the command line.
 * Integers are -1 when the option was not given, so policy (defaults
 * from Kconfig) is applied in one place by the caller.
 */
struct boot_args {
	char root_raw[ROOT_VALUE_MAX];	/* root= exactly as written */
	struct root_spec root;
	char rootfstype[FSTYPE_MAX];	/* comma list, "" if not given */
	char rootflags[ROOTFLAGS_MAX];	/* "" if not given */
	int readonly;			/* 1 ro, 0 rw, -1 not given */
	int rootwait;			/* seconds; 0 bare "rootwait"; -1 absent */
	int rootdelay;			/* seconds, -1 absent */
	char init[INIT_PATH_MAX];	/* init=, "" if not given */
	int init_argc;			/* words after "--" */
	char *init_argv[INIT_ARGS_MAX + 1];	/* point into argbuf */
	char argbuf[INIT_ARGBUF_MAX];
	int quiet;			/* "quiet" seen */
	enum rd_break rd_break;
	int rd_shell;			/* rd.shell: shell on failure; -1 absent */
};

/**
 * cmdline_parse() - parse a kernel command line into @args
 * @args:	output, fully initialised by this call
 * @line:	NUL-terminated command line (e.g. /proc/cmdline contents)
 * @err:	on failure, a message naming the offending word
 * @errlen:	size of @err
 *
 * Unknown words are ignored (they belong to the kernel or to init);
 * for kinit's own options the last occurrence wins, as with __setup().
 * Quotes are handled as the kernel's next_arg() does.
 *
 * Return: 0, or -EINVAL for a malformed option, -E2BIG for overlong input.
 */
int cmdline_parse(struct boot_args *args, const char *line, char *err, size_t errlen);

/**
 * root_spec_parse() - parse a device reference as written after root=
 * @spec:	output
 * @text:	e.g. "/dev/vda1", "UUID=...", "PARTUUID=.../PARTNROFF=1", "8:1"
 * @err:	message quoting @text on failure
 * @errlen:	size of @err
 *
 * Return: 0, or -EINVAL when @text is malformed (empty LABEL=, bad UUID,
 * trailing garbage, ...).
 */
int root_spec_parse(struct root_spec *spec, const char *text, char *err, size_t errlen);

#endif /* KINIT_CMDLINE_H */
