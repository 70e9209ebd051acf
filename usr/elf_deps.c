// SPDX-License-Identifier: GPL-2.0
/*
 * elf_deps.c - a binary and everything ld.so needs to run it, found by
 * reading ELF headers (never by running anything: builds may be cross).
 */
#include <ctype.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "genlist.h"

#define ELF_SIZE_MAX	(1UL << 30)	/* bigger files are not binaries we ship */
#define NEEDED_MAX	128
#define DSO_MAX		1024
#define LDCONF_DEPTH	8
#define LIBDIRS_MAX	256

/**
 * struct elf_file - a read-only mapping of an ELF file, bounds-checked
 * @data:	mapped bytes
 * @size:	their number
 * @cls:	ELFCLASS32 or ELFCLASS64
 * @msb:	big-endian
 */
struct elf_file {
	const unsigned char *data;
	size_t size;
	int cls;
	bool msb;
};

/**
 * struct elf_info - what ld.so reads from an object's program headers
 * @cls:	ELF class
 * @msb:	big-endian
 * @machine:	e_machine
 * @interp:	PT_INTERP, "" if none
 * @needed:	DT_NEEDED names
 * @nneeded:	their number
 * @rpath:	DT_RPATH, NULL if none
 * @runpath:	DT_RUNPATH, NULL if none
 */
struct elf_info {
	int cls;
	bool msb;
	unsigned int machine;
	char interp[PATH_MAX];
	char *needed[NEEDED_MAX];
	size_t nneeded;
	char *rpath;
	char *runpath;
};

/**
 * struct dso - one object in the load order ld.so would build
 * @name:	the DT_NEEDED name (or path) it satisfied
 * @path:	target path it was found at
 * @origin:	directory $ORIGIN expands to for it
 * @loader:	index of the object whose DT_NEEDED loaded it, -1 for the binary
 * @info:	its dynamic information
 */
struct dso {
	char name[NAME_MAX + 1];
	char path[PATH_MAX];
	char origin[PATH_MAX];
	int loader;
	struct elf_info info;
};

/**
 * struct arch - the names ld.so uses for a machine
 * @machine:	e_machine
 * @cls:	ELF class
 * @triplet:	Debian multiarch directory
 * @platform:	what $PLATFORM (AT_PLATFORM) expands to, "" if unknown
 */
struct arch {
	unsigned int machine;
	int cls;
	const char *triplet;
	const char *platform;
};

static const struct arch arches[] = {
	{ EM_X86_64,	ELFCLASS64, "x86_64-linux-gnu",		"x86_64" },
	{ EM_X86_64,	ELFCLASS32, "x86_64-linux-gnux32",	"x86_64" },
	{ EM_386,	ELFCLASS32, "i386-linux-gnu",		"i686" },
	{ EM_AARCH64,	ELFCLASS64, "aarch64-linux-gnu",	"aarch64" },
	{ EM_ARM,	ELFCLASS32, "arm-linux-gnueabihf",	"v7l" },
	{ EM_RISCV,	ELFCLASS64, "riscv64-linux-gnu",	"" },
	{ EM_PPC64,	ELFCLASS64, "powerpc64le-linux-gnu",	"" },
	{ EM_S390,	ELFCLASS64, "s390x-linux-gnu",		"" },
};

static const struct arch *find_arch(const struct elf_info *ei)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(arches); i++)
		if (arches[i].machine == ei->machine && arches[i].cls == ei->cls)
			return &arches[i];
	return NULL;
}

static int elf_open(const char *path, struct elf_file *ef)
{
	struct stat st;
	void *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size < EI_NIDENT ||
	    (unsigned long)st.st_size > ELF_SIZE_MAX) {
		close(fd);
		return -ENOEXEC;
	}
	p = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -errno;
	ef->data = p;
	ef->size = st.st_size;
	ef->cls = ef->data[EI_CLASS];
	ef->msb = ef->data[EI_DATA] == ELFDATA2MSB;
	if (memcmp(ef->data, ELFMAG, SELFMAG) ||
	    (ef->cls != ELFCLASS32 && ef->cls != ELFCLASS64) ||
	    (ef->data[EI_DATA] != ELFDATA2LSB && !ef->msb) ||
	    ef->size < (ef->cls == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr))) {
		munmap(p, st.st_size);
		return -ENOEXEC;
	}
	return 0;
}

