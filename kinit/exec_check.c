// SPDX-License-Identifier: GPL-2.0
/*
 * exec_check.c - would the kernel's execve() run this program?  The checks
 * fs/binfmt_elf.c and fs/binfmt_script.c make, done before the initramfs
 * is freed, so that an init the kernel will refuse is refused while the
 * boot can still fail safely.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kinit.h"

/*
 * The ELF the kernel running kinit executes: kinit's own class, byte
 * order and machine (elf_check_arch()).  A 32-bit init on a 64-bit kernel
 * (CONFIG_IA32_EMULATION) is refused: kinit cannot tell whether the
 * kernel has the compat loader.
 */
#if defined(__x86_64__)
#define EXEC_MACHINE	EM_X86_64
#elif defined(__aarch64__)
#define EXEC_MACHINE	183	/* EM_AARCH64, missing from klibc's elf.h */
#else
#error "exec_check.c: add this architecture's ELF machine"
#endif

#if __SIZEOF_POINTER__ == 8
#define EXEC_CLASS	ELFCLASS64
#define exec_ehdr	Elf64_Ehdr
#define exec_phdr	Elf64_Phdr
#else
#define EXEC_CLASS	ELFCLASS32
#define exec_ehdr	Elf32_Ehdr
#define exec_phdr	Elf32_Phdr
#endif

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define EXEC_DATA	ELFDATA2LSB
#else
#define EXEC_DATA	ELFDATA2MSB
#endif

#define BINPRM_BUF_SIZE	256	/* what the kernel reads of a file to choose */
#define PHDRS_MAX_SIZE	4096	/* load_elf_phdrs(): at most ELF_MIN_ALIGN */
#define SCRIPT_DEPTH	5	/* exec_binprm(): rewrites before -ELOOP */

/*
 * Record why a program cannot run; return @err.  @label names the file
 * when it is not the one asked for ("#! interpreter /bin/sh"): the
 * caller's message names that one.
 */
static int __attribute__((format(printf, 4, 5)))
refuse(struct exec_check *res, int err, const char *label, const char *fmt, ...)
{
	va_list ap;
	int n = ksnprintf(res->why, sizeof(res->why), "%s%s", label, label[0] ? ": " : "");

	if (n < 0 || (size_t)n >= sizeof(res->why))
		return err;
	va_start(ap, fmt);
	kvsnprintf(res->why + n, sizeof(res->why) - n, fmt, ap);
	va_end(ap);
	return err;
}

/* Append to the description of what will run (best effort). */
static void describe(struct exec_check *res, const char *what, const char *path)
{
	size_t n = strlen(res->how);

	ksnprintf(res->how + n, sizeof(res->how) - n, "%s%s", what, path);
}

/*
 * Open @path as do_open_execat() would: a regular file with execute
 * permission, on a filesystem not mounted noexec (access() checks both).
 */
static int open_exec(const char *path, const char *label, struct exec_check *res)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int err;

	if (fd < 0) {
		err = -errno;
		ksnprintf(res->why, sizeof(res->why), "%s", label);	/* the error says it */
		return err;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return refuse(res, -EACCES, label, "not a regular file");
	}
	if (access(path, X_OK)) {
		err = -errno;
		close(fd);
		return refuse(res, err, label, "not executable");
	}
	return fd;
}

/* The first BINPRM_BUF_SIZE bytes, zero-padded as the kernel pads them. */
static int read_head(int fd, unsigned char *buf)
{
	ssize_t n;

	memset(buf, 0, BINPRM_BUF_SIZE);
	n = pread(fd, buf, BINPRM_BUF_SIZE, 0);
	return n < 0 ? -errno : (int)n;
}

/* Header checks of load_elf_binary() and load_elf_interp(). */
static int elf_header_ok(const exec_ehdr *eh, int len, const char *label,
			 struct exec_check *res)
{
	if (len < (int)sizeof(*eh))
		return refuse(res, -ENOEXEC, label, "ELF header cut short");
	if (eh->e_ident[EI_CLASS] != EXEC_CLASS || eh->e_ident[EI_DATA] != EXEC_DATA ||
	    eh->e_machine != EXEC_MACHINE)
		return refuse(res, -ENOEXEC, label,
			      "ELF for another machine (class %u, data %u, machine %u; this kernel runs %u, %u, %u)",
			      eh->e_ident[EI_CLASS], eh->e_ident[EI_DATA], eh->e_machine,
			      EXEC_CLASS, EXEC_DATA, EXEC_MACHINE);
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return refuse(res, -ENOEXEC, label, "ELF of type %u, not an executable",
			      eh->e_type);
	if (eh->e_phentsize != sizeof(exec_phdr) || !eh->e_phnum ||
	    eh->e_phnum * sizeof(exec_phdr) > PHDRS_MAX_SIZE)
		return refuse(res, -ENOEXEC, label, "ELF program header table malformed");
	return 0;
}

/*
 * Read the program headers, and the first PT_INTERP's path into @interp
 * ("" when there is none) with load_elf_binary()'s checks: at least 2
 * bytes, NUL-terminated.  A NULL @interp: only the headers are read (an
 * interpreter's own PT_INTERP is not followed).
 */
