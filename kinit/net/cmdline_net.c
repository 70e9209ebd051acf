// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_net.c - ip= (the kernel's syntax and dracut's <dev>:dhcp) and
 * rd.neednet, parsed into struct net_args without I/O.  Built with
 * KINIT_NET; net.c acts on the result.
 */
#include <errno.h>
#include <string.h>

#include "cmdline_opt.h"
#include "net/net.h"

#define IP_FIELDS	10
#define IP_USAGE	"want dhcp, on, any, both, off, none, <interface>:dhcp or " \
			"<client>:<server>:<gw>:<netmask>:<hostname>:<device>:<autoconf>:<dns0>:<dns1>:<ntp0>"

/**
 * net_ipv4_parse() - a dotted quad, @s[0..@len), nothing around it
 * @s:		the text
 * @len:	its length
 * @out:	the address in network order
 *
 * Four decimal numbers of 1-3 digits, each at most 255: no octal, no
 * hex, no short forms (inet_aton() would take "10.1" as 10.0.0.1).
 *
 * Return: 0 or -EINVAL.
 */
int net_ipv4_parse(const char *s, size_t len, uint32_t *out)
{
	unsigned int part = 0, digits = 0, parts = 0;
	uint8_t b[4];
	size_t i;

	for (i = 0; i <= len; i++) {
		if (i < len && is_digit(s[i])) {
			part = part * 10 + (unsigned int)(s[i] - '0');
			if (++digits > 3 || part > 255)
				return -EINVAL;
			continue;
		}
		if (!digits || parts == 4 || (i < len && s[i] != '.'))
			return -EINVAL;
		b[parts++] = (uint8_t)part;
		part = digits = 0;
	}
	if (parts != 4)
		return -EINVAL;
	memcpy(out, b, sizeof(b));
	return 0;
}

/* A mask is ones then zeros: ~mask + 1 is a power of two (or 0). */
static int netmask_ok(uint32_t net_order)
{
	const uint8_t *b = (const uint8_t *)&net_order;
	uint32_t m = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | b[2] << 8 | b[3];
	uint32_t inv = ~m;

	return m && !(inv & (inv + 1));
}

/* What the autoconf field, or a bare ip=WORD, says; -1 if not known. */
static int autoconf_word(const char *s, size_t len, char *why, size_t wl)
{
	static const struct {
		const char *word;
		int mode;
	} words[] = {
		{ "off", IP_OFF }, { "none", IP_OFF },
		{ "dhcp", IP_DHCP }, { "on", IP_DHCP }, { "any", IP_DHCP },
		{ "both", IP_DHCP },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (strlen(words[i].word) == len && !strncmp(s, words[i].word, len))
			return words[i].mode;
	if ((len == 5 && !strncmp(s, "bootp", 5)) || (len == 4 && !strncmp(s, "rarp", 4)))
		cmdline_seterr(why, wl, "kinit speaks DHCP, not BOOTP or RARP (want dhcp)");
	else
		cmdline_seterr(why, wl, "unknown autoconf '%.*s' (want dhcp, on, any, both, off or none)",
			       (int)(len > 16 ? 16 : len), s);
	return -1;
}

/* An interface name as the kernel's dev_valid_name() allows it. */
static int dev_name_ok(const char *s, size_t len)
{
	size_t i;

	if (!len || len >= NET_DEV_MAX || (len == 1 && s[0] == '.') ||
	    (len == 2 && s[0] == '.' && s[1] == '.'))
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] == '/' || s[i] == ',' || is_space(s[i]) ||
		    (unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e)
			return 0;
	return 1;
}

static int hostname_ok(const char *s, size_t len)
{
	size_t i;

	if (len >= NET_HOSTNAME_MAX)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      is_digit(s[i]) || s[i] == '-' || s[i] == '.'))
			return 0;
	return 1;
}

static const char *const field_names[IP_FIELDS] = {
	"client", "server", "gw", "netmask", "hostname", "device", "autoconf",
	"dns0", "dns1", "ntp0",
};

/* The address fields of the long form, by field number. */
static uint32_t *addr_field(struct net_args *n, int i)
{
	switch (i) {
	case 0: return &n->client;
	case 1: return &n->server;
	case 2: return &n->gw;
	case 3: return &n->netmask;
	case 7: return &n->dns[0];
	case 8: return &n->dns[1];
	case 9: return &n->ntp;
	default: return NULL;
	}
}

