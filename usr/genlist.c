// SPDX-License-Identifier: GPL-2.0
/*
 * genlist.c - the entry list of kinit_gen: adding host paths with their
 * symlinks, canonical sorted output, conflict checks and side files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "genlist.h"


static const char *const ent_keyword[] = {
	[ENT_DIR] = "dir",
	[ENT_FILE] = "file",
	[ENT_SLINK] = "slink",
	[ENT_NOD] = "nod",
	[ENT_PIPE] = "pipe",
	[ENT_SOCK] = "sock",
};

/**
 * gen_error() - report a failure as "kinit_gen: OPT: WHAT: strerror"
 * @opt:	the option (or step) that failed
 * @what:	the path or name concerned, may be NULL
 * @err:	negative errno
 *
 * Return: @err, so callers can "return gen_error(...)".
 */
int gen_error(const char *opt, const char *what, int err)
{
	if (what)
		fprintf(stderr, "kinit_gen: %s: %s: %s\n", opt, what, strerror(-err));
	else
		fprintf(stderr, "kinit_gen: %s: %s\n", opt, strerror(-err));
	return err;
}

/**
 * path_ok() - can gen_init_cpio carry this image path?
 * @path:	candidate path
 *
 * gen_init_cpio splits its lines on white space and has no quoting, so a
 * path with blanks or control characters cannot be listed at all.
 *
 * Return: true if @path is absolute, short enough and has no such bytes.
 */
bool path_ok(const char *path)
{
	const unsigned char *p = (const unsigned char *)path;

	if (*p != '/' || strlen(path) >= PATH_MAX)
		return false;
	for (; *p; p++)
		if (*p <= ' ' || *p == 0x7f)
			return false;
	return true;
}

/**
 * path_join() - "a/b" without doubled slashes
 * @out:	result buffer
 * @outsz:	its size
 * @a:		directory part, may be ""
 * @b:		name part
 *
 * Return: 0 or -ENAMETOOLONG.
 */
int path_join(char *out, size_t outsz, const char *a, const char *b)
{
	size_t al = strlen(a);
	int n;

	while (al > 0 && a[al - 1] == '/')
		al--;
	while (*b == '/')
		b++;
	n = snprintf(out, outsz, "%.*s/%s", (int)al, a, b);
	return n < 0 || (size_t)n >= outsz ? -ENAMETOOLONG : 0;
}

/**
 * path_resolve() - resolve a path component by component, like the kernel
 * @r:		how to read symlinks (host file system or the list itself)
 * @path:	absolute path to resolve
 * @follow_last: also follow a symlink in the last component
 * @out:	canonical path
 * @outsz:	its size
 *
 * Every symlink followed is reported to @r->on_link before the walk goes
 * on at its target, so a caller can record the link itself in the image.
 *
 * Return: 0 or -errno (-ELOOP after SYMLINK_HOPS links).
 */
int path_resolve(const struct resolver *r, const char *path, bool follow_last,
		 char *out, size_t outsz)
{
	char rest[PATH_MAX], tgt[PATH_MAX], tmp[PATH_MAX];
	size_t olen = 0, prev, clen;
	int hops = 0, n;
	char *p = rest, *end;

	if (snprintf(rest, sizeof(rest), "%s", path) >= (int)sizeof(rest) || outsz < 2)
		return -ENAMETOOLONG;
	out[0] = '\0';
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		end = p + strcspn(p, "/");
		clen = end - p;
		if (clen == 1 && p[0] == '.') {
			p = end;
			continue;
		}
		if (clen == 2 && p[0] == '.' && p[1] == '.') {
			while (olen > 0 && out[olen - 1] != '/')
				olen--;
			olen = olen ? olen - 1 : 0;
			out[olen] = '\0';
			p = end;
			continue;
		}
		if (olen + 1 + clen >= outsz)
			return -ENAMETOOLONG;
		prev = olen;
		out[olen++] = '/';
		memcpy(out + olen, p, clen);
		olen += clen;
		out[olen] = '\0';
		p = end;
		while (*p == '/')
			p++;
		if (!*p && !follow_last)
			break;
		n = r->readlink(r->ctx, out, tgt, sizeof(tgt));
		if (n < 0)
			return n;
		if (n == 0)
			continue;
		if (++hops > SYMLINK_HOPS)
			return -ELOOP;
		if (r->on_link) {
			n = r->on_link(r->ctx, out, tgt);
			if (n)
				return n;
		}
		olen = tgt[0] == '/' ? 0 : prev;
		out[olen] = '\0';
		if (snprintf(tmp, sizeof(tmp), "%s/%s", tgt, p) >= (int)sizeof(tmp))
			return -ENAMETOOLONG;
		memcpy(rest, tmp, strlen(tmp) + 1);
		p = rest;
	}
	if (!olen)
		memcpy(out, "/", 2);
	return 0;
}

