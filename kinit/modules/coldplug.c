// SPDX-License-Identifier: GPL-2.0
/*
 * coldplug.c - CONFIG_KINIT_MODULES_AUTOLOAD: load the carried drivers
 * whose aliases match a device's modalias, at boot and as devices appear.
 */
#include <dirent.h>	/* DT_DIR, DT_REG */
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "kinit.h"
#include "lib/dir.h"
#include "modules/modules.h"

#define ALIASES_MAX	8192
#define SYSFS_DEPTH	16	/* /sys/devices/pci0000:00/0000:00:04.0/virtio1 is 4 */
#define MODALIAS_MAX	512

/**
 * struct cp_alias - one line of kinit.alias: "alias PATTERN PATH"
 * @pattern:	fnmatch() pattern of modalias strings ("virtio:d00000002v*")
 * @path:	the module file to load when one matches
 * @done:	loaded (or tried): not again
 */
struct cp_alias {
	const char *pattern;
	const char *path;
	int done;
};

/**
 * struct coldplug - the alias table, kept for the uevents of find-root
 * @text:	kinit.alias; @alias points into it
 * @alias:	the lines
 * @count:	their number
 * @ctx:	what loading needs (release, modprobe.conf)
 */
struct coldplug {
	char *text;
	struct cp_alias *alias;
	int count;
	struct modctx ctx;
};

/**
 * alias_parse() - split kinit.alias into its lines
 * @text:	the file, modified in place (fields NUL-terminated)
 * @out:	receives the entries, pointing into @text
 * @max:	room in @out
 *
 * Blank lines and "#" comments are skipped; every other line must be
 * "alias PATTERN PATH" with an absolute PATH.
 *
 * Return: the number of entries, -EINVAL for a bad line, -E2BIG.
 */
static int alias_parse(char *text, struct cp_alias *out, int max)
{
	char *line, *save = NULL, *w[4], *ws;
	int n = 0, i;

	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		ws = NULL;
		for (i = 0; i < 4; i++)
			w[i] = strtok_r(i ? NULL : line, " \t\r", &ws);
		if (!w[0] || w[0][0] == '#')
			continue;
		if (strcmp(w[0], "alias") || !w[1] || !w[2] || w[3] || w[2][0] != '/')
			return -EINVAL;
		if (n == max)
			return -E2BIG;
		out[n].pattern = w[1];
		out[n].path = w[2];
		out[n].done = 0;
		n++;
	}
	return n;
}

/**
 * alias_match() - the next entry whose pattern matches a modalias
 * @a:		the table
 * @n:		its size
 * @modalias:	"virtio:d00000002v00001AF4"
 * @from:	index to start at
 *
 * Matched as modprobe does: fnmatch() with no flags, so '*' also
 * crosses ':'.  Entries already loaded are passed over.
 *
 * Return: the index, or -1.
 */
static int alias_match(const struct cp_alias *a, int n, const char *modalias, int from)
{
	int i;

	for (i = from; i < n; i++)
		if (!a[i].done && !fnmatch(a[i].pattern, modalias, 0))
			return i;
	return -1;
}

/* Load every module matching @modalias (each once); the number loaded. */
static int load_for(struct coldplug *cp, const char *modalias)
{
	char name[KINIT_MODNAME_MAX + 1];
	const char *path;
	int i, j, n = 0;

	for (i = alias_match(cp->alias, cp->count, modalias, 0); i >= 0;
	     i = alias_match(cp->alias, cp->count, modalias, i + 1)) {
		path = cp->alias[i].path;
		/* every alias of this module is done, whatever the result */
		for (j = 0; j < cp->count; j++)
			if (!strcmp(cp->alias[j].path, path))
				cp->alias[j].done = 1;
		if (!modctx_load(&cp->ctx, path)) {
			if (module_name(path, name, sizeof(name)))
				ksnprintf(name, sizeof(name), "?");
			info(cp->ctx.k, "coldplug: %s for %s", name, modalias);
			n++;
		}
	}
	return n;
}

/* Read one modalias file and load what matches it. */
static void sysfs_modalias(struct coldplug *cp, const char *file)
{
	char *text, *nl;

	if (modules_read_file(file, &text))
		return;
	nl = strchr(text, '\n');
	if (nl)
		*nl = '\0';
	if (text[0])
		load_for(cp, text);
	free(text);
}

