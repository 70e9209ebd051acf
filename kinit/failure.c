// SPDX-License-Identifier: GPL-2.0
/*
 * failure.c - the one death path.  PID 1 must never exit (the kernel
 * would panic with "Attempted to kill init!"), so a failed step ends
 * here: the message, then a rescue shell (as shell.c allows), a reboot
 * or a halt.
 */
#include <errno.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

#include "lib/compat.h"
#include "kinit.h"

#ifndef CONFIG_KINIT_FAILURE_SHELL
#define CONFIG_KINIT_FAILURE_SHELL 0
#endif
#ifndef CONFIG_KINIT_FAILURE_HALT
#define CONFIG_KINIT_FAILURE_HALT 0
#endif

/* The failure action: rd.emergency= over the Kconfig choice. */
static enum rd_emergency failure_action(const struct kinit *k)
{
	if (k->args.rd_emergency != RD_EMERGENCY_NONE)
		return k->args.rd_emergency;
	if (CONFIG_KINIT_FAILURE_SHELL)
		return RD_EMERGENCY_SHELL;
	return CONFIG_KINIT_FAILURE_HALT ? RD_EMERGENCY_HALT : RD_EMERGENCY_REBOOT;
}

/* Halt, power off, or (also for a shell that cannot run) reboot. */
static void __attribute__((noreturn)) stop_machine(struct kinit *k, enum rd_emergency how)
{
	int cmd = RB_AUTOBOOT;

	sync();
	if (how == RD_EMERGENCY_HALT) {
		cmd = RB_HALT_SYSTEM;
		error(k, "halting the machine");
	} else if (how == RD_EMERGENCY_POWEROFF) {
		cmd = RB_POWER_OFF;
		error(k, "powering the machine off");
	} else if (CONFIG_KINIT_FAILURE_DELAY > 0) {
		error(k, "rebooting in %d s", CONFIG_KINIT_FAILURE_DELAY);
		sleep(CONFIG_KINIT_FAILURE_DELAY);
	}
	for (;;) {
		sys_reboot(cmd);
		pause();	/* reboot() failed: never return from PID 1 */
	}
}

/**
 * boot_failed() - report a failed step and take the failure action
 * @k:		state (k->what names the object)
 * @step:	the step's name
 * @err:	-errno
 *
 * Prints "kinit: <step>: <what>: <strerror>", then takes the failure
 * action: rd.emergency= if given, else the Kconfig choice; rd.shell=1
 * asks for the shell whatever the action, rd.shell=0 forbids it (then,
 * as without a busybox, the machine reboots unless the action is halt or
 * poweroff).  The shell policy (shell.c) may refuse the shell: then
 * too the machine reboots, halts or powers off, never a shell.  Returns
 * only after a rescue shell exits, so that main() tries the boot again.
 */
void boot_failed(struct kinit *k, const char *step, int err)
{
	enum rd_emergency how = failure_action(k);
	int want_shell = k->args.rd_shell > 0 ||
			 (k->args.rd_shell != 0 && how == RD_EMERGENCY_SHELL);
	char what[sizeof(k->what)];
	int ret;

	error(k, "%s: %s: %s", step, k->what[0] ? k->what : "failed", errstr(-err));
	if (want_shell) {
		memcpy(what, k->what, sizeof(what));
		ret = run_shell(k, step, "continue the boot");
		if (!ret)
			return;
		if (ret == -ENOENT)
			error(k, "no rescue shell: %s not in the image (set CONFIG_KINIT_BUSYBOX)",
			      KINIT_BUSYBOX_PATH);
		else if (ret != -EPERM && ret != -EACCES)	/* the policy said why */
			error(k, "no rescue shell: %s: %s", k->what, errstr(-ret));
		memcpy(k->what, what, sizeof(what));
	}
	stop_machine(k, how);
}

/**
 * boot_stop() - report a failure there is no retrying, and stop
 * @k:		state (k->what names the object)
 * @step:	the step's name
 * @err:	-errno, or 0 when nothing failed (a dry run)
 * @why:	why there is no retry, said last
 *
 * For what comes after the initramfs is freed, and for the end of a dry
 * run: the failure action (rd.emergency=, else Kconfig's): reboot, halt
 * or power off.  Never a shell (it may be gone with the initramfs): a
 * shell action reboots.  Never a return.
 */
void boot_stop(struct kinit *k, const char *step, int err, const char *why)
{
	if (err)
		error(k, "%s: %s: %s", step, k->what[0] ? k->what : "failed", errstr(-err));
	error(k, "%s: %s", step, why);
	stop_machine(k, failure_action(k));	/* a shell action reboots here */
}
