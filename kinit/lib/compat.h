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

/*
 * finit_module(2): klibc has the system call but no prototype, glibc
 * has neither; sys_finit_module() returns 0 or -errno.
 */
#ifdef __KLIBC__
int finit_module(int fd, const char *params, int flags);
static inline int sys_finit_module(int fd, const char *params, int flags)
{
	return finit_module(fd, params, flags) ? -errno : 0;
}
#else
#include <sys/syscall.h>
#include <unistd.h>
static inline int sys_finit_module(int fd, const char *params, int flags)
{
	return syscall(SYS_finit_module, fd, params, flags) ? -errno : 0;
}
#endif

/*
 * getdents64(2): klibc's getdents() is that system call (its struct
 * dirent is the kernel's linux_dirent64); glibc has no wrapper without
 * _GNU_SOURCE.  Bytes of records read, 0 at the end, or -errno.
 */
#ifdef __KLIBC__
#include <sys/dirent.h>
static inline int sys_getdents64(int fd, void *buf, unsigned int len)
{
	int n = getdents(fd, buf, len);

	return n < 0 ? -errno : n;
}
#else
#include <sys/syscall.h>
#include <unistd.h>
static inline int sys_getdents64(int fd, void *buf, unsigned int len)
{
	long n = syscall(SYS_getdents64, fd, buf, len);

	return n < 0 ? -errno : (int)n;
}
#endif

/* The kernel's spelling (<linux/compiler_attributes.h>); no libc has it. */
#ifndef __printf
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#endif
#ifndef noinline
#define noinline	__attribute__((noinline))
#endif

#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC 1
#endif

#endif /* KINIT_COMPAT_H */
