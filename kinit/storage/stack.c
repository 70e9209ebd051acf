// SPDX-License-Identifier: GPL-2.0
/*
 * stack.c - bring up the layers a root can sit under, one pass at a time:
 * unlock LUKS, start md arrays, activate LVM, then let find_root look again.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/dir.h"
#include "storage/storage.h"

/* What the tools run with: no udev, no lvmetad, lock files under /run. */
static char *const tool_env[] = {
	"PATH=/sbin:/bin:/usr/sbin:/usr/bin",
	"LVM_SUPPRESS_FD_WARNINGS=1",
	"DM_DISABLE_UDEV=1",
	NULL,
};

/* The child side of stack_run(): @in (or -1) becomes stdin. */
static void run_child(const char *const argv[], int in)
{
	char msg[256];
	int n;

	if (in >= 0) {
		dup2(in, 0);
		close(in);
	}
	execve(argv[0], (char *const *)argv, tool_env);
	/* stdio would link klibc's FILE machinery for this one line */
	n = ksnprintf(msg, sizeof(msg), "kinit: %s: %s\n", argv[0], errstr(errno));
	if (n >= (int)sizeof(msg))
		n = sizeof(msg) - 1;
	while (write(2, msg, n) < 0 && errno == EINTR)
		;
	_exit(127);
}

/* Feed @input to the pipe, all of it: cryptsetup reads up to EOF. */
static void feed(int fd, const char *input, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, input, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		input += n;
		len -= n;
	}
}

/*
 * Wait for @pid at most @timeout_ms, then kill it: a LUKS header with
 * 2^32-1 PBKDF2 iterations would keep cryptsetup (and the boot) busy for
 * hours.  The naps are counted, not the clock: a loaded machine only
 * makes the bound longer.
 */
static int wait_bounded(const struct kinit *k, const char *tool, pid_t pid,
			long long timeout_ms, int *status)
{
	long long slept_us = 0;
	unsigned int nap = 1000;	/* klibc has no useconds_t */
	pid_t w;

	for (;;) {
		w = waitpid(pid, status, WNOHANG);
		if (w == pid)
			return 0;
		if (w < 0 && errno != EINTR)
			return -errno;
		if (slept_us >= timeout_ms * 1000) {
			kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) < 0 && errno == EINTR)
				;
			if (k)
				error(k, "%s: still running after %lld s: killed", tool,
				      timeout_ms / 1000);
			return -ETIMEDOUT;
		}
		usleep(nap);
		slept_us += nap;
		if (nap < 50000)
			nap *= 2;
	}
}

/**
 * stack_run_for() - run a storage tool and wait for it, for a while
 * @k:		state, for the log (may be NULL)
 * @argv:	absolute path of the program, its arguments, NULL
 * @input:	bytes for its stdin through a pipe (a passphrase), or NULL
 * @len:	length of @input
 * @timeout_ms:	how long it may run; then it is killed and logged by name
 *
 * The tool writes its messages to kinit's console.  @input is never
 * copied: the caller wipes it.
 *
 * Return: the tool's exit status (0-255), 128+N when signal N killed
 * it, -ETIMEDOUT when it ran out of time, or -errno when it could not be
 * run.
 */
int stack_run_for(const struct kinit *k, const char *const argv[],
		  const char *input, size_t len, long long timeout_ms)
{
	int pfd[2] = { -1, -1 }, status, ret;
	pid_t pid;

	if (input && pipe(pfd))
		return -errno;
	pid = fork();
	if (pid < 0) {
		status = -errno;
		close(pfd[0]);
		close(pfd[1]);
		return status;
	}
	if (pid == 0) {
		if (input)
			close(pfd[1]);
		run_child(argv, input ? pfd[0] : -1);
	}
	if (input) {
		close(pfd[0]);
		feed(pfd[1], input, len);
		close(pfd[1]);
	}
	ret = wait_bounded(k, argv[0], pid, timeout_ms, &status);
	if (ret)
		return ret;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/**
 * stack_run() - run a storage tool for at most STACK_TOOL_TIMEOUT_MS
 * @k:		state, for the log (may be NULL)
 * @argv:	absolute path of the program, its arguments, NULL
 * @input:	bytes for its stdin, or NULL
 * @len:	length of @input
 *
 * Return: as stack_run_for().
 */
int stack_run(const struct kinit *k, const char *const argv[],
	      const char *input, size_t len)
{
	return stack_run_for(k, argv, input, len, STACK_TOOL_TIMEOUT_MS);
}

/**
 * stack_in_use() - is @d already held by a layer above (dm, md)?
 * @d:	the device
 *
 * Return: 1 when /sys/class/block/NAME/holders lists something, else 0.
 */
int stack_in_use(const struct blkdev *d)
{
	char path[96];
	struct dir_reader dir;
	const char *name;
	int used = 0;

	ksnprintf(path, sizeof(path), "/sys/class/block/%s/holders", d->name);
	if (dir_open(&dir, path))
		return 0;
	while (!used && (name = dir_next(&dir)))
		used = name[0] != '.';
	dir_close(&dir);
	return used;
}

/* "vg--a-lv--b" -> "vg-a", "lv-b": LVM doubles the dashes of its names. */
static int split_lvm_name(const char *dm, char *vg, char *lv, size_t size)
{
	char *out = vg;
	size_t o = 0;

	for (; *dm; dm++) {
		if (o + 1 >= size)
			return -ENAMETOOLONG;
		if (*dm == '-' && dm[1] == '-') {
			out[o++] = *dm++;
		} else if (*dm == '-' && out == vg) {
			out[o] = '\0';
			out = lv;
			o = 0;
		} else {
			out[o++] = *dm;
		}
	}
	out[o] = '\0';
	return out == lv && o && vg[0] ? 0 : -EINVAL;
}

static void link_dm(const char *dm)
{
	char name[128], uuid[160], vg[128], lv[128], path[300], target[64];

	if (read_text(name, sizeof(name), "/sys/block/%s/dm/name", dm) || !name[0])
		return;
	mkdir("/dev/mapper", 0755);
	ksnprintf(path, sizeof(path), "/dev/mapper/%s", name);
	ksnprintf(target, sizeof(target), "../%s", dm);
	symlink(target, path);	/* libdevmapper may have made a node: keep it */
	if (read_text(uuid, sizeof(uuid), "/sys/block/%s/dm/uuid", dm) || strncmp(uuid, "LVM-", 4) ||
	    split_lvm_name(name, vg, lv, sizeof(vg)))
		return;
	ksnprintf(path, sizeof(path), "/dev/%s", vg);
	mkdir(path, 0755);
	ksnprintf(path, sizeof(path), "/dev/%s/%s", vg, lv);
	symlink(target, path);
}

/**
 * stack_link_dm() - /dev/mapper/NAME and /dev/VG/LV for every dm device
 *
 * There is no udev: these are the names root= and the real system's
 * fstab use.  Existing entries are left alone.
 */
void stack_link_dm(void)
{
	struct dir_reader dir;
	const char *name;

	if (dir_open(&dir, "/sys/block"))
		return;
	while ((name = dir_next(&dir)))
		if (!strncmp(name, "dm-", 3))
			link_dm(name);
	dir_close(&dir);
}

/* Lock and map directories the tools expect; /run is the initramfs's. */
static void make_run_dirs(void)
{
	static const char *const dirs[] = {
		STACK_RUN_DIR, STACK_RUN_DIR "/cryptsetup", STACK_RUN_DIR "/lock",
		STACK_RUN_DIR "/lock/lvm", STACK_RUN_DIR "/lvm", STACK_RUN_DIR "/mdadm",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dirs); i++)
		mkdir(dirs[i], 0700);
}

