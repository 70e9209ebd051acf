/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - the few system calls klibc lacks, as nolibc does them:
 * sys_x() returns -errno, x() would set errno.  Only kinit's callers
 * need them, and only on x86_64 (KINIT depends on it).
 */
#ifndef KINIT_COMPAT_H
#define KINIT_COMPAT_H

#include <errno.h>
#include <time.h>

#ifdef __KLIBC__
#include <asm/unistd.h>

static inline long raw_syscall2(long nr, long a, long b)
{
	long ret;

	asm volatile("syscall" : "=a"(ret) : "0"(nr), "D"(a), "S"(b)
		     : "rcx", "r11", "memory");
	return ret;
}

static inline int sys_clock_gettime(int clk, struct timespec *ts)
{
	return raw_syscall2(__NR_clock_gettime, clk, (long)ts);
}
#else
static inline int sys_clock_gettime(int clk, struct timespec *ts)
{
	return clock_gettime(clk, ts) ? -errno : 0;
}
#endif

/* klibc's reboot() takes a second argument, glibc's does not */
#ifdef __KLIBC__
#define sys_reboot(cmd) reboot((cmd), NULL)
#else
#define sys_reboot(cmd) reboot(cmd)
#endif

#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC 1
#endif

#endif /* KINIT_COMPAT_H */
