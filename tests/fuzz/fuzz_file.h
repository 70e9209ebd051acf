/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fuzz_file.h - for fuzzers of readers that take a path: the input as a
 * file (a memfd), named by its /proc/self/fd path.
 */
#ifndef KINIT_FUZZ_FILE_H
#define KINIT_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static inline const char *fuzz_file(const uint8_t *data, size_t size)
{
	static char path[64];
	static int fd = -1;

	if (fd < 0) {
		fd = memfd_create("fuzz-input", 0);
		if (fd < 0)
			abort();
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) || (size && pwrite(fd, data, size, 0) != (ssize_t)size))
		abort();
	return path;
}

#endif /* KINIT_FUZZ_FILE_H */