/*
 * A 0.90 superblock sits in the last 64 KiB-aligned 64 KiB of its device,
 * so a partition running to the end of the disk shows the same one on
 * the whole disk: when the disk has partitions, they are the members.
 */
static int whole_disk_shadow(const struct blkdevs *set, const struct blkdev *d)
{
	int i;

	if (d->partition || d->id.version != 0)
		return 0;
	for (i = 0; i < set->count; i++)
		if (set->dev[i].partition && !strcmp(set->dev[i].disk, d->name))
			return 1;
	return 0;
}

/* One device: 1 when a layer above it was started, 0 if none, -errno. */
static int activate_one(struct kinit *k, struct stack *st, struct blkdevs *set,
			struct blkdev *d, int *pvs, int *autorun)
{
	if (d->id.usage == PROBE_CRYPTO)
		return crypt_unlock(k, d);
	if (!strcmp(d->id.type, "LVM2_member")) {
		(*pvs)++;
		return 0;
	}
	if (strcmp(d->id.type, "linux_raid_member") || !md_wanted(k, d) ||
	    whole_disk_shadow(set, d))
		return 0;
	/* 0.90 on a partition: the kernel's autodetect knows it (type fd) */
	if (d->id.version == 0 && d->partition && !st->md_autorun) {
		if (k->args.storage.md_autodetect != 0) {
			(*autorun)++;
			return -EAGAIN;		/* decided after the autorun */
		}
		st->md_autorun = 1;
		info(k, "md: raid=noautodetect: the kernel is not asked (RAID_AUTORUN), 0.90 members go to mdadm");
	}
	return mdadm_add(k, st, d);
}

/**
 * stack_activate() - start the next layer of whatever the devices hold
 * @k:		state and options
 * @st:		what earlier passes did
 * @set:	the identified devices
 *
 * Each device is handled once: LUKS volumes are unlocked, md members
 * handed to the kernel's autodetect or to mdadm, and when new LVM
 * physical volumes were seen LVM is activated.  Devices a layer already
 * holds are skipped.  md arrays still incomplete MD_DEGRADED_WAIT_MS
 * after their first member are started degraded.
 *
 * Return: >0 when something new was started (look again at once), 0
 * when there is nothing to do now, -errno when a layer failed for good
 * (a LUKS volume nobody could unlock), with k->what set.
 */
int stack_activate(struct kinit *k, struct stack *st, struct blkdevs *set)
{
	int i, ret, started = 0, pvs = 0, autorun = 0;

	if (st->passes >= STACK_PASSES_MAX * BLKDEV_MAX)
		return 0;
	make_run_dirs();
	for (i = 0; i < set->count; i++) {
		struct blkdev *d = &set->dev[i];

		if (d->stacked || d->probed <= 0)
			continue;
		if (stack_in_use(d)) {
			d->stacked = 1;
			continue;
		}
		ret = activate_one(k, st, set, d, &pvs, &autorun);
		if (ret == -EAGAIN)
			continue;
		d->stacked = 1;
		if (ret < 0)
			return ret;
		started += ret;
	}
	if (autorun)
		started += md_autorun(k, st);
	if (pvs)
		started += lvm_activate(k) > 0;
	if (st->md_first_ms && !st->md_degraded &&
	    kinit_now_ms() - st->md_first_ms >= MD_DEGRADED_WAIT_MS)
		started += mdadm_run_degraded(k, st);
	if (started) {
		stack_link_dm();
		st->passes++;
	}
	return started;
}
