// SPDX-License-Identifier: GPL-2.0
/*
 * modules.c - the load-modules step: the modules the image carries
 * (kinit.load) and those a boot loader archive adds (modules.d/NAME.load).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "kinit.h"
#include "lib/dir.h"
#include "modules/modules.h"

#define LOAD_FILES_MAX	64
#define MODOPTS_MAX	1024

/**
 * module_name() - the kernel's name of a module file
 * @path:	"/lib/modules/6.1.0/kernel/fs/ext4/ext4.ko.xz"
 * @name:	receives "ext4" ('-' turned into '_', as the kernel does)
 * @size:	of @name
 *
 * Return: 0, or -EINVAL when @path does not end in .ko[.gz|.xz|.zst].
 */
int module_name(const char *path, char *name, size_t size)
{
	static const char *const exts[] = { KINIT_MODULE_EXTS };
	const char *b = strrchr(path, '/');
	size_t len, el = 0, i;

	b = b ? b + 1 : path;
	len = strlen(b);
	for (i = 0; i < ARRAY_SIZE(exts); i++) {
		el = strlen(exts[i]);
		if (len > el && !strcmp(b + len - el, exts[i]))
			break;
	}
	if (i == ARRAY_SIZE(exts) || len - el >= size || len - el > KINIT_MODNAME_MAX)
		return -EINVAL;
	for (i = 0; i < len - el; i++)
		name[i] = b[i] == '-' ? '_' : b[i];
	name[i] = '\0';
	return 0;
}

/**
 * module_flags() - finit_module() flags for a module file
 * @path:	the file
 *
 * A compressed module is handed to the kernel as it is, with
 * MODULE_INIT_COMPRESSED_FILE: since 6.1 the kernel decompresses it
 * itself (CONFIG_MODULE_DECOMPRESS; 6.1 knows gzip and xz, zstd comes
 * with 6.2), so kinit carries no decompressor.  A kernel without it
 * refuses the file, and kinit reports that for the module.
 *
 * Return: the flags.
 */
int module_flags(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot && (!strcmp(dot, ".gz") || !strcmp(dot, ".xz") || !strcmp(dot, ".zst")))
		return MODULE_INIT_COMPRESSED_FILE;
	return 0;
}

/**
 * load_line() - one line of a .load file: the module file it names
 * @release:	kernel release, for relative names
 * @line:	the line, without its newline; trimmed in place
 * @path:	receives the absolute path
 * @size:	of @path
 *
 * Blank lines and "#" comments name nothing.  A relative name is taken
 * below /lib/modules/<release>/, so a boot loader archive can say
 * "extra/foo.ko" without knowing the release.
 *
 * Return: 1 with @path set, 0 for nothing, -ENAMETOOLONG or -EINVAL.
 */
