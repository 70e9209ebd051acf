/* SPDX-License-Identifier: GPL-2.0 */
/*
 * log.h - kinit's messages in the kernel log.  The logger keeps its own
 * small state, struct kinit_log, and knows nothing of the boot's.
 */
#ifndef KINIT_LOG_H
#define KINIT_LOG_H

#include "lib/compat.h"

enum { LOG_ERR = 3, LOG_INFO = 6, LOG_DEBUG = 7 };

/**
 * struct kinit_log - the kernel log as kinit writes it
 * @fd:		/dev/kmsg, or -1 before it is open
 * @lines:	lines written so far
 * @lifted:	kinit turned /dev/kmsg's rate limit off (printk_devkmsg=on)
 *
 * The boot state holds a pointer to it, so that a step given a const
 * struct kinit can still log, and the log still count its lines.
 */
struct kinit_log {
	int fd;
	int lines;
	int lifted;
};

long long kinit_now_ms(void);
void log_open(struct kinit_log *log);
void log_restore_ratelimit(struct kinit_log *log);
void log_line(struct kinit_log *log, int level, const char *fmt, ...) __printf(3, 4);

/* @k: anything with a struct kinit_log *log (struct kinit) */
#define info(k, ...)	log_line((k)->log, LOG_INFO, __VA_ARGS__)
#define error(k, ...)	log_line((k)->log, LOG_ERR, __VA_ARGS__)

#endif /* KINIT_LOG_H */
