// SPDX-License-Identifier: GPL-2.0
/*
 * stack_test.c - host unit tests for kinit/storage/stack.c: LVM name splitting,
 * UUID comparison (kinit/lib/util.c) and running a tool with a secret on
 * its stdin.
 */
#define CONFIG_KINIT_STACK 1
#include "storage/stack.c"
#include "lib/util.c"

#include <time.h>

#include "ktap.h"

#include "log_stub.h"

struct split_case {
	const char *dm, *vg, *lv;
	int ret;
};

static const struct split_case split_cases[] = {
	{ .dm = "vg0-root",		.vg = "vg0",		.lv = "root" },
	{ .dm = "my--vg-lv--a",		.vg = "my-vg",		.lv = "lv-a" },
	{ .dm = "a-b--",		.vg = "a",		.lv = "b-" },
	{ .dm = "novg",			.ret = -EINVAL },
	{ .dm = "vg-",			.ret = -EINVAL },
	{ .dm = "-lv",			.ret = -EINVAL },
};

static void test_split(struct ktap *t, const struct split_case *c)
{
	char vg[64] = "", lv[64] = "";
	int ret = split_lvm_name(c->dm, vg, lv, sizeof(vg));

	ktap_check(t, ret == c->ret && (ret || (!strcmp(vg, c->vg) && !strcmp(lv, c->lv))),
		   "split_lvm_name %s # got %d '%s' '%s'", c->dm, ret, vg, lv);
}

static int run_sh(const char *script, const char *input)
{
	const char *const argv[] = { "/bin/sh", "-c", script, NULL };

	return stack_run(NULL, argv, input, input ? strlen(input) : 0);
}

int main(void)
{
	struct ktap t = { 0 };
	int planned = ARRAY_SIZE(split_cases) + 13;
	struct timespec t0, t1;
	int ret;
	size_t i;

	ktap_begin("stack", planned);
	for (i = 0; i < ARRAY_SIZE(split_cases); i++)
		test_split(&t, &split_cases[i]);
	ktap_check(&t, uuid_eq("4d0e1a2b:00000000:40008000:00000005",
				"4D0E1A2B-0000-0000-4000-800000000005"), "uuid_eq_forms");
	ktap_check(&t, !uuid_eq("4d0e1a2b-0000-0000-4000-800000000005",
				"4d0e1a2b-0000-0000-4000-800000000006"), "uuid_ne");
	ktap_check(&t, !uuid_eq("4d0e1a2b", "4d0e1a2b-00"), "uuid_ne_prefix");
	ktap_check(&t, uuid_eq("ABCD-1234", "abcd-1234"), "uuid_eq_vfat_case");
	ktap_check(&t, !uuid_eq("abcd-1234", "abcd-1234 "), "uuid_ne_trailing_blank");
	KTAP_EQ_INT(&t, run_sh("exit 0", NULL), 0, "run_status_0");
	KTAP_EQ_INT(&t, run_sh("exit 2", NULL), 2, "run_status_2");
	/* the whole input, no newline added, then EOF: cryptsetup --key-file=- */
	KTAP_EQ_INT(&t, run_sh("x=$(cat); [ \"$x\" = 's3cret pass' ]", "s3cret pass"), 0,
		    "run_feeds_stdin");
	KTAP_EQ_INT(&t, run_sh("n=$(wc -c); [ $n = 11 ]", "s3cret pass"), 0,
		    "run_adds_no_newline");
	KTAP_EQ_INT(&t, stack_run(NULL, (const char *const[]){ "/nonexistent/tool", NULL },
				  NULL, 0), 127, "run_missing_tool");
	/* a tool that does not finish (cryptsetup on 2^32-1 PBKDF2 iterations) is killed */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ret = stack_run_for(NULL, (const char *const[]){ "/bin/sleep", "30", NULL }, NULL, 0, 300);
	KTAP_EQ_INT(&t, ret, -ETIMEDOUT, "run_bounded_killed");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ktap_check(&t, t1.tv_sec - t0.tv_sec < 10, "run_bounded_killed_soon # %ld s",
		   (long)(t1.tv_sec - t0.tv_sec));
	ret = stack_run_for(NULL, (const char *const[]){ "/bin/sh", "-c", "exit 3", NULL },
			    NULL, 0, 10000);
	KTAP_EQ_INT(&t, ret, 3, "run_bounded_in_time");
	return ktap_end(&t, planned);
}
