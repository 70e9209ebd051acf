// SPDX-License-Identifier: GPL-2.0
/*
 * stage.c - reproducible archives from built files.  gen_init_cpio (as of
 * 6.1) stores a regular file's own mtime, so kinit, the modules and the
 * side files, which every build writes anew, would give different bytes
 * each time.  With -t EPOCH they are staged: copied under OUTDIR/stage/
 * with that mtime, and the list names the copies.  Host files (busybox,
 * libraries) are taken as they are: their mtimes do not change per build.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "genlist.h"

/* Is @path below directory @dir (or @dir itself)? */
static bool below(const char *path, const char *dir)
{
	size_t len = dir ? strlen(dir) : 0;

	return len && !strncmp(path, dir, len) && (path[len] == '/' || !path[len]);
}

/* Are the files @a and @b the same bytes? */
static bool same_file(const char *a, const char *b)
{
	char ba[8192], bb[8192];
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	bool same = fa && fb;
	size_t na, nb;

	while (same) {
		na = fread(ba, 1, sizeof(ba), fa);
		nb = fread(bb, 1, sizeof(bb), fb);
		same = na == nb && !memcmp(ba, bb, na);
		if (!na)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

/* Copy @src to @dst by a temporary file and rename; 0 or -errno. */
static int copy_file(const char *src, const char *dst)
{
	char tmp[PATH_MAX], buf[65536];
	int in, out, ret = 0;
	ssize_t n;

	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", dst) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -errno;
	out = mkstemp(tmp);
	if (out < 0) {
		ret = -errno;
		close(in);
		return ret;
	}
	while (!ret && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0 || write(out, buf, n) != n)
			ret = n < 0 ? -errno : -EIO;
	}
	close(in);
	if (close(out) && !ret)
		ret = -errno;
	if (!ret && rename(tmp, dst))
		ret = -errno;
	if (ret)
		unlink(tmp);
	return ret;
}

static int mkdirs(char *path)
{
	char *p;

	for (p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0755) && errno != EEXIST) {
			*p = '/';
			return -errno;
		}
		*p = '/';
	}
	return 0;
}

/* Stage one file entry: copy if the bytes differ, then set the mtime. */
static int stage_one(struct gen *g, struct entry *e, const char *stagedir)
{
	struct timespec times[2] = {
		{ .tv_sec = g->epoch }, { .tv_sec = g->epoch },
	};
	char dst[PATH_MAX], *arg;
	int ret;

	if (snprintf(dst, sizeof(dst), "%s%s", stagedir, e->path) >= (int)sizeof(dst))
		return gen_error(e->origin, e->path, -ENAMETOOLONG);
	ret = mkdirs(dst);
	if (!ret && !same_file(e->arg, dst))
		ret = copy_file(e->arg, dst);
	if (!ret && (chmod(dst, 0644) || utimensat(AT_FDCWD, dst, times, 0)))
		ret = -errno;
	if (ret)
		return gen_error(e->origin, dst, ret);
	arg = strdup(dst);
	if (!arg)
		return -ENOMEM;
	free(e->arg);
	e->arg = arg;
	return 0;
}

/**
 * genlist_stage() - give the files this build wrote a fixed mtime
 * @g:	generator state, after genlist_finish(); g->epoch is set
 *
 * Files staged: kinit (-k), anything below the side file directory (-o)
 * and, for a module tree (-M), anything below it.
 *
 * Return: 0 or -errno (message printed).
 */
int genlist_stage(struct gen *g)
{
	char out[PATH_MAX], stagedir[PATH_MAX], mods[PATH_MAX];
	size_t i;
	int ret = 0;

	if (!g->outdir) {
		fprintf(stderr, "kinit_gen: -t: needs an output directory (-o DIR)\n");
		return -EINVAL;
	}
	if (!realpath(g->outdir, out))
		return gen_error("-o", g->outdir, -errno);
	if (snprintf(stagedir, sizeof(stagedir), "%s/stage", out) >= (int)sizeof(stagedir))
		return gen_error("-o", g->outdir, -ENAMETOOLONG);
	if (!g->modtree || !realpath(g->modtree, mods))
		mods[0] = '\0';
	for (i = 0; !ret && i < g->nents; i++) {
		struct entry *e = &g->ents[i];

		if (e->type != ENT_FILE || below(e->arg, stagedir))
			continue;
		if (!strcmp(e->arg, g->kinit) || below(e->arg, out) || below(e->arg, mods))
			ret = stage_one(g, e, stagedir);
	}
	return ret;
}
