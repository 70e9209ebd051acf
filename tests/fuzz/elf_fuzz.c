// SPDX-License-Identifier: GPL-2.0
/*
 * elf_fuzz.c - libFuzzer target for the generator's ELF reader
 * (usr/elf_deps.c): any bytes as a binary, library or module named in the
 * configuration are read or refused (-ENOEXEC) without a read outside the
 * file; what is read back is bounded and terminated.
 * fuzz-options: -max_len=65536
 */
#include "usr_all.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s)
{
	CHECK(s && strlen(s) < PATH_MAX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const sections[] = { ".modinfo", ".dynstr", "" };
	const char *path = usr_fuzz_file(data, size);
	struct elf_info ei;
	char *sec;
	size_t i, len;
	int ret;

	ret = elf_read_info(path, &ei);
	CHECK(ret == 0 || ret == -ENOEXEC || ret == -E2BIG);
	if (!ret) {
		CHECK(ei.cls == ELFCLASS32 || ei.cls == ELFCLASS64);
		CHECK(memchr(ei.interp, 0, sizeof(ei.interp)));
		CHECK(!ei.interp[0] || ei.interp[0] == '/');
		CHECK(ei.nneeded <= NEEDED_MAX);
		for (i = 0; i < ei.nneeded; i++)
			check_string(ei.needed[i]);
		if (ei.rpath)
			check_string(ei.rpath);
		if (ei.runpath)
			check_string(ei.runpath);
		(void)find_arch(&ei);
		elf_info_free(&ei);
	}
	for (i = 0; i < ARRAY_SIZE(sections); i++) {
		len = (size_t)-1;
		ret = elf_section(path, sections[i], &sec, &len);
		CHECK(ret == 0 || ret == -ENOEXEC || ret == -ENOENT);
		if (ret)
			continue;
		CHECK(len <= size && sec[len] == '\0');
		free(sec);
	}
	return 0;
}
