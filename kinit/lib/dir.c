// SPDX-License-Identifier: GPL-2.0
/*
 * dir.c - a directory's names, without malloc(): klibc's opendir()
 * allocates its buffer, and with it links the allocator into a kinit that
 * has no other use for one.  The buffer is the caller's (on its stack).
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "lib/compat.h"
#include "lib/dir.h"

/* The kernel's struct linux_dirent64, as getdents64(2) writes it. */
struct dirent64_rec {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

/**
 * dir_open() - open directory @path for dir_next()
 * @d:		the reader
 * @path:	the directory
 *
 * Return: 0, or -errno of open() (@d is then closed: dir_next() gives
 * nothing, dir_close() does nothing).
 */
int dir_open(struct dir_reader *d, const char *path)
{
	dir_open_fd(d, open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
	return d->fd < 0 ? -errno : 0;
}

/**
 * dir_open_fd() - read the directory open as @fd
 * @d:		the reader
 * @fd:		an open directory, which dir_close() closes; or -1
 */
void dir_open_fd(struct dir_reader *d, int fd)
{
	d->fd = fd;
	d->pos = 0;
	d->len = 0;
}

/**
 * dir_next() - the next name in the directory, "." and ".." left out
 * @d:		the reader
 *
 * Return: the name, valid until the next call; NULL at the end or on a
 * read error.
 */
const char *dir_next(struct dir_reader *d)
{
	const struct dirent64_rec *r;

	for (;;) {
		if (d->pos >= d->len) {
			if (d->fd < 0)
				return NULL;
			d->len = sys_getdents64(d->fd, d->buf, sizeof(d->buf));
			d->pos = 0;
			if (d->len <= 0)
				return NULL;
		}
		r = (const struct dirent64_rec *)((const char *)d->buf + d->pos);
		d->pos += r->reclen;
		d->type = r->type;
		if (strcmp(r->name, ".") && strcmp(r->name, ".."))
			return r->name;
	}
}

/**
 * dir_close() - close the directory
 * @d:		the reader; dir_next() gives nothing after this
 */
void dir_close(struct dir_reader *d)
{
	if (d->fd >= 0)
		close(d->fd);
	d->fd = -1;
	d->len = 0;
}
