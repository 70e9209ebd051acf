// SPDX-License-Identifier: GPL-2.0
/*
 * mdadm.c - assemble md arrays with mdadm --incremental, member by member,
 * and start those still incomplete after a bounded wait, degraded.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "lib/dir.h"
#include "storage/storage.h"

#ifndef CONFIG_KINIT_MDADM_BINARY
#define CONFIG_KINIT_MDADM_BINARY "/sbin/mdadm"
#endif

/**
 * mdadm_add() - hand md member @d to mdadm --incremental
 * @k:	state and options
 * @st:	the time of the first member is kept, for the degraded start
 * @d:	an identified, wanted linux_raid_member no array holds yet
 *
 * mdadm starts the array when its last member arrives.
 *
 * Return: 1 when mdadm accepted the member, 0 when it did not.
 */
int mdadm_add(struct kinit *k, struct stack *st, const struct blkdev *d)
{
	const char *argv[4];
	char dev[48];
	int ret;

	ksnprintf(dev, sizeof(dev), "/dev/%s", d->name);
	argv[0] = CONFIG_KINIT_MDADM_BINARY;
	argv[1] = "--incremental";
	argv[2] = dev;
	argv[3] = NULL;
	if (!st->md_first_ms)
		st->md_first_ms = kinit_now_ms();
	ret = stack_run(k, argv, NULL, 0);
	if (ret) {
		error(k, "md: mdadm --incremental %s exited with status %d", dev, ret);
		return 0;
	}
	info(k, "md: %s (array UUID %s) added", dev, d->id.uuid);
	return 1;
}

/* Is some md array assembled but not running (members missing)? */
static int inactive_array(char *name, size_t size)
{
	char state[32];
	struct dir_reader dir;
	const char *md;
	int found = 0;

	if (dir_open(&dir, "/sys/block"))
		return 0;
	while (!found && (md = dir_next(&dir))) {
		if (strncmp(md, "md", 2))
			continue;
		if (read_text(state, sizeof(state), "/sys/block/%s/md/array_state", md))
			continue;
		if (!strncmp(state, "inactive", 8)) {
			ksnprintf(name, size, "%s", md);
			found = 1;
		}
	}
	dir_close(&dir);
	return found;
}

/**
 * mdadm_run_degraded() - start the arrays still missing members
 * @k:	state
 * @st:	marks this done: it happens once
 *
 * Called MD_DEGRADED_WAIT_MS after the first member was added.
 *
 * Return: 1 when an incomplete array was started, else 0.
 */
int mdadm_run_degraded(struct kinit *k, struct stack *st)
{
	static const char *const argv[] = {
		CONFIG_KINIT_MDADM_BINARY, "--incremental", "--run", "--scan", NULL,
	};
	char name[64];
	int ret;

	st->md_degraded = 1;
	if (!inactive_array(name, sizeof(name)))
		return 0;
	error(k, "md: /dev/%s still incomplete after %d s: starting it degraded",
	      name, MD_DEGRADED_WAIT_MS / 1000);
	ret = stack_run(k, argv, NULL, 0);
	if (ret)
		error(k, "md: mdadm --incremental --run --scan exited with status %d", ret);
	return !ret;
}
