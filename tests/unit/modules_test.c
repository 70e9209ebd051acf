// SPDX-License-Identifier: GPL-2.0
/*
 * modules_test.c - host unit tests for the pure parts of kinit/modules/modules.c:
 * module names and flags, .load lines, modprobe.conf "options".
 */
#define CONFIG_KINIT_MODULE_LOADER 1
#include "modules/modules.c"
#include "ktap.h"

#include "log_stub.h"

struct name_case {
	const char *path, *name;
	int ret, flags;
};

static const struct name_case names[] = {
	{ "/lib/modules/6.1.0/kernel/fs/ext4/ext4.ko", "ext4", 0, 0 },
	{ "kernel/drivers/block/virtio_blk.ko.xz", "virtio_blk", 0, MODULE_INIT_COMPRESSED_FILE },
	{ "dm-crypt.ko.zst", "dm_crypt", 0, MODULE_INIT_COMPRESSED_FILE },
	{ "a/b/crc32c-generic.ko.gz", "crc32c_generic", 0, MODULE_INIT_COMPRESSED_FILE },
	{ "/lib/modules/6.1.0/kernel/fs/ext4/ext4.o", "", -EINVAL, 0 },
	{ "/lib/modules/6.1.0/kernel/.ko", "", -EINVAL, 0 },
	{ "ext4.ko.bz2", "", -EINVAL, 0 },
	{ "x12345678901234567890123456789012345678901234567890123456.ko", "", -EINVAL, 0 },
};

static void test_names(struct ktap *t)
{
	char name[KINIT_MODNAME_MAX + 1];
	size_t i;
	int ret;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct name_case *c = &names[i];

		name[0] = '\0';
		ret = module_name(c->path, name, sizeof(name));
		ktap_check(t, ret == c->ret && (ret || !strcmp(name, c->name)) &&
			   (ret || module_flags(c->path) == c->flags),
			   "module_name %s # got %d '%s' flags %d", c->path, ret, name,
			   module_flags(c->path));
	}
}

struct line_case {
	const char *line, *path;
	int ret;
};

static const struct line_case lines[] = {
	{ "/lib/modules/6.1.0/kernel/fs/ext4/ext4.ko", "/lib/modules/6.1.0/kernel/fs/ext4/ext4.ko", 1 },
	{ "  extra/foo.ko.xz \t\r", "/lib/modules/6.1.0-test/extra/foo.ko.xz", 1 },
	{ "foo.ko", "/lib/modules/6.1.0-test/foo.ko", 1 },
	{ "", "", 0 },
	{ "   ", "", 0 },
	{ "# a comment.ko", "", 0 },
	{ "/etc/passwd", "", -EINVAL },
	{ "virtio_blk", "", -EINVAL },
};

static void test_lines(struct ktap *t)
{
	char buf[256], path[PATH_MAX_KINIT], small[24];
	size_t i;
	int ret;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		snprintf(buf, sizeof(buf), "%s", lines[i].line);
		path[0] = '\0';
		ret = load_line("6.1.0-test", buf, path, sizeof(path));
		ktap_check(t, ret == lines[i].ret && (ret != 1 || !strcmp(path, lines[i].path)),
			   "load_line case %zu # got %d '%s'", i, ret, path);
	}
	snprintf(buf, sizeof(buf), "kernel/fs/ext4/ext4.ko");
	KTAP_EQ_INT(t, load_line("6.1.0-test", buf, small, sizeof(small)), -ENAMETOOLONG,
		    "load_line: a path that does not fit");
}

static const char conf[] =
	"# modprobe.conf\n"
	"options virtio-blk queue_depth=64\n"
	"options ext4x bogus=1\n"
	"\toptions  virtio_blk   num_request_queues=2  \n"
	"blacklist floppy\n"
	"options ext4\n"
	"optionsext4 x=1\n"
	"alias foo virtio_blk";

static void test_options(struct ktap *t)
{
	char out[64], tiny[16];

	module_options(conf, "virtio_blk", out, sizeof(out));
	KTAP_EQ_STR(t, out, "queue_depth=64 num_request_queues=2",
		    "options: '-' and '_' alike, lines add up, blanks trimmed");
	module_options(conf, "ext4", out, sizeof(out));
	KTAP_EQ_STR(t, out, "", "options: no prefix match, empty options line");
	module_options(NULL, "ext4", out, sizeof(out));
	KTAP_EQ_STR(t, out, "", "options: no modprobe.conf");
	KTAP_EQ_INT(t, module_options(conf, "virtio_blk", tiny, sizeof(tiny)), -E2BIG,
		    "options: too long is an error, not a truncation");
}

int main(void)
{
	struct ktap t = { 0 };
	int planned = sizeof(names) / sizeof(names[0]) + sizeof(lines) / sizeof(lines[0]) + 1 + 4;

	ktap_begin("modules", planned);
	test_names(&t);
	test_lines(&t);
	test_options(&t);
	return ktap_end(&t, planned);
}
