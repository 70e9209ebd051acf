// SPDX-License-Identifier: GPL-2.0
/*
 * rootdev.c - wait for the root device, driven by the kernel's uevents:
 * listen first, then scan what exists, then take each new block device
 * as the kernel announces it, until one matches root= or time runs out.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>

#include "kinit.h"
#include "lib/dir.h"
#include "lib/kconfig.h"
#include "storage/storage.h"
#include "uevent.h"

/* Open the uevent socket before scanning, so no device slips between. */
static int uevent_open(void)
{
	struct sockaddr_nl sa = {
		.nl_family = AF_NETLINK,
		.nl_groups = 1,		/* the kernel's own broadcast group */
	};
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_KOBJECT_UEVENT);

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		close(fd);
		return -errno;
	}
	return fd;
}

/*
 * Read one uevent; put the device name in @name when it is a block
 * device being added or changed.  Return 1 for such an event, 0 for any
 * other, -errno on error.  A device being added with a MODALIAS= goes to
 * coldplug, which loads its driver if the image carries it.
 */
static int uevent_read(struct kinit *k, int fd, char *name, size_t size)
{
	char buf[4096];
	struct uevent ev;
	ssize_t n = recv(fd, buf, sizeof(buf), 0);

	if (n < 0)
		return errno == EINTR ? 0 : -errno;
	if (uevent_parse(buf, n, &ev))
		return 0;
	if (!strcmp(ev.action, "add"))
		coldplug_uevent(k, ev.modalias);
	if (strcmp(ev.subsystem, "block") || !ev.devname[0] ||
	    (strcmp(ev.action, "add") && strcmp(ev.action, "change")))
		return 0;
	ksnprintf(name, size, "%s", ev.devname);
	return 1;
}

/*
 * LABEL= and UUID= name the root's filesystem: a swap area (or a LUKS or
 * RAID header) carrying the same text is not it, whatever resume= takes.
 */
static int root_by_fs_id(const struct kinit *k)
{
	return k->args.root.kind == ROOT_UUID || k->args.root.kind == ROOT_LABEL;
}

#define ROOT_CANDIDATES_MAX	8	/* listed when root= names several */

/*
 * rd.luks.uuid=, rd.luks.name= or rd.luks.key=, or a key file in the
 * image, says the root is encrypted: a plain device carrying its
 * filesystem UUID (a stick made with mkfs -U) must not become the root
 * and fake the passphrase prompt.  Returns why, or NULL.
 */
static const char *root_encrypted(const struct kinit *k)
{
	const struct storage_args *s = &k->args.storage;

	if (!IS_ENABLED(CONFIG_KINIT_CRYPT) || s->luks == 0)
		return NULL;
	if (s->luks_uuids || s->luks_names || s->luks_key[0])
		return "rd.luks.* says the root is encrypted";
	if (k->keys_in_image)
		return "the image carries a LUKS key (" KINIT_KEYS_DIR "/), so the root is encrypted";
	return NULL;
}

/* Does the image (a boot loader's archive included) hold a LUKS key? */
static int keys_in_image(void)
{
	struct dir_reader dir;
	const char *name;
	int found = 0;

	if (dir_open(&dir, KINIT_KEYS_DIR))
		return 0;
	while (!found && (name = dir_next(&dir)))
		found = name[0] != '.';
	dir_close(&dir);
	return found;
}

static const char *type_of(const struct blkdev *d)
{
	return d->id.type[0] ? d->id.type : "unknown type";
}

/* Could device @i be the root?  Says once why an encrypted root is not. */
static int qualifies(struct kinit *k, struct blkdevs *set, int i)
{
	struct blkdev *d = &set->dev[i];
	const char *encrypted;

	if (d->probed == -ENOMEDIUM)	/* an md or dm device not started yet */
		return 0;
	if (!blkdev_matches(d, &k->args.root, set))
		return 0;
	if (root_by_fs_id(k) && d->id.usage != PROBE_FILESYSTEM)
		return 0;
	encrypted = root_encrypted(k);
	if (encrypted && !blkdev_on_crypt(d->name, STACK_PASSES_MAX)) {
		if (!d->passed_over)
			error(k, "root=%s: /dev/%s (%s) is not on dm-crypt, and %s: passed over",
			      k->args.root_raw, d->name, type_of(d), encrypted);
		d->passed_over = 1;
		return 0;
	}
	return 1;
}

/* Two distinct devices answer to root=: list them and refuse to choose. */
static int refuse_ambiguous(struct kinit *k, const struct blkdevs *set,
			    const int *match, int n, int total)
{
	char list[200];
	size_t o = 0;
	int i;

	error(k, "root=%s names %d distinct devices: refusing to choose:", k->args.root_raw,
	      total);
	list[0] = '\0';
	for (i = 0; i < n; i++) {
		const struct blkdev *d = &set->dev[match[i]];

		error(k, "  /dev/%s (%s)", d->name, type_of(d));
		if (o < sizeof(list))
			o += ksnprintf(list + o, sizeof(list) - o, "%s/dev/%s (%s)",
				      i ? ", " : "", d->name, type_of(d));
	}
	error(k,
	      "  remove the device that is not the root, or name the root so that one device answers");
	return kinit_what(k, -ENOTUNIQ, "root=%s is %s", k->args.root_raw, list);
}

