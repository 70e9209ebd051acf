// SPDX-License-Identifier: GPL-2.0
/*
 * util.c - the helpers more than one part of kinit needs: comparing UUIDs
 * as users type them, and reading the one-line files of sysfs and procfs.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "lib/util.h"

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/**
 * uuid_eq() - compare two UUIDs by their digits only
 * @a:	e.g. "5c1f0000-..." (blkid), "5C1F0000:..." (mdadm), "ABCD-1234"
 * @b:	likewise
 *
 * Case and the separators '-' and ':' do not count: vfat's serial is
 * upper case, mdadm writes an array UUID with colons, device-mapper's
 * with none.  (strcasecmp() would link klibc's ctype table.)
 *
 * Return: 1 when the digits are the same, else 0.
 */
int uuid_eq(const char *a, const char *b)
{
	for (;; a++, b++) {
		while (*a == '-' || *a == ':')
			a++;
		while (*b == '-' || *b == ':')
			b++;
		if (lower(*a) != lower(*b))
			return 0;
		if (!*a)
			return 1;
	}
}

/**
 * read_text() - read a small text file, such as a sysfs attribute
 * @buf:	receives the text, trailing newlines and blanks dropped
 * @size:	of @buf
 * @fmt:	the path, with one "%s" for @arg ("/sys/block/%s/dm/name")
 * @arg:	what goes in its place (a device name)
 *
 * One string argument rather than "...": a variadic path costs every
 * caller a va_list, and every path kinit reads has one variable part.
 *
 * Return: 0, -ENAMETOOLONG for a path over 127 bytes, -E2BIG when the
 * file does not fit in @buf, or the -errno of open() or read().
 */
int read_text(char *buf, size_t size, const char *fmt, const char *arg)
{
	char path[128];
	ssize_t n;
	size_t len = 0;
	int fd;

	n = ksnprintf(path, sizeof(path), fmt, arg);
	if (n < 0 || (size_t)n >= sizeof(path))
		return -ENAMETOOLONG;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	if (n < 0)
		return -errno;
	if (len == size - 1)
		return -E2BIG;
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		len--;
	buf[len] = '\0';
	return 0;
}
