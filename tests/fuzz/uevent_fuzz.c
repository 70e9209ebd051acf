// SPDX-License-Identifier: GPL-2.0
/*
 * uevent_fuzz.c - libFuzzer target for kinit/uevent.c: any bytes as a
 * message from the uevent socket parse or are refused, and every field
 * is a terminated string inside the message (an exact-size heap copy, so
 * ASan sees any read past its end).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "uevent.c"

#define CHECK(c)	do { if (!(c)) { fprintf(stderr, "CHECK failed: %s\n", #c); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_field(const char *f, const char *msg, size_t len)
{
	if (!f[0])
		return;
	CHECK(f > msg && f < msg + len);
	CHECK(memchr(f, '\0', msg + len - f));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *msg = malloc(size ? size : 1);
	struct uevent ev;
	int ret;

	if (!msg)
		return 0;
	memcpy(msg, data, size);
	ret = uevent_parse(msg, size, &ev);
	CHECK(ret == 0 || ret == -EINVAL);
	CHECK(ev.action && ev.subsystem && ev.devname && ev.modalias);
	if (ret)
		CHECK(!ev.action[0] && !ev.subsystem[0] && !ev.devname[0] && !ev.modalias[0]);
	check_field(ev.action, msg, size);
	check_field(ev.subsystem, msg, size);
	check_field(ev.devname, msg, size);
	check_field(ev.modalias, msg, size);
	free(msg);
	return 0;
}
