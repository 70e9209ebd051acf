// SPDX-License-Identifier: GPL-2.0
/*
 * nfsroot.c - the root on NFS: which export (root=nfs:, nfsroot=, DHCP's
 * root-path), with which options, mounted with mount(2) and text options
 * as mount.nfs would pass them, in a child that is killed when the
 * server does not answer in time.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "net/netdev.h"

#ifndef CONFIG_KINIT_NET_TIMEOUT
#define CONFIG_KINIT_NET_TIMEOUT 30
#endif

/* Does the comma list @opts have the word @name or @name=...? */
static int has_opt(const char *opts, const char *name)
{
	size_t n = strlen(name);
	const char *p = opts;

	while (*p) {
		if (!strncmp(p, name, n) && (p[n] == ',' || p[n] == '=' || !p[n]))
			return 1;
		p = strchr(p, ',');
		if (!p)
			break;
		p++;
	}
	return 0;
}

/* The export: root=nfs:, else nfsroot=, else DHCP's root-path. */
static int nfs_export(struct kinit *k, struct nfs_spec *spec)
{
	const struct net_args *n = &k->args.net;
	const char *rp = k->net.root_path;
	char why[160];

	if (n->root != NFS_ROOT_KERNEL) {
		*spec = n->root_nfs;
		return 0;
	}
	if (n->nfsroot.path[0]) {
		*spec = n->nfsroot;
		return 0;
	}
	if (!rp[0])
		return kinit_what(k, -EINVAL, "root=/dev/nfs: no nfsroot= and no root-path from DHCP");
	if ((!strncmp(rp, "nfs:", 4) && nfs_spec_parse(spec, rp + 4, 1, why, sizeof(why))) ||
	    (!strncmp(rp, "nfs4:", 5) && nfs_spec_parse(spec, rp + 5, 1, why, sizeof(why))) ||
	    (strncmp(rp, "nfs", 3) && nfs_spec_parse(spec, rp, 0, why, sizeof(why))))
		return kinit_what(k, -EINVAL, "DHCP root-path %s: %s", rp, why);
	return 0;
}

/**
 * nfs_find_root() - the find-root step for a root on NFS
 * @k:	state: k->root receives "server:path", k->fstype "nfs", and
 *	k->nfs_opts the mount options
 *
 * The server is the export's, else ip='s server field, else the DHCP
 * server (its next-server address, then its identifier).  The options
 * are the export's, then rootflags=, then what kinit adds: vers= (4 for
 * root=nfs4:, else 3) unless given, nolock for NFSv3 unless lock is
 * given (there is no statd), addr= and, for NFSv4, clientaddr=.
 *
 * Return: 0 or -EINVAL with k->what saying what is missing.
 */
int nfs_find_root(struct kinit *k)
{
	const struct net_args *n = &k->args.net;
	struct nfs_spec spec;
	uint32_t server;
	int v4, ret;
	size_t len;

	ret = nfs_export(k, &spec);
	if (ret)
		return ret;
	server = spec.server ? spec.server : n->server ? n->server :
		 k->net.siaddr ? k->net.siaddr : k->net.server;
	if (!server)
		return kinit_what(k, -EINVAL, "%s: no NFS server: name one (nfsroot=<server>:<path>, root=nfs:<server>:...)",
				  spec.path);
	ksnprintf(k->root, sizeof(k->root), "%s:%s", ntoa(server), spec.path);
	ksnprintf(k->fstype, sizeof(k->fstype), "nfs");
	len = (size_t)ksnprintf(k->nfs_opts, sizeof(k->nfs_opts), "%s%s%s", spec.opts,
			       spec.opts[0] && k->args.rootflags[0] ? "," : "",
			       k->args.rootflags);
	if (!has_opt(k->nfs_opts, "vers") && !has_opt(k->nfs_opts, "nfsvers"))
		len += ksnprintf(k->nfs_opts + len, sizeof(k->nfs_opts) - len, "%svers=%d",
				len ? "," : "", n->root == NFS_ROOT_DRACUT4 ? 4 : 3);
	v4 = strstr(k->nfs_opts, "vers=4") != NULL;	/* nfsvers=4, vers=4.2 */
	if (!v4 && !has_opt(k->nfs_opts, "lock") && !has_opt(k->nfs_opts, "nolock"))
		len += ksnprintf(k->nfs_opts + len, sizeof(k->nfs_opts) - len, ",nolock");
	len += ksnprintf(k->nfs_opts + len, sizeof(k->nfs_opts) - len, ",addr=%s", ntoa(server));
	if (v4)
		len += ksnprintf(k->nfs_opts + len, sizeof(k->nfs_opts) - len, ",clientaddr=%s",
				ntoa(k->net.addr));
	if (len >= sizeof(k->nfs_opts))
		return kinit_what(k, -E2BIG, "%s: NFS options and rootflags= longer than %zu bytes",
				  k->root, sizeof(k->nfs_opts) - 1);
	info(k, "root %s is NFS %s with %s", k->args.root_raw, k->root, k->nfs_opts);
	return 0;
}