/*
 * Identify and link every new device before matching any: PARTNROFF=
 * is matched through a sibling partition, which the scan may list later
 * (/sys/class/block gives vda2 before vda1).  All the devices there are
 * get matched, so that a second one answering to root= is seen.
 * Return: 1 with the root recorded in @k, 0 when none matches yet,
 * -ENOTUNIQ when two distinct devices do.
 */
static int check_all(struct kinit *k, struct blkdevs *set)
{
	int match[ROOT_CANDIDATES_MAX], n = 0, total = 0, i;
	const struct blkdev *d;

	for (i = 0; i < set->count; i++) {
		if (set->dev[i].probed)
			continue;
		blkdev_identify(&set->dev[i], set);
		blkdev_link(&set->dev[i]);
	}
	for (i = 0; i < set->count; i++) {
		if (!qualifies(k, set, i))
			continue;
		total++;
		if (n < ROOT_CANDIDATES_MAX)
			match[n++] = i;
	}
	if (!n)
		return 0;
	if (total > n || !blkdev_unique(set, match, n))
		return refuse_ambiguous(k, set, match, n, total);
	d = &set->dev[match[0]];
	ksnprintf(k->root, sizeof(k->root), "/dev/%s", d->name);
	k->rootdev = d->devnum;
	if (d->id.usage == PROBE_FILESYSTEM)
		ksnprintf(k->fstype, sizeof(k->fstype), "%s", d->id.type);
	return 1;
}

/* Say what was looked for and what there is, so root= can be fixed. */
static void report_devices(const struct kinit *k, const struct blkdevs *set)
{
	int i;

	error(k, "no device matches root=%s; block devices seen:", k->args.root_raw);
	for (i = 0; i < set->count; i++)
		if (root_by_fs_id(k) && set->dev[i].id.usage != PROBE_FILESYSTEM &&
		    blkdev_matches(&set->dev[i], &k->args.root, set))
			error(k, "  root=%s is /dev/%s: %s, not a filesystem", k->args.root_raw,
			      set->dev[i].name, set->dev[i].id.type);
	if (!set->count)
		error(k, "  (none: is the disk driver built in or loaded?)");
	if (k->modules_failed[0])
		error(k, "  modules that failed to load: %s", k->modules_failed);
	for (i = 0; i < set->count; i++) {
		const struct blkdev *d = &set->dev[i];

		/* UUIDs and labels are the disks' text: escaped */
		error(k, "  /dev/%s %s UUID=\"%s\" LABEL=\"%s\"%s%s", d->name,
		      d->id.type[0] ? d->id.type : "(unknown)", escaped(d->id.uuid),
		      escaped(d->id.label), d->partuuid[0] ? " PARTUUID=" : "",
		      escaped(d->partuuid));
	}
}

/* A bare rootwait: wait for ever, as the kernel does, saying so now and then. */
#define ROOTWAIT_FOREVER	0
#define STILL_WAITING_FIRST_MS	5000	/* then twice as long each time... */
#define STILL_WAITING_MAX_MS	60000	/* ...up to a line a minute */

/**
 * struct root_clock - how long find_root() may still wait
 * @timeout:	seconds, or ROOTWAIT_FOREVER
 * @start:	when the wait began (ms)
 * @deadline:	when it ends, unless for ever
 * @note:	when to say "still waiting" next, for ever only
 * @note_ms:	the interval after that one
 */
struct root_clock {
	int timeout;
	long long start, deadline, note;
	int note_ms;
};

/* "vda (ext4), vdb (swap)", cut with "and N more" where @buf ends. */
static void devices_seen(const struct blkdevs *set, char *buf, size_t size)
{
	size_t n = 0, room;
	int i, m;

	ksnprintf(buf, size, "none");
	for (i = 0; i < set->count; i++) {
		room = size - n - sizeof(", and 64 more");
		m = ksnprintf(buf + n, room, "%s%s (%s)", i ? ", " : "", set->dev[i].name,
			     set->dev[i].id.type[0] ? set->dev[i].id.type : "unknown");
		if (m < 0 || (size_t)m >= room) {
			ksnprintf(buf + n, size - n, ", and %d more", set->count - i);
			return;
		}
		n += m;
	}
}

/*
 * Milliseconds to wait for the next uevent, or -ENODEV when time is up;
 * in the wait for ever, a "still waiting" line now and then, less often
 * as the wait goes on so that the log stays small.
 */
static int root_wait_left(const struct kinit *k, const struct blkdevs *set,
			  struct root_clock *c)
{
	long long now = kinit_now_ms();
	char seen[320];

