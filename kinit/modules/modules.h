/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modules.h - loading kernel modules: the helpers modules.c offers to
 * coldplug.c and to the unit tests (parsing is pure, loading is not).
 */
#ifndef KINIT_MODULES_H
#define KINIT_MODULES_H

#include <errno.h>
#include <stddef.h>

#include "lib/compat.h"
#include "kinit.h"

#define MODFILE_MAX	(256 * 1024)	/* bound of every list kinit reads */

/* uapi/linux/module.h: the kernel decompresses the file itself (6.1+) */
#ifndef MODULE_INIT_COMPRESSED_FILE
#define MODULE_INIT_COMPRESSED_FILE 4
#endif


/**
 * struct modctx - what loading a module needs, and the tally of a step
 * @k:		state (log, k->modules_failed)
 * @step:	"load-modules" or "coldplug", the prefix of failure lines
 * @release:	uname -r: modules live in /lib/modules/<release>/
 * @conf:	/etc/kinit/modprobe.conf, or NULL when there is none
 * @loaded:	modules loaded
 * @present:	modules already there (EEXIST: loaded before, or built in)
 * @failed:	modules that failed; their names are in k->modules_failed
 */
struct modctx {
	struct kinit *k;
	const char *step;
	char release[65];
	char *conf;
	int loaded, present, failed;
};

int module_name(const char *path, char *name, size_t size);
int module_flags(const char *path);
int load_line(const char *release, char *line, char *path, size_t size);
int module_options(const char *conf, const char *name, char *out, size_t size);
int modules_read_file(const char *path, char **text);
int modctx_init(struct modctx *c, struct kinit *k, const char *step);
void modctx_free(struct modctx *c);
int modctx_load(struct modctx *c, const char *path);

#endif /* KINIT_MODULES_H */
