// SPDX-License-Identifier: GPL-2.0
/*
 * ifconfig.c - one network interface, set up with the kernel's ioctls as
 * ifconfig and route do it: found in /sys/class/net, link up, carrier
 * awaited, address, mask and default route set.  Bounded waits only.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>

#include "kinit.h"
#include "lib/dir.h"
#include "net/netdev.h"

/**
 * net_nap_ms() - sleep a little, between two looks at something awaited
 * @ms:	milliseconds
 */
void net_nap_ms(long ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Ethernet (ARPHRD_ETHER): not lo, nor a tunnel such as IPv6's sit0. */
static int is_ether(const char *name)
{
	char type[8];

	return !read_text(type, sizeof(type), "/sys/class/net/%s/type", name) &&
	       !strcmp(type, "1");
}

/*
 * The Ethernet interfaces there are in @seen, the first by name in
 * @first: the one DHCP or a static ip= without a device takes.
 */
static int list_devs(char *first, char *seen, size_t size)
{
	struct dir_reader d;
	const char *name;
	size_t used = 0;
	int ret;

	first[0] = seen[0] = '\0';
	ret = dir_open(&d, "/sys/class/net");
	if (ret)
		return ret;
	while ((name = dir_next(&d))) {
		if (name[0] == '.' || strlen(name) >= NET_DEV_MAX || !is_ether(name))
			continue;
		if (!first[0] || strcmp(name, first) < 0)
			strcpy(first, name);
		if (used + strlen(name) + 2 < size)
			used += ksnprintf(seen + used, size - used, "%s%s", used ? " " : "", name);
	}
	dir_close(&d);
	return 0;
}

/**
 * netdev_wait() - wait for the interface to exist
 * @k:		state, for k->what
 * @want:	its name, or "" for the first Ethernet interface by name
 * @dev:	receives the name (NET_DEV_MAX)
 * @timeout_ms:	how long; a driver that is a module is loaded by coldplug
 *		meanwhile, and its interface appears a little later
 *
 * Return: 0, or -ENODEV with k->what naming what was waited for, how
 * long, and the interfaces there were.
 */
int netdev_wait(struct kinit *k, const char *want, char *dev, long long timeout_ms)
{
	long long t0 = kinit_now_ms();
	char first[NET_DEV_MAX], seen[128], path[64];

	for (;;) {
		list_devs(first, seen, sizeof(seen));
		ksnprintf(path, sizeof(path), "/sys/class/net/%s", want);
		if (want[0] && !access(path, F_OK)) {
			strcpy(dev, want);
			return 0;
		}
		if (!want[0] && first[0]) {
			strcpy(dev, first);
			return 0;
		}
		if (kinit_now_ms() - t0 >= timeout_ms)
			break;
		net_nap_ms(NET_POLL_MS);
	}
	if (!want[0])
		return kinit_what(k, -ENODEV, "no Ethernet interface after %lld s (is its driver in the image?)",
				  timeout_ms / 1000);
	return kinit_what(k, -ENODEV, "no network interface %s after %lld s (Ethernet interfaces: %s)",
			  want, timeout_ms / 1000, seen[0] ? seen : "none");
}

static int ifreq_ioctl(int fd, unsigned long req, struct ifreq *ifr)
{
	return ioctl(fd, req, ifr) ? -errno : 0;
}

static int inet_socket(void)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	return fd < 0 ? -errno : fd;
}

/**
 * netdev_up() - set the interface's link up and read its address
 * @dev:	the interface
 * @mac:	receives its Ethernet address
 * @ifindex:	receives its index
 *
 * Return: 0 or -errno.
 */
int netdev_up(const char *dev, uint8_t mac[6], int *ifindex)
{
	struct ifreq ifr;
	int fd = inet_socket(), ret;

	if (fd < 0)
		return fd;
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, dev, sizeof(ifr.ifr_name) - 1);
	ret = ifreq_ioctl(fd, SIOCGIFFLAGS, &ifr);
	if (!ret && !(ifr.ifr_flags & IFF_UP)) {
		ifr.ifr_flags |= IFF_UP;
		ret = ifreq_ioctl(fd, SIOCSIFFLAGS, &ifr);
	}
	if (!ret)
		ret = ifreq_ioctl(fd, SIOCGIFHWADDR, &ifr);
	if (!ret)
		memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	if (!ret)
		ret = ifreq_ioctl(fd, SIOCGIFINDEX, &ifr);
	if (!ret)
		*ifindex = ifr.ifr_ifindex;
	close(fd);
	return ret;
}

/**
 * netdev_carrier() - wait for the link to have carrier
 * @k:		state, for k->what
 * @dev:	the interface, already up
 * @timeout_ms:	how long
 *
 * Return: 0, or -ENOLINK with k->what saying what was waited for.
 */
int netdev_carrier(struct kinit *k, const char *dev, long long timeout_ms)
{
	long long t0 = kinit_now_ms();
	char val[8];

	for (;;) {
		if (!read_text(val, sizeof(val), "/sys/class/net/%s/carrier", dev) &&
		    !strcmp(val, "1"))
			return 0;
		if (kinit_now_ms() - t0 >= timeout_ms)
			break;
		net_nap_ms(NET_POLL_MS);
	}
	return kinit_what(k, -ENOLINK, "%s: no carrier after %lld s (is a cable in?)",
			  dev, timeout_ms / 1000);
}

static void set_sin(struct sockaddr *sa, uint32_t addr)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };

	sin.sin_addr.s_addr = addr;
	memcpy(sa, &sin, sizeof(sin));
}

static int set_addr(int fd, const char *dev, unsigned long req, uint32_t addr)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, dev, sizeof(ifr.ifr_name) - 1);
	set_sin(&ifr.ifr_addr, addr);
	return ifreq_ioctl(fd, req, &ifr);
}

/**
 * netdev_configure() - give the interface its address, mask and route
 * @k:		state, for k->what
 * @l:		the lease: l->dev, l->addr, l->netmask, l->gw (0: no route)
 *
 * A default route that is already there (a retry) is fine.
 *
 * Return: 0 or -errno, with k->what naming the step.
 */
int netdev_configure(struct kinit *k, const struct net_lease *l)
{
	struct rtentry rt;
	int fd = inet_socket(), ret;
	const char *what = "set the address";
	uint32_t arg = l->addr;

	if (fd < 0)
		return kinit_what(k, fd, "%s: socket", l->dev);
	ret = set_addr(fd, l->dev, SIOCSIFADDR, l->addr);
	if (!ret) {
		what = "set the netmask";
		arg = l->netmask;
		ret = set_addr(fd, l->dev, SIOCSIFNETMASK, l->netmask);
	}
	if (!ret && l->gw) {
		what = "add the default route via";
		arg = l->gw;
		memset(&rt, 0, sizeof(rt));
		set_sin(&rt.rt_dst, 0);
		set_sin(&rt.rt_genmask, 0);
		set_sin(&rt.rt_gateway, l->gw);
		rt.rt_flags = RTF_UP | RTF_GATEWAY;
		rt.rt_dev = (char *)l->dev;
		ret = ioctl(fd, SIOCADDRT, &rt) && errno != EEXIST ? -errno : 0;
	}
	close(fd);
	if (ret)
		return kinit_what(k, ret, "%s: %s %s", l->dev, what, ntoa(arg));
	return 0;
}
