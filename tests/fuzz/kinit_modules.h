/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kinit_modules.h - kinit's module loading (modules.c, coldplug.c) for
 * the fuzz targets of the files a boot loader archive can replace:
 * kinit.load and modules.d/NAME.load, modprobe.conf, kinit.alias.
 * finit_module() never reaches the host kernel: the fuzzer is often root,
 * and a line of a .load file may name a real module of the host.
 */
#ifndef KINIT_FUZZ_MODULES_H
#define KINIT_FUZZ_MODULES_H

#define _GNU_SOURCE	/* memfd_create() */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* compat.h's sys_finit_module() calls syscall(SYS_finit_module, ...) */
static long fuzz_syscall(long nr, ...)
{
	if (nr != SYS_finit_module)
		abort();
	errno = ENOEXEC;
	return -1;
}
#define syscall fuzz_syscall

#define CONFIG_KINIT_MODULE_LOADER 1
#define CONFIG_KINIT_MODULES_AUTOLOAD 1
#include "modules/modules.c"
#include "modules/coldplug.c"
#undef syscall

#include "../unit/log_stub.h"

/* Not assert(): the invariants must hold in NDEBUG builds too. */
#define CHECK(c)	do { if (!(c)) { fprintf(stderr, "CHECK failed: %s\n", #c); abort(); } } while (0)
#define TERMINATED(s)	CHECK(memchr((s), '\0', sizeof(s)))

/* A release no host has: relative names resolve to no real module. */
#define FUZZ_RELEASE	"0.0.0-kinit-fuzz"

#include "fuzz_file.h"

#endif /* KINIT_FUZZ_MODULES_H */
