// SPDX-License-Identifier: GPL-2.0
/*
 * extra_src.c - CONFIG_KINIT_EXTRA_SOURCE: host directories and
 * gen_init_cpio lists merged into the image, as CONFIG_INITRAMFS_SOURCE.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "genlist.h"

#define WALK_DEPTH	64
#define LIST_FIELDS	8

/**
 * struct walk - a directory being merged
 * @g:		generator state
 * @opt:	the option, for messages
 * @root:	the host directory that becomes /
 * @rootlen:	strlen(@root)
 */
struct walk {
	struct gen *g;
	const char *opt;
	const char *root;
	size_t rootlen;
};

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
	/* strcmp, not alphasort's strcoll: the locale must not change the image */
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int skip_dots(const struct dirent *d)
{
	return strcmp(d->d_name, ".") && strcmp(d->d_name, "..");
}

static int walk_dir(struct walk *w, const char *dir, int depth);

/* One directory entry: its type decides the gen_init_cpio keyword. */
static int walk_one(struct walk *w, const char *host, int depth)
{
	char target[PATH_MAX], nod[32];
	struct entry e = {
		.path = (char *)host + w->rootlen, .origin = w->opt,
	};
	struct stat st;
	ssize_t n;
	int ret;

	if (lstat(host, &st))
		return -errno;
	e.mode = st.st_mode & 07777;
	if (S_ISDIR(st.st_mode)) {
		/* weak: /etc from a tree must not clash with the skeleton's */
		e.type = ENT_DIR;
		e.weak = true;
	} else if (S_ISREG(st.st_mode)) {
		e.type = ENT_FILE;
		e.arg = (char *)host;
	} else if (S_ISLNK(st.st_mode)) {
		n = readlink(host, target, sizeof(target) - 1);
		if (n < 0)
			return -errno;
		target[n] = '\0';
		e.type = ENT_SLINK;
		e.mode = 0777;
		e.arg = target;
	} else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
		snprintf(nod, sizeof(nod), "%c %u %u", S_ISCHR(st.st_mode) ? 'c' : 'b',
			 major(st.st_rdev), minor(st.st_rdev));
		e.type = ENT_NOD;
		e.arg = nod;
	} else if (S_ISFIFO(st.st_mode)) {
		e.type = ENT_PIPE;
	} else {
		e.type = ENT_SOCK;
	}
	ret = genlist_add(w->g, &e);
	if (ret)
		return ret;
	return e.type == ENT_DIR ? walk_dir(w, host, depth + 1) : 0;
}

static int walk_dir(struct walk *w, const char *dir, int depth)
{
	char host[PATH_MAX];
	struct dirent **names;
	int n, i, ret = 0;

	if (depth > WALK_DEPTH)
		return -ELOOP;
	n = scandir(dir, &names, skip_dots, name_cmp);
	if (n < 0)
		return -errno;
	for (i = 0; i < n; i++) {
		if (!ret && path_join(host, sizeof(host), dir, names[i]->d_name))
			ret = -ENAMETOOLONG;
		if (!ret) {
			ret = walk_one(w, host, depth);
			if (ret)
				gen_error(w->opt, host, ret);
		}
		free(names[i]);
	}
	free(names);
	return ret ? -ECANCELED : 0;
}

/* Parse a gen_init_cpio mode/uid/gid triple strictly. */
static int parse_num(const char *s, int base, unsigned int max, unsigned int *v)
{
	unsigned long n;
	char *end;

	errno = 0;
	n = strtoul(s, &end, base);
	if (errno || end == s || *end || n > max)
		return -EINVAL;
	*v = n;
	return 0;
}

/**
 * struct list_kw - one gen_init_cpio keyword
 * @kw:		the keyword
 * @type:	what it becomes
 * @nargs:	fields after the keyword
 * @argidx:	which field is our @arg (file location, link target), or -1
 * @modeidx:	index of the mode field (uid, gid follow)
 */
struct list_kw {
	const char *kw;
	enum ent_type type;
	int nargs, argidx, modeidx;
};

static const struct list_kw list_kws[] = {
	{ .kw = "dir",   .type = ENT_DIR,   .nargs = 4, .argidx = -1, .modeidx = 1 },
	{ .kw = "file",  .type = ENT_FILE,  .nargs = 5, .argidx = 1,  .modeidx = 2 },
	{ .kw = "slink", .type = ENT_SLINK, .nargs = 5, .argidx = 1,  .modeidx = 2 },
	{ .kw = "nod",   .type = ENT_NOD,   .nargs = 7, .argidx = -1, .modeidx = 1 },
	{ .kw = "pipe",  .type = ENT_PIPE,  .nargs = 4, .argidx = -1, .modeidx = 1 },
	{ .kw = "sock",  .type = ENT_SOCK,  .nargs = 4, .argidx = -1, .modeidx = 1 },
};

