// SPDX-License-Identifier: GPL-2.0
/*
 * log.c - kinit's messages go to the kernel log as "kinit: ...", so they
 * reach the console by printk's rules (quiet hides all but errors) and
 * `dmesg` on the real system shows what early userspace did and when.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/compat.h"
#include "kinit.h"

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
 * @k:	state; k->log->fd is set
 */
void log_open(struct kinit *k)
{
	if (k->log->fd < 0)
		k->log->fd = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
}

/*
 * /dev/kmsg lets a writer burst ten lines, then drops lines for five
 * seconds.  A boot that goes well says fewer; before the eighth line
 * (a failure report, a storage stack, a rescue shell) PID 1 lifts the
 * limit, and log_restore_ratelimit() puts it back before the hand-over.
 * Not lifting it up front saves the boot two system calls and the
 * restore three.
 */
static void log_count_line(const struct kinit *k)
{
	int ret;

	if (k->log->lifted || ++k->log->lines < 8)
		return;
	k->log->lifted = 1;
	ret = set_devkmsg("on\n");
	if (ret)
		info(k, "cannot lift the /dev/kmsg rate limit: %s", errstr(-ret));
}

/**
 * log_restore_ratelimit() - put /dev/kmsg's default rate limit back
 * @k:	state
 *
 * Only if kinit lifted it: the real system keeps what it was given.
 */
void log_restore_ratelimit(const struct kinit *k)
{
	if (k->log->lifted && !set_devkmsg("ratelimit\n"))
		k->log->lifted = 0;
}

/**
 * kinit_log() - one line in the kernel log, "kinit: " prepended
 * @k:		state (for the kmsg fd)
 * @level:	syslog level: errors reach the console even with "quiet"
 * @fmt:	printf format
 *
 * Before /dev/kmsg is open the line goes to the console (fd 2).
 */
void kinit_log(const struct kinit *k, int level, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n, m;

	n = snprintf(buf, sizeof(buf), "<%d>kinit: ", level);
	va_start(ap, fmt);
	m = vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	va_end(ap);
	n = (m < 0) ? n : n + m;
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (k->log->fd >= 0) {
		log_count_line(k);
		if (write(k->log->fd, buf, n) == n)
			return;
	}
	/* no kernel log: the console, without the level prefix */
	m = strchr(buf, '>') - buf + 1;
	if (write(2, buf + m, n - m) < 0)
		return;
}

/**
 * kinit_what() - record what a failing step failed on, and pass on @err
 * @k:		state; k->what receives the text
 * @err:	-errno to return
 * @fmt:	printf format naming the object ("/dev/vda", "root=UUID=...")
 *
 * Return: @err, so a step can "return kinit_what(k, -ENOENT, ...)".
 */
int kinit_what(struct kinit *k, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(k->what, sizeof(k->what), fmt, ap);
	va_end(ap);
	return err;
}
