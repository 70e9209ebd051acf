/* SPDX-License-Identifier: GPL-2.0 */
/*
 * genlist.h - the shared state of kinit_gen: the entry list it builds and
 * the helpers each option's emitter (binaries, modules, extra sources) uses.
 */
#ifndef KINIT_GENLIST_H
#define KINIT_GENLIST_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* the image contract and ARRAY_SIZE, shared with kinit */
#include "kinit/image.h"
#include "kinit/lib/util.h"

#define CONF_LINE_MAX	4096
#define CONF_VALS_MAX	256
#define SYMLINK_HOPS	40	/* as the kernel's MAXSYMLINKS */

enum ent_type {
	ENT_DIR,
	ENT_FILE,
	ENT_SLINK,
	ENT_NOD,
	ENT_PIPE,
	ENT_SOCK,
};

/**
 * struct entry - one line of the gen_init_cpio list
 * @path:	absolute path in the image
 * @arg:	host source (file), target (slink), "c 5 1" (nod), else NULL
 * @origin:	the option that asked for it, for conflict messages
 * @mode:	permission bits (07777)
 * @uid:	owner
 * @gid:	group
 * @type:	gen_init_cpio keyword
 * @weak:	an implicit parent directory or busybox applet link; any
 *		explicit entry at the same path replaces it silently
 */
struct entry {
	char *path;
	char *arg;
	const char *origin;
	unsigned int mode, uid, gid;
	enum ent_type type;
	bool weak;
};

/**
 * struct conf_val - one CONFIG_KINIT_* line of auto.conf
 * @name:	symbol name including CONFIG_
 * @value:	the value, kconfig quoting removed for strings
 */
struct conf_val {
	char *name;
	char *value;
};

/**
 * struct gen - everything kinit_gen knows; passed to every emitter
 * @config:	path of the kconfig auto.conf to read (-c)
 * @kinit:	absolute path of the built kinit binary (-k)
 * @sysroot:	prefix of every target lookup (--sysroot), "" for the host
 * @modtree:	kernel objtree or INSTALL_MOD_PATH staging dir (-M)
 * @release:	kernel release (-r)
 * @outdir:	where generated side files are written (-o)
 * @mods_pending: modules may not be built yet (-P): kbuild's first pass
 * @epoch:	mtime for the files the build wrote (-t), -1 to keep theirs
 * @conf:	the CONFIG_KINIT_* values read from @config
 * @nconf:	number of @conf
 * @ents:	the list being built, unsorted until genlist_finish()
 * @nents:	number of @ents
 * @capents:	allocated size of @ents
 * @libdirs:	library directories from ld.so.conf, loaded on first use
 * @nlibdirs:	number of @libdirs, -1 until loaded
 */
struct gen {
	const char *config;
	const char *kinit;
	const char *sysroot;
	const char *modtree;
	const char *release;
	const char *outdir;
	bool mods_pending;
	long long epoch;
	struct conf_val conf[CONF_VALS_MAX];
	size_t nconf;
	struct entry *ents;
	size_t nents, capents;
	char **libdirs;
	int nlibdirs;
};

/* genlist.c */
int gen_error(const char *opt, const char *what, int err);
int genlist_add(struct gen *g, const struct entry *e);
int genlist_add_host_path(struct gen *g, const char *opt, const char *path,
			  char *real, size_t realsz);
int host_realpath(struct gen *g, const char *path, char *out, size_t outsz);
int genlist_finish(struct gen *g);
void genlist_print(const struct gen *g);
void genlist_free(struct gen *g);

/* shell_hash.c */
int shell_hash_check(const char *hash);

/* stage.c */
int genlist_stage(struct gen *g);
int write_side_file(const struct gen *g, const char *opt, const char *name,
		    const char *data, size_t len, char *path, size_t pathsz);
int path_join(char *out, size_t outsz, const char *a, const char *b);
bool path_ok(const char *path);

/**
 * struct resolver - how path_resolve() looks at symlinks
 * @readlink:	0 if @path is not a symlink, its target length if it is
 *		(target copied to @buf), -errno if @path cannot be looked at
 * @on_link:	called for every symlink followed, may be NULL
 * @ctx:	passed to both
 */
struct resolver {
	int (*readlink)(void *ctx, const char *path, char *buf, size_t sz);
	int (*on_link)(void *ctx, const char *path, const char *target);
	void *ctx;
};
int path_resolve(const struct resolver *r, const char *path, bool follow_last,
		 char *out, size_t outsz);

/* elf_deps.c */
int gen_binary(struct gen *g, const char *opt, const char *path,
	       const char *image_path);
int elf_section(const char *path, const char *name, char **data, size_t *len);

/* moddeps.c */
int gen_modules(struct gen *g, const char *opt, const char *names);

/* extra_src.c */
int gen_extra_source(struct gen *g, const char *opt, const char *sources);

#endif /* KINIT_GENLIST_H */
