// SPDX-License-Identifier: GPL-2.0
/*
 * dhcp.c - kinit's DHCP client: DISCOVER, OFFER, REQUEST, ACK over a
 * packet socket (the interface has no address yet), retried with
 * exponential back-off and bounded in total.  The messages themselves
 * are dhcp_msg.c's.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <netinet/in.h>
#include <netpacket/packet.h>

#include "net/netdev.h"

#define DHCP_SERVER_PORT	67
#define DHCP_CLIENT_PORT	68
#define DHCP_FIRST_WAIT_MS	1000	/* then 2, 4, 8 s ... */
#define DHCP_MAX_WAIT_MS	8000
#define PKT_MAX			1600

/**
 * struct dhcp_client - one DHCP exchange
 * @fd:		packet socket bound to the interface
 * @ifindex:	the interface
 * @mac:	its address
 * @xid:	this exchange's transaction id
 * @t0_ms:	when the first DISCOVER went out (the secs field)
 */
struct dhcp_client {
	int fd;
	int ifindex;
	uint8_t mac[6];
	uint32_t xid;
	long long t0_ms;
};

static uint16_t ip_checksum(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

/* A DISCOVER or REQUEST from 0.0.0.0:68 to 255.255.255.255:67. */
static int dhcp_send(const struct dhcp_client *c, int type, uint32_t want, uint32_t server)
{
	uint8_t pkt[sizeof(struct iphdr) + sizeof(struct udphdr) + DHCP_MSG_MAX];
	struct iphdr *ip = (struct iphdr *)pkt;
	struct udphdr *udp = (struct udphdr *)(ip + 1);
	struct sockaddr_ll to = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_IP),
		.sll_ifindex = c->ifindex,
		.sll_halen = 6,
	};
	long long secs = (kinit_now_ms() - c->t0_ms) / 1000;
	size_t n = dhcp_build((uint8_t *)(udp + 1), DHCP_MSG_MAX, type, c->xid, c->mac,
			      want, server, secs > 0xffff ? 0xffff : (uint16_t)secs);
	size_t len = sizeof(*ip) + sizeof(*udp) + n;

	memset(pkt, 0, sizeof(*ip) + sizeof(*udp));
	memset(to.sll_addr, 0xff, 6);
	ip->version = 4;
	ip->ihl = 5;
	ip->tot_len = htons((uint16_t)len);
	ip->ttl = 64;
	ip->protocol = IPPROTO_UDP;
	ip->daddr = 0xffffffff;
	ip->check = ip_checksum(ip, sizeof(*ip));
	udp->source = htons(DHCP_CLIENT_PORT);
	udp->dest = htons(DHCP_SERVER_PORT);
	udp->len = htons((uint16_t)(sizeof(*udp) + n));
	/* a UDP checksum of 0 means "none" over IPv4 */
	if (sendto(c->fd, pkt, len, 0, (struct sockaddr *)&to, sizeof(to)) < 0)
		return -errno;
	return 0;
}

/* One IP packet: 1 and @r set when it is a DHCP reply to us, else 0. */
static int dhcp_take(const struct dhcp_client *c, const uint8_t *pkt, size_t n,
		     struct dhcp_reply *r)
{
	const struct iphdr *ip = (const struct iphdr *)pkt;
	const struct udphdr *udp;
	size_t ihl, tot;

	if (n < sizeof(*ip))
		return 0;
	ihl = (size_t)ip->ihl * 4;
	tot = ntohs(ip->tot_len);
	if (ip->version != 4 || ip->protocol != IPPROTO_UDP || ihl < sizeof(*ip) ||
	    tot > n || tot < ihl + sizeof(*udp) || (ntohs(ip->frag_off) & 0x3fff))
		return 0;
	udp = (const struct udphdr *)(pkt + ihl);
	if (ntohs(udp->dest) != DHCP_CLIENT_PORT || ntohs(udp->len) < sizeof(*udp) ||
	    ntohs(udp->len) > tot - ihl)
		return 0;
	return !dhcp_parse((const uint8_t *)(udp + 1), ntohs(udp->len) - sizeof(*udp),
			   c->xid, c->mac, r);
}

/* Wait until @deadline for a reply of @type (or a NAK): 1, 0 on timeout, -errno. */
static int dhcp_wait(const struct dhcp_client *c, long long deadline, int type,
		     struct dhcp_reply *r)
{
	uint8_t pkt[PKT_MAX];
	struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
	long long left;
	ssize_t n;

