/* SPDX-License-Identifier: GPL-2.0 */
/*
 * net.h - the network as kinit brings it up (ip=, DHCP) and the root on
 * NFS.  The parsed options live in struct boot_args (cmdline.h, struct
 * net_args); what the network step learned lives here, in struct kinit.
 */
#ifndef KINIT_NET_H
#define KINIT_NET_H

#include <stddef.h>
#include <stdint.h>

#define NET_DEV_MAX		16	/* IFNAMSIZ */
#define NET_HOSTNAME_MAX	64
#define NET_PATH_MAX		256	/* an NFS export path */
#define NET_OPTS_MAX		256	/* NFS mount options */
#define NET_DOMAIN_MAX		64
#define NET_DNS_MAX		2

/* ip=: what to do with the interface */
enum ip_mode {
	IP_UNSET = 0,		/* no ip= */
	IP_OFF,			/* ip=off, ip=none */
	IP_DHCP,		/* ip=dhcp|on|any|both, dev:dhcp, autoconf field */
	IP_STATIC,		/* the long form with a client address */
};

/* root= on NFS, and which syntax asked for it */
enum nfs_root {
	NFS_ROOT_NONE = 0,
	NFS_ROOT_KERNEL,	/* root=/dev/nfs: nfsroot=, else DHCP's root-path */
	NFS_ROOT_DRACUT,	/* root=nfs:server:path[:options] */
	NFS_ROOT_DRACUT4,	/* root=nfs4:server:path[:options] */
};

/**
 * struct nfs_spec - an NFS export: [server:]path[,options]
 * @server:	IPv4 address, network order; 0 when not given
 * @path:	absolute path on the server
 * @opts:	mount options as written ("" if none), checked word by word
 */
struct nfs_spec {
	uint32_t server;
	char path[NET_PATH_MAX];
	char opts[NET_OPTS_MAX];
};

/**
 * struct net_args - ip=, rd.neednet, nfsroot= and an NFS root=
 * @ip:		enum ip_mode
 * @neednet:	rd.neednet: -1 not given, 0, 1
 * @dev:	the interface ip= names, "" for the first one with a link
 * @client:	static address (network order), 0 if not given
 * @server:	the server field (the NFS server by default), 0 if not given
 * @gw:		default gateway, 0 if none
 * @netmask:	0 if not given (then the class's, as the kernel does)
 * @dns:	name servers, 0 if not given
 * @ntp:	time server, 0 if not given
 * @hostname:	"" if not given
 * @root:	enum nfs_root: root= names an NFS root
 * @root_nfs:	root=nfs:... parsed (NFS_ROOT_DRACUT*)
 * @nfsroot:	nfsroot= parsed; path "" if not given
 */
struct net_args {
	int ip;
	int neednet;
	char dev[NET_DEV_MAX];
	uint32_t client, server, gw, netmask;
	uint32_t dns[NET_DNS_MAX];
	uint32_t ntp;
	char hostname[NET_HOSTNAME_MAX];
	int root;
	struct nfs_spec root_nfs;
	struct nfs_spec nfsroot;
};

/**
 * struct net_lease - what the interface was given, by DHCP or by ip=
 * @dev:	the interface
 * @proto:	"dhcp" or "none" (static), as /proc/net/pnp's "#PROTO:" says
 * @addr:	address, network order
 * @netmask:	network mask
 * @gw:		router, 0 if none
 * @server:	DHCP server identifier, or ip='s server field
 * @siaddr:	next server (BOOTP's siaddr), 0 if none
 * @dns:	name servers, 0 when absent
 * @ntp:	time server, 0 when absent
 * @lease_s:	lease time in seconds, 0 for static
 * @hostname:	host name, "" if none
 * @domain:	domain name, "" if none
 * @root_path:	DHCP option 17 ("" if none)
 */
struct net_lease {
	char dev[NET_DEV_MAX];
	const char *proto;
	uint32_t addr, netmask, gw, server, siaddr;
	uint32_t dns[NET_DNS_MAX];
	uint32_t ntp;
	uint32_t lease_s;
	char hostname[NET_HOSTNAME_MAX];
	char domain[NET_DOMAIN_MAX];
	char root_path[NET_PATH_MAX];
};

/* cmdline_net.c, cmdline_nfs.c: pure parsers (also used by the tests) */
int net_ipv4_parse(const char *s, size_t len, uint32_t *out);
int net_ip_parse(struct net_args *n, const char *val, char *why, size_t wl);
int nfs_spec_parse(struct nfs_spec *spec, const char *text, int dracut,
		   char *why, size_t wl);
int nfs_opts_check(const char *opts, char *why, size_t wl);

/* dhcp_msg.c: DHCP messages, built and parsed without I/O */
#define DHCP_DISCOVER	1
#define DHCP_OFFER	2
#define DHCP_REQUEST	3
#define DHCP_ACK	5
#define DHCP_NAK	6
#define DHCP_MSG_MAX	576	/* the largest a client must accept */
#define DHCP_FIXED	236	/* op .. file, before the magic cookie */

/**
 * struct dhcp_reply - what a DHCP OFFER, ACK or NAK said
 * @type:	DHCP_OFFER, DHCP_ACK or DHCP_NAK
 * @lease:	the fields kinit uses (addr from yiaddr)
 */
struct dhcp_reply {
	int type;
	struct net_lease lease;
};

size_t dhcp_build(uint8_t *buf, size_t size, int type, uint32_t xid,
		  const uint8_t mac[6], uint32_t want, uint32_t server,
		  uint16_t secs);
int dhcp_parse(const uint8_t *buf, size_t len, uint32_t xid,
	       const uint8_t mac[6], struct dhcp_reply *r);
const char *net_ntoa(uint32_t a, char *buf, size_t size);
#define NET_ADDR_TEXT	16
#define ntoa(a)		net_ntoa((a), (char[NET_ADDR_TEXT]) { 0 }, NET_ADDR_TEXT)

#endif /* KINIT_NET_H */
