// SPDX-License-Identifier: GPL-2.0
/*
 * resume.c - resume from hibernation: find the resume= device and hand
 * its number to the kernel, before anything is mounted read-write.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "storage/storage.h"

#ifndef CONFIG_KINIT_RESUME_TIMEOUT
#define CONFIG_KINIT_RESUME_TIMEOUT 5
#endif

#define SYS_POWER_RESUME	"/sys/power/resume"
#define RESUME_POLL_US		100000

#define RESUME_CANDIDATES_MAX	8

/*
 * Look for the resume device among what there is: its index, -ENOENT
 * when there is none yet, -ENOTUNIQ (logged, with the devices) when two
 * distinct devices answer: an image is resumed only from an unambiguous
 * one.
 */
static int find_resume(struct kinit *k, struct blkdevs *set)
{
	int match[RESUME_CANDIDATES_MAX], n = 0, total = 0, i;

	blkdev_scan(set);
	for (i = 0; i < set->count; i++) {
		blkdev_identify(&set->dev[i], set);
		if (!blkdev_matches(&set->dev[i], &k->args.storage.resume, set))
			continue;
		total++;
		if (n < RESUME_CANDIDATES_MAX)
			match[n++] = i;
	}
	if (!n)
		return -ENOENT;
	if (total == n && blkdev_unique(set, match, n))
		return match[0];
	error(k, "resume: resume=%s names %d distinct devices:", k->args.storage.resume_raw,
	      total);
	for (i = 0; i < n; i++)
		error(k, "resume:   /dev/%s (%s)", set->dev[match[i]].name,
		      set->dev[match[i]].id.type[0] ? set->dev[match[i]].id.type : "unknown type");
	return -ENOTUNIQ;
}

/* The kernel resumes inside this write; it returns when there is no image. */
static int write_resume(const struct blkdev *d)
{
	char num[32];
	int fd, len, ret = 0;

	len = ksnprintf(num, sizeof(num), "%u:%u\n", major(d->devnum), minor(d->devnum));
	fd = open(SYS_POWER_RESUME, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (write(fd, num, len) != len)
		ret = -errno;
	close(fd);
	return ret;
}

/**
 * resume_check() - the resume step
 * @k:	state and options
 *
 * Waits up to CONFIG_KINIT_RESUME_TIMEOUT seconds for the device resume=
 * names, then writes MAJ:MIN to /sys/power/resume: if it holds a
 * hibernation image the kernel restores it and this never returns.
 * Nothing has been mounted or activated yet, so nothing the image does
 * not know about has been written.  A missing device or no image is
 * not a failure: the boot goes on; so does a resume= that two distinct
 * devices answer to, without resuming.
 *
 * Return: 0.
 */
int resume_check(struct kinit *k)
{
	struct blkdevs set = { .log = k->log };
	const struct storage_args *s = &k->args.storage;
	long long deadline = kinit_now_ms() + CONFIG_KINIT_RESUME_TIMEOUT * 1000LL;
	struct blkdev *d;
	int i, ret;

	if (s->resume.kind == ROOT_NONE)
		return 0;
	if (s->noresume) {
		info(k, "resume: noresume given: not resuming from %s", s->resume_raw);
		return 0;
	}
	while ((i = find_resume(k, &set)) == -ENOENT && kinit_now_ms() < deadline)
		usleep(RESUME_POLL_US);
	if (i == -ENOTUNIQ) {
		error(k, "resume: not resuming from an ambiguous resume=: booting normally");
		blkdev_free(&set);
		return 0;
	}
	if (i < 0) {
		error(k, "resume: resume=%s not found within %d s: booting normally",
		      s->resume_raw, CONFIG_KINIT_RESUME_TIMEOUT);
		blkdev_free(&set);
		return 0;
	}
	d = &set.dev[i];
	info(k, "resume: resume=%s is /dev/%s (%u:%u)%s", s->resume_raw, d->name,
	     major(d->devnum), minor(d->devnum),
	     d->id.hibernated ? ", with a hibernation image: resuming" : "");
	ret = write_resume(d);
	if (ret)
		error(k, "resume: %s: %s: booting normally", SYS_POWER_RESUME, errstr(-ret));
	else
		info(k, "resume: no hibernation image on /dev/%s: booting normally", d->name);
	blkdev_free(&set);
	return 0;
}
