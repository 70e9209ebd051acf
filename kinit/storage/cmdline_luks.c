// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_luks.c - rd.luks=, rd.luks.uuid=, rd.luks.name=, rd.luks.key=
 * and rd.luks.options=: which LUKS volumes crypt.c unlocks, and how.
 * Built with KINIT_CRYPT.
 */
#include <errno.h>
#include <string.h>

#include "cmdline_opt.h"

static int opt_rd_luks(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return cmdline_switch(&a->storage.luks, val, why, wl);
}

/* A LUKS UUID, with or without dracut's "luks-" in front. */
static int luks_uuid(char *dst, const char *val, char *why, size_t wl)
{
	struct root_spec spec;

	if (!strncmp(val, "luks-", 5))
		val += 5;
	if (cmdline_set_uuid(&spec, val, strlen(val), cmdline_uuid_forms, 1)) {
		cmdline_seterr(why, wl, "not a LUKS UUID (want 8-4-4-4-12 hex digits)");
		return -EINVAL;
	}
	memcpy(dst, spec.value, STORAGE_UUID_MAX);
	return 0;
}

static int opt_luks_uuid(struct boot_args *a, const char *val, char *why, size_t wl)
{
	struct storage_args *s = &a->storage;
	int ret = cmdline_list_room(s->luks_uuids, why, wl);

	if (!ret)
		ret = luks_uuid(s->luks_uuid[s->luks_uuids], val, why, wl);
	if (!ret)
		s->luks_uuids++;
	return ret;
}

static int opt_luks_name(struct boot_args *a, const char *val, char *why, size_t wl)
{
	struct storage_args *s = &a->storage;
	const char *eq = strchr(val, '=');
	char uuid[ROOT_VALUE_MAX];
	int ret = cmdline_list_room(s->luks_names, why, wl);

	if (ret)
		return ret;
	if (!eq || (size_t)(eq - val) >= sizeof(uuid) || !cmdline_dm_name_ok(eq + 1, 0) ||
	    strlen(eq + 1) >= STORAGE_NAME_MAX) {
		cmdline_seterr(why, wl, "want UUID=NAME, NAME of [A-Za-z0-9+_.-]");
		return -EINVAL;
	}
	memcpy(uuid, val, eq - val);
	uuid[eq - val] = '\0';
	ret = luks_uuid(s->luks_name_uuid[s->luks_names], uuid, why, wl);
	if (ret)
		return ret;
	strcpy(s->luks_name[s->luks_names++], eq + 1);
	return 0;
}

static int opt_luks_key(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (val[0] != '/' || strchr(val, ':')) {
		cmdline_seterr(why, wl, "want the absolute path of a key file in the image (no :DEVICE)");
		return -EINVAL;
	}
	if (cmdline_copy(a->storage.luks_key, LUKS_KEY_MAX, val)) {
		cmdline_seterr(why, wl, "longer than %d bytes", LUKS_KEY_MAX - 1);
		return -E2BIG;
	}
	return 0;
}

static const struct {
	const char *name;
	int bit;
} luks_words[] = {
	{ .name = "discard",			.bit = LUKS_OPT_DISCARD },
	{ .name = "allow-discards",		.bit = LUKS_OPT_DISCARD },
	{ .name = "readonly",			.bit = LUKS_OPT_READONLY },
	{ .name = "read-only",			.bit = LUKS_OPT_READONLY },
	{ .name = "no-read-workqueue",		.bit = LUKS_OPT_NO_READ_WORKQUEUE },
	{ .name = "no-write-workqueue",		.bit = LUKS_OPT_NO_WRITE_WORKQUEUE },
	{ .name = "same-cpu-crypt",		.bit = LUKS_OPT_SAME_CPU_CRYPT },
	{ .name = "submit-from-crypt-cpus",	.bit = LUKS_OPT_SUBMIT_FROM_CRYPT_CPUS },
};

/* One word of rd.luks.options=: a known name or tries=N. */
static int luks_option(struct storage_args *s, const char *w, size_t len)
{
	char num[8];
	unsigned long n;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(luks_words); i++) {
		if (strlen(luks_words[i].name) == len && !strncmp(w, luks_words[i].name, len)) {
			s->luks_options |= luks_words[i].bit;
			return 0;
		}
	}
	if (len > 6 && len - 6 < sizeof(num) && !strncmp(w, "tries=", 6)) {
		memcpy(num, w + 6, len - 6);
		num[len - 6] = '\0';
		if (!cmdline_ulong(num, 10, &n) && n) {
			s->luks_tries = (int)n;
			return 0;
		}
	}
	return -EINVAL;
}

static int opt_luks_options(struct boot_args *a, const char *val, char *why, size_t wl)
{
	const char *p = val, *comma;

	a->storage.luks_options = 0;
	a->storage.luks_tries = -1;
	for (;;) {
		comma = strchr(p, ',');
		if (luks_option(&a->storage, p, comma ? (size_t)(comma - p) : strlen(p))) {
			cmdline_seterr(why, wl, "want a comma list of discard, readonly, no-read-workqueue, no-write-workqueue, same-cpu-crypt, submit-from-crypt-cpus, tries=N (1-10)");
			return -EINVAL;
		}
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

static const struct cmdline_opt luks_opts[] = {
	{ .name = "rd.luks",	.arg = ARG_REQUIRED,	.set = opt_rd_luks },
	{ .name = "rd.luks.uuid", .arg = ARG_REQUIRED,	.set = opt_luks_uuid },
	{ .name = "rd.luks.name", .arg = ARG_REQUIRED,	.set = opt_luks_name },
	{ .name = "rd.luks.key", .arg = ARG_REQUIRED,	.set = opt_luks_key },
	{ .name = "rd.luks.options", .arg = ARG_REQUIRED, .set = opt_luks_options },
};

FEATURE_OPTION(CRYPT);

const struct cmdline_feature cmdline_luks = {
	.opts = luks_opts,
	.count = ARRAY_SIZE(luks_opts),
};
