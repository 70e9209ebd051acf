/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dir.h - reading a directory's names with getdents64(2) into a buffer
 * the caller holds, instead of opendir(), which allocates its buffer.
 */
#ifndef KINIT_LIB_DIR_H
#define KINIT_LIB_DIR_H

#include <stdint.h>

#define DIR_BUF_SIZE	2048	/* a batch of records; a name takes at most 280 */

/**
 * struct dir_reader - an open directory and the records read from it
 * @fd:		the directory, -1 once closed
 * @pos:	offset of the next record in @buf
 * @len:	bytes of records in @buf
 * @type:	the file type of the name dir_next() gave last, as readdir()'s
 *		d_type (DT_DIR, DT_REG, ...; DT_UNKNOWN if the filesystem
 *		does not say)
 * @buf:	what getdents64() returned last
 */
struct dir_reader {
	int fd;
	int pos;
	int len;
	unsigned char type;
	uint64_t buf[DIR_BUF_SIZE / sizeof(uint64_t)];	/* records are 8-aligned */
};

int dir_open(struct dir_reader *d, const char *path);
void dir_open_fd(struct dir_reader *d, int fd);
const char *dir_next(struct dir_reader *d);
void dir_close(struct dir_reader *d);

#endif /* KINIT_LIB_DIR_H */