	if (c->timeout != ROOTWAIT_FOREVER)
		return c->deadline > now ? (int)(c->deadline - now) : -ENODEV;
	if (now >= c->note) {
		devices_seen(set, seen, sizeof(seen));
		info(k, "still waiting for root=%s (%lld s, rootwait: for ever); seen: %s",
		     k->args.root_raw, (now - c->start) / 1000, seen);
		c->note = now + c->note_ms;
		c->note_ms = c->note_ms * 2 > STILL_WAITING_MAX_MS ? STILL_WAITING_MAX_MS :
								     c->note_ms * 2;
	}
	return (int)(c->note - now);
}

/*
 * The root is not among the devices there are: listen to the kernel's
 * uevents, then look again (so nothing slips in between), start storage
 * layers, and wait for new devices until one matches or time runs out.
 */
static int wait_for_root(struct kinit *k, struct blkdevs *set, int timeout)
{
	struct stack st = { 0 };
	struct root_clock c = {
		.timeout = timeout, .start = kinit_now_ms(),
		.note_ms = STILL_WAITING_FIRST_MS * 2,
	};
	long long t;
	char name[64];
	int fd, ret, i;

	c.deadline = c.start + timeout * 1000LL;
	c.note = c.start + STILL_WAITING_FIRST_MS;
	if (timeout == ROOTWAIT_FOREVER)
		info(k, "waiting for root=%s for ever (rootwait)", k->args.root_raw);
	fd = uevent_open();
	if (fd < 0)
		info(k, "no uevent socket (%s): polling /sys/class/block", errstr(-fd));
	for (;;) {
		blkdev_scan(set);
		ret = check_all(k, set);
		if (ret) {
			ret = ret > 0 ? 0 : ret;
			break;
		}
		/* not among what there is: start the next storage layer */
		t = kinit_now_ms();
		ret = stack_activate(k, &st, set);
		c.deadline += kinit_now_ms() - t;	/* typing a passphrase is not waiting */
		if (ret < 0)
			break;
		if (ret > 0)
			continue;
		ret = root_wait_left(k, set, &c);
		if (ret < 0) {
			report_devices(k, set);
			ret = kinit_what(k, -ENODEV, "root=%s not found within %d s",
					 k->args.root_raw, timeout);
			break;
		}
		if (fd < 0) {
			usleep(ret < 100 ? ret * 1000 : 100000);
			continue;
		}
		/* sleep until the kernel announces something, then look */
		if (ret > STACK_POLL_CAP)	/* layers waiting on a timer */
			ret = STACK_POLL_CAP;
		if (poll(&(struct pollfd){ .fd = fd, .events = POLLIN }, 1, ret) > 0 &&
		    uevent_read(k, fd, name, sizeof(name)) == 1) {
			i = blkdev_add(set, name);
			if (i >= 0)
				set->dev[i].probed = 0;	/* "change": look again */
		}
	}
	if (fd >= 0)
		close(fd);
	return ret;
}

/**
 * find_root() - wait until the device root= names exists, and identify it
 * @k:	state: k->root, k->rootdev and k->fstype are set
 *
 * rootdelay= sleeps first; then kinit waits for a matching device: for
 * ever after a bare rootwait, as the kernel does (with a "still waiting"
 * line now and then), rootwait=N seconds, or without either
 * CONFIG_KINIT_ROOTWAIT_TIMEOUT seconds.
 * Most boots find the root among the devices there already are: those
 * look once and never open the uevent socket (a few ms under emulation).
 *
 * Two distinct devices answering to root= (an impostor with the root's
 * UUID) end the search with both listed: kinit never picks one.  When
 * rd.luks.uuid=, rd.luks.name= or rd.luks.key= is given, or the image
 * carries a key in KINIT_KEYS_DIR, only a device on dm-crypt can be the
 * root.
 *
 * Return: 0, -EINVAL when there is no root=, -ENODEV on timeout,
 * -ENOTUNIQ when more than one device answers.
 */
int find_root(struct kinit *k)
{
	struct blkdevs set = { .log = k->log };
	int timeout = k->args.rootwait >= 0 ? k->args.rootwait : CONFIG_KINIT_ROOTWAIT_TIMEOUT;
	int ret;

	if (k->args.root.kind == ROOT_NONE)
		return kinit_what(k, -EINVAL, "no root= on the command line and no CONFIG_KINIT_ROOT");
	if (k->args.root.kind == ROOT_NFS)
		return nfs_find_root(k);
	if (k->args.rootdelay > 0)
		sleep(k->args.rootdelay);
	k->keys_in_image = IS_ENABLED(CONFIG_KINIT_CRYPT) && keys_in_image();
	blkdev_scan(&set);
	ret = check_all(k, &set);
	if (!ret)
		ret = wait_for_root(k, &set, timeout);
	blkdev_free(&set);
	if (ret < 0)
		return ret;
	info(k, "root %s is %s (%s) after %lld ms", k->args.root_raw, k->root,
	     k->fstype[0] ? k->fstype : "unknown type", kinit_now_ms() - k->t0_ms);
	return 0;
}
