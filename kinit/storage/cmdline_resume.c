// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_resume.c - resume= and noresume: where resume.c looks for a
 * hibernation image.  Built with KINIT_RESUME.
 */
#include <errno.h>
#include <string.h>

#include "cmdline_opt.h"

static int opt_resume(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (cmdline_copy(a->storage.resume_raw, sizeof(a->storage.resume_raw), val)) {
		cmdline_seterr(why, wl, "longer than %d bytes", ROOT_VALUE_MAX - 1);
		return -E2BIG;
	}
	return cmdline_root_spec(&a->storage.resume, val, why, wl);
}

static const struct cmdline_opt resume_opts[] = {
	{ .name = "resume",	.arg = ARG_REQUIRED,	.set = opt_resume },
	{ .name = "noresume",	.arg = ARG_NONE,	FLAG(storage.noresume, 1) },
};

FEATURE_OPTION(RESUME);

const struct cmdline_feature cmdline_resume = {
	.opts = resume_opts,
	.count = ARRAY_SIZE(resume_opts),
};
