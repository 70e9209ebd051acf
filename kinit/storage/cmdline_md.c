// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_md.c - rd.md=, rd.md.uuid= and the kernel's raid=: which md
 * arrays md.c and mdadm.c start.  Built with KINIT_MD.
 */
#include <errno.h>
#include <string.h>

#include "cmdline_opt.h"

static int opt_rd_md(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return cmdline_switch(&a->storage.md, val, why, wl);
}

/* mdadm's xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx or 8-4-4-4-12: 32 hex digits. */
static int opt_md_uuid(struct boot_args *a, const char *val, char *why, size_t wl)
{
	static const unsigned char md_form[] = { 8, 8, 8, 8, 0 };
	struct storage_args *s = &a->storage;
	char hex[33], colons[40];
	size_t i, n = 0, len = strlen(val);
	int ret = cmdline_list_room(s->md_uuids, why, wl);

	if (ret)
		return ret;
	/* the colon form is checked as dashes */
	for (i = 0; i < len && i < sizeof(colons) - 1; i++)
		colons[i] = val[i] == ':' ? '-' : val[i];
	colons[i] = '\0';
	if (len >= sizeof(colons) ||
	    (!cmdline_hex_groups(colons, len, md_form) &&
	     !cmdline_hex_groups(val, len, cmdline_uuid_forms[0]))) {
		cmdline_seterr(why, wl, "not an md UUID (want mdadm's 8:8:8:8 or 8-4-4-4-12 hex digits)");
		return -EINVAL;
	}
	for (i = 0; i < len; i++)
		if (cmdline_hex_val(val[i]) >= 0)
			hex[n++] = "0123456789abcdef"[cmdline_hex_val(val[i])];
	hex[n] = '\0';
	memcpy(s->md_uuid[s->md_uuids++], hex, n + 1);
	return 0;
}

/* raid=noautodetect[,partitionable]: the kernel's own md_setup words. */
static int opt_raid(struct boot_args *a, const char *val, char *why, size_t wl)
{
	const char *p = val, *comma;
	size_t len;

	for (;;) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 12 && !strncmp(p, "noautodetect", 12)) {
			a->storage.md_autodetect = 0;
		} else if (!(len == 13 && !strncmp(p, "partitionable", 13)) &&
			   !(len == 4 && !strncmp(p, "part", 4))) {
			cmdline_seterr(why, wl, "want noautodetect or partitionable");
			return -EINVAL;
		}
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

static const struct cmdline_opt md_opts[] = {
	{ .name = "rd.md",	.arg = ARG_REQUIRED,	.set = opt_rd_md },
	{ .name = "rd.md.uuid",	.arg = ARG_REQUIRED,	.set = opt_md_uuid },
	{ .name = "raid",	.arg = ARG_REQUIRED,	.set = opt_raid },
};

FEATURE_OPTION(MD);

const struct cmdline_feature cmdline_md = {
	.opts = md_opts,
	.count = ARRAY_SIZE(md_opts),
};
