// SPDX-License-Identifier: GPL-2.0
/*
 * prompt.c - read a password on the console: echo and the terminal's own
 * line editing off (termios ioctls), our editing of the bytes instead,
 * bounded, and the terminal put back as it was.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "prompt.h"
#include "sha512.h"

#define KEY_KILL	0x15	/* ^U */

/**
 * line_reset() - wipe the line and start again
 * @e:	the line
 */
void line_reset(struct line_edit *e)
{
	auth_wipe(e, sizeof(*e));
}

/**
 * line_feed() - one typed byte
 * @e:	the line
 * @c:	the byte
 *
 * CR or LF ends the line.  Backspace and DEL take back the last byte,
 * ^U the whole line (wiped).  NUL is dropped: crypt(3) takes a C string,
 * so a password holds none.  Every other byte is part of the password;
 * past PASSWORD_MAX bytes they are only counted (@e->dropped), and such a
 * line can never match.
 *
 * Return: LINE_DONE at the end of the line, else LINE_MORE.
 */
enum line_state line_feed(struct line_edit *e, unsigned char c)
{
	switch (c) {
	case '\r':
	case '\n':
		return LINE_DONE;
	case '\0':
		break;
	case '\b':
	case 0x7f:
		if (e->dropped)
			e->dropped--;
		else if (e->len)
			e->buf[--e->len] = '\0';
		break;
	case KEY_KILL:
		line_reset(e);
		break;
	default:
		if (e->len < PASSWORD_MAX)
			e->buf[e->len++] = (char)c;
		else
			e->dropped++;
		break;
	}
	return LINE_MORE;
}

/* Echo, canonical mode and signals off: every byte comes to line_feed(). */
static int quiet_tty(int fd, struct termios *saved)
{
	struct termios t;

	if (ioctl(fd, TCGETS, saved))
		return -errno;
	t = *saved;
	t.c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL | ICANON | ISIG | IEXTEN);
	t.c_iflag &= ~(IXON | INLCR | IGNCR);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	/* TCSETSF: what was typed before the prompt is thrown away */
	return ioctl(fd, TCSETSF, &t) ? -errno : 0;
}

/**
 * prompt_password() - ask for a password on @fd, without echo
 * @fd:		the console, open for reading and writing
 * @prompt:	what to write first
 * @e:		receives the line (the caller wipes it)
 *
 * A console that is no terminal (no TCGETS) is read all the same.
 *
 * Return: 0 with the line in @e, or -errno (-EIO at end of input).
 */
int prompt_password(int fd, const char *prompt, struct line_edit *e)
{
	struct termios saved;
	int tty = !quiet_tty(fd, &saved), ret = 0;
	unsigned char c = 0;
	ssize_t n;

	line_reset(e);
	if (write(fd, prompt, strlen(prompt)) < 0)
		ret = -errno;
	while (!ret) {
		n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n != 1)
			ret = n < 0 ? -errno : -EIO;
		else if (line_feed(e, c) == LINE_DONE)
			break;
	}
	auth_wipe(&c, sizeof(c));
	if (tty)
		ioctl(fd, TCSETSF, &saved);
	if (write(fd, "\n", 1) < 0 && !ret)
		ret = -errno;
	return ret;
}
