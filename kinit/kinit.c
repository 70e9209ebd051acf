// SPDX-License-Identifier: GPL-2.0
/*
 * kinit.c - PID 1 of the built-in initramfs: the boot sequence.
 * Each step is a short function elsewhere; this file orders them and
 * records what a failing one failed on (kinit_what()).
 */
#include <errno.h>
#include <stdarg.h>

#include "kinit.h"
#include "storage/storage.h"

/**
 * kinit_what() - record what a failing step failed on, and pass on @err
 * @k:		state; k->what receives the text
 * @err:	-errno to return
 * @fmt:	printf format naming the object ("/dev/vda", "root=UUID=...")
 *
 * Return: @err, so a step can "return kinit_what(k, -ENOENT, ...)".
 */
int kinit_what(struct kinit *k, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(k->what, sizeof(k->what), fmt, ap);
	va_end(ap);
	return err;
}

/**
 * struct step - one stage of the boot
 * @name:	used in log lines and failure messages ("kinit: <name>: ...")
 * @run:	0 on success or -errno, with k->what naming the object
 */
struct step {
	const char *name;
	int (*run)(struct kinit *k);
};

/* rd.break=: a shell if the policy allows; "nobody" lets the boot go on */
static int rescue_break(struct kinit *k, const char *why)
{
	int ret = run_shell(k, why, "continue the boot");

	if (ret == -EPERM) {
		error(k, "%s: continuing the boot without a shell", why);
		return 0;
	}
	return ret;
}

static int pre_mount(struct kinit *k)
{
	if (k->args.rd_break == RD_BREAK_PRE_MOUNT)
		return rescue_break(k, "rd.break=pre-mount");
	return 0;
}

static int pre_pivot(struct kinit *k)
{
	if (k->args.rd_break == RD_BREAK_PRE_PIVOT)
		return rescue_break(k, "rd.break=pre-pivot");
	return 0;
}

/*
 * rd.break=dry-run: every check of the switch has passed; say what the
 * switch would do, give a shell as rd.break does, and stop there.
 */
static int dry_run(struct kinit *k)
{
	if (k->args.rd_break != RD_BREAK_DRY_RUN)
		return 0;
	switch_dry_run(k);
	run_shell(k, "rd.break=dry-run", "end the dry run");
	boot_stop(k, "dry-run", 0, "rd.break=dry-run: not switching");
}

static const struct step boot[] = {
	{ .name = "early-mounts",	.run = mount_early },
	{ .name = "bootloader-archive",	.run = bootloader_settings },
	{ .name = "cmdline",		.run = read_cmdline },
	{ .name = "load-modules",	.run = load_modules },
	{ .name = "coldplug",		.run = coldplug_devices },
	{ .name = "network",		.run = net_up },
	{ .name = "pre-mount",		.run = pre_mount },
	{ .name = "resume",		.run = resume_check },
	{ .name = "find-root",		.run = find_root },
	{ .name = "mount-root",		.run = mount_root },
	{ .name = "network-record",	.run = net_record },
	{ .name = "pre-pivot",		.run = pre_pivot },
	{ .name = "check-root",		.run = check_new_root },
	{ .name = "dry-run",		.run = dry_run },
	{ .name = "switch-root",	.run = switch_root },
};

/* Run the steps in order; on failure say which one and why. */
static const char *run_boot(struct kinit *k, int *err)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(boot); i++) {
		k->what[0] = '\0';
		*err = boot[i].run(k);
		if (*err)
			return boot[i].name;
	}
	/* switch_root() returns only when it failed before committing */
	*err = -ENOEXEC;
	return "switch-root";
}

int main(int argc, char **argv, char **envp)
{
	struct kinit_log log = { .fd = -1 };
	struct kinit k = {
		.argc = argc, .argv = argv, .envp = envp,
		.log = &log, .t0_ms = kinit_now_ms(),
	};
	const char *step;
	int err;

	/*
	 * PID 1 must never return.  boot_failed() reboots or halts, or
	 * runs a rescue shell and comes back so the user can retry after
	 * fixing things by hand.  Every step up to the switch's commit
	 * leaves the initramfs intact, so a retry is a real one; the
	 * commit never comes back (boot_stop()).
	 */
	for (;;) {
		step = run_boot(&k, &err);
		boot_failed(&k, step, err);
	}
}
