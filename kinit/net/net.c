// SPDX-License-Identifier: GPL-2.0
/*
 * net.c - the network step: decide from ip=, rd.neednet and root= whether
 * a network is wanted, then find the interface, bring it up, get its
 * address (DHCP or static) and route.  The parts are ifconfig.c and
 * dhcp.c; pnp.c records the result on the new root.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "net/netdev.h"

#ifndef CONFIG_KINIT_NET_TIMEOUT
#define CONFIG_KINIT_NET_TIMEOUT 30
#endif

/* The mask of the address's class, as the kernel's ipconfig assumes. */
static uint32_t class_mask(uint32_t addr)
{
	uint8_t top = ((const uint8_t *)&addr)[0];
	static const uint8_t masks[3][4] = {
		{ 255, 0, 0, 0 }, { 255, 255, 0, 0 }, { 255, 255, 255, 0 },
	};
	uint32_t m;

	memcpy(&m, masks[top < 128 ? 0 : top < 192 ? 1 : 2], 4);
	return m;
}

/* ip='s static fields as a lease. */
static void static_lease(const struct net_args *n, const char *dev, struct net_lease *l)
{
	memset(l, 0, sizeof(*l));
	strcpy(l->dev, dev);
	l->proto = "none";
	l->addr = n->client;
	l->netmask = n->netmask ? n->netmask : class_mask(n->client);
	l->gw = n->gw;
	l->server = n->server;
	memcpy(l->dns, n->dns, sizeof(l->dns));
	l->ntp = n->ntp;
	strcpy(l->hostname, n->hostname);
}

/* What ip= (or its absence) means here: IP_OFF when no network is wanted. */
static int net_mode(const struct kinit *k)
{
	const struct net_args *n = &k->args.net;

	if (n->ip != IP_UNSET)
		return n->ip;
	if (k->args.root.kind == ROOT_NFS || n->neednet == 1)
		return IP_DHCP;
	return IP_OFF;
}

/**
 * net_up() - the network step
 * @k:	state; k->net receives the lease
 *
 * The host name ip= or DHCP gave becomes the system's, as with the
 * kernel's ipconfig.  Waits at most CONFIG_KINIT_NET_TIMEOUT seconds for the interface to
 * appear, as long again for carrier, and as long for DHCP.
 *
 * Return: 0, or -errno with k->what saying what was waited for.
 */
int net_up(struct kinit *k)
{
	const long long timeout_ms = CONFIG_KINIT_NET_TIMEOUT * 1000LL;
	const struct net_args *n = &k->args.net;
	int mode = net_mode(k), ifindex = 0, ret;
	char dev[NET_DEV_MAX];
	uint8_t mac[6];

	memset(&k->net, 0, sizeof(k->net));
	if (mode == IP_OFF) {
		if (k->args.root.kind == ROOT_NFS)
			return kinit_what(k, -ENETDOWN, "root=%s is on NFS but ip= says off: give ip=dhcp or a static ip=",
					  k->args.root_raw);
		return 0;
	}
	ret = netdev_wait(k, n->dev, dev, timeout_ms);
	if (!ret)
		ret = netdev_up(dev, mac, &ifindex);
	if (ret)
		return k->what[0] ? ret : kinit_what(k, ret, "%s: set the link up", dev);
	ret = netdev_carrier(k, dev, timeout_ms);
	if (ret)
		return ret;
	if (mode == IP_STATIC)
		static_lease(n, dev, &k->net);
	else
		ret = dhcp_lease(k, dev, mac, ifindex, timeout_ms, &k->net);
	if (!ret && !k->net.netmask)
		k->net.netmask = class_mask(k->net.addr);
	if (!ret)
		ret = netdev_configure(k, &k->net);
	if (ret) {
		k->net.dev[0] = '\0';
		return ret;
	}
	/* as the kernel's ipconfig does: the real system may keep or change it */
	if (k->net.hostname[0] &&
	    sethostname(k->net.hostname, strlen(k->net.hostname)))
		error(k, "network: sethostname %s: %s", k->net.hostname, errstr(errno));
	info(k, "network: %s %s/%s gateway %s by %s%s after %lld ms", dev, ntoa(k->net.addr),
	     ntoa(k->net.netmask), k->net.gw ? ntoa(k->net.gw) : "none",
	     mode == IP_STATIC ? "ip=" : "DHCP from ",
	     mode == IP_STATIC ? "" : ntoa(k->net.server), kinit_now_ms() - k->t0_ms);
	return 0;
}