static void elf_close(struct elf_file *ef)
{
	munmap((void *)ef->data, ef->size);
}

/* Read an n-byte integer at off in the file's byte order; 0 past the end. */
static uint64_t rd(const struct elf_file *ef, uint64_t off, unsigned int n)
{
	uint64_t v = 0;
	unsigned int i;

	if (off > ef->size || n > ef->size - off)
		return 0;
	for (i = 0; i < n; i++)
		v |= (uint64_t)ef->data[off + (ef->msb ? n - 1 - i : i)] << (8 * i);
	return v;
}

/* Field of the ELF header: 32- and 64-bit offsets given explicitly. */
#define EF(ef, base, f)							\
	rd(ef, (base) + ((ef)->cls == ELFCLASS64 ? offsetof(Elf64_Ehdr, f) : \
			 offsetof(Elf32_Ehdr, f)),			\
	   (ef)->cls == ELFCLASS64 ? sizeof(((Elf64_Ehdr *)0)->f) :	\
				     sizeof(((Elf32_Ehdr *)0)->f))
#define PF(ef, base, f)							\
	rd(ef, (base) + ((ef)->cls == ELFCLASS64 ? offsetof(Elf64_Phdr, f) : \
			 offsetof(Elf32_Phdr, f)),			\
	   (ef)->cls == ELFCLASS64 ? sizeof(((Elf64_Phdr *)0)->f) :	\
				     sizeof(((Elf32_Phdr *)0)->f))
#define SF(ef, base, f)							\
	rd(ef, (base) + ((ef)->cls == ELFCLASS64 ? offsetof(Elf64_Shdr, f) : \
			 offsetof(Elf32_Shdr, f)),			\
	   (ef)->cls == ELFCLASS64 ? sizeof(((Elf64_Shdr *)0)->f) :	\
				     sizeof(((Elf32_Shdr *)0)->f))

/* A NUL-terminated string at off, within limit bytes; NULL if unbounded. */
static const char *elf_str(const struct elf_file *ef, uint64_t off, uint64_t limit)
{
	const char *s;

	if (off >= ef->size)
		return NULL;
	if (limit > ef->size - off)
		limit = ef->size - off;
	s = (const char *)ef->data + off;
	return memchr(s, '\0', limit) ? s : NULL;
}

/* File offset of a virtual address, through the PT_LOAD segments. */
static int vaddr_to_off(const struct elf_file *ef, uint64_t vaddr, uint64_t *off)
{
	uint64_t phoff = EF(ef, 0, e_phoff), i;
	unsigned int phnum = EF(ef, 0, e_phnum), phsz = EF(ef, 0, e_phentsize);

	for (i = 0; i < phnum; i++) {
		uint64_t ph = phoff + i * phsz;
		uint64_t va = PF(ef, ph, p_vaddr), fsz = PF(ef, ph, p_filesz);

		if (PF(ef, ph, p_type) == PT_LOAD && vaddr >= va && vaddr - va < fsz) {
			*off = PF(ef, ph, p_offset) + (vaddr - va);
			return 0;
		}
	}
	return -ENOEXEC;
}

static int dyn_string(const struct elf_file *ef, uint64_t str, uint64_t strsz,
		      uint64_t val, char **out)
{
	const char *s;

	if (val >= strsz)
		return -ENOEXEC;
	s = elf_str(ef, str + val, strsz - val);
	if (!s || strlen(s) >= PATH_MAX)
		return -ENOEXEC;
	*out = strdup(s);
	return *out ? 0 : -ENOMEM;
}

