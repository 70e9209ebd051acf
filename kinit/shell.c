// SPDX-License-Identifier: GPL-2.0
/*
 * shell.c - the rescue shell (rd.break=, rd.shell, the failure action):
 * who may have it, as Kconfig's shell policy says, and running it.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "kinit.h"
#include "lib/kconfig.h"

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

/*
 * The policy, before anything else: "nobody" refuses even where there is
 * no shell to run, so the message names the option, not a missing file.
 */
static int shell_refused(struct kinit *k, const char *why)
{
	if (!IS_ENABLED(CONFIG_KINIT_SHELL_NOBODY))
		return 0;
	error(k, "%s: rescue shell refused: CONFIG_KINIT_SHELL_NOBODY is 'nobody' (CONFIG_KINIT_SHELL_PASSWORD allows one after a password)",
	      why);
	return kinit_what(k, -EPERM, "rescue shell (%s): refused by CONFIG_KINIT_SHELL_NOBODY",
			  why);
}

/**
 * run_shell() - run the rescue shell on the console and wait for it
 * @k:		state
 * @why:	shown to the user: the break point or the failure
 * @then:	what exiting the shell does ("continue the boot")
 *
 * Only as the shell policy allows: never with KINIT_SHELL_NOBODY, only
 * after the right password with KINIT_SHELL_PASSWORD.
 *
 * Return: 0 when the shell ran and exited; -EPERM when the policy is
 * "nobody", -EACCES when the password was not given, -ENOENT without a
 * busybox (each said, k->what naming it).
 */
int run_shell(struct kinit *k, const char *why, const char *then)
{
	pid_t pid, w;
	int status, ret;

	ret = shell_refused(k, why);
	if (ret)
		return ret;
	if (access(KINIT_BUSYBOX_PATH, X_OK))
		return kinit_what(k, -ENOENT, "rescue shell (%s): %s", why, KINIT_BUSYBOX_PATH);
	if (IS_ENABLED(CONFIG_KINIT_SHELL_PASSWORD)) {
		ret = shell_password(k, why);
		if (ret)
			return ret;
	}
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
