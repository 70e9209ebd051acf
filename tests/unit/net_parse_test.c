// SPDX-License-Identifier: GPL-2.0
/*
 * net_parse_test.c - host unit tests for the network's parsers: ip= in
 * every form (kinit/net/cmdline_net.c), nfsroot= and root=nfs:
 * (cmdline_nfs.c) through the whole command line, and the DHCP reply
 * parser (dhcp_msg.c) on built and hand-made replies.
 */
#include "cmdline_all.h"
#include "net/dhcp_msg.c"

#include "ktap.h"

#define ERRLEN	512
#define EXPECT(c)	do { if (!(c)) return #c; } while (0)

static uint32_t A(const char *s)
{
	uint32_t a = 0;

	if (net_ipv4_parse(s, strlen(s), &a))
		abort();
	return a;
}

struct net_case {
	const char *line;
	int ret;
	const char *(*check)(const struct boot_args *a);
	const char *err_has;
};

static const char *c_dhcp(const struct boot_args *a)
{
	EXPECT(a->net.ip == IP_DHCP && !a->net.dev[0] && !a->net.client);
	return NULL;
}

static const char *c_off(const struct boot_args *a)
{
	EXPECT(a->net.ip == IP_OFF);
	return NULL;
}

static const char *c_dracut(const struct boot_args *a)
{
	EXPECT(a->net.ip == IP_DHCP && !strcmp(a->net.dev, "eth1"));
	EXPECT(a->net.neednet == 1);
	return NULL;
}

static const char *c_static(const struct boot_args *a)
{
	const struct net_args *n = &a->net;

	EXPECT(n->ip == IP_STATIC && !strcmp(n->dev, "eth0") && !strcmp(n->hostname, "probe"));
	EXPECT(n->client == A("10.0.2.15") && n->server == A("10.0.2.100"));
	EXPECT(n->gw == A("10.0.2.2") && n->netmask == A("255.255.255.0"));
	EXPECT(n->dns[0] == A("10.0.2.3") && n->dns[1] == A("10.0.2.4") && n->ntp == A("10.0.2.5"));
	EXPECT(n->neednet == -1 && n->root == NFS_ROOT_NONE);
	return NULL;
}

static const char *c_static_short(const struct boot_args *a)
{
	EXPECT(a->net.ip == IP_STATIC && a->net.client == A("192.168.1.2"));
	EXPECT(!a->net.netmask && !a->net.gw && !a->net.dev[0]);
	return NULL;
}

static const char *c_long_dhcp(const struct boot_args *a)
{
	EXPECT(a->net.ip == IP_DHCP && !strcmp(a->net.dev, "eth0") && !a->net.client);
	return NULL;
}

static const char *c_long_off(const struct boot_args *a)
{
	EXPECT(a->net.ip == IP_OFF);
	return NULL;
}

static const char *c_last_wins(const struct boot_args *a)
{
	EXPECT(a->net.ip == IP_DHCP && !a->net.client && !a->net.dev[0]);
	return NULL;
}

static const char *c_devnfs(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_NFS && a->net.root == NFS_ROOT_KERNEL);
	EXPECT(!strcmp(a->root_raw, "/dev/nfs"));
	EXPECT(a->net.nfsroot.server == A("10.0.2.100"));
	EXPECT(!strcmp(a->net.nfsroot.path, "/export/root"));
	EXPECT(!strcmp(a->net.nfsroot.opts, "vers=4,port=2049"));
	return NULL;
}

static const char *c_nfsroot_noserver(const struct boot_args *a)
{
	EXPECT(a->net.nfsroot.server == 0 && !strcmp(a->net.nfsroot.path, "/srv/root"));
	EXPECT(!a->net.nfsroot.opts[0]);
	return NULL;
}

