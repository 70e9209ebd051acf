// SPDX-License-Identifier: GPL-2.0
/*
 * failure.c - the one death path.  PID 1 must never exit (the kernel
 * would panic with "Attempted to kill init!"), so a failed step ends
 * here: the message, then a rescue shell, a reboot or a halt.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "lib/compat.h"
#include "kinit.h"

#ifndef CONFIG_KINIT_FAILURE_SHELL
#define CONFIG_KINIT_FAILURE_SHELL 0
#endif
#ifndef CONFIG_KINIT_FAILURE_HALT
#define CONFIG_KINIT_FAILURE_HALT 0
#endif

/* The shell's child side: a session of its own with the console as tty. */
static void shell_child(void)
{
	static char *const argv[] = { "sh", NULL };
	static char *const envp[] = {
		"PATH=/sbin:/bin:/usr/sbin:/usr/bin", "PS1=(kinit) # ", "HOME=/", "TERM=linux", NULL,
	};
	int fd;

	setsid();
	fd = open("/dev/console", O_RDWR);
	if (fd >= 0) {
		ioctl(fd, TIOCSCTTY, (void *)1);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	execve(KINIT_BUSYBOX_PATH, argv, envp);
	_exit(127);
}

/**
 * run_shell() - run the rescue shell on the console and wait for it
 * @k:		state
 * @why:	shown to the user: the break point or the failure
 * @then:	what exiting the shell does ("continue the boot")
 *
 * Return: 0 when the shell ran and exited, -ENOENT without a busybox.
 */
int run_shell(struct kinit *k, const char *why, const char *then)
{
	pid_t pid, w;
	int status;

	if (access(KINIT_BUSYBOX_PATH, X_OK))
		return kinit_what(k, -ENOENT, "rescue shell (%s): %s", why, KINIT_BUSYBOX_PATH);
	error(k, "%s: starting a shell; exit it to %s", why, then);
	pid = fork();
	if (pid < 0)
		return kinit_what(k, -errno, "fork for the rescue shell");
	if (pid == 0)
		shell_child();
	/* PID 1 reaps every orphan; stop when the shell itself is gone */
	do {
		w = waitpid(-1, &status, 0);
	} while (w != pid && !(w < 0 && errno == ECHILD));
	return 0;
}

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
 * poweroff).  Returns only after a rescue shell exits, so that main()
 * tries the boot again.
 */
void boot_failed(struct kinit *k, const char *step, int err)
{
	enum rd_emergency how = failure_action(k);
	int want_shell = k->args.rd_shell > 0 ||
			 (k->args.rd_shell != 0 && how == RD_EMERGENCY_SHELL);
	char what[sizeof(k->what)];

	error(k, "%s: %s: %s", step, k->what[0] ? k->what : "failed", errstr(-err));
	if (want_shell) {
		memcpy(what, k->what, sizeof(what));
		if (!run_shell(k, step, "continue the boot"))
			return;
		error(k, "no rescue shell: %s not in the image (set CONFIG_KINIT_BUSYBOX)",
		      KINIT_BUSYBOX_PATH);
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