/* Fields of one list line into an entry; the keyword table checks arity. */
static int list_entry(char **f, int nf, struct entry *e, char *nod, size_t nodsz)
{
	const struct list_kw *k = NULL;
	unsigned int maj, min;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(list_kws); i++)
		if (!strcmp(f[0], list_kws[i].kw))
			k = &list_kws[i];
	if (!k || nf - 1 != k->nargs)
		return -EINVAL;
	e->type = k->type;
	e->path = f[1];
	e->arg = k->argidx > 0 ? f[1 + k->argidx] : NULL;
	if (parse_num(f[1 + k->modeidx], 8, 07777, &e->mode) ||
	    parse_num(f[2 + k->modeidx], 10, 65535, &e->uid) ||
	    parse_num(f[3 + k->modeidx], 10, 65535, &e->gid))
		return -EINVAL;
	if (k->type == ENT_NOD) {
		if (strcmp(f[5], "c") && strcmp(f[5], "b"))
			return -EINVAL;
		if (parse_num(f[6], 10, 4095, &maj) || parse_num(f[7], 10, 1048575, &min))
			return -EINVAL;
		snprintf(nod, nodsz, "%s %u %u", f[5], maj, min);
		e->arg = nod;
	}
	return 0;
}

/* A list file: every line checked here, so gen_init_cpio sees no surprise. */
static int merge_list(struct gen *g, const char *opt, const char *file)
{
	char line[CONF_LINE_MAX], *f[LIST_FIELDS + 1], *save, nod[32];
	struct entry e = { .origin = opt };
	FILE *fp = fopen(file, "r");
	int lineno = 0, nf, ret = 0;
	struct stat st;

	if (!fp)
		return gen_error(opt, file, -errno);
	while (!ret && fgets(line, sizeof(line), fp)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(fp)) {
			ret = -E2BIG;
			break;
		}
		nf = 0;
		for (f[0] = strtok_r(line, " \t\r\n", &save); f[nf] && nf < LIST_FIELDS;)
			f[++nf] = strtok_r(NULL, " \t\r\n", &save);
		if (!nf || f[0][0] == '#')
			continue;
		if (f[nf] || list_entry(f, nf, &e, nod, sizeof(nod))) {
			ret = -EINVAL;
			break;
		}
		if (e.type == ENT_FILE) {
			int err = stat(e.arg, &st) ? errno : S_ISREG(st.st_mode) ? 0 : EINVAL;

			if (err) {
				fprintf(stderr, "kinit_gen: %s: %s:%d: %s: %s\n", opt, file,
					lineno, e.arg, strerror(err));
				fclose(fp);
				return -err;
			}
		}
		ret = genlist_add(g, &e);
	}
	fclose(fp);
	if (ret)
		fprintf(stderr, "kinit_gen: %s: %s:%d: bad gen_init_cpio line\n", opt, file,
			lineno);
	return ret;
}

/**
 * gen_extra_source() - merge host directories and gen_init_cpio lists
 * @g:		generator state
 * @opt:	the option, for messages
 * @sources:	space-separated paths (relative ones to the working directory)
 *
 * A directory becomes the image root: its tree is walked in byte order,
 * modes are kept and everything is owned by 0:0. A file is read as a
 * gen_init_cpio list; every line must be a known keyword with the right
 * number of fields, and the files it names must exist.
 *
 * Return: 0 or -errno (message printed).
 */
int gen_extra_source(struct gen *g, const char *opt, const char *sources)
{
	char *copy = strdup(sources), *tok, *save, root[PATH_MAX];
	struct walk w = { .g = g, .opt = opt, .root = root };
	struct stat st;
	int ret = copy ? 0 : -ENOMEM;

	for (tok = copy ? strtok_r(copy, " \t", &save) : NULL; !ret && tok;
	     tok = strtok_r(NULL, " \t", &save)) {
		if (stat(tok, &st)) {
			ret = gen_error(opt, tok, -errno);
		} else if (S_ISDIR(st.st_mode)) {
			if (!realpath(tok, root)) {
				ret = gen_error(opt, tok, -errno);
				continue;
			}
			w.rootlen = strcmp(root, "/") ? strlen(root) : 0;
			ret = walk_dir(&w, root, 0);
		} else {
			ret = merge_list(g, opt, tok);
		}
	}
	free(copy);
	return ret;
}
