// SPDX-License-Identifier: GPL-2.0
/*
 * net_pnp_test.c - host unit tests for kinit/net/pnp.c: the record the
 * real system reads, /run/net-DEV.conf, in the kernel's /proc/net/pnp
 * format, for a DHCP lease with everything and for a static ip=.
 */
#include <stdarg.h>

#include "cmdline_all.h"	/* KINIT_NET: net_ipv4_parse() */
#include "kinit.h"
#include "log_stub.h"
#include "net/dhcp_msg.c"
#include "net/pnp.c"

#include "ktap.h"

static uint32_t A(const char *s)
{
	uint32_t a = 0;

	if (net_ipv4_parse(s, strlen(s), &a))
		abort();
	return a;
}

int main(void)
{
	struct ktap t = { 0 };
	struct net_lease l = {
		.dev = "eth0", .proto = "dhcp", .lease_s = 3600,
		.hostname = "node1", .domain = "example.org", .root_path = "10.0.2.100:/export",
	};
	char buf[768];
	int n;

	ktap_begin("net_pnp", 4);
	l.addr = A("10.0.2.15");
	l.netmask = A("255.255.252.0");
	l.gw = A("10.0.2.2");
	l.server = A("10.0.2.4");
	l.dns[0] = A("10.0.2.3");
	l.dns[1] = A("10.0.2.5");
	n = net_pnp_text(&l, buf, sizeof(buf));
	KTAP_EQ_STR(&t, buf, "#PROTO: DHCP\ndomain example.org\nnameserver 10.0.2.3\n"
		    "nameserver 10.0.2.5\nbootserver 10.0.2.4\n# device eth0\n"
		    "# address 10.0.2.15/22\n# gateway 10.0.2.2\n# hostname node1\n"
		    "# root-path 10.0.2.100:/export\n# lease 3600\n",
		    "pnp: a DHCP lease with every field");
	KTAP_EQ_INT(&t, n, strlen(buf), "pnp: the length returned");
	memset(&l, 0, sizeof(l));
	strcpy(l.dev, "eth1");
	l.proto = "none";
	l.addr = A("192.168.1.2");
	l.netmask = A("255.255.255.0");
	net_pnp_text(&l, buf, sizeof(buf));
	KTAP_EQ_STR(&t, buf, "#MANUAL\n# device eth1\n# address 192.168.1.2/24\n",
		    "pnp: a static ip= without gateway, DNS or server");
	KTAP_EQ_INT(&t, net_pnp_text(&l, buf, 20), -E2BIG, "pnp: a buffer too small");
	return ktap_end(&t, 4);
}
