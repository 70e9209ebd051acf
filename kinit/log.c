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

#include "compat.h"
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

/**
 * log_open() - start writing to the kernel log
 * @k:	state; k->kmsg is set
 *
 * /dev/kmsg rate-limits writers to ten lines in five seconds by default,
 * which would drop kinit's own step log; PID 1 may lift that, and
 * switch_root() puts the default back before handing over.
 */
void log_open(struct kinit *k)
{
	int fd;

	if (k->kmsg < 0)
		k->kmsg = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
	fd = open("/proc/sys/kernel/printk_devkmsg", O_WRONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (write(fd, "on\n", 3) < 0)
			info(k, "cannot lift the /dev/kmsg rate limit: %s", errstr(errno));
		close(fd);
	}
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
	if (k->kmsg >= 0 && write(k->kmsg, buf, n) == n)
		return;
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