int load_line(const char *release, char *line, char *path, size_t size)
{
	char *end, name[KINIT_MODNAME_MAX + 1];
	int n;

	while (*line == ' ' || *line == '\t')
		line++;
	end = line + strlen(line);
	while (end > line && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	if (!*line || *line == '#')
		return 0;
	if (module_name(line, name, sizeof(name)))
		return -EINVAL;
	if (*line == '/')
		n = ksnprintf(path, size, "%s", line);
	else
		n = ksnprintf(path, size, "%s/%s/%s", KINIT_MODULES_DIR, release, line);
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 1;
}

/**
 * module_options() - the parameters modprobe.conf gives a module
 * @conf:	the text of /etc/kinit/modprobe.conf, or NULL
 * @name:	the module's name ('-' and '_' are the same)
 * @out:	receives "k=v k2=v2", "" for none
 * @size:	of @out
 *
 * Only "options NAME PARAMS..." lines are read, as modprobe.d(5) has
 * them; every other line is ignored, and several lines for one module
 * add up.
 *
 * Return: 0, or -E2BIG when the parameters do not fit.
 */
int module_options(const char *conf, const char *name, char *out, size_t size)
{
	const char *p, *eol, *w;
	size_t len = 0, i, wl;

	out[0] = '\0';
	for (p = conf; p && *p; p = *eol ? eol + 1 : eol) {
		eol = p + strcspn(p, "\n");
		p += strspn(p, " \t");
		if (strncmp(p, "options", 7) || (p[7] != ' ' && p[7] != '\t'))
			continue;
		w = p + 7 + strspn(p + 7, " \t");
		wl = strcspn(w, " \t\n");
		for (i = 0; i < wl && name[i]; i++)
			if ((w[i] == '-' ? '_' : w[i]) != (name[i] == '-' ? '_' : name[i]))
				break;
		if (i != wl || name[i])
			continue;
		w += wl + strspn(w + wl, " \t");
		wl = eol - w;
		while (wl && (w[wl - 1] == ' ' || w[wl - 1] == '\t' || w[wl - 1] == '\r'))
			wl--;
		if (!wl)
			continue;
		if (len + !!len + wl >= size)
			return -E2BIG;
		if (len)
			out[len++] = ' ';
		memcpy(out + len, w, wl);
		len += wl;
		out[len] = '\0';
	}
	return 0;
}

/**
 * modules_read_file() - read a small text file into a fresh buffer
 * @path:	the file
 * @text:	receives the NUL-terminated text, to free()
 *
 * Return: 0, -ENOENT when there is no file, -EFBIG over MODFILE_MAX.
 */
int modules_read_file(const char *path, char **text)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t len = 0;
	ssize_t n = 0;
	char *buf;

	if (fd < 0)
		return -errno;
	buf = malloc(MODFILE_MAX + 1);
	while (buf && len < MODFILE_MAX &&
	       (n = read(fd, buf + len, MODFILE_MAX - len)) > 0)
		len += n;
	if (buf && len == MODFILE_MAX && read(fd, &(char){ 0 }, 1) > 0)
		n = -EFBIG;
	else if (n < 0)
		n = -errno;
	close(fd);
	if (!buf)
		return -ENOMEM;
	if (n < 0) {
		free(buf);
		return n;
	}
	buf[len] = '\0';
	*text = buf;
	return 0;
}

/**
 * modctx_init() - prepare to load modules: the release and the options
 * @c:		context to fill
 * @k:		state
 * @step:	the step loading, named in failure lines
 *
 * Return: 0, or -errno when the release cannot be known.
 */
int modctx_init(struct modctx *c, struct kinit *k, const char *step)
{
	struct utsname u;

	memset(c, 0, sizeof(*c));
	c->k = k;
	c->step = step;
	if (uname(&u))
		return -errno;
	ksnprintf(c->release, sizeof(c->release), "%s", u.release);
	if (modules_read_file(KINIT_MODPROBE_CONF, &c->conf))
		c->conf = NULL;
	return 0;
}

void modctx_free(struct modctx *c)
{
	free(c->conf);
	c->conf = NULL;
}

/* Remember a failed module by name for find-root's report. */
static void note_failure(struct modctx *c, const char *name)
{
	char *list = c->k->modules_failed;
	size_t len = strlen(list);

	c->failed++;
	if (len + strlen(name) + 2 < sizeof(c->k->modules_failed))
		ksnprintf(list + len, sizeof(c->k->modules_failed) - len, "%s%s",
			 len ? " " : "", name);
}

/**
 * modctx_load() - load one module file
 * @c:		context; its tally is updated
 * @path:	absolute path of the .ko[.gz|.xz|.zst]
 *
 * A module already loaded (or built in) is fine.  A failure is logged as
 * "kinit: <step>: <name>: <error>" and counted, never fatal here.
 *
 * Return: 0 loaded or present, -errno failed.
 */
int modctx_load(struct modctx *c, const char *path)
{
	char name[KINIT_MODNAME_MAX + 1], opts[MODOPTS_MAX];
	int fd, ret;

	if (module_name(path, name, sizeof(name)))
		ksnprintf(name, sizeof(name), "%s", path);
	ret = module_options(c->conf, name, opts, sizeof(opts));
	fd = ret ? ret : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		ret = ret ? ret : -errno;
	else
		ret = sys_finit_module(fd, opts, module_flags(path));
	if (fd >= 0)
		close(fd);
	if (ret == -EEXIST) {
		c->present++;
		return 0;
	}
	if (!ret) {
		c->loaded++;
		return 0;
	}
	error(c->k, "%s: %s: %s%s", c->step, name, errstr(-ret),
	      module_flags(path) && (ret == -EOPNOTSUPP || ret == -ENOEXEC) ?
	      " (compressed: does the kernel decompress this format?)" : "");
	note_failure(c, name);
	return ret;
}