/* Walk PT_DYNAMIC twice: find the string table, then take the names. */
static int read_dynamic(const struct elf_file *ef, uint64_t off, uint64_t size,
			struct elf_info *ei)
{
	unsigned int esz = ef->cls == ELFCLASS64 ? 16 : 8, half = esz / 2;
	uint64_t i, tag, val, strva = 0, strsz = 0, str;
	int ret = 0;

	for (i = 0; i + esz <= size && (tag = rd(ef, off + i, half)) != DT_NULL; i += esz) {
		val = rd(ef, off + i + half, half);
		if (tag == DT_STRTAB)
			strva = val;
		else if (tag == DT_STRSZ)
			strsz = val;
	}
	if (!strva || vaddr_to_off(ef, strva, &str))
		return -ENOEXEC;
	for (i = 0; !ret && i + esz <= size && (tag = rd(ef, off + i, half)) != DT_NULL;
	     i += esz) {
		val = rd(ef, off + i + half, half);
		if (tag == DT_NEEDED) {
			if (ei->nneeded == NEEDED_MAX)
				return -E2BIG;
			ret = dyn_string(ef, str, strsz, val, &ei->needed[ei->nneeded]);
			ei->nneeded += !ret;
		} else if (tag == DT_RPATH && !ei->rpath) {
			ret = dyn_string(ef, str, strsz, val, &ei->rpath);
		} else if (tag == DT_RUNPATH && !ei->runpath) {
			ret = dyn_string(ef, str, strsz, val, &ei->runpath);
		}
	}
	return ret;
}

static void elf_info_free(struct elf_info *ei)
{
	size_t i;

	for (i = 0; i < ei->nneeded; i++)
		free(ei->needed[i]);
	free(ei->rpath);
	free(ei->runpath);
	memset(ei, 0, sizeof(*ei));
}

/* The program headers ld.so acts on: PT_INTERP and PT_DYNAMIC. */
static int elf_read_info(const char *path, struct elf_info *ei)
{
	struct elf_file ef;
	uint64_t phoff, i, ph;
	unsigned int phnum, phsz;
	const char *s;
	int ret;

	memset(ei, 0, sizeof(*ei));
	ret = elf_open(path, &ef);
	if (ret)
		return ret;
	ei->cls = ef.cls;
	ei->msb = ef.msb;
	ei->machine = EF(&ef, 0, e_machine);
	phoff = EF(&ef, 0, e_phoff);
	phnum = EF(&ef, 0, e_phnum);
	phsz = EF(&ef, 0, e_phentsize);
	if (phnum && (phsz < (ef.cls == ELFCLASS64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr)) ||
		      phoff > ef.size || (uint64_t)phnum * phsz > ef.size - phoff))
		ret = -ENOEXEC;
	for (i = 0; !ret && i < phnum; i++) {
		ph = phoff + i * phsz;
		switch (PF(&ef, ph, p_type)) {
		case PT_INTERP:
			s = elf_str(&ef, PF(&ef, ph, p_offset), PF(&ef, ph, p_filesz));
			if (!s || s[0] != '/' || strlen(s) >= sizeof(ei->interp))
				ret = -ENOEXEC;
			else
				strcpy(ei->interp, s);
			break;
		case PT_DYNAMIC:
			ret = read_dynamic(&ef, PF(&ef, ph, p_offset), PF(&ef, ph, p_filesz), ei);
			break;
		}
	}
	elf_close(&ef);
	if (ret)
		elf_info_free(ei);
	return ret;
}

/**
 * elf_section() - copy out the contents of a named section
 * @path:	ELF file (a kernel module, typically)
 * @name:	section name, e.g. ".modinfo"
 * @data:	receives a malloc()ed copy, NUL-terminated past @len
 * @len:	receives the section size
 *
 * Return: 0, -ENOENT if there is no such section, -ENOEXEC if the file is
 * not a well-formed ELF file, or another -errno.
 */
