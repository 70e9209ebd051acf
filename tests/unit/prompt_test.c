// SPDX-License-Identifier: GPL-2.0
/*
 * prompt_test.c - host unit tests for kinit/auth/prompt.c: the password
 * line's editing, fed bytes (backspace, DEL, ^U, CR/LF, NUL, overlong),
 * and the prompt on a pseudo-terminal: no echo while it reads, what was
 * typed before the prompt thrown away, the terminal put back.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "auth/prompt.c"
#include "lib/util.h"

#include "ktap.h"

struct feed_case {
	const char *name;
	const char *in;
	size_t inlen;		/* 0: strlen(in) */
	const char *want;	/* the line kept */
	size_t dropped;
	int done_at;		/* index of the byte that ended the line, -1 none */
};

static const struct feed_case feed_cases[] = {
	{ "plain, LF", "secret\n", 0, "secret", 0, 6 },
	{ "plain, CR", "secret\r", 0, "secret", 0, 6 },
	{ "CR LF: the CR ends it", "pw\r\n", 0, "pw", 0, 2 },
	{ "empty line", "\n", 0, "", 0, 0 },
	{ "no end yet", "secret", 0, "secret", 0, -1 },
	{ "backspace", "secrex\bt\n", 0, "secret", 0, 8 },
	{ "DEL", "secrex\x7ft\n", 0, "secret", 0, 8 },
	{ "backspace on an empty line", "\b\b\x7fpw\n", 0, "pw", 0, 5 },
	{ "backspace takes all back", "ab\b\b\n", 0, "", 0, 4 },
	{ "^U kills the line", "wrong\x15right\n", 0, "right", 0, 11 },
	{ "^U at the end", "wrong\x15\n", 0, "", 0, 6 },
	{ "NUL dropped", "se\0cret\n", 8, "secret", 0, 7 },
	{ "tab, ESC, 8-bit kept", "a\tb\x1b\xc3\xa9\n", 0, "a\tb\x1b\xc3\xa9", 0, 6 },
	{ "^C is a byte like any", "a\x03" "b\n", 0, "a\x03" "b", 0, 3 },
	{ "bytes after the end are not read", "pw\nmore\n", 0, "pw", 0, 2 },
};

/* Feed @in; return the index of the byte that ended the line, or -1. */
static int feed(struct line_edit *e, const char *in, size_t len)
{
	size_t i;

	line_reset(e);
	for (i = 0; i < len; i++)
		if (line_feed(e, (unsigned char)in[i]) == LINE_DONE)
			return (int)i;
	return -1;
}

static void feed_tests(struct ktap *t)
{
	struct line_edit e;
	char big[3 * PASSWORD_MAX];
	size_t i, n;
	int at;

	for (i = 0; i < ARRAY_SIZE(feed_cases); i++) {
		const struct feed_case *c = &feed_cases[i];

		n = c->inlen ? c->inlen : strlen(c->in);
		at = feed(&e, c->in, n);
		ktap_check(t, at == c->done_at && !strcmp(e.buf, c->want) &&
			   e.len == strlen(c->want) && e.dropped == c->dropped,
			   "line: %s # ended at %d, len %zu, dropped %zu", c->name, at, e.len,
			   e.dropped);
	}
	/* exactly PASSWORD_MAX bytes fit; one more is counted, not kept */
	memset(big, 'x', sizeof(big));
	big[PASSWORD_MAX] = '\n';
	at = feed(&e, big, PASSWORD_MAX + 1);
	ktap_check(t, at == PASSWORD_MAX && e.len == PASSWORD_MAX && !e.dropped &&
		   e.buf[PASSWORD_MAX] == '\0', "line: %d bytes fit", PASSWORD_MAX);
	big[PASSWORD_MAX] = 'y';
	big[PASSWORD_MAX + 1] = '\n';
	at = feed(&e, big, PASSWORD_MAX + 2);
	ktap_check(t, at == PASSWORD_MAX + 1 && e.len == PASSWORD_MAX && e.dropped == 1 &&
		   e.buf[PASSWORD_MAX] == '\0', "line: one byte more is dropped, counted");
	memset(big, 'x', sizeof(big));
	at = feed(&e, big, sizeof(big));
	ktap_check(t, at == -1 && e.len == PASSWORD_MAX && e.dropped == sizeof(big) - PASSWORD_MAX,
		   "line: %zu bytes without an end stay bounded", sizeof(big));
	/* backspace takes the dropped bytes back first, then the kept ones */
	memcpy(big + PASSWORD_MAX, "yz\b\b\bQ\n", 7);
	at = feed(&e, big, PASSWORD_MAX + 7);
	ktap_check(t, at == PASSWORD_MAX + 6 && e.len == PASSWORD_MAX && !e.dropped &&
		   e.buf[PASSWORD_MAX - 1] == 'Q', "line: backspace over the overflow");
	/* ^U wipes: nothing of the killed line is left in the buffer */
	feed(&e, "topsecret\x15", 10);
	for (i = 0, n = 0; i < sizeof(e.buf); i++)
		n += e.buf[i] != 0;
	KTAP_EQ_INT(t, n, 0, "line: ^U leaves no byte of the killed line");
	feed(&e, "pw\b", 3);
	KTAP_EQ_INT(t, e.buf[2] | e.buf[1], 0, "line: backspace clears the byte it takes back");
}

