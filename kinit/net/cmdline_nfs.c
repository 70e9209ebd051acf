// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline_nfs.c - an NFS root on the command line: root=/dev/nfs with
 * nfsroot=[<server>:]<path>[,<options>] (the kernel's syntax) and
 * dracut's root=nfs:[<server>:]<path>[:<options>] and root=nfs4:...
 * Pure; built with KINIT_NFS, acted on by nfsroot.c.
 */
#include <errno.h>
#include <string.h>

#include "cmdline_opt.h"
#include "net/net.h"

/*
 * Options kinit writes itself, from the server and the lease: given
 * again they would contradict it.
 */
static const char *const nfs_own_opts[] = { "addr", "clientaddr" };

static int opt_char_ok(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) ||
	       c == '_' || c == '-' || c == '.' || c == '=' || c == '/' || c == ':';
}

/**
 * nfs_opts_check() - are these mount options kinit may pass on?
 * @opts:	"" or words separated by single commas: name or name=value
 *		of [A-Za-z0-9_.=/:-]
 * @why:	says what is wrong, on failure
 * @wl:		size of @why
 *
 * The kernel's NFS client judges the words themselves; kinit only keeps
 * out what would split or extend the option string, and addr= and
 * clientaddr=, which it sets.
 *
 * Return: 0 or -EINVAL.
 */
int nfs_opts_check(const char *opts, char *why, size_t wl)
{
	const char *w = opts, *end;
	size_t i, len;

	if (!*opts)
		return 0;
	for (;;) {
		end = strchr(w, ',');
		len = end ? (size_t)(end - w) : strlen(w);
		if (!len) {
			cmdline_seterr(why, wl, "empty NFS option (two commas, or one at an end)");
			return -EINVAL;
		}
		for (i = 0; i < len; i++) {
			if (!opt_char_ok(w[i])) {
				cmdline_seterr(why, wl, "NFS option with a character other than [A-Za-z0-9_.=/:-]");
				return -EINVAL;
			}
		}
		for (i = 0; i < ARRAY_SIZE(nfs_own_opts); i++) {
			size_t n = strlen(nfs_own_opts[i]);

			if (len > n && !strncmp(w, nfs_own_opts[i], n) && w[n] == '=') {
				cmdline_seterr(why, wl, "%s= is kinit's to set (from the server and the lease)",
					       nfs_own_opts[i]);
				return -EINVAL;
			}
		}
		if (!end)
			return 0;
		w = end + 1;
	}
}

static int path_ok(const char *s, size_t len)
{
	size_t i;

	if (!len || s[0] != '/' || len >= NET_PATH_MAX)
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f || s[i] == ',')
			return 0;
	return 1;
}

/**
 * nfs_spec_parse() - an NFS export as nfsroot=, root=nfs: or DHCP's
 * root-path write it
 * @spec:	output, zeroed first; the path set only on success
 * @text:	[<server>:]<path>[<sep><options>]
 * @dracut:	0: the kernel's form, options after the first ','; 1:
 *		dracut's, options after the ':' that follows the path
 * @why:	says what is wrong, on failure
 * @wl:		size of @why
 *
 * The server is an IPv4 address (kinit resolves no names); the path is
 * absolute.  Without a server the caller takes DHCP's.
 *
 * Return: 0 or -EINVAL.
 */
int nfs_spec_parse(struct nfs_spec *spec, const char *text, int dracut,
		   char *why, size_t wl)
{
	const char *path = text, *colon, *opts;
	size_t plen;

	memset(spec, 0, sizeof(*spec));
	if (text[0] != '/') {
		colon = strchr(text, ':');
		if (!colon || net_ipv4_parse(text, (size_t)(colon - text), &spec->server)) {
			cmdline_seterr(why, wl, "want [<server>:]<path> with an IPv4 server address (kinit resolves no names) and an absolute path");
			return -EINVAL;
		}
		path = colon + 1;
	}
	opts = strchr(path, dracut ? ':' : ',');
	plen = opts ? (size_t)(opts - path) : strlen(path);
	if (!path_ok(path, plen)) {
		cmdline_seterr(why, wl, "the path must be absolute, at most %d printable characters, no ',' or spaces",
			       NET_PATH_MAX - 1);
		return -EINVAL;
	}
	if (opts) {
		if (strlen(opts + 1) >= sizeof(spec->opts)) {
			cmdline_seterr(why, wl, "NFS options longer than %d bytes", NET_OPTS_MAX - 1);
			return -EINVAL;
		}
		if (nfs_opts_check(opts + 1, why, wl))
			return -EINVAL;
		strcpy(spec->opts, opts + 1);
	}
	memcpy(spec->path, path, plen);
	spec->path[plen] = '\0';
	return 0;
}

/* root=: /dev/nfs, nfs:..., nfs4:...; 1 when it is an NFS root */
static int nfs_root(struct boot_args *a, const char *val, char *why, size_t wl)
{
	int kind = NFS_ROOT_NONE, ret;

	if (!strcmp(val, "/dev/nfs"))
		kind = NFS_ROOT_KERNEL;
	else if (!strncmp(val, "nfs:", 4))
		kind = NFS_ROOT_DRACUT;
	else if (!strncmp(val, "nfs4:", 5))
		kind = NFS_ROOT_DRACUT4;
	if (kind == NFS_ROOT_NONE)
		return 0;
	if (kind != NFS_ROOT_KERNEL) {
		ret = nfs_spec_parse(&a->net.root_nfs, strchr(val, ':') + 1, 1, why, wl);
		if (ret)
			return ret;
	}
	a->net.root = kind;
	memset(&a->root, 0, sizeof(a->root));
	a->root.kind = ROOT_NFS;
	return 1;
}

static int opt_nfsroot(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return nfs_spec_parse(&a->net.nfsroot, val, 0, why, wl);
}

static const struct cmdline_opt nfs_opts[] = {
	{ .name = "nfsroot",	.arg = ARG_REQUIRED,	.set = opt_nfsroot },
};

FEATURE_OPTION(NFS);

const struct cmdline_feature cmdline_nfs = {
	.opts = nfs_opts,
	.count = ARRAY_SIZE(nfs_opts),
	.root = nfs_root,
};
