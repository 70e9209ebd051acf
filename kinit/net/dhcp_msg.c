// SPDX-License-Identifier: GPL-2.0
/*
 * dhcp_msg.c - DHCP messages (RFC 2131, 2132): the client's DISCOVER and
 * REQUEST built, the server's OFFER, ACK and NAK parsed into a struct
 * net_lease.  No I/O: dhcp.c sends and receives, the fuzzer feeds bytes.
 */
#include <errno.h>
#include <string.h>

#include "lib/util.h"
#include "net/net.h"

#define BOOTREQUEST	1
#define BOOTREPLY	2
#define HTYPE_ETHER	1
#define FLAG_BROADCAST	0x8000
#define BOOTP_MIN	300	/* some servers drop shorter requests */

/* Offsets in the fixed part */
#define OFF_OP		0
#define OFF_HTYPE	1
#define OFF_HLEN	2
#define OFF_XID		4
#define OFF_SECS	8
#define OFF_FLAGS	10
#define OFF_YIADDR	16
#define OFF_SIADDR	20
#define OFF_CHADDR	28
#define OFF_SNAME	44
#define OFF_FILE	108
#define OFF_COOKIE	236
#define OFF_OPTIONS	240

enum dhcp_option {
	OPT_PAD = 0,
	OPT_NETMASK = 1,
	OPT_ROUTER = 3,
	OPT_DNS = 6,
	OPT_HOSTNAME = 12,
	OPT_DOMAIN = 15,
	OPT_ROOT_PATH = 17,
	OPT_NTP = 42,
	OPT_REQUESTED_IP = 50,
	OPT_LEASE = 51,
	OPT_OVERLOAD = 52,
	OPT_MSG_TYPE = 53,
	OPT_SERVER_ID = 54,
	OPT_PARAMS = 55,
	OPT_MAX_SIZE = 57,
	OPT_END = 255,
};

static const uint8_t cookie[4] = { 99, 130, 83, 99 };

/* What kinit asks for (option 55); dhcp_parse() reads each of these. */
static const uint8_t params[] = {
	OPT_NETMASK, OPT_ROUTER, OPT_DNS, OPT_HOSTNAME, OPT_DOMAIN,
	OPT_ROOT_PATH, OPT_NTP, OPT_LEASE, OPT_SERVER_ID,
};

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static uint8_t *put_opt(uint8_t *p, uint8_t code, const void *data, uint8_t len)
{
	*p++ = code;
	*p++ = len;
	memcpy(p, data, len);
	return p + len;
}

/**
 * dhcp_build() - a DISCOVER or REQUEST
 * @buf:	output
 * @size:	its size, at least DHCP_MSG_MAX
 * @type:	DHCP_DISCOVER or DHCP_REQUEST
 * @xid:	transaction id
 * @mac:	the interface's Ethernet address
 * @want:	for a REQUEST, the offered address (network order)
 * @server:	for a REQUEST, the offering server's identifier
 * @secs:	seconds since the first DISCOVER
 *
 * The broadcast flag is set: the interface has no address yet, and a
 * broadcast reply reaches kinit's packet socket on any network.
 *
 * Return: the message's length, 0 if @size is too small.
 */