/**
 * genlist_add() - append a copy of an entry
 * @g:		generator state
 * @e:		the entry; its strings are copied
 *
 * Return: 0, -EINVAL for a path gen_init_cpio cannot carry, or -ENOMEM.
 */
int genlist_add(struct gen *g, const struct entry *e)
{
	struct entry *n;

	if (!path_ok(e->path) || (e->arg && e->type != ENT_NOD && !path_ok(e->arg) &&
				  !(e->type == ENT_SLINK && e->arg[0] &&
				    !strpbrk(e->arg, " \t\n"))))
		return -EINVAL;
	if (g->nents == g->capents) {
		size_t cap = g->capents ? 2 * g->capents : 64;

		n = realloc(g->ents, cap * sizeof(*n));
		if (!n)
			return -ENOMEM;
		g->ents = n;
		g->capents = cap;
	}
	n = &g->ents[g->nents];
	*n = *e;
	n->path = strdup(e->path);
	n->arg = e->arg ? strdup(e->arg) : NULL;
	if (!n->path || (e->arg && !n->arg)) {
		free(n->path);
		free(n->arg);
		return -ENOMEM;
	}
	g->nents++;
	return 0;
}

struct host_ctx {
	struct gen *g;
	const char *opt;
};

static int host_readlink(void *ctx, const char *path, char *buf, size_t sz)
{
	struct host_ctx *h = ctx;
	char full[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (path_join(full, sizeof(full), h->g->sysroot, path))
		return -ENAMETOOLONG;
	if (lstat(full, &st))
		return -errno;
	if (!S_ISLNK(st.st_mode))
		return 0;
	n = readlink(full, buf, sz - 1);
	if (n < 0)
		return -errno;
	if ((size_t)n >= sz - 1)
		return -ENAMETOOLONG;
	buf[n] = '\0';
	return n ? (int)n : -EINVAL;
}

static int host_record_link(void *ctx, const char *path, const char *target)
{
	struct host_ctx *h = ctx;
	struct entry e = {
		.path = (char *)path, .arg = (char *)target, .origin = h->opt,
		.mode = 0777, .type = ENT_SLINK,
	};

	return genlist_add(h->g, &e);
}

/**
 * host_realpath() - resolve a target path under --sysroot without recording
 * @g:		generator state
 * @path:	absolute target path
 * @out:	resolved target path (without the sysroot prefix)
 * @outsz:	its size
 *
 * Absolute symlinks are taken relative to the sysroot, as ld.so in a
 * chroot would, so a cross sysroot never leaks host files.
 *
 * Return: 0 or -errno.
 */
int host_realpath(struct gen *g, const char *path, char *out, size_t outsz)
{
	struct host_ctx h = { .g = g, .opt = NULL };
	struct resolver r = { host_readlink, NULL, &h };

	return path_resolve(&r, path, true, out, outsz);
}

/**
 * genlist_add_host_path() - put a target file into the image at its own path
 * @g:		generator state
 * @opt:	the option asking for it
 * @path:	absolute path on the target (looked up under --sysroot)
 * @real:	receives the fully resolved path, may be NULL
 * @realsz:	size of @real
 *
 * Every symlink met on the way, in a directory component or the file
 * itself (libfoo.so.1 -> libfoo.so.1.2.3, /lib -> usr/lib), becomes a
 * slink entry with its own target text; the regular file lands at its
 * resolved path, so the image resolves every path as the target does.
 *
 * Return: 0 or -errno (-EISDIR/-EINVAL if the path is not a regular file).
 */
int genlist_add_host_path(struct gen *g, const char *opt, const char *path,
			  char *real, size_t realsz)
{
	struct host_ctx h = { .g = g, .opt = opt };
	struct resolver r = { host_readlink, host_record_link, &h };
	char res[PATH_MAX], full[PATH_MAX];
	struct entry e = { .origin = opt, .type = ENT_FILE };
	struct stat st;
	int ret;

	ret = path_resolve(&r, path, true, res, sizeof(res));
	if (ret)
		return ret;
	if (path_join(full, sizeof(full), g->sysroot, res))
		return -ENAMETOOLONG;
	if (stat(full, &st))
		return -errno;
	if (!S_ISREG(st.st_mode))
		return S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
	e.path = res;
	e.arg = full;
	e.mode = st.st_mode & 07777;
	if (real && snprintf(real, realsz, "%s", res) >= (int)realsz)
		return -ENAMETOOLONG;
	return genlist_add(g, &e);
}

/* Sort key: component by component, so "/a/b" follows "/a" directly. */
static int path_cmp(const char *a, const char *b)
{
	int ca, cb;

	for (;; a++, b++) {
		ca = *a == '/' ? 1 : (unsigned char)*a;
		cb = *b == '/' ? 1 : (unsigned char)*b;
		if (ca != cb || !ca)
			return ca - cb;
	}
}

static int ent_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = path_cmp(a->path, b->path);

	if (c)
		return c;
	/* ties broken on every field: qsort is not stable, output must be */
	if (a->weak != b->weak)
		return a->weak - b->weak;
	if (a->type != b->type)
		return (int)a->type - (int)b->type;
	if (a->mode != b->mode)
		return a->mode < b->mode ? -1 : 1;
	if (a->uid != b->uid || a->gid != b->gid)
		return a->uid != b->uid ? (a->uid < b->uid ? -1 : 1) : (a->gid < b->gid ? -1 : 1);
	return strcmp(a->arg ? a->arg : "", b->arg ? b->arg : "");
}

