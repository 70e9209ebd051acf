// SPDX-License-Identifier: GPL-2.0
/*
 * moddeps.c - CONFIG_KINIT_MODULES: the named modules, their dependency
 * closure, and kinit.load, the order kinit loads them in.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "genlist.h"

#define MODULES_MAX	65536
#define MODDEPS_MAX	256
#define ALIASES_MAX	4096

/**
 * struct mod - a module the tree has
 * @name:	canonical name ('-' turned into '_')
 * @rel:	path below /lib/modules/<release>/
 * @src:	host file
 * @deps:	names of the modules it needs; NULL until read
 * @ndeps:	their number
 * @state:	0 unvisited, 1 on the DFS stack, 2 placed in the load order
 * @aliases:	its device aliases (modinfo alias= with a ':')
 * @naliases:	their number
 * @needed:	another module in the image depends on it
 */
struct mod {
	char name[KINIT_MODNAME_MAX + 1];
	char *rel;
	char *src;
	char **deps;
	size_t ndeps;
	int state;
	char **aliases;
	size_t naliases;
	bool needed;
};

/**
 * struct modtree - every module of the tree, sorted by name
 * @g:		generator state
 * @opt:	the option, for messages
 * @base:	<-M dir>/lib/modules/<release>, where a staging dir keeps them
 * @staging:	@base has a modules.dep: -M is a staging dir (make
 *		modules_install), else a build tree
 * @mods:	the modules
 * @nmods:	their number
 * @builtin:	names built into the kernel (modules.builtin), sorted
 * @nbuiltin:	their number
 * @load:	the load order being built
 * @loadlen:	its length
 * @autoload:	CONFIG_KINIT_MODULES_AUTOLOAD: drivers wait for their device
 * @order:	the modules in the image, dependencies first
 * @norder:	their number
 * @alias:	kinit.alias being built
 * @aliaslen:	its length
 */
struct modtree {
	struct gen *g;
	const char *opt;
	char base[PATH_MAX];
	bool staging;
	struct mod *mods;
	size_t nmods;
	char **builtin;
	size_t nbuiltin;
	char *load;
	size_t loadlen;
	bool autoload;
	struct mod **order;
	size_t norder;
	char *alias;
	size_t aliaslen;
};

/* "drivers/net/foo-bar.ko.xz" -> "foo_bar"; -EINVAL if not a module name. */
static int mod_name(const char *path, char *name)
{
	static const char *const exts[] = { KINIT_MODULE_EXTS, ".o" };
	const char *b = strrchr(path, '/');
	size_t len, i, el;

	b = b ? b + 1 : path;
	len = strlen(b);
	for (i = 0; i < ARRAY_SIZE(exts); i++) {
		el = strlen(exts[i]);
		if (len > el && !strcmp(b + len - el, exts[i]))
			break;
	}
	if (i == ARRAY_SIZE(exts) || len - el > KINIT_MODNAME_MAX)
		return -EINVAL;
	for (i = 0; i < len - el; i++) {
		char c = b[i] == '-' ? '_' : b[i];

		if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z')))
			return -EINVAL;
		name[i] = c;
	}
	name[i] = '\0';
	return 0;
}

static int mod_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mod *)a)->name, ((const struct mod *)b)->name);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct mod *find_mod(const struct modtree *t, const char *name)
{
	struct mod key;

	snprintf(key.name, sizeof(key.name), "%s", name);
	return bsearch(&key, t->mods, t->nmods, sizeof(*t->mods), mod_cmp);
}

static int add_dep(struct mod *m, const char *depname)
{
	char name[KINIT_MODNAME_MAX + 1], ko[KINIT_MODNAME_MAX + 4], **n;

	if (snprintf(ko, sizeof(ko), "%s.ko", depname) >= (int)sizeof(ko) ||
	    mod_name(ko, name))
		return -EINVAL;
	if (m->ndeps == MODDEPS_MAX)
		return -E2BIG;
	n = realloc(m->deps, (m->ndeps + 1) * sizeof(*n));
	if (!n)
		return -ENOMEM;
	m->deps = n;
	n[m->ndeps] = strdup(name);
	if (!n[m->ndeps])
		return -ENOMEM;
	m->ndeps++;
	return 0;
}