/* One field of the long form; @auto_mode receives the autoconf field's. */
static int long_field(struct net_args *n, int i, const char *s, size_t len,
		      int *auto_mode, char *why, size_t wl)
{
	uint32_t *a = addr_field(n, i);

	if (!len)
		return 0;
	if (a) {
		if (net_ipv4_parse(s, len, a)) {
			cmdline_seterr(why, wl, "field %d (%s): not an IPv4 address a.b.c.d",
				       i + 1, field_names[i]);
			return -EINVAL;
		}
		if (i == 3 && !netmask_ok(*a)) {
			cmdline_seterr(why, wl, "field 4 (netmask): not a network mask");
			return -EINVAL;
		}
		return 0;
	}
	if (i == 4) {
		if (!hostname_ok(s, len)) {
			cmdline_seterr(why, wl, "field 5 (hostname): want at most %d of [A-Za-z0-9.-]",
				       NET_HOSTNAME_MAX - 1);
			return -EINVAL;
		}
		memcpy(n->hostname, s, len);
		n->hostname[len] = '\0';
		return 0;
	}
	if (i == 5) {
		if (!dev_name_ok(s, len)) {
			cmdline_seterr(why, wl, "field 6 (device): not an interface name (at most %d printable characters, no '/')",
				       NET_DEV_MAX - 1);
			return -EINVAL;
		}
		memcpy(n->dev, s, len);
		n->dev[len] = '\0';
		return 0;
	}
	*auto_mode = autoconf_word(s, len, why, wl);
	return *auto_mode < 0 ? -EINVAL : 0;
}

/* client:server:gw:netmask:hostname:device:autoconf:dns0:dns1:ntp0 */
static int ip_long(struct net_args *n, const char *val, char *why, size_t wl)
{
	const char *p = val, *end;
	int i, auto_mode = IP_UNSET;

	for (i = 0; ; i++) {
		if (i == IP_FIELDS) {
			cmdline_seterr(why, wl, "more than %d fields (" IP_USAGE ")", IP_FIELDS);
			return -EINVAL;
		}
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		if (long_field(n, i, p, (size_t)(end - p), &auto_mode, why, wl))
			return -EINVAL;
		if (!*end)
			break;
		p = end + 1;
	}
	if (auto_mode == IP_DHCP || (auto_mode == IP_UNSET && !n->client))
		n->ip = IP_DHCP;
	else if (n->client)
		n->ip = IP_STATIC;
	else
		n->ip = IP_OFF;
	return 0;
}

/**
 * net_ip_parse() - parse the value of ip=
 * @n:		receives the result; its ip= fields are reset first (the
 *		last ip= wins)
 * @val:	the value
 * @why:	says what is wrong, on failure
 * @wl:		size of @why
 *
 * Forms: a bare autoconf word (dhcp, on, any, both: DHCP; off, none: no
 * network); dracut's <interface>:<autoconf>; the kernel's long form of up
 * to ten fields, any of them empty.  In the long form a client address
 * makes the interface static unless the autoconf field asks for DHCP;
 * without one it is DHCP unless the field says off or none.
 *
 * Return: 0 or -EINVAL.
 */
int net_ip_parse(struct net_args *n, const char *val, char *why, size_t wl)
{
	const char *colon = strchr(val, ':');
	uint32_t addr;
	int mode;

	n->ip = IP_UNSET;
	n->dev[0] = n->hostname[0] = '\0';
	n->client = n->server = n->gw = n->netmask = n->ntp = 0;
	memset(n->dns, 0, sizeof(n->dns));
	if (!*val) {
		cmdline_seterr(why, wl, "empty (" IP_USAGE ")");
		return -EINVAL;
	}
	if (!colon && !is_digit(val[0])) {
		mode = autoconf_word(val, strlen(val), why, wl);
		if (mode < 0)
			return -EINVAL;
		n->ip = mode;
		return 0;
	}
	/* dracut's <interface>:<autoconf>: two fields, the first no address */
	if (colon && !strchr(colon + 1, ':') && colon > val &&
	    net_ipv4_parse(val, (size_t)(colon - val), &addr)) {
		if (!dev_name_ok(val, (size_t)(colon - val))) {
			cmdline_seterr(why, wl, "not an interface name before ':' (" IP_USAGE ")");
			return -EINVAL;
		}
		mode = autoconf_word(colon + 1, strlen(colon + 1), why, wl);
		if (mode < 0)
			return -EINVAL;
		memcpy(n->dev, val, (size_t)(colon - val));
		n->dev[colon - val] = '\0';
		n->ip = mode;
		return 0;
	}
	if (ip_long(n, val, why, wl)) {
		n->ip = IP_UNSET;
		return -EINVAL;
	}
	return 0;
}

static int opt_ip(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return net_ip_parse(&a->net, val, why, wl);
}

static int opt_neednet(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return cmdline_switch(&a->net.neednet, val, why, wl);
}

static const struct cmdline_opt net_opts[] = {
	{ .name = "ip",		.arg = ARG_REQUIRED,	.set = opt_ip },
	{ .name = "rd.neednet",	.arg = ARG_OPTIONAL,	.set = opt_neednet },
};

FEATURE_OPTION(NET);

const struct cmdline_feature cmdline_net = {
	.opts = net_opts,
	.count = ARRAY_SIZE(net_opts),
};
