// SPDX-License-Identifier: GPL-2.0
/*
 * crypt_parse.c - the strict reader of a stored SHA-512-crypt hash
 * ("$6$[rounds=N$]salt$hash"), shared by kinit and the build's check of
 * CONFIG_KINIT_SHELL_PASSWORD_HASH (usr/shell_hash.c), so that a hash
 * the build accepts is a hash kinit can use.
 */
#include <errno.h>
#include <string.h>

#include "sha512.h"

static int crypt_b64(int c)
{
	return c == '.' || c == '/' || (c >= '0' && c <= '9') ||
	       (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* "rounds=N$": N decimal without leading zeros, in the spec's bounds. */
static const char *parse_rounds(const char *s, struct sha512crypt_spec *spec)
{
	unsigned long n = 0;
	int digits = 0;

	if (strncmp(s, "rounds=", 7))
		return s;
	for (s += 7; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 9 || (digits == 2 && n == 0))
			return NULL;
		n = n * 10 + (unsigned long)(*s - '0');
	}
	if (!digits || *s != '$' || n < SHA512CRYPT_ROUNDS_MIN || n > SHA512CRYPT_ROUNDS_MAX)
		return NULL;
	spec->rounds = n;
	spec->rounds_given = 1;
	return s + 1;
}

/**
 * sha512crypt_parse() - read a stored SHA-512-crypt hash, strictly
 * @s:		the text, e.g. "$6$rounds=5000$salt$" and 86 characters
 * @spec:	filled in on success
 * @why:	on failure, what is wrong, for the message
 *
 * Nothing crypt(3) would read differently is accepted: no other method
 * than "$6$", rounds only as 1000..999999999 without leading zeros, a salt
 * of 1 to 16 characters of [./0-9A-Za-z], a hash of exactly 86 of them
 * whose last one carries only the 2 bits left (one of "./01"), and
 * nothing after it.
 *
 * Return: 0, or -EINVAL with *@why set.
 */
int sha512crypt_parse(const char *s, struct sha512crypt_spec *spec, const char **why)
{
	const char *p;
	size_t n;

	memset(spec, 0, sizeof(*spec));
	spec->rounds = SHA512CRYPT_ROUNDS_DEFAULT;
	*why = "not SHA-512-crypt: it must start with $6$";
	if (strncmp(s, "$6$", 3))
		return -EINVAL;
	*why = "rounds= must be 1000 to 999999999, without leading zeros, then $";
	p = parse_rounds(s + 3, spec);
	if (!p)
		return -EINVAL;
	*why = "the salt must be 1 to 16 characters of ./0-9A-Za-z, then $";
	for (n = 0; crypt_b64((unsigned char)p[n]); n++)
		if (n == SHA512CRYPT_SALT_MAX)
			return -EINVAL;
	if (!n || p[n] != '$')
		return -EINVAL;
	memcpy(spec->salt, p, n);
	p += n + 1;
	*why = "the hash after the salt must be 86 characters of ./0-9A-Za-z";
	for (n = 0; crypt_b64((unsigned char)p[n]); n++)
		if (n == SHA512CRYPT_HASH_LEN)
			return -EINVAL;
	if (n != SHA512CRYPT_HASH_LEN || p[n])
		return -EINVAL;
	*why = "the hash's last character must be one of ./01 (it holds 2 bits)";
	if (!strchr("./01", p[n - 1]))
		return -EINVAL;
	memcpy(spec->hash, p, n);
	*why = NULL;
	return 0;
}
