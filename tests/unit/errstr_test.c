// SPDX-License-Identifier: GPL-2.0
/*
 * errstr_test.c - host unit tests for kinit/lib/errstr.c: the texts boot
 * scenarios and users grep for, and "error N" for the rest.
 */
#include "lib/errstr.c"

#include "ktap.h"

struct errstr_case {
	int err;
	const char *text;
};

static const struct errstr_case cases[] = {
	{ ENOENT,	"No such file or directory" },
	{ ENODEV,	"No such device" },
	{ EACCES,	"Permission denied" },
	{ EINVAL,	"Invalid argument" },
	{ EIO,		"I/O error" },
	{ EPERM,	"Operation not permitted" },
	{ EKEYREJECTED,	"Key was rejected by service" },
	{ ENOTUNIQ,	"Name not unique on network" },
	{ ETIMEDOUT,	"Connection timed out" },
	{ 0,		"error 0" },
	{ ERANGE,	"error 34" },
	{ EINTR,	"error 4" },
	{ 255,		"error 255" },
	{ 256 + ENOENT,	"error 258" },
	{ -ENOENT,	"error -2" },
};

int main(void)
{
	struct ktap t = { 0 };
	size_t i, n = 0;
	int planned = ARRAY_SIZE(cases) + 1;

	ktap_begin("errstr", planned);
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		KTAP_EQ_STR(&t, errstr(cases[i].err), cases[i].text, "errstr");
	/* a text that looks like the fallback would hide the number */
	for (i = 0; i < ARRAY_SIZE(err_texts); i++)
		n += err_texts[i] && !strncmp(err_texts[i], "error", 5);
	KTAP_EQ_INT(&t, n, 0, "no text reads like \"error N\"");
	return ktap_end(&t, planned);
}
