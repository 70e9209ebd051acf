// SPDX-License-Identifier: GPL-2.0
/*
 * kinit_gen - turn the KINIT_* options into a gen_init_cpio description list.
 * The kernel's own usr/gen_init_cpio packs the list; this only decides what goes in.
 *
 *   kinit_gen -c include/config/auto.conf -k /abs/path/to/kinit
 *             [-o SIDE_DIR] [-M MODTREE -r RELEASE] [--sysroot DIR]
 *
 * The list goes to stdout; kbuild's filechk turns it into the file, so a
 * failure (non-zero exit, message on stderr) never leaves a partial list.
 * Side files the list refers to (kinit.load, cmdline) are written to -o.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "genlist.h"


/*
 * Applets the rescue shell needs, linked to /bin/busybox. Busybox cannot
 * be asked for its list without running it, which a cross build cannot
 * do; an applet the binary lacks answers "applet not found".
 */
static const char *const busybox_applets[] = {
	"/bin/cat", "/bin/cp", "/bin/dd", "/bin/df", "/bin/dmesg", "/bin/echo",
	"/bin/find", "/bin/grep", "/bin/head", "/bin/kill", "/bin/less",
	"/bin/ln", "/bin/ls", "/bin/mkdir", "/bin/mknod", "/bin/mount",
	"/bin/mv", "/bin/ps", "/bin/rm", "/bin/rmdir", "/bin/sed", "/bin/sh",
	"/bin/sleep", "/bin/stat", "/bin/sync", "/bin/tail", "/bin/umount",
	"/bin/uname", "/bin/vi", "/sbin/blkid", "/sbin/halt", "/sbin/insmod",
	"/sbin/lsmod", "/sbin/poweroff", "/sbin/reboot",
};

/* The fixed skeleton every image has. */
static const struct entry skeleton[] = {
	{ .path = "/dev", .type = ENT_DIR, .mode = 0755 },
	{ .path = "/dev/console", .type = ENT_NOD, .mode = 0600, .arg = "c 5 1" },
	{ .path = "/etc", .type = ENT_DIR, .mode = 0755 },
	{ .path = KINIT_ETC_DIR, .type = ENT_DIR, .mode = 0755 },
	{ .path = "/proc", .type = ENT_DIR, .mode = 0755 },
	{ .path = "/root", .type = ENT_DIR, .mode = 0700 },
	{ .path = "/sys", .type = ENT_DIR, .mode = 0755 },
};

static int print_usage(void)
{
	fprintf(stderr,
		"usage: kinit_gen -c AUTO_CONF -k KINIT_BINARY [-o SIDE_DIR]\n"
		"                 [-M MODTREE -r RELEASE [-P]] [-t EPOCH] [-s|--sysroot DIR]\n"
		"  -P        modules not built yet are left out (kbuild's first pass)\n"
		"  -t EPOCH  stage the files the build wrote (kinit, modules, side\n"
		"            files) under SIDE_DIR/stage with this mtime\n");
	return 2;
}

/* Strip the kconfig quoting of a string value in place; 0 or -EINVAL. */
static int unquote(char *val)
{
	size_t len = strlen(val), i, o = 0;

	if (len < 2 || val[0] != '"' || val[len - 1] != '"')
		return -EINVAL;
	for (i = 1; i < len - 1; i++) {
		if (val[i] == '\\' && i + 1 < len - 1)
			i++;
		val[o++] = val[i];
	}
	val[o] = '\0';
	return 0;
}

/* Remember CONFIG_KINIT_*=value; the last occurrence wins, as in kconfig. */
static int set_conf(struct gen *g, const char *name, char *val)
{
	struct conf_val *c = NULL;
	size_t i;

	if (val[0] == '"' && unquote(val))
		return -EINVAL;
	for (i = 0; i < g->nconf; i++)
		if (!strcmp(g->conf[i].name, name))
			c = &g->conf[i];
	if (!c) {
		if (g->nconf == CONF_VALS_MAX)
			return -E2BIG;
		c = &g->conf[g->nconf];
		c->name = strdup(name);
		if (!c->name)
			return -ENOMEM;
		c->value = NULL;
		g->nconf++;
	}
	free(c->value);
	c->value = strdup(val);
	return c->value ? 0 : -ENOMEM;
}

static const char *get_conf(const struct gen *g, const char *name)
{
	size_t i;

	for (i = 0; i < g->nconf; i++)
		if (!strcmp(g->conf[i].name, name))
			return g->conf[i].value;
	return NULL;
}