static int elf_phdrs(int fd, const exec_ehdr *eh, const char *label, char *interp,
		     size_t size, struct exec_check *res)
{
	exec_phdr ph;
	int i, found = !interp;

	if (interp)
		interp[0] = '\0';
	for (i = 0; i < eh->e_phnum; i++) {
		if (pread(fd, &ph, sizeof(ph), eh->e_phoff + i * sizeof(ph)) != sizeof(ph))
			return refuse(res, -ENOEXEC, label, "ELF program headers cut short");
		if (ph.p_type != PT_INTERP || found)
			continue;
		found = 1;
		if (ph.p_filesz < 2)
			return refuse(res, -ENOEXEC, label, "ELF interpreter path empty");
		if (ph.p_filesz > size)
			return refuse(res, -ENAMETOOLONG, label,
				      "ELF interpreter path longer than kinit checks (%zu bytes)",
				      size - 1);
		if (pread(fd, interp, ph.p_filesz, ph.p_offset) != (ssize_t)ph.p_filesz ||
		    interp[ph.p_filesz - 1] != '\0') {
			interp[0] = '\0';
			return refuse(res, -ENOEXEC, label, "ELF interpreter path unreadable");
		}
	}
	return 0;
}

/* The ELF interpreter (ld.so): an ELF executable for this machine itself. */
static int check_elf_interp(const char *interp, struct exec_check *res)
{
	unsigned char head[BINPRM_BUF_SIZE];
	char label[INIT_PATH_MAX + 24];
	int fd, len, ret;

	ksnprintf(label, sizeof(label), "ELF interpreter %s", interp);
	fd = open_exec(interp, label, res);
	if (fd < 0)
		return fd;
	len = read_head(fd, head);
	if (len < 0)
		ret = refuse(res, len, label, "unreadable");
	else if (len < SELFMAG || memcmp(head, ELFMAG, SELFMAG))
		ret = refuse(res, -ENOEXEC, label, "not an ELF file");
	else
		ret = elf_header_ok((const exec_ehdr *)head, len, label, res);
	/* load_elf_phdrs() reads the interpreter's table whole */
	if (!ret)
		ret = elf_phdrs(fd, (const exec_ehdr *)head, label, NULL, 0, res);
	close(fd);
	if (ret)
		return ret;
	describe(res, "ELF using ", interp);
	return 0;
}

static int check_elf(int fd, const unsigned char *head, int len, const char *label,
		     struct exec_check *res)
{
	const exec_ehdr *eh = (const exec_ehdr *)head;
	char interp[INIT_PATH_MAX];
	int ret;

	ret = elf_header_ok(eh, len, label, res);
	if (!ret)
		ret = elf_phdrs(fd, eh, label, interp, sizeof(interp), res);
	if (ret)
		return ret;
	if (!interp[0]) {
		describe(res, "static ELF", "");
		return 0;
	}
	return check_elf_interp(interp, res);
}

/*
 * The "#!" line as load_script() reads it: the interpreter is the first
 * word after "#!", and must end (newline, blank or NUL) within the first
 * BINPRM_BUF_SIZE bytes, or the kernel takes it as cut short.
 */
static int script_interp(const unsigned char *head, const char *label, char *interp,
			 size_t size, struct exec_check *res)
{
	const char *p = (const char *)head + 2;
	const char *end = (const char *)head + BINPRM_BUF_SIZE;
	size_t n;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (n = 0; p + n < end; n++)
		if (p[n] == ' ' || p[n] == '\t' || p[n] == '\n' || !p[n])
			break;
	if (!n || p + n == end)
		return refuse(res, -ENOEXEC, label, "#! line without a whole interpreter path");
	if (n >= size)
		return refuse(res, -ENAMETOOLONG, label, "#! interpreter path too long");
	memcpy(interp, p, n);
	interp[n] = '\0';
	return 0;
}

/* @path, as the file the kernel is asked to run @depth scripts deep. */
static int check_depth(const char *path, const char *label, int depth,
		       struct exec_check *res)
{
	unsigned char head[BINPRM_BUF_SIZE];
	char interp[INIT_PATH_MAX], next[INIT_PATH_MAX + 24];
	int fd, len, ret;

	if (depth > SCRIPT_DEPTH)
		return refuse(res, -ELOOP, label, "#! interpreters nested too deep");
	fd = open_exec(path, label, res);
	if (fd < 0)
		return fd;
	len = read_head(fd, head);
	if (len >= SELFMAG && !memcmp(head, ELFMAG, SELFMAG))
		ret = check_elf(fd, head, len, label, res);
	else if (len < 0)
		ret = refuse(res, len, label, "unreadable");
	else if (len < 2 || head[0] != '#' || head[1] != '!')
		ret = refuse(res, -ENOEXEC, label, "neither an ELF executable nor a #! script");
	else
		ret = script_interp(head, label, interp, sizeof(interp), res);
	close(fd);
	if (ret || head[0] != '#')
		return ret;
	describe(res, "#! ", interp);
	describe(res, ": ", "");
	ksnprintf(next, sizeof(next), "#! interpreter %s", interp);
	return check_depth(interp, next, depth + 1, res);
}

/**
 * exec_check() - say whether execve() of @path would find a program to run
 * @path:	the program, looked up from the current root and directory
 * @res:	what will run (@res->how) or, on failure, why not (@res->why,
 *		"" when the error itself says it: @path does not exist;
 *		"#! interpreter /bin/bash" when that is missing)
 *
 * @path must be a regular file with execute permission on a filesystem
 * that allows it, and either an ELF executable for the machine the kernel
 * runs, whose interpreter (ld.so) passes the same checks, or a "#!"
 * script whose interpreter does, at most five scripts deep.  Call it
 * chrooted into the root the program will run from: the interpreters
 * are looked up as the kernel will look them up.
 *
 * Return: 0, or -errno: -ENOENT (missing, also an interpreter),
 * -EACCES (not a regular file, not executable), -ENOEXEC (a format the
 * kernel cannot run), -ELOOP, -ENAMETOOLONG.
 */
int exec_check(const char *path, struct exec_check *res)
{
	res->how[0] = '\0';
	res->why[0] = '\0';
	return check_depth(path, "", 0, res);
}
