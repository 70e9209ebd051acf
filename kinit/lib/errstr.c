// SPDX-License-Identifier: GPL-2.0
/*
 * errstr.c - names for the errors kinit meets, instead of klibc's strerror()
 * and its 4 KiB table of every errno: the same texts, for the few it meets.
 */
#include <errno.h>

#include "kinit.h"

/*
 * The errors a boot step can end with (opening and reading devices,
 * mounting, executing init, loading modules), worded as klibc words them
 * (the kernel's <asm-generic/errno*.h>), so that messages read as they did
 * with strerror().  Every text costs bytes in every kernel: the unlikely
 * rest reads "error N".
 */
static const char *const err_texts[] = {
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[EIO] = "I/O error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[ENOMEM] = "Out of memory",
	[EACCES] = "Permission denied",
	[ENOTBLK] = "Block device required",
	[EBUSY] = "Device or resource busy",
	[EEXIST] = "File exists",
	[ENODEV] = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENOSPC] = "No space left on device",
	[EROFS] = "Read-only file system",
	[ENAMETOOLONG] = "File name too long",
	[ELOOP] = "Too many symbolic links encountered",
	[ENOTUNIQ] = "Name not unique on network",
	[ENOLINK] = "Link has been severed",
	[EBADMSG] = "Not a data message",
	[ENETDOWN] = "Network is down",
	[ENETUNREACH] = "Network is unreachable",
	[ETIMEDOUT] = "Connection timed out",
	[ECONNREFUSED] = "Connection refused",
	[EHOSTUNREACH] = "No route to host",
	[EUCLEAN] = "Structure needs cleaning",
	[ENOMEDIUM] = "No medium found",
	[ENOKEY] = "Required key not available",
	[EKEYREJECTED] = "Key was rejected by service",
};

/**
 * errstr_buf() - what an errno means, in words
 * @err:	a positive errno value, as strerror() takes
 * @buf:	room for "error N" when @err is not one kinit names
 * @size:	size of @buf (ERRSTR_MAX is enough)
 *
 * Use errstr(), which provides @buf.
 *
 * Return: the text, or @buf holding "error N".
 */
const char *errstr_buf(int err, char *buf, size_t size)
{
	if (err >= 0 && (size_t)err < ARRAY_SIZE(err_texts) && err_texts[err])
		return err_texts[err];
	ksnprintf(buf, size, "error %d", err);
	return buf;
}