/* What a mount(2) error means for an NFS root. */
static const char *nfs_why(int err)
{
	switch (err) {
	case -EACCES:
	case -EPERM:
		return " (the server denies this client the export)";
	case -ENOENT:
		return " (no such export on the server)";
	case -ETIMEDOUT:
	case -ECONNREFUSED:
	case -EHOSTUNREACH:
	case -ENETUNREACH:
	case -EIO:
		return " (the NFS server does not answer)";
	case -EPROTONOSUPPORT:
		return " (the server does not offer this NFS version)";
	default:
		return "";
	}
}

/*
 * mount(2) in a child: the kernel's RPC client may retry for minutes,
 * and its waits are killable.  0, -errno, or -ETIMEDOUT when killed.
 */
static int bounded_mount(struct kinit *k, unsigned long flags, long long timeout_ms)
{
	long long t0 = kinit_now_ms();
	int status = 0;
	pid_t pid = fork();

	if (pid < 0)
		return -errno;
	if (!pid)
		_exit(mount(k->root, NEWROOT, k->fstype, flags, k->nfs_opts) ? errno : 0);
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (kinit_now_ms() - t0 >= timeout_ms) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			umount2(NEWROOT, MNT_DETACH);	/* in case it won at the last moment */
			return -ETIMEDOUT;
		}
		net_nap_ms(NET_POLL_MS);
	}
	return WIFEXITED(status) ? -WEXITSTATUS(status) : -EINTR;
}

/**
 * nfs_mount_root() - the mount-root step for a root on NFS
 * @k:	state from nfs_find_root()
 *
 * Read-only unless rw, as for any root.  Bounded by
 * CONFIG_KINIT_NET_TIMEOUT seconds.
 *
 * Return: 0, or -errno with k->what naming the server, the export and
 * what the error means.
 */
int nfs_mount_root(struct kinit *k)
{
	const long long timeout_ms = CONFIG_KINIT_NET_TIMEOUT * 1000LL;
	unsigned long flags = k->args.readonly == 0 ? 0 : MS_RDONLY;
	int ret;

	mkdir(NEWROOT, 0755);
	umount2(NEWROOT, MNT_DETACH);	/* a retry after a rescue shell */
	ret = bounded_mount(k, flags, timeout_ms);
	if (ret == -ETIMEDOUT)
		return kinit_what(k, ret, "mount NFS %s: the server did not answer within %lld s",
				  k->root, timeout_ms / 1000);
	if (ret)
		return kinit_what(k, ret, "mount NFS %s with %s%s", k->root, k->nfs_opts,
				  nfs_why(ret));
	info(k, "mounted %s (nfs, %s) on %s", k->root, flags & MS_RDONLY ? "ro" : "rw", NEWROOT);
	return 0;
}
