// SPDX-License-Identifier: GPL-2.0
/*
 * password.c - the rescue shell's password (KINIT_SHELL_PASSWORD): asked
 * on the console, checked against the SHA-512-crypt hash built into kinit
 * (not a file an archive could replace), three tries, then never again
 * in this boot.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "kinit.h"
#include "auth/prompt.h"
#include "auth/sha512.h"
#include "lib/kconfig.h"

_Static_assert(IS_ENABLED(CONFIG_KINIT_SHELL_PASSWORD),
	       "auth/password.c is built for CONFIG_KINIT_SHELL_PASSWORD only");

#ifndef CONFIG_KINIT_SHELL_PASSWORD_HASH
#define CONFIG_KINIT_SHELL_PASSWORD_HASH ""
#endif

#define PASSWORD_TRIES	3
#define PASSWORD_DELAY	2	/* seconds after a wrong one */
#define PASSWORD_PROMPT	"Rescue shell password: "

/* One try: 1 right, 0 wrong, -errno when the console failed. */
static int try_password(int fd, const struct sha512crypt_spec *spec)
{
	struct line_edit line;
	int ret = prompt_password(fd, PASSWORD_PROMPT, &line);

	if (!ret)
		ret = !line.dropped && sha512crypt_verify(line.buf, line.len, spec);
	line_reset(&line);
	return ret;
}

/**
 * shell_password() - ask for the rescue shell's password
 * @k:		state; k->shell_denied is set after PASSWORD_TRIES wrong ones
 * @why:	what the shell is for ("rd.break=pre-mount", a failed step)
 *
 * Return: 0 when the right password was typed, else -EACCES (said on the
 * console and in the kernel log, k->what names it).
 */
int shell_password(struct kinit *k, const char *why)
{
	struct sha512crypt_spec spec;
	const char *bad;
	int fd, i, ret = 0;

	if (k->shell_denied)
		return kinit_what(k, -EACCES, "rescue shell (%s): refused after %d wrong passwords",
				  why, PASSWORD_TRIES);
	if (sha512crypt_parse(CONFIG_KINIT_SHELL_PASSWORD_HASH, &spec, &bad)) {
		error(k, "%s: rescue shell refused: CONFIG_KINIT_SHELL_PASSWORD_HASH: %s", why, bad);
		return kinit_what(k, -EACCES, "rescue shell (%s): no usable password hash", why);
	}
	fd = open("/dev/console", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return kinit_what(k, -errno, "rescue shell (%s): /dev/console", why);
	error(k, "%s: the rescue shell needs its password (CONFIG_KINIT_SHELL_PASSWORD)", why);
	for (i = 1; i <= PASSWORD_TRIES; i++) {
		ret = try_password(fd, &spec);
		if (ret)
			break;
		error(k, "%s: wrong rescue shell password (%d of %d tries)", why, i, PASSWORD_TRIES);
		sleep(PASSWORD_DELAY);
	}
	close(fd);
	auth_wipe(&spec, sizeof(spec));
	if (ret == 1) {
		info(k, "%s: rescue shell password accepted", why);
		return 0;
	}
	if (ret < 0)
		return kinit_what(k, ret, "rescue shell (%s): reading the password", why);
	k->shell_denied = 1;
	error(k, "%s: rescue shell refused: wrong password %d times", why, PASSWORD_TRIES);
	return kinit_what(k, -EACCES, "rescue shell (%s): wrong password %d times",
			  why, PASSWORD_TRIES);
}
