// SPDX-License-Identifier: GPL-2.0
/*
 * dir_test.c - host unit tests for kinit/lib/dir.c (linked by
 * tests/unit/run): every name once over many getdents64() batches, "."
 * and ".." never, an empty directory, and the errors of opening.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/dir.h"
#include "lib/util.h"

#include "ktap.h"

#define NAMES	300	/* 300 names of ~100 bytes: some fifteen batches */

int main(void)
{
	char top[] = "/tmp/dir_test.XXXXXX", path[512];
	static unsigned char seen[NAMES];
	struct dir_reader d;
	struct ktap t = { 0 };
	int planned = 7, i, n = 0, bad = 0, fd;
	const char *name;

	ktap_begin("dir", planned);
	if (!mkdtemp(top))
		return 1;
	for (i = 0; i < NAMES; i++) {
		snprintf(path, sizeof(path), "%s/%03d-%0*d", top, i, 90, 0);
		fd = open(path, O_CREAT | O_WRONLY, 0600);
		if (fd < 0)
			return 1;
		close(fd);
	}
	snprintf(path, sizeof(path), "%s/empty", top);
	mkdir(path, 0700);

	KTAP_EQ_INT(&t, dir_open(&d, top), 0, "open");
	while ((name = dir_next(&d))) {
		n++;
		if (!strcmp(name, "empty"))
			continue;
		i = atoi(name);
		if (!strcmp(name, ".") || !strcmp(name, "..") || i < 0 || i >= NAMES || seen[i]++)
			bad++;
	}
	dir_close(&d);
	for (i = 0; i < NAMES; i++)
		bad += !seen[i];
	ktap_check(&t, n == NAMES + 1 && !bad, "every name once, no . or .. # %d names, %d wrong",
		   n, bad);
	KTAP_EQ_INT(&t, dir_next(&d) == NULL, 1, "nothing after close");

	snprintf(path, sizeof(path), "%s/empty", top);
	dir_open(&d, path);
	KTAP_EQ_INT(&t, dir_next(&d) == NULL, 1, "empty directory");
	dir_close(&d);

	snprintf(path, sizeof(path), "%s/none", top);
	KTAP_EQ_INT(&t, dir_open(&d, path), -ENOENT, "missing directory");
	KTAP_EQ_INT(&t, dir_next(&d) == NULL, 1, "missing directory: no names");
	dir_close(&d);
	snprintf(path, sizeof(path), "%s/000-%0*d", top, 90, 0);
	KTAP_EQ_INT(&t, dir_open(&d, path), -ENOTDIR, "a file is not a directory");

	snprintf(path, sizeof(path), "rm -rf '%s'", top);
	if (system(path))
		return 1;
	return ktap_end(&t, planned);
}
