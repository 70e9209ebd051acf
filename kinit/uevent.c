// SPDX-License-Identifier: GPL-2.0
/*
 * uevent.c - parse a kernel uevent message: pure, so that the bytes a
 * socket hands kinit are fuzzed on the host (tests/fuzz/uevent_fuzz.c).
 */
#include <errno.h>
#include <string.h>

#include "lib/util.h"
#include "uevent.h"

/**
 * uevent_parse() - the fields of one uevent message
 * @msg:	the message as received: "add@/devices/...\0ACTION=add\0..."
 * @len:	its length in bytes; nothing past it is read
 * @ev:		receives the fields, pointing into @msg
 *
 * The kernel sends a "ACTION@DEVPATH" header, then NUL-terminated
 * "KEY=value" strings.  A string not terminated within @len is ignored,
 * so every field set is a terminated string inside @msg; for a key given
 * twice the last one counts.
 *
 * Return: 0, or -EINVAL when the message has no kernel header.
 */
int uevent_parse(const char *msg, size_t len, struct uevent *ev)
{
	static const char *const keys[] = { "ACTION=", "SUBSYSTEM=", "DEVNAME=", "MODALIAS=" };
	const char **fields[] = { &ev->action, &ev->subsystem, &ev->devname, &ev->modalias };
	const char *p, *end = msg + len, *nul;
	size_t i, kl;

	for (i = 0; i < ARRAY_SIZE(fields); i++)
		*fields[i] = "";
	nul = memchr(msg, '\0', len);
	if (!nul || !memchr(msg, '@', nul - msg))
		return -EINVAL;
	for (p = nul + 1; p < end && (nul = memchr(p, '\0', end - p)); p = nul + 1) {
		for (i = 0; i < ARRAY_SIZE(keys); i++) {
			kl = strlen(keys[i]);
			if ((size_t)(nul - p) >= kl && !memcmp(p, keys[i], kl))
				*fields[i] = p + kl;
		}
	}
	return 0;
}