	while ((left = deadline - kinit_now_ms()) > 0) {
		n = poll(&pfd, 1, (int)left);
		if (n < 0 && errno != EINTR)
			return -errno;
		if (n <= 0)
			continue;
		n = recv(c->fd, pkt, sizeof(pkt), 0);
		if (n < 0)
			continue;
		if (dhcp_take(c, pkt, (size_t)n, r) && (r->type == type || r->type == DHCP_NAK))
			return 1;
	}
	return 0;
}

static int dhcp_open(struct dhcp_client *c)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_IP),
		.sll_ifindex = c->ifindex,
	};

	c->fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, htons(ETH_P_IP));
	if (c->fd < 0)
		return -errno;
	if (bind(c->fd, (struct sockaddr *)&sll, sizeof(sll))) {
		close(c->fd);
		return -errno;
	}
	return 0;
}

/* One round: DISCOVER, OFFER, REQUEST, ACK, each wait ending by @deadline. */
static int dhcp_round(struct dhcp_client *c, long long deadline, struct net_lease *l,
		      int *offers)
{
	struct dhcp_reply r;
	uint32_t server;
	int ret;

	ret = dhcp_send(c, DHCP_DISCOVER, 0, 0);
	if (!ret)
		ret = dhcp_wait(c, deadline, DHCP_OFFER, &r);
	if (ret <= 0 || r.type != DHCP_OFFER)
		return ret < 0 ? ret : 0;
	(*offers)++;
	server = r.lease.server ? r.lease.server : r.lease.siaddr;
	ret = dhcp_send(c, DHCP_REQUEST, r.lease.addr, server);
	if (!ret)
		ret = dhcp_wait(c, deadline, DHCP_ACK, &r);
	if (ret <= 0 || r.type != DHCP_ACK)
		return ret < 0 ? ret : 0;
	*l = r.lease;
	if (!l->server)
		l->server = server;
	return 1;
}

/**
 * dhcp_lease() - get a lease for @dev
 * @k:		state, for k->what
 * @dev:	the interface (up, with carrier)
 * @mac:	its address
 * @ifindex:	its index
 * @timeout_ms:	the most the whole exchange may take
 * @l:		receives the lease (l->dev set)
 *
 * Each round waits 1, 2, 4, then 8 s for its answers, until
 * @timeout_ms has passed.
 *
 * Return: 0, or -ETIMEDOUT with k->what saying what was waited for and
 * how long, or another -errno.
 */
int dhcp_lease(struct kinit *k, const char *dev, const uint8_t mac[6],
	       int ifindex, long long timeout_ms, struct net_lease *l)
{
	struct dhcp_client c = { .ifindex = ifindex, .t0_ms = kinit_now_ms() };
	long long end = c.t0_ms + timeout_ms, wait = DHCP_FIRST_WAIT_MS, deadline;
	int ret = 0, rounds = 0, offers = 0;

	memcpy(c.mac, mac, 6);
	c.xid = (uint32_t)c.t0_ms * 2654435761u ^ (uint32_t)mac[5] << 8 ^ mac[4];
	ret = dhcp_open(&c);
	if (ret)
		return kinit_what(k, ret, "%s: DHCP: packet socket", dev);
	while (kinit_now_ms() < end) {
		deadline = kinit_now_ms() + wait;
		if (deadline > end)
			deadline = end;
		rounds++;
		ret = dhcp_round(&c, deadline, l, &offers);
		if (ret)
			break;
		/* a round that ended early (a NAK) waits out its time */
		while (kinit_now_ms() < deadline)
			net_nap_ms(NET_POLL_MS);
		if (wait < DHCP_MAX_WAIT_MS)
			wait *= 2;
	}
	close(c.fd);
	if (ret > 0) {
		ksnprintf(l->dev, sizeof(l->dev), "%s", dev);
		return 0;
	}
	if (ret < 0)
		return kinit_what(k, ret, "%s: DHCP", dev);
	return kinit_what(k, -ETIMEDOUT, "%s: no DHCP %s after %lld s (%d DISCOVERs sent, %d offers)",
			  dev, offers ? "acknowledgement" : "offer", timeout_ms / 1000,
			  rounds, offers);
}
