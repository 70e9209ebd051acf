// SPDX-License-Identifier: GPL-2.0
/*
 * crypthash_fuzz.c - libFuzzer target for the reader of the rescue shell's
 * password hash (kinit/auth/crypt_parse.c, also the build's check): any
 * text is refused with a reason or accepted, and what is accepted is
 * exactly the text written back from the parsed parts, within the spec's
 * bounds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "auth/crypt_parse.c"

#define CHECK(c)	do { if (!(c)) { fprintf(stderr, "CHECK failed: %s\n", #c); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[256], back[SHA512CRYPT_MAX + 16];
	struct sha512crypt_spec spec;
	const char *why = NULL;
	size_t n = size < sizeof(in) - 1 ? size : sizeof(in) - 1;

	memcpy(in, data, n);
	in[n] = '\0';
	if (sha512crypt_parse(in, &spec, &why)) {
		CHECK(why && why[0]);
		return 0;
	}
	CHECK(!why);
	CHECK(spec.rounds >= SHA512CRYPT_ROUNDS_MIN && spec.rounds <= SHA512CRYPT_ROUNDS_MAX);
	CHECK(spec.rounds_given || spec.rounds == SHA512CRYPT_ROUNDS_DEFAULT);
	CHECK(strlen(spec.salt) >= 1 && strlen(spec.salt) <= SHA512CRYPT_SALT_MAX);
	CHECK(strlen(spec.hash) == SHA512CRYPT_HASH_LEN);
	if (spec.rounds_given)
		snprintf(back, sizeof(back), "$6$rounds=%lu$%s$%s", spec.rounds, spec.salt, spec.hash);
	else
		snprintf(back, sizeof(back), "$6$%s$%s", spec.salt, spec.hash);
	CHECK(!strcmp(back, in));
	return 0;
}