/* Load every module a .load file names, in order; -ENOENT if no file. */
static int load_list(struct modctx *c, const char *file)
{
	char *text, *line, *save = NULL, path[PATH_MAX_KINIT];
	int ret = modules_read_file(file, &text);

	if (ret == -ENOENT)
		return ret;
	if (ret) {
		error(c->k, "%s: %s: %s", c->step, file, errstr(-ret));
		c->failed++;
		return 0;
	}
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		ret = load_line(c->release, line, path, sizeof(path));
		if (ret > 0) {
			modctx_load(c, path);
		} else if (ret < 0) {
			error(c->k, "%s: %s: not a module file: %s", c->step, file, line);
			c->failed++;
		}
	}
	free(text);
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.load files of a boot loader archive, sorted by name; their count. */
static int load_dir(struct modctx *c, const char *dir)
{
	char *names[LOAD_FILES_MAX], file[PATH_MAX_KINIT];
	struct dir_reader d;
	const char *name;
	int n = 0, i;
	size_t len;

	if (dir_open(&d, dir))
		return 0;
	while ((name = dir_next(&d)) && n < LOAD_FILES_MAX) {
		len = strlen(name);
		/* "NAME.load", NAME not empty */
		if (name[0] == '.' || len < sizeof(KINIT_LOAD_EXT) ||
		    strcmp(name + len - (sizeof(KINIT_LOAD_EXT) - 1), KINIT_LOAD_EXT))
			continue;
		names[n] = strdup(name);
		if (names[n])
			n++;
	}
	if (name)
		error(c->k, "%s: %s: more than %d files, the rest ignored", c->step, dir,
		      LOAD_FILES_MAX);
	dir_close(&d);
	qsort(names, n, sizeof(names[0]), name_cmp);
	for (i = 0; i < n; i++) {
		ksnprintf(file, sizeof(file), "%s/%s", dir, names[i]);
		load_list(c, file);
		free(names[i]);
	}
	return n;
}

/**
 * load_modules() - the load-modules step
 * @k:	state; k->modules_failed names the modules that failed
 *
 * Loads /lib/modules/<release>/kinit.load (what CONFIG_KINIT_MODULES
 * put in the image, dependencies first), then every
 * /etc/kinit/modules.d/NAME.load in name order: a boot loader archive adds
 * modules there without a kernel rebuild.  Parameters come from
 * "options NAME k=v" lines of /etc/kinit/modprobe.conf.
 *
 * A module that fails does not stop the boot here: the others are still
 * loaded (one bad module must not take the disk driver down with it),
 * every failure is logged by name, and the names are kept so that
 * find-root, when the root then does not appear, says which modules
 * failed besides which device it waited for.  No file: nothing to do.
 *
 * Return: 0.
 */
int load_modules(struct kinit *k)
{
	long long t0 = kinit_now_ms();
	char file[PATH_MAX_KINIT];
	struct modctx c;
	int files;

	k->modules_failed[0] = '\0';
	if (modctx_init(&c, k, "load-modules"))
		return 0;
	ksnprintf(file, sizeof(file), "%s/%s/%s", KINIT_MODULES_DIR, c.release, KINIT_LOAD_FILE);
	files = load_list(&c, file) == 0;
	files += load_dir(&c, KINIT_MODULES_D);
	if (files)
		info(k, "load-modules: %d loaded, %d already present, %d failed in %lld ms",
		     c.loaded, c.present, c.failed, kinit_now_ms() - t0);
	if (c.failed)
		error(k, "load-modules: failed: %s; the boot goes on without them",
		      k->modules_failed[0] ? k->modules_failed : "(a list file)");
	modctx_free(&c);
	return 0;
}
