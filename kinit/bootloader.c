// SPDX-License-Identifier: GPL-2.0
/*
 * bootloader.c - KINIT_BOOTLOADER_SETTINGS: the kernel unpacked the boot
 * loader's archive into KINIT_BOOTLOADER_DIR, as that directory's root
 * (kernel/initrd_confine.h), so nothing in it reached the image's files.
 * kinit takes its settings files out of it, checked, and removes the rest,
 * saying what it ignored.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>	/* rename() */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kinit.h"
#include "lib/dir.h"

#define STEP		"bootloader-archive"
#define SETTING_MAX	65536	/* modules.d lists, modprobe.conf, keys */
#define NAME_MAX_KINIT	64	/* a settings file's name: a UUID, "50-x.load" */
#define ENTRIES_MAX	256	/* files looked at in one settings directory */
#define DEPTH_MAX	16	/* directories below the archive's root removed */
#define IGNORED_SHOWN	20	/* "ignored" lines before "and N more" */

#ifdef CONFIG_KINIT_CMDLINE_BUILTIN
#define CMDLINE_LOCKED	1
#else
#define CMDLINE_LOCKED	0
#endif

/**
 * struct setting - what kinit takes from a boot loader archive
 * @dir:	its directory, below the archive's root (no leading '/')
 * @name:	one file's name, or NULL for every file of @dir @valid accepts
 * @valid:	with @name NULL: is this a name to take?
 * @dest:	the image's directory it goes to
 * @dir_mode:	@dest's mode when kinit has to make it
 * @mode:	the copy's mode
 * @max:	the largest file taken, in bytes
 * @locked:	why it is never taken (the configuration), or NULL
 */
struct setting {
	const char *dir;
	const char *name;
	int (*valid)(const char *name);
	const char *dest;
	mode_t dir_mode;
	mode_t mode;
	size_t max;
	const char *locked;
};

/* A name of letters, digits, '_', '-' and '.', not starting with '.'. */
static int plain_name(const char *name)
{
	size_t i;

	if (!name[0] || name[0] == '.')
		return 0;
	for (i = 0; name[i]; i++) {
		char c = name[i];

		if (i >= NAME_MAX_KINIT)
			return 0;
		if (!is_digit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
		    c != '_' && c != '-' && c != '.')
			return 0;
	}
	return 1;
}

static int load_name(const char *name)
{
	size_t n = strlen(name), e = strlen(KINIT_LOAD_EXT);

	return plain_name(name) && n > e && !strcmp(name + n - e, KINIT_LOAD_EXT);
}

static const struct setting settings[] = {
	{ .dir = "etc/kinit", .name = KINIT_CMDLINE_NAME, .dest = KINIT_ETC_DIR,
	  .dir_mode = 0755, .mode = 0644, .max = CMDLINE_MAX,
	  .locked = CMDLINE_LOCKED ? "the command line is built in (KINIT_CMDLINE_BUILTIN)" : NULL },
	{ .dir = "etc/kinit", .name = "modprobe.conf", .dest = KINIT_ETC_DIR,
	  .dir_mode = 0755, .mode = 0644, .max = SETTING_MAX },
	{ .dir = "etc/kinit/modules.d", .valid = load_name, .dest = KINIT_MODULES_D,
	  .dir_mode = 0755, .mode = 0644, .max = SETTING_MAX },
	{ .dir = "etc/kinit/keys", .valid = plain_name, .dest = KINIT_KEYS_DIR,
	  .dir_mode = 0700, .mode = 0600, .max = SETTING_MAX },
};

/*
 * Open @path below @root one component at a time, never through a
 * symlink: a link the archive made ("etc -> /etc") was harmless while the
 * kernel unpacked it confined, but kinit's root is the image's.
 */
static int open_beneath(int root, const char *path)
{
	char comp[NAME_MAX_KINIT + 1];
	const char *p = path, *slash;
	int fd = dup(root), next;

	while (fd >= 0 && *p) {
		slash = strchr(p, '/');
		ksnprintf(comp, sizeof(comp), "%.*s", slash ? (int)(slash - p) : (int)strlen(p), p);
		next = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		fd = next;
		p = slash ? slash + 1 : "";
	}
	return fd < 0 ? -errno : fd;
}

