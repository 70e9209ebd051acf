// SPDX-License-Identifier: GPL-2.0
/*
 * pnp.c - what the network step learned, for the real system: the
 * kernel's /proc/net/pnp format (usable as a resolv.conf) in
 * /run/net-<device>.conf on the new root, the rest as comment lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>	/* rename() */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "net/netdev.h"

/* Mask length of a contiguous mask in network order. */
static int prefix_len(uint32_t mask)
{
	const uint8_t *b = (const uint8_t *)&mask;
	int i, n = 0;

	for (i = 0; i < 4; i++)
		n += __builtin_popcount(b[i]);
	return n;
}

/**
 * net_pnp_text() - the lease as /proc/net/pnp would show it
 * @l:		the lease
 * @buf:	output
 * @size:	its size
 *
 * "#PROTO: DHCP" or "#MANUAL", "domain", "nameserver" and "bootserver"
 * lines as the kernel's ipconfig writes them, then "# KEY VALUE"
 * comment lines with the address, mask, gateway, host name and root
 * path, which resolvers ignore.
 *
 * Return: the length, or -E2BIG when @buf is too small.
 */
int net_pnp_text(const struct net_lease *l, char *buf, size_t size)
{
	size_t n = 0;
	int i;

#define PUT(...)	do { if (n < size) n += ksnprintf(buf + n, size - n, __VA_ARGS__); } while (0)
	PUT("%s\n", strcmp(l->proto, "dhcp") ? "#MANUAL" : "#PROTO: DHCP");
	if (l->domain[0])
		PUT("domain %s\n", l->domain);
	for (i = 0; i < NET_DNS_MAX; i++)
		if (l->dns[i])
			PUT("nameserver %s\n", ntoa(l->dns[i]));
	if (l->server)
		PUT("bootserver %s\n", ntoa(l->server));
	PUT("# device %s\n", l->dev);
	PUT("# address %s/%d\n", ntoa(l->addr), prefix_len(l->netmask));
	if (l->gw)
		PUT("# gateway %s\n", ntoa(l->gw));
	if (l->hostname[0])
		PUT("# hostname %s\n", l->hostname);
	if (l->root_path[0])
		PUT("# root-path %s\n", l->root_path);
	if (l->lease_s)
		PUT("# lease %u\n", (unsigned int)l->lease_s);
#undef PUT
	return n < size ? (int)n : -E2BIG;
}

/**
 * net_record() - write /run/net-<dev>.conf on the new root
 * @k:	state: k->net is the lease (k->net.dev "" when no network was
 *	brought up: nothing is written)
 *
 * Only when the new root has a /run it can write to: a read-only root
 * is left as it is, and said so.  Written to a temporary name, then
 * renamed.
 *
 * Return: 0 (a root without a writable /run is no failure), or -errno
 * for a write that started and failed.
 */
int net_record(struct kinit *k)
{
	char text[768], path[96], tmp[104];
	int fd, len;
	ssize_t w;

	if (!k->net.dev[0])
		return 0;
	len = net_pnp_text(&k->net, text, sizeof(text));
	if (len < 0)
		return kinit_what(k, len, "the network record");
	ksnprintf(path, sizeof(path), NEWROOT "/run/net-%s.conf", k->net.dev);
	ksnprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		info(k, "network: %s not written: %s", path + sizeof(NEWROOT) - 1,
		     errstr(errno));
		return 0;
	}
	w = write(fd, text, (size_t)len);
	if (close(fd) || w != len) {
		unlink(tmp);
		return kinit_what(k, -EIO, "write %s", tmp);
	}
	if (rename(tmp, path)) {
		unlink(tmp);
		return kinit_what(k, -errno, "rename %s", tmp);
	}
	info(k, "network: wrote %s", path + sizeof(NEWROOT) - 1);
	return 0;
}
