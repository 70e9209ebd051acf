// SPDX-License-Identifier: GPL-2.0
/*
 * real-init.c - /sbin/init on the bench's root disk.
 *
 * The first thing it does is read the guest's own clock (CLOCK_BOOTTIME,
 * the clock of /proc/uptime, to the microsecond): a small static klibc
 * binary starts in a few milliseconds, where a busybox shell script spent
 * ~0.1 s of emulated time being paged in from the disk before its first
 * command, a cost every contestant paid and which hid the differences in
 * early userspace.  Then it reports what make bench reads as
 * "bench: KEY=VALUE" console lines and ends the guest (QEMU runs with
 * -no-reboot).  Built by bench/run with klcc -static.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>
#include <asm/unistd.h>

#ifndef CLOCK_BOOTTIME
#define CLOCK_BOOTTIME 7
#endif

/* klibc has no clock_gettime(); the system call directly (x86_64). */
static long boottime_us(void)
{
	struct timespec ts = { 0 };
	long ret;

	asm volatile("syscall" : "=a"(ret)
		     : "0"(__NR_clock_gettime), "D"(CLOCK_BOOTTIME), "S"(&ts)
		     : "rcx", "r11", "memory");
	if (ret)
		return -1;
	return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

/* Read a small /proc file whole; 0 or -1. */
static int slurp(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

static void report_memfree(void)
{
	char buf[4096], *p;
	unsigned long kib;

	if (slurp("/proc/meminfo", buf, sizeof(buf)))
		return;
	p = strstr(buf, "MemFree:");
	if (p && sscanf(p + 8, "%lu", &kib) == 1)
		printf("bench: memfree=%lu\n", kib);
}

/* "dev type opts" of the mount on /, the last one listed (the top one). */
static void report_root(void)
{
	char buf[8192], dev[128], mnt[128], type[32], opts[256];
	char found[512] = "";
	char *line, *save = NULL;

	if (slurp("/proc/mounts", buf, sizeof(buf)))
		return;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "%127s %127s %31s %255s", dev, mnt, type, opts) != 4 ||
		    strcmp(mnt, "/"))
			continue;
		opts[strcspn(opts, ",")] = '\0';
		snprintf(found, sizeof(found), "%s %s %s", dev, type, opts);
	}
	printf("bench: root=%s\n", found);
}

/*
 * Which filesystem "/" is: statfs()'s f_type and f_fsid.  ext4 derives
 * f_fsid from its UUID (the two halves of the UUID, little-endian,
 * xor'ed: uuid_to_fsid() in the kernel), so bench/collect can check that
 * the real init runs from the root the scenario asked for, and not from
 * an initramfs or another disk.
 */
static void report_root_id(void)
{
	struct statfs sfs;

	if (statfs("/", &sfs)) {
		printf("bench: root-id=statfs-failed\n");
		return;
	}
	printf("bench: root-id=%lx:%08x:%08x\n", (unsigned long)sfs.f_type,
	       (unsigned int)sfs.f_fsid.val[0], (unsigned int)sfs.f_fsid.val[1]);
}

int main(void)
{
	long us = boottime_us();
	int fd = open("/dev/kmsg", O_WRONLY);
	struct stat st;

	/*
	 * A kernel log line: its printk time is on the same clock as the
	 * kernel's "Run /init as init process", so early userspace is
	 * measured on one clock (CLOCK_BOOTTIME and printk's can differ by
	 * several ms under emulation).
	 */
	if (fd >= 0) {
		write(fd, "bench: real init\n", 17);
		close(fd);
	}
	printf("bench: uptime=%ld.%06ld\n", us / 1000000, us % 1000000);
	/* the floor and the busybox recipe hand over no /proc */
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	report_memfree();
	report_root();
	report_root_id();
	/* the initramfs must be gone: no /init showing through */
	printf("bench: initramfs-freed=%s\n", stat("/init", &st) ? "yes" : "no");
	printf("bench: done\n");
	fflush(stdout);
	if (getpid() != 1)
		return 0;
	reboot(RB_AUTOBOOT, NULL);
	printf("bench: reboot failed\n");
	for (;;)
		pause();
}
