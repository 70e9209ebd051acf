// SPDX-License-Identifier: GPL-2.0
/*
 * shell_hash.c - the build's check of CONFIG_KINIT_SHELL_PASSWORD_HASH:
 * kinit's own strict parser (kinit/auth/crypt_parse.c) decides, so that a
 * hash that passes here is one kinit can check a password against.
 */
#include <errno.h>
#include <stdio.h>

#include "genlist.h"
#include "kinit/auth/crypt_parse.c"

#define HOW_TO_MAKE "make one with \"mkpasswd -m sha-512\" (package whois) or \"openssl passwd -6\""

/**
 * shell_hash_check() - is @hash a SHA-512-crypt hash kinit can use?
 * @hash:	the option's value, NULL when it is not set
 *
 * Return: 0, or -EINVAL after a message naming the option, what is wrong
 * with the value and how to make a good one.
 */
int shell_hash_check(const char *hash)
{
	struct sha512crypt_spec spec;
	const char *why;

	if (!hash || !hash[0]) {
		fprintf(stderr, "kinit_gen: CONFIG_KINIT_SHELL_PASSWORD_HASH is empty, but CONFIG_KINIT_SHELL_PASSWORD asks for a password: %s, or choose another rescue shell policy\n",
			HOW_TO_MAKE);
		return -EINVAL;
	}
	if (sha512crypt_parse(hash, &spec, &why)) {
		fprintf(stderr, "kinit_gen: CONFIG_KINIT_SHELL_PASSWORD_HASH: %s; only SHA-512-crypt ($6$[rounds=N$]salt$hash) is supported: %s\n",
			why, HOW_TO_MAKE);
		return -EINVAL;
	}
	return 0;
}