/* Read from the pty master until @want has been seen; 0 or -1. */
static int wait_for(int master, const char *want, char *seen, size_t size)
{
	size_t len = 0;
	ssize_t n;

	seen[0] = '\0';
	while (!strstr(seen, want)) {
		if (len + 1 >= size)
			return -1;
		n = read(master, seen + len, size - 1 - len);
		if (n <= 0)
			return -1;
		len += n;
		seen[len] = '\0';
	}
	return 0;
}

/* The prompt on a pty: the child asks, the parent types. */
static void pty_tests(struct ktap *t)
{
	struct termios before, during, after;
	int master, slave, res[2], status, ok;
	char seen[256], got[64] = "";
	struct line_edit e;
	ssize_t n;
	pid_t pid;

	master = posix_openpt(O_RDWR | O_NOCTTY);
	slave = master < 0 || grantpt(master) || unlockpt(master) ? -1 :
		open(ptsname(master), O_RDWR | O_NOCTTY);
	if (slave < 0 || pipe(res)) {
		for (n = 0; n < 5; n++)
			ktap_skip(t, "prompt on a pty", "no pseudo-terminal here");
		return;
	}
	tcgetattr(slave, &before);
	/* typed before the prompt: must not become the password */
	write(master, "early\n", 6);
	usleep(100000);
	pid = fork();
	if (pid == 0) {
		int ret = prompt_password(slave, "Password: ", &e);

		dprintf(res[1], "%d:%s", ret, e.buf);
		_exit(0);
	}
	ok = !wait_for(master, "Password: ", seen, sizeof(seen));
	tcgetattr(slave, &during);
	KTAP_EQ_INT(t, ok && !(during.c_lflag & (ECHO | ICANON)), 1,
		    "prompt: echo and canonical mode off while reading");
	write(master, "pa\x7fss\r", 6);
	waitpid(pid, &status, 0);
	close(res[1]);
	n = read(res[0], got, sizeof(got) - 1);
	got[n > 0 ? n : 0] = '\0';
	KTAP_EQ_STR(t, got, "0:pss", "prompt: the line typed after the prompt, edited");
	tcgetattr(slave, &after);
	KTAP_EQ_INT(t, after.c_lflag == before.c_lflag && after.c_iflag == before.c_iflag, 1,
		    "prompt: the terminal is put back");
	/* only the newline after the line: nothing typed came back */
	n = read(master, seen, sizeof(seen) - 1);
	seen[n > 0 ? n : 0] = '\0';
	ktap_check(t, !strstr(seen, "pa") && !strstr(seen, "ss"), "prompt: no echo # got '%s'",
		   seen);
	close(slave);
	/* end of input: an error, not an empty password */
	pid = fork();
	if (pid == 0) {
		int fds[2], ret;

		signal(SIGPIPE, SIG_IGN);
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds))
			_exit(2);
		shutdown(fds[1], SHUT_WR);	/* nothing more to read; writes go */
		ret = prompt_password(fds[0], "Password: ", &e);
		_exit(ret == -EIO ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	KTAP_EQ_INT(t, WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0,
		    "prompt: end of input is -EIO");
	close(master);
}

int main(void)
{
	struct ktap t = { 0 };
	int planned = ARRAY_SIZE(feed_cases) + 6 + 5;

	ktap_begin("prompt", planned);
	feed_tests(&t);
	pty_tests(&t);
	return ktap_end(&t, planned);
}