static const char *c_dracut_nfs(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_NFS && a->net.root == NFS_ROOT_DRACUT);
	EXPECT(a->net.root_nfs.server == A("10.0.2.100"));
	EXPECT(!strcmp(a->net.root_nfs.path, "/export"));
	EXPECT(!strcmp(a->net.root_nfs.opts, "nolock,port=2049,mountport=20048"));
	return NULL;
}

static const char *c_dracut_nfs4(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_NFS && a->net.root == NFS_ROOT_DRACUT4);
	EXPECT(!a->net.root_nfs.server && !strcmp(a->net.root_nfs.path, "/"));
	return NULL;
}

static const char *c_nfs_then_disk(const struct boot_args *a)
{
	EXPECT(a->root.kind == ROOT_PATH && a->net.root == NFS_ROOT_NONE);
	return NULL;
}

#define GOOD(l, c)	{ .line = (l), .ret = 0, .check = (c) }
#define BAD(l, m)	{ .line = (l), .ret = -EINVAL, .err_has = (m) }

static const struct net_case cases[] = {
	GOOD("ip=dhcp", c_dhcp),
	GOOD("ip=on", c_dhcp),
	GOOD("ip=any", c_dhcp),
	GOOD("ip=both", c_dhcp),
	GOOD("ip=off", c_off),
	GOOD("ip=none", c_off),
	GOOD("ip=eth1:dhcp rd.neednet=1", c_dracut),
	GOOD("ip=10.0.2.15:10.0.2.100:10.0.2.2:255.255.255.0:probe:eth0:off:10.0.2.3:10.0.2.4:10.0.2.5", c_static),
	GOOD("ip=192.168.1.2", c_static_short),
	GOOD("ip=192.168.1.2:::::", c_static_short),
	GOOD("ip=:::::eth0:dhcp", c_long_dhcp),
	GOOD("ip=:::::eth0:", c_long_dhcp),
	GOOD("ip=::::::none", c_long_off),
	GOOD("ip=10.0.0.1::::::off ip=dhcp", c_last_wins),
	GOOD("root=/dev/nfs nfsroot=10.0.2.100:/export/root,vers=4,port=2049", c_devnfs),
	GOOD("root=/dev/nfs nfsroot=/srv/root", c_nfsroot_noserver),
	GOOD("root=nfs:10.0.2.100:/export:nolock,port=2049,mountport=20048", c_dracut_nfs),
	GOOD("root=nfs4:/", c_dracut_nfs4),
	GOOD("root=nfs:10.0.2.100:/export root=/dev/vda", c_nfs_then_disk),
	/* rejections: each names the word and what is wrong */
	BAD("ip=", "ip=: empty"),
	BAD("ip", "ip: needs a value"),
	BAD("ip=bootp", "not BOOTP or RARP"),
	BAD("ip=dhcp6", "unknown autoconf 'dhcp6'"),
	BAD("ip=eth0:rarp", "not BOOTP or RARP"),
	BAD("ip=eth/0:dhcp", "not an interface name"),
	BAD("ip=10.0.2.256", "field 1 (client): not an IPv4"),
	BAD("ip=10.0.2", "field 1 (client): not an IPv4"),
	BAD("ip=010.0.2.1.", "field 1 (client)"),
	BAD("ip=10.0.2.15::10.0.2.x", "field 3 (gw)"),
	BAD("ip=10.0.2.15:::255.0.255.0", "field 4 (netmask): not a network mask"),
	BAD("ip=10.0.2.15::::bad_host", "field 5 (hostname)"),
	BAD("ip=10.0.2.15:::::averyveryverylongname", "field 6 (device)"),
	BAD("ip=10.0.2.15::::::bogus", "unknown autoconf 'bogus'"),
	BAD("ip=10.0.2.15:::::::10.0.2.3:10.0.2.4:10.0.2.5:x", "more than 10 fields"),
	BAD("rd.neednet=2", "want 0 or 1"),
	BAD("nfsroot=server:/x", "IPv4 server address"),
	BAD("nfsroot=10.0.2.100:relative", "must be absolute"),
	BAD("nfsroot=/x,vers=4,,port=1", "empty NFS option"),
	BAD("nfsroot=/x,addr=1.2.3.4", "addr= is kinit's to set"),
	BAD("nfsroot=/x,vers=4;reboot", "character other than"),
	BAD("root=nfs:10.0.2.100", "IPv4 server address"),
	BAD("root=nfs4:10.0.2.100:/e:clientaddr=1.1.1.1", "clientaddr= is kinit's"),
	BAD("root=nfs:host:/e", "root=nfs:host:/e: want [<server>:]<path>"),
};