/* One auto.conf line: comment, blank, or CONFIG_X=value. */
static int config_line(struct gen *g, char *line)
{
	char *eq;

	if (line[0] == '#' || !line[0])
		return 0;
	eq = strchr(line, '=');
	if (!eq || strncmp(line, "CONFIG_", 7))
		return -EINVAL;
	*eq++ = '\0';
	if (strncmp(line, "CONFIG_KINIT_", 13))
		return 0;
	return set_conf(g, line, eq);
}

static int read_config(struct gen *g)
{
	char line[CONF_LINE_MAX];
	FILE *f = fopen(g->config, "r");
	int lineno = 0, ret = 0;
	char *nl;

	if (!f)
		return gen_error(g->config, NULL, -errno);
	while (!ret && fgets(line, sizeof(line), f)) {
		lineno++;
		nl = strchr(line, '\n');
		if (!nl) {
			fprintf(stderr, "kinit_gen: %s:%d: line too long\n", g->config, lineno);
			ret = -E2BIG;
			break;
		}
		*nl = '\0';
		ret = config_line(g, line);
		if (ret)
			fprintf(stderr, "kinit_gen: %s:%d: bad config line: %s\n",
				g->config, lineno, line);
	}
	fclose(f);
	return ret;
}

static int gen_busybox(struct gen *g, const char *opt, const char *path)
{
	struct entry e = {
		.arg = KINIT_BUSYBOX_PATH, .origin = opt, .mode = 0777,
		.type = ENT_SLINK, .weak = true,
	};
	size_t i;
	int ret = gen_binary(g, opt, path, KINIT_BUSYBOX_PATH);

	/* weak: a real binary at the same path (EXTRA_BINARIES) wins */
	for (i = 0; !ret && i < ARRAY_SIZE(busybox_applets); i++) {
		e.path = (char *)busybox_applets[i];
		ret = genlist_add(g, &e);
	}
	return ret;
}

static int gen_extra_binaries(struct gen *g, const char *opt, const char *list)
{
	char *copy = strdup(list), *tok, *save;
	int ret = copy ? 0 : -ENOMEM;

	for (tok = copy ? strtok_r(copy, " \t", &save) : NULL; !ret && tok;
	     tok = strtok_r(NULL, " \t", &save))
		ret = gen_binary(g, opt, tok, NULL);
	free(copy);
	return ret;
}

static int gen_cmdline(struct gen *g, const char *opt, const char *val)
{
	char side[PATH_MAX], *data;
	struct entry e = {
		.path = KINIT_CMDLINE_FILE, .arg = side, .origin = opt,
		.mode = 0644, .type = ENT_FILE,
	};
	size_t len = strlen(val);
	int ret;

	data = malloc(len + 1);
	if (!data)
		return -ENOMEM;
	memcpy(data, val, len);
	data[len] = '\n';
	ret = write_side_file(g, opt, KINIT_CMDLINE_NAME, data, len + 1, side, sizeof(side));
	free(data);
	return ret ? ret : genlist_add(g, &e);
}

/* A build host file at @dest in the image, with @mode (keys: 0400). */
static int gen_host_file(struct gen *g, const char *opt, const char *src,
			 const char *dest, unsigned int mode)
{
	struct entry e = {
		.path = (char *)dest, .arg = (char *)src, .origin = opt,
		.mode = mode, .type = ENT_FILE,
	};
	struct stat st;

	if (src[0] != '/')
		return gen_error(opt, src, -EINVAL);
	if (stat(src, &st))
		return gen_error(opt, src, -errno);
	if (!S_ISREG(st.st_mode))
		return gen_error(opt, src, S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL);
	return genlist_add(g, &e);
}

static int gen_crypt_keyfile(struct gen *g, const char *opt, const char *path)
{
	struct entry dir = {
		.path = KINIT_KEYS_DIR, .origin = opt, .mode = 0700,
		.type = ENT_DIR,
	};
	int ret = genlist_add(g, &dir);

	return ret ? ret : gen_host_file(g, opt, path, KINIT_KEYS_DIR "/" KINIT_KEY_DEFAULT, 0400);
}

static int gen_mdadm_conf(struct gen *g, const char *opt, const char *path)
{
	return gen_host_file(g, opt, path, KINIT_MDADM_CONF, 0644);
}

/* Nothing goes in the image: kinit carries the hash; the build checks it. */
static int gen_shell_password(struct gen *g, const char *opt, const char *val)
{
	(void)opt;
	(void)val;
	return shell_hash_check(get_conf(g, "CONFIG_KINIT_SHELL_PASSWORD_HASH"));
}

