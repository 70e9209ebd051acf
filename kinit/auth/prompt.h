/* SPDX-License-Identifier: GPL-2.0 */
/*
 * prompt.h - a password typed on the console: the line editing (a pure
 * function of the bytes, for tests and the fuzzer) and the prompt.
 */
#ifndef KINIT_AUTH_PROMPT_H
#define KINIT_AUTH_PROMPT_H

#include <stddef.h>

#define PASSWORD_MAX	128	/* bytes kept; a longer line is a wrong one */

/**
 * struct line_edit - a line being typed, never echoed
 * @buf:	the bytes kept, NUL-terminated
 * @len:	bytes in @buf
 * @dropped:	bytes typed beyond PASSWORD_MAX, counted, not kept (so that
 *		backspace takes them back first)
 */
struct line_edit {
	char buf[PASSWORD_MAX + 1];
	size_t len;
	size_t dropped;
};

enum line_state {
	LINE_MORE,	/* go on reading */
	LINE_DONE,	/* CR or LF: the line is complete */
};

void line_reset(struct line_edit *e);
enum line_state line_feed(struct line_edit *e, unsigned char c);
int prompt_password(int fd, const char *prompt, struct line_edit *e);

#endif /* KINIT_AUTH_PROMPT_H */