size_t dhcp_build(uint8_t *buf, size_t size, int type, uint32_t xid,
		  const uint8_t mac[6], uint32_t want, uint32_t server,
		  uint16_t secs)
{
	uint8_t *p, t = (uint8_t)type, max[2];

	if (size < DHCP_MSG_MAX)
		return 0;
	memset(buf, 0, DHCP_MSG_MAX);
	buf[OFF_OP] = BOOTREQUEST;
	buf[OFF_HTYPE] = HTYPE_ETHER;
	buf[OFF_HLEN] = 6;
	memcpy(buf + OFF_XID, &xid, 4);
	put16(buf + OFF_SECS, secs);
	put16(buf + OFF_FLAGS, FLAG_BROADCAST);
	memcpy(buf + OFF_CHADDR, mac, 6);
	memcpy(buf + OFF_COOKIE, cookie, 4);
	p = put_opt(buf + OFF_OPTIONS, OPT_MSG_TYPE, &t, 1);
	if (type == DHCP_REQUEST) {
		p = put_opt(p, OPT_REQUESTED_IP, &want, 4);
		p = put_opt(p, OPT_SERVER_ID, &server, 4);
	}
	put16(max, DHCP_MSG_MAX);
	p = put_opt(p, OPT_MAX_SIZE, max, 2);
	p = put_opt(p, OPT_PARAMS, params, sizeof(params));
	*p++ = OPT_END;
	return (size_t)(p - buf) < BOOTP_MIN ? BOOTP_MIN : (size_t)(p - buf);
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

/* Text options: printable ASCII only, else the option is left out. */
static void set_text(char *dst, size_t size, const uint8_t *data, size_t len)
{
	size_t i;

	while (len && data[len - 1] == '\0')	/* some servers count the NUL */
		len--;
	if (!len || len >= size)
		return;
	for (i = 0; i < len; i++)
		if (data[i] < 0x21 || data[i] > 0x7e)
			return;
	memcpy(dst, data, len);
	dst[len] = '\0';
}

/* One option into @r; a malformed length makes the whole reply bad. */
static int take_opt(struct dhcp_reply *r, uint8_t code, const uint8_t *d,
		    size_t len, int *overload)
{
	struct net_lease *l = &r->lease;
	size_t i;

	switch (code) {
	case OPT_MSG_TYPE:
	case OPT_OVERLOAD:
		if (len != 1)
			return -EINVAL;
		if (code == OPT_MSG_TYPE)
			r->type = d[0];
		else
			*overload = d[0];
		return 0;
	case OPT_NETMASK:
	case OPT_LEASE:
	case OPT_SERVER_ID:
		if (len != 4)
			return -EINVAL;
		if (code == OPT_NETMASK)
			l->netmask = get32(d);
		else if (code == OPT_SERVER_ID)
			l->server = get32(d);
		else
			l->lease_s = (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 | d[2] << 8 | d[3];
		return 0;
	case OPT_ROUTER:
	case OPT_NTP:
	case OPT_DNS:
		if (!len || len % 4)
			return -EINVAL;
		if (code == OPT_ROUTER)
			l->gw = get32(d);
		else if (code == OPT_NTP)
			l->ntp = get32(d);
		else
			for (i = 0; i < NET_DNS_MAX && i * 4 < len; i++)
				l->dns[i] = get32(d + i * 4);
		return 0;
	case OPT_HOSTNAME:
		set_text(l->hostname, sizeof(l->hostname), d, len);
		return 0;
	case OPT_DOMAIN:
		set_text(l->domain, sizeof(l->domain), d, len);
		return 0;
	case OPT_ROOT_PATH:
		set_text(l->root_path, sizeof(l->root_path), d, len);
		return 0;
	default:
		return 0;	/* not asked for */
	}
}

/* The options in @p[0..@len): code, length, data; 0, then pads and end. */
static int walk_opts(struct dhcp_reply *r, const uint8_t *p, size_t len, int *overload)
{
	size_t i = 0, n;

	while (i < len) {
		if (p[i] == OPT_PAD) {
			i++;
			continue;
		}
		if (p[i] == OPT_END)
			return 0;
		if (i + 2 > len)
			return -EINVAL;
		n = p[i + 1];
		if (i + 2 + n > len || take_opt(r, p[i], p + i + 2, n, overload))
			return -EINVAL;
		i += 2 + n;
	}
	return 0;	/* no end option: tolerated, as most clients do */
}

/**
 * dhcp_parse() - read a server's reply
 * @buf:	the UDP payload
 * @len:	its length
 * @xid:	the transaction id kinit sent
 * @mac:	kinit's Ethernet address
 * @r:		the reply, zeroed first; r->lease.addr is yiaddr,
 *		r->lease.siaddr the next server
 *
 * Options may continue in the file and sname fields (option 52).  A
 * text option that is not printable ASCII is left out; a length that
 * runs past the message, or a fixed-size option of the wrong size,
 * makes the reply malformed.
 *
 * Return: 0 for an OFFER, ACK or NAK to this client, -ENOMSG for a
 * message that is someone else's (another xid or address, a request),
 * -EINVAL for a malformed one.
 */
int dhcp_parse(const uint8_t *buf, size_t len, uint32_t xid,
	       const uint8_t mac[6], struct dhcp_reply *r)
{
	int overload = 0;

	memset(r, 0, sizeof(*r));
	if (len < OFF_OPTIONS || memcmp(buf + OFF_COOKIE, cookie, 4))
		return -EINVAL;
	if (buf[OFF_OP] != BOOTREPLY || buf[OFF_HTYPE] != HTYPE_ETHER ||
	    buf[OFF_HLEN] != 6 || get32(buf + OFF_XID) != xid ||
	    memcmp(buf + OFF_CHADDR, mac, 6))
		return -ENOMSG;
	if (walk_opts(r, buf + OFF_OPTIONS, len - OFF_OPTIONS, &overload))
		return -EINVAL;
	if ((overload & 1) && walk_opts(r, buf + OFF_FILE, OFF_COOKIE - OFF_FILE, &overload))
		return -EINVAL;
	if ((overload & 2) && walk_opts(r, buf + OFF_SNAME, OFF_FILE - OFF_SNAME, &overload))
		return -EINVAL;
	if (r->type != DHCP_OFFER && r->type != DHCP_ACK && r->type != DHCP_NAK)
		return r->type ? -ENOMSG : -EINVAL;
	r->lease.addr = get32(buf + OFF_YIADDR);
	r->lease.siaddr = get32(buf + OFF_SIADDR);
	if (r->type != DHCP_NAK && !r->lease.addr)
		return -EINVAL;
	r->lease.proto = "dhcp";
	return 0;
}

/**
 * net_ntoa() - an address as a.b.c.d
 * @a:		network order
 * @buf:	output
 * @size:	its size, NET_ADDR_TEXT
 *
 * Return: @buf.
 */
const char *net_ntoa(uint32_t a, char *buf, size_t size)
{
	const uint8_t *b = (const uint8_t *)&a;

	ksnprintf(buf, size, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf;
}
