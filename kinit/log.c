// SPDX-License-Identifier: GPL-2.0
/*
 * log.c - kinit's messages go to the kernel log as "kinit: ...", so they
 * reach the console by printk's rules (quiet hides all but errors) and
 * `dmesg` on the real system shows what early userspace did and when.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "lib/compat.h"
#include "lib/util.h"
#include "log.h"

/**
 * kinit_now_ms() - milliseconds of CLOCK_MONOTONIC (time since boot)
 */
long long kinit_now_ms(void)
{
	struct timespec ts;

	if (sys_clock_gettime(CLOCK_MONOTONIC, &ts))
		return 0;
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Write @val to printk_devkmsg ("on" or "ratelimit"); 0 or -errno. */
static int set_devkmsg(const char *val)
{
	int fd = open("/proc/sys/kernel/printk_devkmsg", O_WRONLY | O_CLOEXEC);
	int ret = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, val, strlen(val)) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

/**
 * log_open() - start writing to the kernel log
 * @log:	the log; @log->fd is set
 */
void log_open(struct kinit_log *log)
{
	if (log->fd < 0)
		log->fd = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
}

/*
 * /dev/kmsg lets a writer burst ten lines, then drops lines for five
 * seconds.  A boot that goes well says fewer; before the eighth line
 * (a failure report, a storage stack, a rescue shell) PID 1 lifts the
 * limit, and log_restore_ratelimit() puts it back before the hand-over.
 * Not lifting it up front saves the boot two system calls and the
 * restore three.
 */
static void log_count_line(struct kinit_log *log)
{
	int ret;

	if (log->lifted || ++log->lines < 8)
		return;
	log->lifted = 1;
	ret = set_devkmsg("on\n");
	if (ret)
		log_line(log, LOG_INFO, "cannot lift the /dev/kmsg rate limit: %s",
			 errstr(-ret));
}

/**
 * log_restore_ratelimit() - put /dev/kmsg's default rate limit back
 * @log:	the log
 *
 * Only if kinit lifted it: the real system keeps what it was given.
 */
void log_restore_ratelimit(struct kinit_log *log)
{
	if (log->lifted && !set_devkmsg("ratelimit\n"))
		log->lifted = 0;
}

/**
 * log_line() - one line in the kernel log, "kinit: " prepended
 * @log:	the log
 * @level:	syslog level: errors reach the console even with "quiet"
 * @fmt:	printf format
 *
 * Before /dev/kmsg is open the line goes to the console (fd 2).
 */
void log_line(struct kinit_log *log, int level, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n, m;

	n = ksnprintf(buf, sizeof(buf), "<%d>kinit: ", level);
	va_start(ap, fmt);
	m = kvsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	va_end(ap);
	n = (m < 0) ? n : n + m;
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (log->fd >= 0) {
		log_count_line(log);
		if (write(log->fd, buf, n) == n)
			return;
	}
	/* no kernel log: the console, without the level prefix */
	m = strchr(buf, '>') - buf + 1;
	if (write(2, buf + m, n - m) < 0)
		return;
}
