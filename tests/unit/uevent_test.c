// SPDX-License-Identifier: GPL-2.0
/*
 * uevent_test.c - host unit tests for kinit/uevent.c: the fields of the
 * kernel's uevent messages, as find-root and coldplug read them.
 */
#include "uevent.c"
#include "ktap.h"

#define MSG(s)	s, sizeof(s) - 1	/* the bytes, with their NULs, no extra */

struct uevent_case {
	const char *name, *msg;
	size_t len;
	int ret;
	const char *action, *subsystem, *devname, *modalias;
};

static const struct uevent_case cases[] = {
	{ "block add", MSG("add@/devices/virtio1/block/vda\0ACTION=add\0SUBSYSTEM=block\0"
			   "MAJOR=254\0DEVNAME=vda\0DEVTYPE=disk\0"),
	  0, "add", "block", "vda", "" },
	{ "device with a modalias", MSG("add@/devices/virtio1\0ACTION=add\0SUBSYSTEM=virtio\0"
					"MODALIAS=virtio:d00000002v00001AF4\0"),
	  0, "add", "virtio", "", "virtio:d00000002v00001AF4" },
	{ "last string unterminated: ignored", MSG("change@/x\0ACTION=change\0DEVNAME=dm-0"),
	  0, "change", "", "", "" },
	{ "a key given twice: the last", MSG("add@/x\0DEVNAME=a\0DEVNAME=b\0"),
	  0, "", "", "b", "" },
	{ "a key as a prefix only", MSG("add@/x\0ACTION\0DEVNAMEX=y\0XACTION=add\0"),
	  0, "", "", "", "" },
	{ "no kernel header (libudev)", MSG("libudev\0\xfe\xed\xca\xfe" "ACTION=add\0"),
	  -EINVAL, "", "", "", "" },
	{ "no NUL at all", MSG("add@/x ACTION=add"), -EINVAL, "", "", "", "" },
	{ "empty", "", 0, -EINVAL, "", "", "", "" },
};

int main(void)
{
	const int planned = ARRAY_SIZE(cases);
	struct ktap t = { 0 };
	struct uevent ev;
	size_t i;
	int ret;

	ktap_begin("uevent", planned);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct uevent_case *c = &cases[i];

		ret = uevent_parse(c->msg, c->len, &ev);
		ktap_check(&t, ret == c->ret && !strcmp(ev.action, c->action) &&
			   !strcmp(ev.subsystem, c->subsystem) && !strcmp(ev.devname, c->devname) &&
			   !strcmp(ev.modalias, c->modalias),
			   "%s # ret %d action '%s' subsystem '%s' devname '%s' modalias '%s'",
			   c->name, ret, ev.action, ev.subsystem, ev.devname, ev.modalias);
	}
	return ktap_end(&t, planned);
}