static void run_cases(struct ktap *t)
{
	char err[ERRLEN];
	const char *why;
	struct boot_args a;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct net_case *c = &cases[i];

		ret = cmdline_parse(&a, c->line, err, sizeof(err));
		why = ret != c->ret ? "return value" :
		      c->check ? c->check(&a) :
		      !strstr(err, c->err_has) ? "message" : NULL;
		ktap_check(t, !why, "%s # %s ret %d '%s'", c->line, why ? why : "", ret, err);
	}
}

/* A reply as a server would send it, with options appended by the test. */
static size_t reply(uint8_t *buf, int type, uint32_t xid, const uint8_t mac[6],
		    const uint8_t *opts, size_t olen)
{
	uint32_t yi = A("10.0.2.15"), si = A("10.0.2.2");

	memset(buf, 0, DHCP_MSG_MAX);
	buf[0] = 2;
	buf[1] = 1;
	buf[2] = 6;
	memcpy(buf + 4, &xid, 4);
	memcpy(buf + 16, &yi, 4);
	memcpy(buf + 20, &si, 4);
	memcpy(buf + 28, mac, 6);
	memcpy(buf + 236, cookie, 4);
	buf[240] = 53;
	buf[241] = 1;
	buf[242] = (uint8_t)type;
	if (olen)
		memcpy(buf + 243, opts, olen);
	return 243 + olen;
}