/**
 * struct step - an option and what it puts in the image
 * @option:	the Kconfig symbol; the step runs if its value is not empty
 * @run:	the emitter, given the option name and value
 */
struct step {
	const char *option;
	int (*run)(struct gen *g, const char *opt, const char *val);
};

static const struct step steps[] = {
	{ "CONFIG_KINIT_BUSYBOX",	 gen_busybox },
	{ "CONFIG_KINIT_EXTRA_BINARIES", gen_extra_binaries },
	{ "CONFIG_KINIT_MODULES",	 gen_modules },
	{ "CONFIG_KINIT_EXTRA_SOURCE",	 gen_extra_source },
	{ "CONFIG_KINIT_CMDLINE",	 gen_cmdline },
	{ "CONFIG_KINIT_CRYPTSETUP",	 gen_extra_binaries },
	{ "CONFIG_KINIT_CRYPT_KEYFILE",	 gen_crypt_keyfile },
	{ "CONFIG_KINIT_LVM_BINARY",	 gen_extra_binaries },
	{ "CONFIG_KINIT_MDADM_BINARY",	 gen_extra_binaries },
	{ "CONFIG_KINIT_MDADM_CONF",	 gen_mdadm_conf },
	{ "CONFIG_KINIT_SHELL_PASSWORD", gen_shell_password },
};

static int gen_skeleton(struct gen *g)
{
	struct entry init = {
		.path = "/init", .arg = (char *)g->kinit, .origin = "CONFIG_KINIT",
		.mode = 0755, .type = ENT_FILE,
	};
	size_t i;
	int ret;

	if (access(g->kinit, R_OK | X_OK))
		return gen_error("CONFIG_KINIT", g->kinit, -errno);
	for (i = 0; i < ARRAY_SIZE(skeleton); i++) {
		struct entry e = skeleton[i];

		e.origin = "skeleton";
		ret = genlist_add(g, &e);
		if (ret)
			return gen_error("skeleton", e.path, ret);
	}
	ret = genlist_add(g, &init);
	return ret ? gen_error("CONFIG_KINIT", g->kinit, ret) : 0;
}

static int generate(struct gen *g)
{
	const char *val;
	size_t i;
	int ret;

	ret = read_config(g);
	if (!ret)
		ret = gen_skeleton(g);
	for (i = 0; !ret && i < ARRAY_SIZE(steps); i++) {
		val = get_conf(g, steps[i].option);
		if (val && val[0])
			ret = steps[i].run(g, steps[i].option, val);
	}
	if (!ret)
		ret = genlist_finish(g);
	if (!ret && g->epoch >= 0)
		ret = genlist_stage(g);
	if (ret)
		return ret;
	printf("# generated by kinit_gen from %s: do not edit\n", g->config);
	genlist_print(g);
	return fflush(stdout) || ferror(stdout) ? -EIO : 0;
}

static const struct option long_opts[] = {
	{ "sysroot", required_argument, NULL, 's' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int parse_args(struct gen *g, int argc, char **argv)
{
	char *end;
	int c;

	while ((c = getopt_long(argc, argv, "c:k:o:M:r:Pt:s:h", long_opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			g->config = optarg;
			break;
		case 'k':
			g->kinit = optarg;
			break;
		case 'o':
			g->outdir = optarg;
			break;
		case 'M':
			g->modtree = optarg;
			break;
		case 'r':
			g->release = optarg;
			break;
		case 'P':
			g->mods_pending = true;
			break;
		case 't':
			g->epoch = strtoll(optarg, &end, 10);
			if (!optarg[0] || *end || g->epoch < 0 || g->epoch > 0xffffffffLL)
				return -EINVAL;
			break;
		case 's':
			/* "/" is the host itself: no prefix at all */
			g->sysroot = strcmp(optarg, "/") ? optarg : "";
			break;
		default:
			return -EINVAL;
		}
	}
	if (!g->config || !g->kinit || optind != argc)
		return -EINVAL;
	return 0;
}

int main(int argc, char **argv)
{
	struct gen g = { .sysroot = "", .nlibdirs = -1, .epoch = -1 };
	size_t i;
	int ret;

	if (parse_args(&g, argc, argv))
		return print_usage();
	ret = generate(&g);
	genlist_free(&g);
	for (i = 0; i < g.nconf; i++) {
		free(g.conf[i].name);
		free(g.conf[i].value);
	}
	return ret ? 1 : 0;
}
