// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_absent_test.c - kinit/cmdline.c built without any storage
 * feature, as in a kernel with none: their options are noted, never
 * parsed nor errors, and cmdline_absent() names them; kinit's own
 * options and the kernel's raid= and noresume are as before.
 */
#include "cmdline.c"

#include "ktap.h"

#define MSG_MAX	256

struct absent_case {
	const char *line;
	const char *msg[STORAGE_FEATURES];	/* NULL: "" expected */
};

static const struct absent_case cases[] = {
	{ .line = "root=/dev/vda rd.luks.uuid=not-a-uuid rd.luks=0",
	  .msg = { "rd.luks.uuid=: this kernel's kinit has no LUKS support (CONFIG_KINIT_CRYPT): ignored" } },
	{ .line = "rd.lvm rd.lvm.vg=vg0",
	  .msg = { NULL, "rd.lvm: this kernel's kinit has no LVM support (CONFIG_KINIT_LVM): ignored" } },
	{ .line = "raid=bogus rd.md.uuid=x noresume",
	  .msg = { NULL, NULL, "rd.md.uuid=: this kernel's kinit has no md RAID support (CONFIG_KINIT_MD): ignored" } },
	{ .line = "resume=UUID=bad",
	  .msg = { NULL, NULL, NULL, "resume=: this kernel's kinit has no resume support (CONFIG_KINIT_RESUME): left to the kernel" } },
	{ .line = "root=/dev/nfs ip=dhcp nfsroot=10.0.2.100:/export rd.neednet=1",
	  .msg = { [4] = "ip=: this kernel's kinit has no network support (CONFIG_KINIT_NET): left to the kernel",
		   [5] = "nfsroot=: this kernel's kinit has no NFS root support (CONFIG_KINIT_NFS): left to the kernel" } },
	{ .line = "rd.luksx=1 rd.lvmfoo rd.mdadm=1 resumedelay=3 noresume ipv6.disable=1" },
};

static void check_case(struct ktap *t, const struct absent_case *c)
{
	struct boot_args a;
	char err[MSG_MAX], msg[MSG_MAX];
	const char *m;
	size_t i;
	int ret, ok;

	ret = cmdline_parse(&a, c->line, err, sizeof(err));
	ok = ret == 0;
	for (i = 0; ok && i < STORAGE_FEATURES; i++) {
		m = cmdline_absent(&a, i, msg, sizeof(msg));
		ok = m && !strcmp(m, c->msg[i] ? c->msg[i] : "");
		if (!ok)
			printf("# feature %zu: '%s'\n", i, m ? m : "(null)");
	}
	ktap_check(t, ok && !cmdline_absent(&a, STORAGE_FEATURES, msg, sizeof(msg)),
		   "%s # ret %d '%s'", c->line, ret, err);
}

int main(void)
{
	static struct boot_args base;
	struct ktap t = { 0 };
	const int planned = ARRAY_SIZE(cases) + 3;
	char err[MSG_MAX], msg[MSG_MAX];
	size_t i;
	int ret;

	ktap_begin("cmdline_absent", planned);
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		check_case(&t, &cases[i]);
	/* kinit's own options still parse, and still fail */
	ret = cmdline_parse(&base, "rd.luks.uuid=x root=UUID=0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D ro",
			    err, sizeof(err));
	ktap_check(&t, !ret && base.root.kind == ROOT_UUID && base.readonly == 1 &&
		   base.storage.luks == -1 && base.storage.luks_uuids == 0,
		   "own options parsed beside an absent one # ret %d '%s'", ret, err);
	/* the image's note and the kernel's both stay */
	cmdline_parse_more(&base, "rd.lvm.lv=vg/lv rd.luks.key=/k", err, sizeof(err));
	ktap_check(&t, !strcmp(cmdline_absent(&base, 0, msg, sizeof(msg)),
			       "rd.luks.uuid=: this kernel's kinit has no LUKS support (CONFIG_KINIT_CRYPT): ignored") &&
		   !strncmp(cmdline_absent(&base, 1, msg, sizeof(msg)), "rd.lvm.lv=: ", 12),
		   "a later line keeps the first of each # '%s'", msg);
	ret = cmdline_parse_more(&base, "rd.lvm.lv=vg/lv rootwait=x", err, sizeof(err));
	ktap_check(&t, ret == -EINVAL && !base.absent[1][0],
		   "a bad option of kinit's fails as before # ret %d '%s'", ret, err);
	return ktap_end(&t, planned);
}
