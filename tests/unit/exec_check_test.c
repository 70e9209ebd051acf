// SPDX-License-Identifier: GPL-2.0
/*
 * exec_check_test.c - host unit tests for kinit/exec_check.c: what the
 * kernel's execve() would refuse (garbage, a missing #! or ELF
 * interpreter, another machine's ELF, scripts nested too deep) is refused,
 * and what it runs passes.  Files are made in a temporary directory; the
 * test binary itself (/proc/self/exe) is the host's ELF with an ld.so.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "exec_check.c"

#include "ktap.h"

static char dir[64];

/* Write @len bytes of @data to dir/@name with @mode; return the path. */
static const char *put(const char *name, const void *data, size_t len, mode_t mode)
{
	static char path[8][128];
	static int slot;
	char *p = path[slot++ % 8];
	int fd;

	snprintf(p, sizeof(path[0]), "%s/%s", dir, name);
	unlink(p);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0 || write(fd, data, len) != (ssize_t)len) {
		perror(p);
		exit(2);
	}
	close(fd);
	chmod(p, mode);
	return p;
}

static const char *put_text(const char *name, const char *text)
{
	return put(name, text, strlen(text), 0755);
}

/* An ELF header for this machine, with @phnum program headers after it. */
static void elf_header(exec_ehdr *eh, int phnum)
{
	memset(eh, 0, sizeof(*eh));
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = EXEC_CLASS;
	eh->e_ident[EI_DATA] = EXEC_DATA;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_EXEC;
	eh->e_machine = EXEC_MACHINE;
	eh->e_version = EV_CURRENT;
	eh->e_phoff = sizeof(*eh);
	eh->e_phentsize = sizeof(exec_phdr);
	eh->e_phnum = phnum;
	eh->e_ehsize = sizeof(*eh);
}

/* A one-segment ELF: PT_LOAD (static), or PT_INTERP naming @interp. */
static const char *put_elf(const char *name, const char *interp, size_t interp_len,
			   void (*patch)(exec_ehdr *eh))
{
	struct {
		exec_ehdr eh;
		exec_phdr ph;
		char interp[64];
	} f;

	memset(&f, 0, sizeof(f));
	elf_header(&f.eh, 1);
	f.ph.p_type = interp ? PT_INTERP : PT_LOAD;
	if (interp) {
		memcpy(f.interp, interp, interp_len);
		f.ph.p_offset = offsetof(typeof(f), interp);
		f.ph.p_filesz = interp_len;
	}
	if (patch)
		patch(&f.eh);
	return put(name, &f, sizeof(f), 0755);
}

static void other_machine(exec_ehdr *eh)
{
	eh->e_machine = EXEC_MACHINE + 1;
}

static void other_class(exec_ehdr *eh)
{
	eh->e_ident[EI_CLASS] = EXEC_CLASS == ELFCLASS64 ? ELFCLASS32 : ELFCLASS64;
}

static void relocatable(exec_ehdr *eh)
{
	eh->e_type = ET_REL;
}

static void bad_phentsize(exec_ehdr *eh)
{
	eh->e_phentsize = 12;
}

static void phdrs_past_end(exec_ehdr *eh)
{
	eh->e_phnum = 40;
}

/* exec_check(@path): the error, and a substring of how or why ("=": all). */
static void check(struct ktap *t, const char *name, const char *path, int want,
		  const char *text)
{
	struct exec_check res;
	int ret = exec_check(path, &res);
	const char *got = ret ? res.why : res.how;
	int same = text[0] == '=' ? !strcmp(got, text + 1) : strstr(got, text) != NULL;

	ktap_check(t, ret == want && same, "%s # got %d '%s' want %d '%s'", name, ret, got,
		   want, text);
}

