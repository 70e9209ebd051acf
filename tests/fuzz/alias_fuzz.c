// SPDX-License-Identifier: GPL-2.0
/*
 * alias_fuzz.c - libFuzzer target for kinit's kinit.alias reader
 * (kinit/coldplug.c): a boot loader archive can replace the file.  The
 * input is parsed as the table; then modaliases (fixed ones, and each
 * pattern of the table taken as a modalias) are matched against it and
 * their modules "loaded" as coldplug does.
 */
#include "kinit_modules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const modaliases[] = {
		"virtio:d00000002v00001AF4",
		"pci:v00008086d00002922sv00001AF4sd00001100bc01sc06i01",
		"acpi*:PNP0A03:",
		"",
	};
	struct kinit k;
	struct coldplug cp;
	char *text = malloc(size + 1), *copy;
	int i, n;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&k, 0, sizeof(k));
	memset(&cp, 0, sizeof(cp));
	cp.ctx.k = &k;
	cp.ctx.step = "coldplug";
	snprintf(cp.ctx.release, sizeof(cp.ctx.release), FUZZ_RELEASE);
	cp.alias = calloc(ALIASES_MAX, sizeof(*cp.alias));
	if (!cp.alias)
		abort();
	n = alias_parse(text, cp.alias, ALIASES_MAX);
	CHECK(n >= 0 || n == -EINVAL || n == -E2BIG);
	cp.count = n > 0 ? n : 0;
	for (i = 0; i < cp.count; i++) {
		const struct cp_alias *a = &cp.alias[i];

		CHECK(a->pattern >= text && a->pattern < text + size);
		CHECK(a->path >= text && a->path < text + size);
		CHECK(a->pattern[0] && a->path[0] == '/' && !a->done);
		CHECK(!strpbrk(a->pattern, " \t\r\n") && !strpbrk(a->path, " \t\r\n"));
	}
	for (i = 0; i < (int)ARRAY_SIZE(modaliases); i++)
		load_for(&cp, modaliases[i]);
	for (i = 0; i < cp.count; i++) {
		copy = strdup(cp.alias[i].pattern);
		if (copy)
			load_for(&cp, copy);
		free(copy);
	}
	TERMINATED(k.modules_failed);
	CHECK(cp.ctx.loaded == 0);
	free(cp.alias);
	free(text);
	return 0;
}
