/* SPDX-License-Identifier: GPL-2.0 */
/*
 * usr_all.h - the generator (every usr/ source) as one unit for its fuzz targets,
 * which reach its static readers; kinit_gen's main() steps aside for
 * libFuzzer's.  Also the small helpers the targets share.
 */
#ifndef KINIT_FUZZ_USR_ALL_H
#define KINIT_FUZZ_USR_ALL_H

#define _GNU_SOURCE	/* memfd_create() */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_file.h"

/*
 * elf_deps.c maps the file it reads.  Past the end of a file, the rest of
 * its last page reads as zeros and ASan sees nothing: give it an exact-size
 * heap copy instead, so every byte read past the end is reported.
 */
static void *fuzz_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	char *p = malloc(len ? len : 1);

	(void)addr;
	(void)prot;
	(void)flags;
	if (!p || pread(fd, p, len, off) != (ssize_t)len) {
		free(p);
		return MAP_FAILED;
	}
	return p;
}

static int fuzz_munmap(void *p, size_t len)
{
	(void)len;
	free(p);
	return 0;
}

#define mmap fuzz_mmap
#define munmap fuzz_munmap
#define main kinit_gen_main
#include "kinit_gen.c"
#undef main
#include "genlist.c"
#include "stage.c"
#include "extra_src.c"
#include "elf_deps.c"
#include "moddeps.c"
#include "shell_hash.c"
#undef mmap
#undef munmap

/* Not assert(): the invariants must hold in NDEBUG builds too. */
/* fd 2 itself: stderr is /dev/null here (usr_fuzz_file()) */
#define CHECK(c)	do { if (!(c)) { dprintf(2, "CHECK failed: %s\n", #c); abort(); } } while (0)

/*
 * The readers take a path: the input goes to a memfd, named by its
 * /proc/self/fd path.  The generator's messages for bad input (it is
 * meant to print them) go to /dev/null, not into the fuzzer's log; the
 * sanitizers write to fd 2 directly and are still seen.
 */
static const char *usr_fuzz_file(const uint8_t *data, size_t size)
{
	static int quiet;

	if (!quiet) {
		stderr = fopen("/dev/null", "w");
		if (!stderr)
			abort();
		quiet = 1;
	}
	return fuzz_file(data, size);
}

#endif /* KINIT_FUZZ_USR_ALL_H */