/* Add one module; deps (staging modules.dep) is its own tail, may be NULL. */
static int add_mod(struct modtree *t, const char *rel, const char *src, char *deps)
{
	struct mod *m;
	char *tok, *save, name[KINIT_MODNAME_MAX + 1];
	int ret;

	if (t->nmods == MODULES_MAX)
		return -E2BIG;
	if (!(t->nmods & (t->nmods - 1)) || !t->nmods) {
		m = realloc(t->mods, (t->nmods ? 2 * t->nmods : 64) * sizeof(*m));
		if (!m)
			return -ENOMEM;
		t->mods = m;
	}
	m = &t->mods[t->nmods];
	memset(m, 0, sizeof(*m));
	ret = mod_name(rel, m->name);
	if (ret)
		return ret;
	m->rel = strdup(rel);
	m->src = strdup(src);
	t->nmods++;
	if (!m->rel || !m->src)
		return -ENOMEM;
	if (!deps)
		return 0;
	/* modules.dep lists paths; an empty list means "read, none" */
	m->deps = calloc(1, sizeof(*m->deps));
	if (!m->deps)
		return -ENOMEM;
	for (tok = strtok_r(deps, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		ret = mod_name(tok, name);
		if (!ret)
			ret = add_dep(m, name);
		if (ret)
			return ret;
	}
	return 0;
}

/* One line of modules.order / modules.dep / modules.builtin, bounded. */
static int read_line(FILE *f, char *line, size_t sz, const char *file)
{
	char *nl;

	if (!fgets(line, sz, f))
		return ferror(f) ? -EIO : 0;
	nl = strchr(line, '\n');
	if (!nl) {
		fprintf(stderr, "kinit_gen: %s: line too long\n", file);
		return -E2BIG;
	}
	*nl = '\0';
	return 1;
}

static int read_builtin(struct modtree *t, const char *file)
{
	char line[PATH_MAX], name[KINIT_MODNAME_MAX + 1], **n;
	FILE *f = fopen(file, "r");
	int ret;

	if (!f)
		return errno == ENOENT ? 0 : -errno;
	while ((ret = read_line(f, line, sizeof(line), file)) > 0) {
		if (!line[0] || mod_name(line, name))
			continue;
		n = realloc(t->builtin, (t->nbuiltin + 1) * sizeof(*n));
		if (!n) {
			ret = -ENOMEM;
			break;
		}
		t->builtin = n;
		n[t->nbuiltin] = strdup(name);
		if (!n[t->nbuiltin]) {
			ret = -ENOMEM;
			break;
		}
		t->nbuiltin++;
	}
	fclose(f);
	qsort(t->builtin, t->nbuiltin, sizeof(*t->builtin), str_cmp);
	return ret;
}

/* An installed tree: lib/modules/<release>/modules.dep has the closure. */
static int read_staging(struct modtree *t, const char *dep)
{
	char line[CONF_LINE_MAX], src[PATH_MAX], *colon;
	FILE *f = fopen(dep, "r");
	int ret;

	if (!f)
		return -errno;
	while ((ret = read_line(f, line, sizeof(line), dep)) > 0) {
		colon = strchr(line, ':');
		if (!colon) {
			ret = -EINVAL;
			break;
		}
		*colon = '\0';
		ret = path_join(src, sizeof(src), t->base, line);
		if (!ret)
			ret = add_mod(t, line, src, colon + 1);
		if (ret)
			break;
	}
	fclose(f);
	return ret;
}

/* A build tree: modules.order lists the .ko (6.1: .ko, newer: .o). */
static int read_objtree(struct modtree *t, const char *order)
{
	char line[PATH_MAX], rel[PATH_MAX], src[PATH_MAX];
	FILE *f = fopen(order, "r");
	size_t len;
	int ret;

	if (!f)
		return -errno;
	while ((ret = read_line(f, line, sizeof(line), order)) > 0) {
		len = strlen(line);
		if (!len)
			continue;
		if (len > 2 && !strcmp(line + len - 2, ".o"))
			line[len - 2] = '\0';
		else if (len > 3 && !strcmp(line + len - 3, ".ko"))
			line[len - 3] = '\0';
		else
			ret = -EINVAL;
		if (ret > 0 && (snprintf(rel, sizeof(rel), "kernel/%s.ko", line) >= (int)sizeof(rel) ||
				snprintf(src, sizeof(src), "%s/%s.ko", t->g->modtree, line) >=
				(int)sizeof(src)))
			ret = -ENAMETOOLONG;
		if (ret > 0)
			ret = add_mod(t, rel, src, NULL);
		if (ret < 0)
			break;
	}
	fclose(f);
	return ret;
}

/*
 * A device alias, as a modalias file in sysfs would match it: a bus
 * prefix ("pci:", "virtio:", "acpi*:").  "fs-ext4", "char-major-*" and
 * "devname:" aliases name no device and are left out.
 */
static int add_alias(struct mod *m, const char *alias)
{
	char **n;

	if (!strchr(alias, ':') || !strncmp(alias, "devname:", 8) ||
	    strpbrk(alias, " \t\n"))
		return 0;
	if (m->naliases == ALIASES_MAX)
		return -E2BIG;
	n = realloc(m->aliases, (m->naliases + 1) * sizeof(*n));
	if (!n)
		return -ENOMEM;
	m->aliases = n;
	n[m->naliases] = strdup(alias);
	if (!n[m->naliases])
		return -ENOMEM;
	m->naliases++;
	return 0;
}

/*
 * A .ko of a build tree that is not there yet: kbuild builds modules after
 * vmlinux, so say how to get them into the archive.  Returns @err.
 */
static int not_built(const struct modtree *t, int err)
{
	if (err == -ENOENT && !t->staging)
		fprintf(stderr, "kinit_gen: %s: modules are built after vmlinux: run `make` (all), which links twice, or `make modules` before this\n",
			t->opt);
	return err;
}

/* Does module @m's .modinfo carry exactly "alias=@name"? */
static bool has_alias(const struct mod *m, const char *name)
{
	char *info, *p;
	size_t len;
	bool found = false;

	if (elf_section(m->src, ".modinfo", &info, &len))
		return false;
	for (p = info; !found && p < info + len; p += strlen(p) + 1)
		found = !strncmp(p, "alias=", 6) && !strcmp(p + 6, name);
	free(info);
	return found;
}

/*
 * A "softdep=pre: NAME..." names a module or an alias that the kernel
 * would load through modprobe, which early userspace does not have: ext4
 * asks for "crypto-crc32c" at mount time and fails without it.  So a pre
 * soft dependency found in the tree is carried and loaded first, like a
 * hard one; one that is not in the tree is left out (it is soft).
 * post: dependencies are not followed.
 */
static int add_softdeps(struct modtree *t, struct mod *m, char *spec)
{
	char *tok, *save;
	bool pre = false;
	size_t i;
	int ret = 0;

	for (tok = strtok_r(spec, " \t", &save); !ret && tok; tok = strtok_r(NULL, " \t", &save)) {
		if (!strcmp(tok, "pre:") || !strcmp(tok, "post:")) {
			pre = !strcmp(tok, "pre:");
			continue;
		}
		if (!pre)
			continue;
		if (find_mod(t, tok)) {
			ret = add_dep(m, tok);
			continue;
		}
		for (i = 0; i < t->nmods; i++) {
			if (&t->mods[i] != m && has_alias(&t->mods[i], tok)) {
				ret = add_dep(m, t->mods[i].name);
				break;
			}
		}
	}
	return ret;
}

/*
 * depends=, softdep= and alias= from the .modinfo (build trees have no
 * modules.dep).
 */
static int read_modinfo_deps(struct modtree *t, struct mod *m)
{
	char *info, *p, *next, *tok, *save;
	size_t len;
	int ret = elf_section(m->src, ".modinfo", &info, &len);

	if (ret)
		return not_built(t, gen_error(t->opt, m->src, ret));
	m->deps = calloc(1, sizeof(*m->deps));
	ret = m->deps ? 0 : -ENOMEM;
	for (p = info; !ret && p < info + len; p = next) {
		next = p + strlen(p) + 1;
		if (!strncmp(p, "alias=", 6))
			ret = add_alias(m, p + 6);
		if (!strncmp(p, "softdep=", 8))
			ret = add_softdeps(t, m, p + 8);
		if (strncmp(p, "depends=", 8))
			continue;
		for (tok = strtok_r(p + 8, ",", &save); !ret && tok;
		     tok = strtok_r(NULL, ",", &save))
			ret = add_dep(m, tok);
	}
	free(info);
	return ret ? gen_error(t->opt, m->src, ret) : 0;
}

/* An installed tree's modules.alias ("alias PATTERN NAME"), if there is one. */
static int read_staging_aliases(struct modtree *t, const char *file)
{
	char line[CONF_LINE_MAX], pat[CONF_LINE_MAX], name[KINIT_MODNAME_MAX + 1];
	FILE *f = fopen(file, "r");
	struct mod *m;
	int ret;

	if (!f)
		return errno == ENOENT ? 0 : -errno;
	while ((ret = read_line(f, line, sizeof(line), file)) > 0) {
		if (sscanf(line, "alias %4095s %56s", pat, name) != 2)
			continue;
		m = find_mod(t, name);
		ret = m ? add_alias(m, pat) : 0;
		if (ret)
			break;
	}
	fclose(f);
	return ret;
}

/* Append "<prefix>/lib/modules/<release>/<rel>" as a line of a side file. */
static int append_path(struct modtree *t, char **buf, size_t *len, const char *prefix,
		       const struct mod *m)
{
	size_t add = strlen(prefix) + strlen(KINIT_MODULES_DIR "///\n") + strlen(t->g->release) +
		     strlen(m->rel);
	char *n = realloc(*buf, *len + add + 1);

	if (!n)
		return -ENOMEM;
	*buf = n;
	*len += sprintf(n + *len, "%s" KINIT_MODULES_DIR "/%s/%s\n", prefix, t->g->release, m->rel);
	return 0;
}

static int push_order(struct modtree *t, struct mod *m)
{
	struct mod **n = realloc(t->order, (t->norder + 1) * sizeof(*n));

	if (!n)
		return -ENOMEM;
	t->order = n;
	n[t->norder++] = m;
	return 0;
}

/*
 * kinit.load gets every module in the image, dependencies first.  With
 * autoload, a driver (a module with device aliases) that no other module
 * in the image needs goes to kinit.alias instead, one "alias PATTERN
 * PATH" line per alias, and is loaded only when a device matches: its
 * dependencies are in kinit.load, so it loads alone.
 */
static int split_order(struct modtree *t)
{
	char prefix[CONF_LINE_MAX + 8];
	size_t i, a;
	int ret = 0;

	for (i = 0; !ret && i < t->norder; i++) {
		struct mod *m = t->order[i];

		if (!t->autoload || !m->naliases || m->needed) {
			ret = append_path(t, &t->load, &t->loadlen, "", m);
			continue;
		}
		for (a = 0; !ret && a < m->naliases; a++) {
			snprintf(prefix, sizeof(prefix), "alias %s ", m->aliases[a]);
			ret = append_path(t, &t->alias, &t->aliaslen, prefix, m);
		}
	}
	return ret;
}

/* Write a side file and put it at /lib/modules/<release>/@name. */
static int emit_side(struct modtree *t, const char *name, const char *data, size_t len)
{
	char side[PATH_MAX], img[PATH_MAX];
	struct entry e = {
		.path = img, .arg = side, .origin = t->opt, .mode = 0644, .type = ENT_FILE,
	};
	int ret;

	if (!len)
		return 0;
	ret = write_side_file(t->g, t->opt, name, data, len, side, sizeof(side));
	if (ret)
		return ret;
	snprintf(img, sizeof(img), KINIT_MODULES_DIR "/%s/%s", t->g->release, name);
	ret = genlist_add(t->g, &e);
	return ret ? gen_error(t->opt, img, ret) : 0;
}

static int emit_mod(struct modtree *t, struct mod *m)
{
	char path[PATH_MAX];
	struct entry e = {
		.path = path, .arg = m->src, .origin = t->opt, .mode = 0644,
		.type = ENT_FILE,
	};
	struct stat st;

	if (stat(m->src, &st))
		return not_built(t, gen_error(t->opt, m->src, -errno));
	if (snprintf(path, sizeof(path), KINIT_MODULES_DIR "/%s/%s", t->g->release, m->rel) >=
	    (int)sizeof(path))
		return gen_error(t->opt, m->rel, -ENAMETOOLONG);
	return genlist_add(t->g, &e) ? gen_error(t->opt, path, -EINVAL) : push_order(t, m);
}

static bool is_builtin(const struct modtree *t, const char *name)
{
	return bsearch(&name, t->builtin, t->nbuiltin, sizeof(*t->builtin), str_cmp);
}

/* Post-order DFS over sorted dependency names: dependencies load first. */
static int visit(struct modtree *t, const char *name, const char *needed_by)
{
	struct mod *m = find_mod(t, name);
	size_t i;
	int ret;

	if (!m && is_builtin(t, name))
		return 0;
	if (!m) {
		if (needed_by)
			fprintf(stderr, "kinit_gen: %s: %s: needs module %s, not found in %s\n",
				t->opt, needed_by, name, t->g->modtree);
		else
			fprintf(stderr, "kinit_gen: %s: %s: module not found in %s (is it =m?)\n",
				t->opt, name, t->g->modtree);
		return -ENOENT;
	}
	if (needed_by)
		m->needed = true;
	if (m->state == 2)
		return 0;
	if (m->state == 1) {
		fprintf(stderr, "kinit_gen: %s: %s: dependency loop\n", t->opt, name);
		return -ELOOP;
	}
	m->state = 1;
	if (!m->deps) {
		ret = read_modinfo_deps(t, m);
		if (ret)
			return ret;
	}
	qsort(m->deps, m->ndeps, sizeof(*m->deps), str_cmp);
	for (i = 0; i < m->ndeps; i++) {
		/* find_mod() may not move m: the table is not resized here */
		ret = visit(t, m->deps[i], m->name);
		if (ret)
			return ret;
	}
	m->state = 2;
	return emit_mod(t, m);
}

static int open_tree(struct modtree *t)
{
	char dep[PATH_MAX], file[PATH_MAX];
	struct stat st;
	int ret;

	if (snprintf(t->base, sizeof(t->base), "%s/lib/modules/%s", t->g->modtree,
		     t->g->release) >= (int)sizeof(t->base) ||
	    path_join(dep, sizeof(dep), t->base, "modules.dep"))
		return gen_error(t->opt, t->g->modtree, -ENAMETOOLONG);
	t->staging = !stat(dep, &st);
	if (t->staging) {
		ret = read_staging(t, dep);
		if (!ret)
			ret = path_join(file, sizeof(file), t->base, "modules.builtin");
		if (ret)
			return gen_error(t->opt, dep, ret);
	} else {
		ret = path_join(dep, sizeof(dep), t->g->modtree, "modules.order");
		if (!ret)
			ret = read_objtree(t, dep);
		if (!ret)
			ret = path_join(file, sizeof(file), t->g->modtree, "modules.builtin");
		if (ret)
			return gen_error(t->opt, dep, ret);
	}
	ret = read_builtin(t, file);
	if (ret)
		return gen_error(t->opt, file, ret);
	qsort(t->mods, t->nmods, sizeof(*t->mods), mod_cmp);
	if (t->staging && t->autoload &&
	    (path_join(file, sizeof(file), t->base, "modules.alias") ||
	     read_staging_aliases(t, file)))
		return gen_error(t->opt, file, -EINVAL);
	return 0;
}

static void free_tree(struct modtree *t)
{
	size_t i, k;

	for (i = 0; i < t->nmods; i++) {
		for (k = 0; k < t->mods[i].ndeps; k++)
			free(t->mods[i].deps[k]);
		free(t->mods[i].deps);
		for (k = 0; k < t->mods[i].naliases; k++)
			free(t->mods[i].aliases[k]);
		free(t->mods[i].aliases);
		free(t->mods[i].rel);
		free(t->mods[i].src);
	}
	for (i = 0; i < t->nbuiltin; i++)
		free(t->builtin[i]);
	free(t->builtin);
	free(t->mods);
	free(t->load);
	free(t->order);
	free(t->alias);
}

/* The requested names, canonical and sorted, so the order is reproducible. */
static int split_names(const char *opt, char *names, char **out, size_t *n)
{
	char *tok, *save, ko[KINIT_MODNAME_MAX + 4];

	*n = 0;
	for (tok = strtok_r(names, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		if (*n == MODDEPS_MAX)
			return gen_error(opt, tok, -E2BIG);
		if (snprintf(ko, sizeof(ko), "%s.ko", tok) >= (int)sizeof(ko) ||
		    mod_name(ko, tok))
			return gen_error(opt, tok, -EINVAL);
		out[(*n)++] = tok;
	}
	qsort(out, *n, sizeof(*out), str_cmp);
	return 0;
}

/*
 * kbuild links vmlinux before it builds modules, so on a first build the
 * modules named are not there yet; the top-level hook then links again
 * (see Makefile.kinit).  With -P, a tree without modules.order, or with
 * a named module's .ko missing, is "pending": no module goes in this
 * pass.  A name modules.order does not know is still an error.
 */
static bool modules_pending(const struct modtree *tree, char **want, size_t n)
{
	struct modtree t = { .g = tree->g, .opt = tree->opt };
	char order[PATH_MAX];
	bool pending = false;
	struct mod *m;
	size_t i;

	if (path_join(order, sizeof(order), t.g->modtree, "modules.order") ||
	    access(order, R_OK))
		return true;
	if (open_tree(&t))
		return false;	/* the real pass below reports it */
	for (i = 0; i < n && !pending; i++) {
		m = find_mod(&t, want[i]);
		pending = m && access(m->src, R_OK);
	}
	free_tree(&t);
	return pending;
}

static bool conf_enabled(const struct gen *g, const char *name)
{
	size_t i;

	for (i = 0; i < g->nconf; i++)
		if (!strcmp(g->conf[i].name, name))
			return !strcmp(g->conf[i].value, "y");
	return false;
}

/**
 * gen_modules() - add the named modules, their dependencies and kinit.load
 * @g:		generator state (-M tree, -r release, -o side file directory)
 * @opt:	the option, for messages
 * @names:	space-separated module names ('-' and '_' are the same)
 *
 * The tree is either an installed one (-M INSTALL_MOD_PATH with
 * lib/modules/<release>/modules.dep) or a kernel build tree (-M objtree
 * with modules.order; dependencies come from each .ko's .modinfo).
 * Modules land at /lib/modules/<release>/<path>, and
 * /lib/modules/<release>/kinit.load lists them, dependencies first.
 * With CONFIG_KINIT_MODULES_AUTOLOAD, drivers wait for their device in
 * /lib/modules/<release>/kinit.alias instead (see split_order()).
 * A name in modules.builtin needs nothing and is skipped.
 *
 * Return: 0 or -errno (message printed).
 */
int gen_modules(struct gen *g, const char *opt, const char *names)
{
	struct modtree t = { .g = g, .opt = opt };
	char *copy, *want[MODDEPS_MAX], img[PATH_MAX];
	size_t n, i;
	int ret;

	if (!g->modtree || !g->release) {
		fprintf(stderr, "kinit_gen: %s: needs the module tree (-M DIR) and release (-r RELEASE)\n",
			opt);
		return -EINVAL;
	}
	/* the release becomes a path component of every module entry */
	if (snprintf(img, sizeof(img), KINIT_MODULES_DIR "/%s", g->release) >= (int)sizeof(img) ||
	    !g->release[0] || strchr(g->release, '/') || !path_ok(img) ||
	    !strcmp(g->release, ".") || !strcmp(g->release, ".."))
		return gen_error(opt, g->release, -EINVAL);
	copy = strdup(names);
	if (!copy)
		return -ENOMEM;
	ret = split_names(opt, copy, want, &n);
	if (!ret && n && g->mods_pending && modules_pending(&t, want, n)) {
		fprintf(stderr, "kinit_gen: %s: modules not built yet; the second link pass adds them\n",
			opt);
		free(copy);
		return 0;
	}
	t.autoload = conf_enabled(g, "CONFIG_KINIT_MODULES_AUTOLOAD");
	if (!ret && n)
		ret = open_tree(&t);
	for (i = 0; !ret && i < n; i++)
		ret = visit(&t, want[i], NULL);
	if (!ret)
		ret = split_order(&t);
	if (!ret)
		ret = emit_side(&t, KINIT_LOAD_FILE, t.load, t.loadlen);
	if (!ret)
		ret = emit_side(&t, KINIT_ALIAS_FILE, t.alias, t.aliaslen);
	free_tree(&t);
	free(copy);
	return ret;
}