int elf_section(const char *path, const char *name, char **data, size_t *len)
{
	struct elf_file ef;
	uint64_t shoff, sh, stroff, strsz, off, size, i;
	unsigned int shnum, shsz, shstrndx;
	const char *s;
	int ret = elf_open(path, &ef);

	if (ret)
		return ret;
	shoff = EF(&ef, 0, e_shoff);
	shnum = EF(&ef, 0, e_shnum);
	shsz = EF(&ef, 0, e_shentsize);
	shstrndx = EF(&ef, 0, e_shstrndx);
	ret = -ENOEXEC;
	if (!shnum || shstrndx >= shnum ||
	    shsz < (ef.cls == ELFCLASS64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)) ||
	    shoff > ef.size || (uint64_t)shnum * shsz > ef.size - shoff)
		goto out;
	sh = shoff + (uint64_t)shstrndx * shsz;
	stroff = SF(&ef, sh, sh_offset);
	strsz = SF(&ef, sh, sh_size);
	ret = -ENOENT;
	for (i = 0; i < shnum; i++) {
		sh = shoff + i * shsz;
		off = SF(&ef, sh, sh_name);
		s = off < strsz ? elf_str(&ef, stroff + off, strsz - off) : NULL;
		if (!s || strcmp(s, name))
			continue;
		off = SF(&ef, sh, sh_offset);
		size = SF(&ef, sh, sh_size);
		ret = -ENOEXEC;
		if (SF(&ef, sh, sh_type) == SHT_NOBITS || off > ef.size ||
		    size > ef.size - off)
			break;
		ret = -ENOMEM;
		*data = malloc(size + 1);
		if (!*data)
			break;
		memcpy(*data, ef.data + off, size);
		(*data)[size] = '\0';
		*len = size;
		ret = 0;
		break;
	}
out:
	elf_close(&ef);
	return ret;
}

static int add_libdir(struct gen *g, const char *dir)
{
	char **n;

	if (!path_ok(dir))
		return 0;	/* ld.so would not find a blank-named dir either */
	if (g->nlibdirs >= LIBDIRS_MAX)
		return -E2BIG;
	n = realloc(g->libdirs, (g->nlibdirs + 1) * sizeof(*n));
	if (!n)
		return -ENOMEM;
	g->libdirs = n;
	n[g->nlibdirs] = strdup(dir);
	if (!n[g->nlibdirs])
		return -ENOMEM;
	g->nlibdirs++;
	return 0;
}

static int read_ldconf(struct gen *g, const char *conf, int depth);

/* "include PATTERN": a glob relative to the including file's directory. */
static int ldconf_include(struct gen *g, const char *conf, const char *pat, int depth)
{
	char full[PATH_MAX], dir[PATH_MAX], *s;
	size_t i, skip = strlen(g->sysroot);
	glob_t gl;
	int ret = 0;

	snprintf(dir, sizeof(dir), "%s", conf);
	s = strrchr(dir, '/');
	if (s)
		*s = '\0';
	if (pat[0] == '/' ? path_join(full, sizeof(full), g->sysroot, pat) :
	    snprintf(full, sizeof(full), "%s%s/%s", g->sysroot, dir, pat) >= (int)sizeof(full))
		return -ENAMETOOLONG;
	if (glob(full, 0, NULL, &gl))
		return 0;	/* no match is fine, as for ldconfig */
	for (i = 0; !ret && i < gl.gl_pathc; i++)
		ret = read_ldconf(g, gl.gl_pathv[i] + skip, depth + 1);
	globfree(&gl);
	return ret;
}