int main(void)
{
	struct ktap t = { 0 };
	int planned = 25;
	char line[600], name[16];
	const char *p, *s5 = NULL;
	int i;

	snprintf(dir, sizeof(dir), "/tmp/exec_check_test.XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	ktap_begin("exec_check", planned);

	check(&t, "host_elf_with_ld_so", "/proc/self/exe", 0, "ELF using /");
	check(&t, "static_elf", put_elf("static", NULL, 0, NULL), 0, "static ELF");
	check(&t, "missing", "/no/such/init", -ENOENT, "=");
	check(&t, "directory", dir, -EACCES, "not a regular file");
	check(&t, "not_executable", put("plain", "#!/bin/sh\n", 10, 0644), -EACCES,
	      "not executable");
	check(&t, "garbage", put_text("garbage", "this is not a program\n"), -ENOEXEC,
	      "neither an ELF executable nor a #! script");
	check(&t, "empty", put("empty", "", 0, 0755), -ENOEXEC, "neither");
	check(&t, "script_missing_interp", put_text("s-miss", "#!/no/such/sh\necho\n"),
	      -ENOENT, "=#! interpreter /no/such/sh");
	check(&t, "script_ok", put_text("s-ok", "#! /proc/self/exe -x\n"), 0,
	      "#! /proc/self/exe: ELF using /");
	check(&t, "script_ok_no_newline", put_text("s-eof", "#!/proc/self/exe"), 0, "ELF");
	check(&t, "script_no_interp", put_text("s-none", "#!  \t\n"), -ENOEXEC,
	      "#! line without a whole interpreter path");
	memset(line, 'a', 300);
	memcpy(line, "#!/", 3);
	line[300] = '\0';
	check(&t, "script_interp_cut_short", put_text("s-long", line), -ENOEXEC,
	      "without a whole interpreter path");
	snprintf(line, sizeof(line), "#!%s\n", put_text("s-garbage-interp", "garbage\n"));
	check(&t, "script_interp_garbage", put_text("s-outer", line), -ENOEXEC,
	      "#! interpreter /tmp/");

	/* five scripts deep and then an ELF, as exec_binprm() allows; six: no */
	p = "/proc/self/exe";
	for (i = 0; i < 6; i++) {
		snprintf(line, sizeof(line), "#!%s\n", p);
		snprintf(name, sizeof(name), "nest%d", i);
		p = put_text(name, line);
		if (i == 4)
			s5 = p;
	}
	check(&t, "scripts_five_deep", s5, 0, "#! ");
	check(&t, "scripts_six_deep", p, -ELOOP, "nested too deep");

	check(&t, "elf_other_machine", put_elf("e-mach", NULL, 0, other_machine), -ENOEXEC,
	      "ELF for another machine");
	check(&t, "elf_other_class", put_elf("e-class", NULL, 0, other_class), -ENOEXEC,
	      "ELF for another machine");
	check(&t, "elf_not_executable", put_elf("e-rel", NULL, 0, relocatable), -ENOEXEC,
	      "not an executable");
	check(&t, "elf_cut_short", put("e-short", ELFMAG "\2\1\1", 7, 0755), -ENOEXEC,
	      "ELF header cut short");
	check(&t, "elf_bad_phentsize", put_elf("e-phent", NULL, 0, bad_phentsize), -ENOEXEC,
	      "program header table malformed");
	check(&t, "elf_phdrs_past_end", put_elf("e-phnum", NULL, 0, phdrs_past_end),
	      -ENOEXEC, "program headers cut short");
	check(&t, "elf_missing_ld_so", put_elf("e-noint", "/no/such/ld.so", 15, NULL),
	      -ENOENT, "=ELF interpreter /no/such/ld.so");
	check(&t, "elf_interp_unterminated", put_elf("e-unterm", "/proc/self/exe", 14, NULL),
	      -ENOEXEC, "ELF interpreter path unreadable");
	snprintf(line, sizeof(line), "%s", put_text("e-txt-ld", "#!/proc/self/exe\n"));
	check(&t, "elf_interp_not_elf", put_elf("e-txtint", line, strlen(line) + 1, NULL),
	      -ENOEXEC, "not an ELF file");

	snprintf(line, sizeof(line), "%s", put_elf("e-badld", NULL, 0, phdrs_past_end));
	check(&t, "elf_interp_phdrs_past_end",
	      put_elf("e-badint", line, strlen(line) + 1, NULL), -ENOEXEC,
	      "e-badld: ELF program headers cut short");

	snprintf(line, sizeof(line), "rm -rf '%s'", dir);
	if (system(line))
		printf("# could not remove %s\n", dir);
	return ktap_end(&t, planned);
}
