// SPDX-License-Identifier: GPL-2.0
/*
 * coldplug_test.c - host unit tests for kinit/modules/coldplug.c: reading
 * kinit.alias and matching modalias strings against it.
 */
#define CONFIG_KINIT_MODULE_LOADER 1
#define CONFIG_KINIT_MODULES_AUTOLOAD 1
#include "modules/modules.c"
#include "modules/coldplug.c"
#include "ktap.h"

#include "log_stub.h"

#define VBLK "/lib/modules/6.1.0/kernel/drivers/block/virtio_blk.ko"
#define AHCI "/lib/modules/6.1.0/kernel/drivers/ata/ahci.ko.xz"

static const char table[] =
	"# kinit.alias\n"
	"alias virtio:d00000002v* " VBLK "\n"
	"\n"
	"alias pci:v*d*sv*sd*bc01sc06i01* " AHCI "\n"
	"alias\tpci:v00008086d00002922sv*sd*bc*sc*i* \t" AHCI "\r\n";

static void test_parse(struct ktap *t)
{
	struct cp_alias a[4];
	char buf[512];
	int n;

	snprintf(buf, sizeof(buf), "%s", table);
	n = alias_parse(buf, a, 4);
	KTAP_EQ_INT(t, n, 3, "parse: comments and blank lines skipped, tabs and CR allowed");
	ktap_check(t, n == 3 && !strcmp(a[0].pattern, "virtio:d00000002v*") &&
		   !strcmp(a[0].path, VBLK) && !strcmp(a[2].path, AHCI) && !a[2].done,
		   "parse: fields");
	snprintf(buf, sizeof(buf), "%s", table);
	n = alias_parse(buf, a, 2);
	KTAP_EQ_INT(t, n, -E2BIG, "parse: table full");
	snprintf(buf, sizeof(buf), "alias virtio:d* virtio_blk\n");
	n = alias_parse(buf, a, 4);
	KTAP_EQ_INT(t, n, -EINVAL, "parse: a module name, not a path");
	snprintf(buf, sizeof(buf), "alias virtio:d*\n");
	n = alias_parse(buf, a, 4);
	KTAP_EQ_INT(t, n, -EINVAL, "parse: missing path");
	snprintf(buf, sizeof(buf), "options virtio:d* /x.ko\n");
	n = alias_parse(buf, a, 4);
	KTAP_EQ_INT(t, n, -EINVAL, "parse: unknown keyword");
	snprintf(buf, sizeof(buf), "alias a /x.ko extra\n");
	n = alias_parse(buf, a, 4);
	KTAP_EQ_INT(t, n, -EINVAL, "parse: trailing word");
}

static void test_match(struct ktap *t)
{
	struct cp_alias a[4];
	char buf[512];
	int n;

	snprintf(buf, sizeof(buf), "%s", table);
	n = alias_parse(buf, a, 4);
	KTAP_EQ_INT(t, alias_match(a, n, "virtio:d00000002v00001AF4", 0), 0,
		    "match: virtio block device");
	KTAP_EQ_INT(t, alias_match(a, n, "virtio:d00000001v00001AF4", 0), -1,
		    "match: virtio net device matches nothing");
	KTAP_EQ_INT(t, alias_match(a, n,
				   "pci:v00008086d00002922sv00001AF4sd00001100bc01sc06i01", 0), 1,
		    "match: AHCI class, '*' crossing fields");
	KTAP_EQ_INT(t, alias_match(a, n,
				   "pci:v00008086d00002922sv00001AF4sd00001100bc01sc06i01", 2), 2,
		    "match: the next match after the first");
	KTAP_EQ_INT(t, alias_match(a, n, "pci:v00008086d00002922sv00001AF4sd00001100bc01sc06i01x",
				   0), 1, "match: trailing '*' takes the rest");
	KTAP_EQ_INT(t, alias_match(a, n, "virtio:d00000002", 0), -1,
		    "match: the literal 'v' is required");
	a[0].done = 1;
	KTAP_EQ_INT(t, alias_match(a, n, "virtio:d00000002v00001AF4", 0), -1,
		    "match: a loaded module is not matched again");
}

int main(void)
{
	struct ktap t = { 0 };
	int planned = 7 + 7;

	ktap_begin("coldplug", planned);
	test_parse(&t);
	test_match(&t);
	return ktap_end(&t, planned);
}
