// SPDX-License-Identifier: GPL-2.0
/*
 * autoconf_fuzz.c - libFuzzer target for kinit_gen's auto.conf reader
 * (usr/kinit_gen.c read_config()): any bytes as include/config/auto.conf
 * are read or refused cleanly; what is kept is CONFIG_KINIT_* only, once
 * each, with kconfig's quoting undone.
 */
#include "usr_all.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gen g;
	size_t i, j;
	int ret;

	memset(&g, 0, sizeof(g));
	g.config = usr_fuzz_file(data, size);
	ret = read_config(&g);
	CHECK(ret == 0 || ret == -EINVAL || ret == -E2BIG);
	CHECK(g.nconf <= CONF_VALS_MAX);
	for (i = 0; i < g.nconf; i++) {
		CHECK(g.conf[i].name && g.conf[i].value);
		CHECK(!strncmp(g.conf[i].name, "CONFIG_KINIT_", 13));
		CHECK(!strchr(g.conf[i].name, '=') && !strchr(g.conf[i].name, '\n'));
		CHECK(strlen(g.conf[i].name) + strlen(g.conf[i].value) < CONF_LINE_MAX);
		CHECK(get_conf(&g, g.conf[i].name) == g.conf[i].value);
		for (j = 0; j < i; j++)
			CHECK(strcmp(g.conf[i].name, g.conf[j].name));
	}
	for (i = 0; i < g.nconf; i++) {
		free(g.conf[i].name);
		free(g.conf[i].value);
	}
	return 0;
}