/* One ld.so.conf: directories (blank, ':' or ',' separated) and includes. */
static int read_ldconf(struct gen *g, const char *conf, int depth)
{
	char full[PATH_MAX], line[CONF_LINE_MAX], *tok, *save, *hash;
	int ret = 0;
	FILE *f;

	if (depth > LDCONF_DEPTH)
		return -ELOOP;
	if (path_join(full, sizeof(full), g->sysroot, conf))
		return -ENAMETOOLONG;
	f = fopen(full, "r");
	if (!f)
		return errno == ENOENT ? 0 : -errno;
	while (!ret && fgets(line, sizeof(line), f)) {
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		tok = strtok_r(line, " \t\r\n:,", &save);
		if (tok && !strcmp(tok, "include")) {
			while (!ret && (tok = strtok_r(NULL, " \t\r\n", &save)))
				ret = ldconf_include(g, conf, tok, depth);
			continue;
		}
		if (tok && !strcmp(tok, "hwcap"))
			continue;
		for (; !ret && tok; tok = strtok_r(NULL, " \t\r\n:,", &save))
			ret = add_libdir(g, tok);
	}
	fclose(f);
	return ret;
}

static int load_libdirs(struct gen *g)
{
	int ret;

	if (g->nlibdirs >= 0)
		return 0;
	g->nlibdirs = 0;
	ret = read_ldconf(g, "/etc/ld.so.conf", 0);
	return ret ? gen_error("/etc/ld.so.conf", NULL, ret) : 0;
}

/*
 * Expand $ORIGIN, $LIB and $PLATFORM (bare or in braces) as ld.so does.
 * $LIB has no fixed value (Debian's ld.so says lib/<triplet>, others
 * lib64 or lib): the caller tries each variant. An unknown token drops
 * the whole element, as in ld.so.
 */
static int expand(const char *in, const char *origin, const char *lib,
		  const char *platform, char *out, size_t outsz)
{
	const struct {
		const char *name, *val;
	} dst[] = { { "ORIGIN", origin }, { "LIB", lib }, { "PLATFORM", platform } };
	size_t o = 0, i, n;
	bool brace;

	while (*in) {
		if (*in != '$') {
			if (o + 1 >= outsz)
				return -ENAMETOOLONG;
			out[o++] = *in++;
			continue;
		}
		brace = in[1] == '{';
		for (i = 0; i < ARRAY_SIZE(dst); i++) {
			n = strlen(dst[i].name);
			if (!strncmp(in + 1 + brace, dst[i].name, n) &&
			    (brace ? in[1 + brace + n] == '}' :
			     !isalnum((unsigned char)in[1 + n]) && in[1 + n] != '_'))
				break;
		}
		if (i == ARRAY_SIZE(dst) || !dst[i].val[0])
			return -ENOENT;
		in += 1 + brace + n + brace;
		n = strlen(dst[i].val);
		if (o + n >= outsz)
			return -ENAMETOOLONG;
		memcpy(out + o, dst[i].val, n);
		o += n;
	}
	out[o] = '\0';
	return 0;
}

/* Does the library at path exist under the sysroot and match the binary? */
static int probe_lib(struct gen *g, const struct elf_info *want, const char *path,
		     struct elf_info *got)
{
	char real[PATH_MAX], full[PATH_MAX];
	int ret = host_realpath(g, path, real, sizeof(real));

	if (ret)
		return ret;
	if (path_join(full, sizeof(full), g->sysroot, real))
		return -ENAMETOOLONG;
	ret = elf_read_info(full, got);
	if (ret)
		return ret;
	if (got->cls != want->cls || got->msb != want->msb || got->machine != want->machine) {
		elf_info_free(got);
		return -ENOEXEC;
	}
	return 0;
}

/**
 * struct search - one DT_NEEDED lookup in progress
 * @g:		generator state
 * @want:	the binary's class and machine
 * @arch:	its multiarch names, NULL if unknown
 * @name:	the name looked for
 * @found:	the path it was found at
 * @info:	the found object's dynamic information
 */
struct search {
	struct gen *g;
	const struct elf_info *want;
	const struct arch *arch;
	const char *name;
	char found[PATH_MAX];
	struct elf_info info;
};