static int ent_find_cmp(const void *key, const void *elem)
{
	return path_cmp(key, ((const struct entry *)elem)->path);
}

static struct entry *find_sorted(const struct gen *g, size_t n, const char *path)
{
	return bsearch(path, g->ents, n, sizeof(*g->ents), ent_find_cmp);
}

struct list_ctx {
	const struct gen *g;
	size_t n;
};

static int list_readlink(void *ctx, const char *path, char *buf, size_t sz)
{
	const struct list_ctx *l = ctx;
	const struct entry *e = find_sorted(l->g, l->n, path);

	/* several entries may share a path until dedup: look at all */
	if (!e)
		return 0;
	while (e > l->g->ents && !path_cmp(e[-1].path, path))
		e--;
	for (; e < l->g->ents + l->n && !path_cmp(e->path, path); e++) {
		if (e->type == ENT_SLINK && !e->weak) {
			if (strlen(e->arg) >= sz)
				return -ENAMETOOLONG;
			strcpy(buf, e->arg);
			return strlen(buf);
		}
	}
	return 0;
}

/*
 * Entries that were named by their image path (/bin/busybox, /lib/modules)
 * must follow the directory symlinks that host paths brought in: on a
 * merged-/usr host /lib is "slink /lib usr/lib", and a "dir /lib" beside
 * it would make gen_init_cpio's archive unpack into the link.
 */
static int canonicalize_pass(struct gen *g, bool *changed)
{
	struct list_ctx l = { g, g->nents };
	struct resolver r = { list_readlink, NULL, &l };
	char res[PATH_MAX], **newp;
	size_t i;
	int ret = 0;

	qsort(g->ents, g->nents, sizeof(*g->ents), ent_cmp);
	newp = calloc(g->nents ? g->nents : 1, sizeof(*newp));
	if (!newp)
		return -ENOMEM;
	/* resolve against the sorted list first, rename afterwards */
	for (i = 0; i < g->nents && !ret; i++) {
		const struct entry *e = &g->ents[i];

		ret = path_resolve(&r, e->path, false, res, sizeof(res));
		if (ret) {
			ret = gen_error(e->origin, e->path, ret);
		} else if (strcmp(res, e->path)) {
			newp[i] = strdup(res);
			ret = newp[i] ? 0 : -ENOMEM;
		}
	}
	for (i = 0; i < g->nents; i++) {
		if (!newp[i])
			continue;
		if (!ret) {
			free(g->ents[i].path);
			g->ents[i].path = newp[i];
			*changed = true;
		} else {
			free(newp[i]);
		}
	}
	free(newp);
	return ret;
}

