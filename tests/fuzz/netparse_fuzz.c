// SPDX-License-Identifier: GPL-2.0
/*
 * netparse_fuzz.c - libFuzzer target for the network's command-line
 * parsers: any bytes as the value of ip= (kinit/net/cmdline_net.c) and
 * as an NFS export in the kernel's and dracut's forms (cmdline_nfs.c).
 * Each parses or fails cleanly, with a message, and what it keeps obeys
 * the bounds.
 */
#include "../unit/cmdline_all.h"

#include <stdint.h>
#include <stdio.h>

#define CHECK(c)	do { if (!(c)) { fprintf(stderr, "CHECK failed: %s\n", #c); abort(); } } while (0)
#define TERMINATED(s)	CHECK(memchr((s), '\0', sizeof(s)))

static void check_spec(const struct nfs_spec *s, int ret)
{
	TERMINATED(s->path);
	TERMINATED(s->opts);
	if (ret) {
		CHECK(!s->path[0]);
		return;
	}
	CHECK(s->path[0] == '/');
	CHECK(!strchr(s->path, ',') && !strchr(s->path, ' '));
	CHECK(!strstr(s->opts, ",,") && !strstr(s->opts, " "));
	CHECK(nfs_opts_check(s->opts, NULL, 0) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net_args n;
	struct nfs_spec s;
	char why[160];
	char *val;
	int ret;

	val = malloc(size + 1);		/* exact size: ASan sees a read past the NUL */
	if (!val)
		return 0;
	memcpy(val, data, size);
	val[size] = '\0';

	memset(&n, 0x5a, sizeof(n));
	why[0] = '\0';
	ret = net_ip_parse(&n, val, why, sizeof(why));
	CHECK(ret == 0 || ret == -EINVAL);
	TERMINATED(why);
	CHECK(!ret || why[0]);
	TERMINATED(n.dev);
	TERMINATED(n.hostname);
	CHECK(ret ? n.ip == IP_UNSET : (n.ip >= IP_OFF && n.ip <= IP_STATIC));
	if (!ret) {
		CHECK(n.ip != IP_STATIC || n.client);
		CHECK(!strchr(n.dev, '/') && !strchr(n.dev, ':'));
		CHECK(!strchr(n.hostname, ':'));
	}

	why[0] = '\0';
	ret = nfs_spec_parse(&s, val, 0, why, sizeof(why));
	CHECK(ret == 0 || ret == -EINVAL);
	CHECK(!ret || why[0]);
	check_spec(&s, ret);
	why[0] = '\0';
	ret = nfs_spec_parse(&s, val, 1, why, sizeof(why));
	CHECK(ret == 0 || ret == -EINVAL);
	CHECK(!ret || why[0]);
	check_spec(&s, ret);

	free(val);
	return 0;
}
