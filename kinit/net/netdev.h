/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netdev.h - the network steps' parts that do I/O: the interface
 * (ifconfig.c), the DHCP client (dhcp.c), the record for the real system
 * (pnp.c) and the NFS mount (nfsroot.c).  Built with KINIT_NET/KINIT_NFS.
 */
#ifndef KINIT_NETDEV_H
#define KINIT_NETDEV_H

#include <stdint.h>

#include "kinit.h"

#define NET_POLL_MS	50

/* ifconfig.c */
int netdev_wait(struct kinit *k, const char *want, char *dev, long long timeout_ms);
int netdev_up(const char *dev, uint8_t mac[6], int *ifindex);
int netdev_carrier(struct kinit *k, const char *dev, long long timeout_ms);
int netdev_configure(struct kinit *k, const struct net_lease *l);
void net_nap_ms(long ms);

/* dhcp.c */
int dhcp_lease(struct kinit *k, const char *dev, const uint8_t mac[6],
	       int ifindex, long long timeout_ms, struct net_lease *l);

/* pnp.c */
int net_pnp_text(const struct net_lease *l, char *buf, size_t size);

#endif /* KINIT_NETDEV_H */