static int canonicalize(struct gen *g)
{
	bool changed = true;
	int pass, ret;

	for (pass = 0; changed; pass++) {
		if (pass > SYMLINK_HOPS)
			return gen_error("list", "symlinks", -ELOOP);
		changed = false;
		ret = canonicalize_pass(g, &changed);
		if (ret)
			return ret;
	}
	return 0;
}

static int add_parents(struct gen *g)
{
	size_t i, n = g->nents;
	char dir[PATH_MAX], *s;
	int ret;

	qsort(g->ents, n, sizeof(*g->ents), ent_cmp);
	for (i = 0; i < n; i++) {
		snprintf(dir, sizeof(dir), "%s", g->ents[i].path);
		while ((s = strrchr(dir, '/')) && s != dir) {
			struct entry e = {
				.path = dir, .origin = g->ents[i].origin,
				.mode = 0755, .type = ENT_DIR, .weak = true,
			};

			*s = '\0';
			if (find_sorted(g, n, dir))
				continue;
			ret = genlist_add(g, &e);
			if (ret)
				return ret;
		}
	}
	return 0;
}

static bool ent_same(const struct entry *a, const struct entry *b)
{
	return a->type == b->type && a->mode == b->mode && a->uid == b->uid &&
	       a->gid == b->gid && !strcmp(a->arg ? a->arg : "", b->arg ? b->arg : "");
}

static void ent_free(struct entry *e)
{
	free(e->path);
	free(e->arg);
}

static int dedup(struct gen *g)
{
	size_t i, o = 0;
	int ret = 0;

	qsort(g->ents, g->nents, sizeof(*g->ents), ent_cmp);
	for (i = 0; i < g->nents; i++) {
		struct entry *e = &g->ents[i], *keep = o ? &g->ents[o - 1] : NULL;

		if (keep && !strcmp(keep->path, e->path)) {
			if (!e->weak && !ent_same(keep, e) && !ret) {
				fprintf(stderr,
					"kinit_gen: %s: conflicting entries from %s and %s\n",
					e->path, keep->origin, e->origin);
				ret = -EEXIST;
			}
			ent_free(e);
			continue;
		}
		g->ents[o++] = *e;
	}
	g->nents = o;
	return ret;
}

/* Key material is readable by root only, whatever the host had. */
static void protect_secrets(struct gen *g)
{
	size_t i, len = strlen(KINIT_KEYS_DIR);

	for (i = 0; i < g->nents; i++) {
		struct entry *e = &g->ents[i];

		if (strncmp(e->path, KINIT_KEYS_DIR, len) ||
		    (e->path[len] != '/' && e->path[len]))
			continue;
		if (e->type == ENT_DIR)
			e->mode = 0700;
		else if (e->type != ENT_SLINK)
			e->mode = 0600;
	}
}

/*
 * The kernel image carries every key in the archive, readable by whoever
 * can read the image: say so on every build, naming each key, since
 * `make install` and distro tools leave /boot world-readable.  The glue
 * (usr/Makefile.kinit, Makefile.top) makes the object tree's copies 0600.
 */
static void warn_secrets(const struct gen *g)
{
	size_t i, len = strlen(KINIT_KEYS_DIR);

	for (i = 0; i < g->nents; i++) {
		const struct entry *e = &g->ents[i];

		if (e->type != ENT_FILE || strncmp(e->path, KINIT_KEYS_DIR, len) ||
		    e->path[len] != '/')
			continue;
		fprintf(stderr,
			"kinit: WARNING: bzImage carries the key file %s (as %s, from %s): install it mode 0600 (make install leaves /boot world-readable)\n",
			e->arg, e->path, e->origin);
	}
}