/* Try each element of a colon-separated list; 0 when found. */
static int search_list(struct search *s, const char *list, const char *origin)
{
	char elem[PATH_MAX], dir[PATH_MAX], lib[PATH_MAX];
	const char *libs[2] = { "lib64", "lib" };
	const char *p = list, *end;
	int v;

	if (s->arch && snprintf(lib, sizeof(lib), "lib/%s", s->arch->triplet) < (int)sizeof(lib))
		libs[0] = lib;
	else if (s->want->cls == ELFCLASS32)
		libs[0] = "lib";
	for (; *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ":");
		if (end == p || (size_t)(end - p) >= sizeof(elem))
			continue;	/* empty means the cwd: meaningless here */
		memcpy(elem, p, end - p);
		elem[end - p] = '\0';
		for (v = 0; v < 2; v++) {
			if (expand(elem, origin, libs[v], s->arch ? s->arch->platform : "",
				   dir, sizeof(dir)) || dir[0] != '/')
				break;
			if (!path_join(s->found, sizeof(s->found), dir, s->name) &&
			    !probe_lib(s->g, s->want, s->found, &s->info))
				return 0;
			if (!strstr(elem, "LIB"))
				break;
		}
	}
	return -ENOENT;
}

static int search_defaults(struct search *s)
{
	char list[PATH_MAX * 2];
	int i;

	for (i = 0; i < s->g->nlibdirs; i++)
		if (!search_list(s, s->g->libdirs[i], ""))
			return 0;
	if (s->arch)
		snprintf(list, sizeof(list), "/lib/%s:/usr/lib/%s:", s->arch->triplet,
			 s->arch->triplet);
	else
		list[0] = '\0';
	strcat(list, s->want->cls == ELFCLASS64 ? "/lib64:/usr/lib64:/lib:/usr/lib" :
		     "/lib:/usr/lib");
	return search_list(s, list, "");
}

/*
 * ld.so's order: a name with a slash is a path; else the DT_RPATH of the
 * object and of each object up its loader chain (only if the object
 * itself has no DT_RUNPATH, and skipping loaders that have one), then the
 * object's own DT_RUNPATH, then ld.so.cache (here: ld.so.conf), then the
 * default directories. LD_LIBRARY_PATH is the build host's business.
 */
static int find_lib(struct search *s, const struct dso *objs, int who)
{
	const struct dso *o = &objs[who];
	int l;

	if (strchr(s->name, '/')) {
		if (!expand(s->name, o->origin, "lib", s->arch ? s->arch->platform : "",
			    s->found, sizeof(s->found)) && s->found[0] == '/' &&
		    !probe_lib(s->g, s->want, s->found, &s->info))
			return 0;
		return -ENOENT;
	}
	if (!o->info.runpath) {
		for (l = who; l >= 0; l = objs[l].loader)
			if (!objs[l].info.runpath && objs[l].info.rpath &&
			    !search_list(s, objs[l].info.rpath, objs[l].origin))
				return 0;
	} else if (!search_list(s, o->info.runpath, o->origin)) {
		return 0;
	}
	return search_defaults(s);
}

static bool already_loaded(const struct dso *objs, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(objs[i].name, name))
			return true;
	return false;
}

/* $ORIGIN: the directory of the object, its directory symlinks resolved. */
static int set_origin(struct gen *g, struct dso *d, const char *path)
{
	char *s;
	int ret;

	ret = host_realpath(g, path, d->origin, sizeof(d->origin));
	if (ret)
		return ret;
	s = strrchr(d->origin, '/');
	if (s == d->origin)
		s[1] = '\0';
	else if (s)
		*s = '\0';
	return 0;
}

/* Breadth first, like ld.so, so the loader chains and first matches agree. */
static int add_needed(struct gen *g, const char *opt, const char *bin,
		      struct dso *objs, int *nobjs, const struct arch *arch)
{
	struct search s = { .g = g, .want = &objs[0].info, .arch = arch };
	int i, ret;
	size_t k;