/* Read all of @fd, a regular file of @size bytes, into a new buffer. */
static int read_all(int fd, size_t size, char **out)
{
	char *buf = malloc(size + 1);
	size_t got = 0;
	ssize_t n = 0;

	if (!buf)
		return -ENOMEM;
	while (got <= size) {
		n = read(fd, buf + got, size + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += n;
	}
	if (n < 0 || got != size) {	/* it changed under us: refuse it */
		free(buf);
		return n < 0 ? -errno : -EIO;
	}
	*out = buf;
	return 0;
}

/* Write @len bytes to @dest/@name by rename, so no half file is read. */
static int write_setting(const struct setting *s, const char *name, const char *buf, size_t len)
{
	char tmp[PATH_MAX_KINIT], dst[PATH_MAX_KINIT];
	ssize_t n;
	size_t off = 0;
	int fd, ret = 0;

	if (mkdir(s->dest, s->dir_mode) && errno != EEXIST)
		return -errno;
	ksnprintf(dst, sizeof(dst), "%s/%s", s->dest, name);
	ksnprintf(tmp, sizeof(tmp), "%s/.%s.tmp", s->dest, name);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, s->mode);
	if (fd < 0)
		return -errno;
	while (off < len && !ret) {
		n = write(fd, buf + off, len - off);
		if (n < 0 && errno != EINTR)
			ret = -errno;
		else if (n > 0)
			off += n;
	}
	if (!ret && fchmod(fd, s->mode))
		ret = -errno;
	if (close(fd) && !ret)
		ret = -errno;
	if (!ret && rename(tmp, dst))
		ret = -errno;
	if (ret)
		unlink(tmp);
	return ret;
}

/*
 * Why the archive's @dir/@name (its lstat in @st) is not taken as setting
 * @s, or NULL.  Only a regular file is ever opened: opening a device node
 * the archive made could start whatever its driver does on open.
 */
static const char *refused(const struct setting *s, const struct stat *st, char *buf, size_t size)
{
	if (S_ISLNK(st->st_mode))
		return "a symlink, not a regular file";
	if (!S_ISREG(st->st_mode))
		return "not a regular file";
	if ((unsigned long long)st->st_size > s->max) {
		ksnprintf(buf, size, "%lld bytes, more than %zu", (long long)st->st_size, s->max);
		return buf;
	}
	return s->locked;
}

/*
 * Take @dir/@name of the archive as setting @s, or say why not.  Either
 * way the archive's file is removed: what is left afterwards is what the
 * archive had beyond the settings.
 */
static void take(struct kinit *k, const struct setting *s, int dir, const char *name)
{
	struct stat st, fst;
	char *buf = NULL, size[64];
	const char *why;
	int fd = -1, ret = 0;

	if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW))
		return;		/* the archive does not have this one */
	why = refused(s, &st, size, sizeof(size));
	if (!why) {
		fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &fst))
			ret = -errno;
		else if (fst.st_ino != st.st_ino || fst.st_size != st.st_size)
			why = "changed while taken";
		else
			ret = read_all(fd, st.st_size, &buf);
		if (fd >= 0)
			close(fd);
	}
	if (!why && !ret)
		ret = write_setting(s, name, buf, st.st_size);
	free(buf);

	if (why)
		error(k, STEP ": ignored /%s/%s: %s", s->dir, escaped(name), why);
	else if (ret)
		error(k, STEP ": /%s/%s not taken: %s", s->dir, escaped(name), errstr(ret));
	else
		info(k, STEP ": took /%s/%s (%lld bytes)", s->dir, escaped(name),
		     (long long)st.st_size);
	unlinkat(dir, name, S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0);
}