/**
 * genlist_finish() - make the list final: canonical paths, every parent
 * directory, secrets protected (and warned about), sorted, duplicates merged
 * @g:		generator state
 *
 * Return: 0, or -EEXIST when two options want different things at one path.
 */
int genlist_finish(struct gen *g)
{
	int ret;

	ret = canonicalize(g);
	if (!ret)
		ret = add_parents(g);
	if (!ret)
		protect_secrets(g);
	if (!ret)
		ret = dedup(g);
	if (!ret)
		warn_secrets(g);
	return ret;
}

/**
 * genlist_print() - write the gen_init_cpio list to stdout
 * @g:		generator state, after genlist_finish()
 */
void genlist_print(const struct gen *g)
{
	size_t i;

	for (i = 0; i < g->nents; i++) {
		const struct entry *e = &g->ents[i];
		const char *kw = ent_keyword[e->type];

		switch (e->type) {
		case ENT_FILE:
		case ENT_SLINK:
			printf("%s %s %s %04o %u %u\n", kw, e->path, e->arg,
			       e->mode, e->uid, e->gid);
			break;
		case ENT_NOD:
			printf("%s %s %04o %u %u %s\n", kw, e->path, e->mode,
			       e->uid, e->gid, e->arg);
			break;
		default:
			printf("%s %s %04o %u %u\n", kw, e->path, e->mode,
			       e->uid, e->gid);
			break;
		}
	}
}

/**
 * genlist_free() - release the list and the cached library directories
 * @g:		generator state
 */
void genlist_free(struct gen *g)
{
	size_t i;

	for (i = 0; i < g->nents; i++)
		ent_free(&g->ents[i]);
	free(g->ents);
	g->ents = NULL;
	g->nents = 0;
	g->capents = 0;
	for (i = 0; g->nlibdirs > 0 && i < (size_t)g->nlibdirs; i++)
		free(g->libdirs[i]);
	free(g->libdirs);
	g->libdirs = NULL;
	g->nlibdirs = -1;
}

static bool same_content(const char *path, const char *data, size_t len)
{
	char buf[4096];
	size_t off = 0, n;
	bool same = true;
	FILE *f = fopen(path, "rb");

	if (!f)
		return false;
	while (same && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
		same = off + n <= len && !memcmp(buf, data + off, n);
		off += n;
	}
	same = same && off == len && !ferror(f);
	fclose(f);
	return same;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		data += n;
		len -= n;
	}
	return 0;
}

/**
 * write_side_file() - write a generated file the list refers to
 * @g:		generator state (its -o directory)
 * @opt:	the option it belongs to, for messages
 * @name:	file name inside the -o directory
 * @data:	contents
 * @len:	their length
 * @path:	receives the absolute path to list
 * @pathsz:	its size
 *
 * Written to a temporary file and renamed, so a failure leaves the old
 * file; an unchanged file is not touched, so make sees nothing new.
 *
 * Return: 0 or -errno (message printed).
 */
int write_side_file(const struct gen *g, const char *opt, const char *name,
		    const char *data, size_t len, char *path, size_t pathsz)
{
	char dir[PATH_MAX], tmp[PATH_MAX];
	int fd, ret;

	if (!g->outdir) {
		fprintf(stderr, "kinit_gen: %s: needs an output directory (-o DIR)\n", opt);
		return -EINVAL;
	}
	if (!realpath(g->outdir, dir))
		return gen_error(opt, g->outdir, -errno);
	if (path_join(path, pathsz, dir, name) ||
	    snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, name) >= (int)sizeof(tmp))
		return gen_error(opt, name, -ENAMETOOLONG);
	if (same_content(path, data, len))
		return 0;
	fd = mkstemp(tmp);
	if (fd < 0)
		return gen_error(opt, tmp, -errno);
	ret = write_all(fd, data, len);
	if (!ret && fchmod(fd, 0644))
		ret = -errno;
	if (close(fd) && !ret)
		ret = -errno;
	if (!ret && rename(tmp, path))
		ret = -errno;
	if (ret) {
		unlink(tmp);
		return gen_error(opt, path, ret);
	}
	return 0;
}