	for (i = 0; i < *nobjs; i++) {
		for (k = 0; k < objs[i].info.nneeded; k++) {
			struct dso *d = &objs[*nobjs];

			s.name = objs[i].info.needed[k];
			if (already_loaded(objs, *nobjs, s.name))
				continue;
			if (*nobjs == DSO_MAX || strlen(s.name) > NAME_MAX)
				return gen_error(opt, bin, -E2BIG);
			if (find_lib(&s, objs, i)) {
				fprintf(stderr, "kinit_gen: %s: %s: needs %s (from %s): %s\n",
					opt, bin, s.name, objs[i].path, strerror(ENOENT));
				return -ENOENT;
			}
			memset(d, 0, sizeof(*d));
			strcpy(d->name, s.name);
			d->loader = i;
			d->info = s.info;
			(*nobjs)++;
			ret = set_origin(g, d, s.found);
			if (!ret)
				ret = path_join(d->path, sizeof(d->path), d->origin,
						strrchr(s.found, '/') + 1);
			if (!ret)
				ret = genlist_add_host_path(g, opt, s.found, NULL, 0);
			if (ret)
				return gen_error(opt, s.found, ret);
		}
	}
	return 0;
}

/* The binary itself: at its own path, or renamed (busybox -> /bin/busybox). */
static int add_binary_file(struct gen *g, const char *opt, const char *path,
			   const char *image_path, const char *real)
{
	char full[PATH_MAX];
	struct entry e = {
		.path = (char *)image_path, .arg = full, .origin = opt,
		.type = ENT_FILE,
	};
	struct stat st;

	if (!image_path)
		return genlist_add_host_path(g, opt, path, NULL, 0);
	if (path_join(full, sizeof(full), g->sysroot, real))
		return -ENAMETOOLONG;
	if (stat(full, &st))
		return -errno;
	e.mode = st.st_mode & 07777;
	return genlist_add(g, &e);
}

/**
 * gen_binary() - put a binary and its whole run-time closure in the image
 * @g:		generator state
 * @opt:	the option naming it, for messages
 * @path:	absolute target path of the binary (under --sysroot)
 * @image_path:	where it goes in the image; NULL for the same path
 *
 * Adds the binary, its PT_INTERP interpreter and every DT_NEEDED library,
 * recursively, each with the symlinks on its path. A static binary brings
 * nothing else. Nothing is executed, so this works for cross builds.
 *
 * Return: 0 or -errno (message naming @opt and the path printed).
 */
int gen_binary(struct gen *g, const char *opt, const char *path,
	       const char *image_path)
{
	char real[PATH_MAX], full[PATH_MAX];
	struct dso *objs;
	int nobjs = 1, ret, i;

	if (path[0] != '/' || !path_ok(path))
		return gen_error(opt, path, -EINVAL);
	ret = host_realpath(g, path, real, sizeof(real));
	if (!ret)
		ret = path_join(full, sizeof(full), g->sysroot, real);
	if (ret)
		return gen_error(opt, path, ret);
	objs = calloc(DSO_MAX, sizeof(*objs));
	if (!objs)
		return gen_error(opt, path, -ENOMEM);
	objs[0].loader = -1;
	snprintf(objs[0].path, sizeof(objs[0].path), "%s", path);
	ret = elf_read_info(full, &objs[0].info);
	if (!ret)
		ret = set_origin(g, &objs[0], path);
	if (!ret)
		ret = add_binary_file(g, opt, path, image_path, real);
	if (ret) {
		gen_error(opt, path, ret);
		goto out;
	}
	if (objs[0].info.interp[0]) {
		ret = genlist_add_host_path(g, opt, objs[0].info.interp, NULL, 0);
		if (ret) {
			fprintf(stderr, "kinit_gen: %s: %s: needs %s: %s\n", opt, path,
				objs[0].info.interp, strerror(-ret));
			goto out;
		}
	}
	ret = load_libdirs(g);
	if (!ret)
		ret = add_needed(g, opt, path, objs, &nobjs, find_arch(&objs[0].info));
out:
	for (i = 0; i < nobjs; i++)
		elf_info_free(&objs[i].info);
	free(objs);
	return ret;
}
