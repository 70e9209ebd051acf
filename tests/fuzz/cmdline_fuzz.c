// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_fuzz.c - libFuzzer target for kinit/cmdline.c: any bytes, as a
 * command line (alone or over an image's defaults) or as a root= value,
 * parse or fail cleanly and consistently.
 */
#include "../unit/cmdline_all.h"

#include <stdint.h>
#include <stdio.h>

/* Not assert(): the invariants must hold in NDEBUG builds too. */
#define CHECK(c)	do { if (!(c)) { fprintf(stderr, "CHECK failed: %s\n", #c); abort(); } } while (0)
#define TERMINATED(s)	CHECK(memchr((s), '\0', sizeof(s)))

static int is_lower_hex_text(const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'F')
			return 0;
	return 1;
}

static void check_spec(const struct root_spec *s)
{
	TERMINATED(s->value);
	CHECK(s->kind >= ROOT_NONE && s->kind <= ROOT_NFS);
	CHECK(s->partnroff >= -PARTNROFF_MAX && s->partnroff <= PARTNROFF_MAX);
	CHECK(s->kind == ROOT_PARTUUID || s->partnroff == 0);
	CHECK((s->kind == ROOT_DEVNUM) == (s->devnum != 0));
	CHECK(s->kind == ROOT_NONE || s->kind == ROOT_DEVNUM || s->kind == ROOT_NFS ||
	      s->value[0]);
	if (s->kind == ROOT_UUID || s->kind == ROOT_PARTUUID)
		CHECK(is_lower_hex_text(s->value));
}

static void check_args(const struct boot_args *a, int ret)
{
	struct root_spec again;
	int i;

	TERMINATED(a->root_raw);
	TERMINATED(a->rootfstype);
	TERMINATED(a->rootflags);
	TERMINATED(a->init);
	check_spec(&a->root);
	CHECK(a->readonly >= -1 && a->readonly <= 1);
	CHECK(a->rootwait >= -1 && a->rootwait <= (int)SECONDS_MAX);
	CHECK(a->rootdelay >= -1 && a->rootdelay <= (int)SECONDS_MAX);
	CHECK(a->rd_shell >= -1 && a->rd_shell <= 1);
	CHECK(a->quiet == 0 || a->quiet == 1);
	CHECK(a->rd_break >= RD_BREAK_NONE && a->rd_break <= RD_BREAK_PRE_PIVOT);
	CHECK(a->init[0] == '\0' || a->init[0] == '/');
	CHECK(a->init_argc >= 0 && a->init_argc <= INIT_ARGS_MAX);
	CHECK(a->init_argv[a->init_argc] == NULL);
	for (i = 0; i < a->init_argc; i++) {
		const char *p = a->init_argv[i];

		CHECK(p >= a->argbuf && p < a->argbuf + sizeof(a->argbuf));
		CHECK(memchr(p, '\0', a->argbuf + sizeof(a->argbuf) - p));
	}
	if (ret) {	/* a failed parse leaves nothing half-set */
		CHECK(a->root.kind == ROOT_NONE && !a->root_raw[0] && a->readonly == -1);
		CHECK(a->init_argc == 0 && !a->quiet);
	}
	CHECK((a->root.kind == ROOT_NFS) == (a->net.root != NFS_ROOT_NONE));
	if (a->root.kind != ROOT_NONE && a->root.kind != ROOT_NFS) {	/* root_raw says the same again */
		CHECK(root_spec_parse(&again, a->root_raw, NULL, 0) == 0);
		CHECK(again.kind == a->root.kind && again.devnum == a->root.devnum &&
		      again.partnroff == a->root.partnroff &&
		      !strcmp(again.value, a->root.value));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct boot_args a;
	struct root_spec s;
	char err[200];
	char *line;
	int ret;

	/* an exact-size heap copy, so ASan sees any read past the NUL */
	line = malloc(size + 1);
	if (!line)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';

	ret = cmdline_parse(&a, line, err, sizeof(err));
	CHECK(ret == 0 || ret == -EINVAL || ret == -E2BIG);
	TERMINATED(err);
	CHECK(ret ? err[0] != '\0' : err[0] == '\0');
	CHECK(ret != -E2BIG || strlen(line) > CMDLINE_MAX || strstr(err, "longer") ||
	      strstr(err, "init after --") || strstr(err, "given more than"));
	check_args(&a, ret);

	/* the same line over an image's defaults, as kinit reads /proc/cmdline */
	ret = cmdline_parse(&a, "root=LABEL=img ro rd.lvm.vg=img -- a b", err, sizeof(err));
	CHECK(ret == 0);
	ret = cmdline_parse_more(&a, line, err, sizeof(err));
	CHECK(ret == 0 || ret == -EINVAL || ret == -E2BIG);
	TERMINATED(err);
	CHECK(ret ? err[0] != '\0' : err[0] == '\0');
	check_args(&a, ret);

	ret = root_spec_parse(&s, line, err, sizeof(err));
	CHECK(ret == 0 || ret == -EINVAL);
	TERMINATED(err);
	check_spec(&s);
	CHECK(ret ? s.kind == ROOT_NONE : s.kind != ROOT_NONE);

	free(line);
	return 0;
}