/* Every file of the setting's directory that its validator accepts. */
static void take_dir(struct kinit *k, const struct setting *s, int dir)
{
	char *names[ENTRIES_MAX];
	struct dir_reader d;
	const char *name;
	int fd = dup(dir), n = 0, i;

	if (fd < 0)
		return;
	dir_open_fd(&d, fd);
	while (n < ENTRIES_MAX && (name = dir_next(&d))) {
		if (!s->valid(name))
			continue;
		names[n] = strdup(name);
		if (names[n])
			n++;
	}
	dir_close(&d);
	/* taken after the listing: take() removes entries */
	for (i = 0; i < n; i++) {
		take(k, s, dir, names[i]);
		free(names[i]);
	}
}

/**
 * struct rest - what remove_rest() found that kinit did not take
 * @ignored:	files (and symlinks, devices...) removed unused
 * @deep:	a directory deeper than DEPTH_MAX was left in place
 */
struct rest {
	int ignored;
	int deep;
};

/* Say @path is ignored (the first IGNORED_SHOWN times). */
static void say_ignored(struct kinit *k, struct rest *r, const char *path)
{
	if (r->ignored++ < IGNORED_SHOWN)
		error(k, STEP ": ignored %s: not a settings file", escaped(path));
}

/*
 * Remove everything below @dir (@path, for the log), saying what each
 * file was ignored for; directories deeper than DEPTH_MAX are left to
 * the switch, which frees the whole initramfs.
 */
static void remove_rest(struct kinit *k, struct rest *r, int dir, const char *path, int depth)
{
	char sub[PATH_MAX_KINIT];
	struct dir_reader d;
	const char *name;
	struct stat st;
	int fd = dup(dir), child;

	if (fd < 0)
		return;
	dir_open_fd(&d, fd);
	while ((name = dir_next(&d))) {
		ksnprintf(sub, sizeof(sub), "%s/%s", path, name);
		if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW))
			continue;
		if (!S_ISDIR(st.st_mode)) {
			say_ignored(k, r, sub);
			unlinkat(dir, name, 0);
			continue;
		}
		if (depth >= DEPTH_MAX) {
			r->deep = 1;
			continue;
		}
		child = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (child < 0)
			continue;
		remove_rest(k, r, child, sub, depth + 1);
		close(child);
		unlinkat(dir, name, AT_REMOVEDIR);
	}
	dir_close(&d);
}

/**
 * bootloader_settings() - the bootloader-archive step
 * @k:	state
 *
 * Runs before the command line is read, so that the archive's
 * /etc/kinit/cmdline is the one read-cmdline finds.  Takes each of
 * settings[] from the archive (a regular file, opened without following
 * a symlink anywhere on its path, of bounded size) and copies it into
 * the image's /etc/kinit, where the archive's file replaces the image's
 * as it would have without the option.  Then removes the archive's
 * directory, logging each file left as ignored.  A hostile archive
 * never stops the boot: everything here is logged and passed by.
 *
 * Return: 0.
 */
int bootloader_settings(struct kinit *k)
{
	struct rest r = { 0 };
	size_t i;
	int root, dir;

	root = open(KINIT_BOOTLOADER_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (root < 0) {
		if (errno != ENOENT)
			error(k, STEP ": %s: %s", KINIT_BOOTLOADER_DIR, errstr(-errno));
		return 0;	/* no archive (or one taken already: a retry) */
	}
	for (i = 0; i < ARRAY_SIZE(settings); i++) {
		const struct setting *s = &settings[i];

		dir = open_beneath(root, s->dir);
		if (dir < 0)
			continue;	/* absent, or a symlink: reported below */
		if (s->name)
			take(k, s, dir, s->name);
		else
			take_dir(k, s, dir);
		close(dir);
	}
	remove_rest(k, &r, root, "", 0);
	close(root);
	if (r.ignored > IGNORED_SHOWN)
		error(k, STEP ": and %d more files ignored", r.ignored - IGNORED_SHOWN);
	if (r.deep)
		error(k, STEP ": directories deeper than %d left to the switch", DEPTH_MAX);
	else if (rmdir(KINIT_BOOTLOADER_DIR))
		error(k, STEP ": %s: %s", KINIT_BOOTLOADER_DIR, errstr(-errno));
	return 0;
}
