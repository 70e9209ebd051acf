// SPDX-License-Identifier: GPL-2.0
/*
 * dhcp_fuzz.c - libFuzzer target for the DHCP reply parser
 * (kinit/net/dhcp_msg.c): any bytes from the network are a reply to
 * kinit, someone else's, or malformed; never a read out of bounds, and a
 * lease it accepts has an address and printable text.
 * fuzz-options: -max_len=1500
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "net/dhcp_msg.c"

#define CHECK(c)	do { if (!(c)) { fprintf(stderr, "CHECK failed: %s\n", #c); abort(); } } while (0)
#define TERMINATED(s)	CHECK(memchr((s), '\0', sizeof(s)))

static void check_text(const char *s)
{
	for (; *s; s++)
		CHECK(*s > 0x20 && *s < 0x7f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the corpus's replies are to this transaction and address */
	static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct dhcp_reply r;
	uint8_t *buf = malloc(size ? size : 1);	/* exact size for ASan */
	uint32_t xid;
	int ret;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	memcpy(&xid, size >= 8 ? buf + 4 : (const uint8_t *)"\0\0\0\0", 4);
	ret = dhcp_parse(buf, size, xid, mac, &r);
	CHECK(ret == 0 || ret == -EINVAL || ret == -ENOMSG);
	TERMINATED(r.lease.hostname);
	TERMINATED(r.lease.domain);
	TERMINATED(r.lease.root_path);
	if (!ret) {
		CHECK(r.type == DHCP_OFFER || r.type == DHCP_ACK || r.type == DHCP_NAK);
		CHECK(r.type == DHCP_NAK || r.lease.addr);
		CHECK(size >= DHCP_FIXED + 4);
		check_text(r.lease.hostname);
		check_text(r.lease.domain);
		check_text(r.lease.root_path);
	}
	free(buf);
	return 0;
}