static void dhcp_cases(struct ktap *t)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	static const uint8_t full[] = {
		1, 4, 255, 255, 255, 0,
		3, 8, 10, 0, 2, 2, 10, 0, 2, 9,
		6, 12, 10, 0, 2, 3, 10, 0, 2, 4, 10, 0, 2, 5,
		12, 5, 'p', 'r', 'o', 'b', 'e',
		17, 19, '1', '0', '.', '0', '.', '2', '.', '1', '0', '0', ':', '/', 'e', 'x', 'p', 'o', 'r', 't', 0,
		51, 4, 0, 1, 0x51, 0x80,
		54, 4, 10, 0, 2, 2,
		255,
	};
	static const uint8_t bad_len[] = { 1, 3, 255, 255, 255 };
	static const uint8_t past_end[] = { 17, 40, 'x' };
	static const uint8_t ctl_host[] = { 12, 3, 'a', '\n', 'b', 255 };
	static const uint8_t dns_odd[] = { 6, 5, 1, 2, 3, 4, 5 };
	uint8_t buf[DHCP_MSG_MAX], other[6] = { 0x52, 0x54, 0, 0, 0, 1 };
	struct dhcp_reply r;
	size_t n;
	int ret;

	n = reply(buf, DHCP_OFFER, 0x1234, mac, full, sizeof(full));
	ret = dhcp_parse(buf, n, 0x1234, mac, &r);
	ktap_check(t, !ret && r.type == DHCP_OFFER && r.lease.addr == A("10.0.2.15") &&
		   r.lease.netmask == A("255.255.255.0") && r.lease.gw == A("10.0.2.2") &&
		   r.lease.dns[0] == A("10.0.2.3") && r.lease.dns[1] == A("10.0.2.4") &&
		   r.lease.server == A("10.0.2.2") && r.lease.siaddr == A("10.0.2.2") &&
		   r.lease.lease_s == 86400 && !strcmp(r.lease.hostname, "probe") &&
		   !strcmp(r.lease.root_path, "10.0.2.100:/export"),
		   "dhcp: an OFFER with every option kinit asks for # ret %d", ret);
	ktap_check(t, dhcp_parse(buf, n, 0x1235, mac, &r) == -ENOMSG,
		   "dhcp: another transaction is not ours");
	ktap_check(t, dhcp_parse(buf, n, 0x1234, other, &r) == -ENOMSG,
		   "dhcp: another client's address is not ours");
	ktap_check(t, dhcp_parse(buf, 239, 0x1234, mac, &r) == -EINVAL,
		   "dhcp: shorter than the fixed part and cookie");
	n = reply(buf, DHCP_ACK, 7, mac, bad_len, sizeof(bad_len));
	ktap_check(t, dhcp_parse(buf, n, 7, mac, &r) == -EINVAL,
		   "dhcp: a netmask of 3 bytes is malformed");
	n = reply(buf, DHCP_ACK, 7, mac, past_end, sizeof(past_end));
	ktap_check(t, dhcp_parse(buf, n, 7, mac, &r) == -EINVAL,
		   "dhcp: an option running past the message is malformed");
	n = reply(buf, DHCP_ACK, 7, mac, dns_odd, sizeof(dns_odd));
	ktap_check(t, dhcp_parse(buf, n, 7, mac, &r) == -EINVAL,
		   "dhcp: a DNS list of 5 bytes is malformed");
	n = reply(buf, DHCP_ACK, 7, mac, ctl_host, sizeof(ctl_host));
	ret = dhcp_parse(buf, n, 7, mac, &r);
	ktap_check(t, !ret && r.type == DHCP_ACK && !r.lease.hostname[0],
		   "dhcp: a host name with a control character is left out # ret %d", ret);
	n = reply(buf, DHCP_NAK, 7, mac, NULL, 0);
	memset(buf + 16, 0, 4);
	ktap_check(t, dhcp_parse(buf, n, 7, mac, &r) == 0 && r.type == DHCP_NAK,
		   "dhcp: a NAK without an address");
	n = reply(buf, DHCP_ACK, 7, mac, NULL, 0);
	memset(buf + 16, 0, 4);
	ktap_check(t, dhcp_parse(buf, n, 7, mac, &r) == -EINVAL,
		   "dhcp: an ACK without an address is malformed");
	n = reply(buf, DHCP_DISCOVER, 7, mac, NULL, 0);
	ktap_check(t, dhcp_parse(buf, n, 7, mac, &r) == -ENOMSG,
		   "dhcp: another client's DISCOVER is not a reply");
	/* overload: the root path in the file field */
	n = reply(buf, DHCP_ACK, 7, mac, (const uint8_t[]){ 52, 1, 1, 255 }, 4);
	memcpy(buf + 108, (const uint8_t[]){ 17, 3, '/', 'r', 't', 255 }, 6);
	ret = dhcp_parse(buf, n, 7, mac, &r);
	ktap_check(t, !ret && !strcmp(r.lease.root_path, "/rt"),
		   "dhcp: options continued in the file field (overload) # ret %d", ret);
	/* what kinit sends parses back as a request, and is not a reply */
	n = dhcp_build(buf, sizeof(buf), DHCP_REQUEST, 9, mac, A("10.0.2.15"), A("10.0.2.2"), 3);
	ktap_check(t, n == 300 && buf[0] == 1 && buf[10] == 0x80 &&
		   dhcp_parse(buf, n, 9, mac, &r) == -ENOMSG,
		   "dhcp: a REQUEST is built with the broadcast flag, 300 bytes # n %zu", n);
}

#define DHCP_TESTS	13

int main(void)
{
	struct ktap t = { 0 };
	const int planned = ARRAY_SIZE(cases) + DHCP_TESTS;

	ktap_begin("net_parse", planned);
	run_cases(&t);
	dhcp_cases(&t);
	return ktap_end(&t, planned);
}
