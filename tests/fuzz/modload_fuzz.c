// SPDX-License-Identifier: GPL-2.0
/*
 * modload_fuzz.c - libFuzzer target for kinit's .load and modprobe.conf
 * readers (kinit/modules.c): a boot loader archive can bring its own
 * /etc/kinit/modules.d/NAME.load and /etc/kinit/modprobe.conf.  The input
 * is a .load file, then (after a NUL, if any) a modprobe.conf: the file is
 * read and every module it names "loaded" as load-modules does, with the
 * options modprobe.conf gives it; each line, and each module's options,
 * also go through the parsers directly.
 */
#include "kinit_modules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns 1 when the line names a module, or is an error: one failure. */
static int check_line(char *line)
{
	char path[PATH_MAX_KINIT], name[KINIT_MODNAME_MAX + 1];
	int ret = load_line(FUZZ_RELEASE, line, path, sizeof(path));

	CHECK(ret == 0 || ret == 1 || ret == -EINVAL || ret == -ENAMETOOLONG);
	if (ret != 1)
		return ret != 0;
	TERMINATED(path);
	CHECK(path[0] == '/');
	CHECK(module_name(path, name, sizeof(name)) == 0);
	CHECK(name[0] && strlen(name) <= KINIT_MODNAME_MAX && !strchr(name, '-'));
	return 1;
}

static void check_options(const char *conf, const char *name)
{
	char out[MODOPTS_MAX], tiny[8];
	int ret = module_options(conf, name, out, sizeof(out));

	CHECK(ret == 0 || ret == -E2BIG);
	TERMINATED(out);
	CHECK(!strchr(out, '\n') && out[0] != ' ' && out[0] != '\t');
	ret = module_options(conf, name, tiny, sizeof(tiny));
	CHECK(ret == 0 || ret == -E2BIG);
	TERMINATED(tiny);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t loadlen = nul ? (size_t)(nul - data) : size;
	struct kinit k;
	struct modctx c;
	char *text, *line, *save = NULL, name[KINIT_MODNAME_MAX + 1];
	int ret, failed = 0;

	memset(&k, 0, sizeof(k));
	memset(&c, 0, sizeof(c));
	c.k = &k;
	c.step = "load-modules";
	snprintf(c.release, sizeof(c.release), FUZZ_RELEASE);
	c.conf = nul ? strndup((const char *)nul + 1, size - loadlen - 1) : NULL;

	/* the whole step, as for /etc/kinit/modules.d/NAME.load */
	ret = load_list(&c, fuzz_file(data, loadlen));
	CHECK(ret == 0);
	TERMINATED(k.modules_failed);
	CHECK(c.loaded == 0 && c.present == 0);

	/* and each line through the parsers, as load_list() splits them */
	ret = modules_read_file(fuzz_file(data, loadlen), &text);
	CHECK(ret == 0);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!module_name(line, name, sizeof(name)))
			check_options(c.conf, name);
		failed += check_line(line);
	}
	free(text);
	/* no module can be loaded here: each one named failed, as each bad line */
	CHECK(c.failed == failed);
	check_options(c.conf, "virtio_blk");
	free(c.conf);
	return 0;
}