/*
 * Every modalias file below @dir, depth first.  Only real directories
 * are entered: sysfs links ("subsystem", "driver", "device") point back
 * up the tree, and following them would visit devices many times.
 */
static void sysfs_walk(struct coldplug *cp, char *dir, size_t len, int depth)
{
	struct dir_reader d;
	const char *name;
	size_t l;

	if (dir_open(&d, dir))
		return;
	while ((name = dir_next(&d))) {
		if (name[0] == '.')
			continue;
		l = strlen(name);
		if (len + 1 + l >= PATH_MAX_KINIT)
			continue;
		dir[len] = '/';
		memcpy(dir + len + 1, name, l + 1);
		if (d.type == DT_DIR && depth < SYSFS_DEPTH)
			sysfs_walk(cp, dir, len + 1 + l, depth + 1);
		else if (d.type == DT_REG && !strcmp(name, "modalias"))
			sysfs_modalias(cp, dir);
		dir[len] = '\0';
	}
	dir_close(&d);
}

/* Read kinit.alias into @cp; -ENOENT when the image has none. */
static int coldplug_open(struct kinit *k, struct coldplug *cp)
{
	char file[PATH_MAX_KINIT];
	int ret = modctx_init(&cp->ctx, k, "coldplug");

	if (ret)
		return ret;
	ksnprintf(file, sizeof(file), "%s/%s/%s", KINIT_MODULES_DIR, cp->ctx.release, KINIT_ALIAS_FILE);
	ret = modules_read_file(file, &cp->text);
	if (ret)
		return ret;
	cp->alias = calloc(ALIASES_MAX, sizeof(*cp->alias));
	ret = cp->alias ? alias_parse(cp->text, cp->alias, ALIASES_MAX) : -ENOMEM;
	if (ret < 0)
		return kinit_what(k, ret, "%s", file);
	cp->count = ret;
	return 0;
}

static void coldplug_free(struct coldplug *cp)
{
	modctx_free(&cp->ctx);
	free(cp->alias);
	free(cp->text);
	free(cp);
}

/**
 * coldplug_devices() - the coldplug step: drivers for the devices already there
 * @k:	state; k->coldplug keeps the table for coldplug_uevent()
 *
 * Reads /lib/modules/<release>/kinit.alias and every
 * /sys/devices/.../modalias (bounded depth, links not followed), and
 * loads each module whose pattern matches one.  A device that appears
 * later is announced by a uevent carrying MODALIAS=, which find-root
 * passes to coldplug_uevent().  Loading failures are logged by module
 * name and remembered as load-modules' are; they do not stop the boot.
 *
 * Return: 0, or -errno for an unreadable or malformed kinit.alias.
 */
int coldplug_devices(struct kinit *k)
{
	long long t0 = kinit_now_ms();
	char dir[PATH_MAX_KINIT] = "/sys/devices";
	struct coldplug *cp;
	int ret;

	if (k->coldplug)	/* a retry after a rescue shell */
		coldplug_free(k->coldplug);
	k->coldplug = NULL;
	cp = calloc(1, sizeof(*cp));
	if (!cp)
		return kinit_what(k, -ENOMEM, "coldplug table");
	ret = coldplug_open(k, cp);
	if (ret) {
		coldplug_free(cp);
		return ret == -ENOENT ? 0 : ret;
	}
	sysfs_walk(cp, dir, strlen(dir), 0);
	info(k, "coldplug: %d aliases, %d modules loaded, %d failed in %lld ms",
	     cp->count, cp->ctx.loaded, cp->ctx.failed, kinit_now_ms() - t0);
	k->coldplug = cp;
	return 0;
}

/**
 * coldplug_uevent() - a device appeared: load its driver if kinit has it
 * @k:		state, with the table coldplug() loaded (or none)
 * @modalias:	the MODALIAS= of an "add" uevent
 */
void coldplug_uevent(struct kinit *k, const char *modalias)
{
	if (k->coldplug && modalias[0])
		load_for(k->coldplug, modalias);
}
