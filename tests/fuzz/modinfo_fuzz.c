// SPDX-License-Identifier: GPL-2.0
/*
 * modinfo_fuzz.c - libFuzzer target for the generator's .modinfo reader
 * (usr/moddeps.c read_modinfo_deps()): the input is a module's .modinfo
 * section ("key=value\0..."), put in a minimal ELF file, read as a module
 * of a small tree whose other modules carry the same section (softdep=
 * names are looked up among their aliases).  Dependencies read are module
 * names, aliases are device aliases; nothing is read past the section.
 * fuzz-options: -max_len=8192
 */
#include "usr_all.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An ELF64 LE relocatable file: null, .modinfo, .shstrtab sections. */
static uint8_t *wrap(const uint8_t *data, size_t size, size_t *out)
{
	static const char shstr[] = "\0.modinfo\0.shstrtab";
	size_t shoff = sizeof(Elf64_Ehdr) + size + sizeof(shstr);
	uint8_t *f = calloc(1, shoff + 3 * sizeof(Elf64_Shdr));
	Elf64_Ehdr *eh = (Elf64_Ehdr *)f;
	Elf64_Shdr sh[3];

	if (!f)
		abort();
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_REL;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_shoff = shoff;
	eh->e_ehsize = sizeof(Elf64_Ehdr);
	eh->e_shentsize = sizeof(Elf64_Shdr);
	eh->e_shnum = 3;
	eh->e_shstrndx = 2;
	memcpy(f + sizeof(Elf64_Ehdr), data, size);
	memcpy(f + sizeof(Elf64_Ehdr) + size, shstr, sizeof(shstr));
	memset(sh, 0, sizeof(sh));
	sh[1].sh_name = 1;
	sh[1].sh_type = SHT_PROGBITS;
	sh[1].sh_offset = sizeof(Elf64_Ehdr);
	sh[1].sh_size = size;
	sh[2].sh_name = 10;
	sh[2].sh_type = SHT_STRTAB;
	sh[2].sh_offset = sizeof(Elf64_Ehdr) + size;
	sh[2].sh_size = sizeof(shstr);
	memcpy(f + shoff, sh, sizeof(sh));
	*out = shoff + sizeof(sh);
	return f;
}

static void check_name(const char *s)
{
	size_t i, n = strlen(s);

	CHECK(n > 0 && n <= KINIT_MODNAME_MAX);
	for (i = 0; i < n; i++)
		CHECK(s[i] == '_' || (s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "crc32c_generic", "ext4", "mbcache" };
	struct mod mods[ARRAY_SIZE(names)];
	struct modtree t;
	struct gen g;
	size_t flen, i, j;
	uint8_t *file = wrap(data, size, &flen);
	const char *path = usr_fuzz_file(file, flen);
	int ret;

	free(file);
	memset(&g, 0, sizeof(g));
	memset(&t, 0, sizeof(t));
	memset(mods, 0, sizeof(mods));
	t.g = &g;
	t.opt = "CONFIG_KINIT_MODULES";
	t.staging = true;
	t.mods = mods;
	t.nmods = ARRAY_SIZE(mods);
	for (i = 0; i < ARRAY_SIZE(mods); i++) {
		snprintf(mods[i].name, sizeof(mods[i].name), "%s", names[i]);
		mods[i].src = (char *)path;
	}
	ret = read_modinfo_deps(&t, &mods[1]);
	CHECK(ret == 0 || ret == -EINVAL || ret == -E2BIG);
	for (i = 0; i < ARRAY_SIZE(mods); i++) {
		CHECK(i == 1 || (!mods[i].deps && !mods[i].aliases));
		CHECK(mods[i].ndeps <= MODDEPS_MAX && mods[i].naliases <= ALIASES_MAX);
		for (j = 0; j < mods[i].ndeps; j++)
			check_name(mods[i].deps[j]);
		for (j = 0; j < mods[i].naliases; j++)
			CHECK(strchr(mods[i].aliases[j], ':') &&
			      !strpbrk(mods[i].aliases[j], " \t\n") &&
			      strncmp(mods[i].aliases[j], "devname:", 8));
		for (j = 0; j < mods[i].ndeps; j++)
			free(mods[i].deps[j]);
		for (j = 0; j < mods[i].naliases; j++)
			free(mods[i].aliases[j]);
		free(mods[i].deps);
		free(mods[i].aliases);
	}
	return 0;
}
