/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sha512.h - SHA-512 (FIPS 180-4) and SHA-512-crypt (Drepper, "Unix crypt
 * using SHA-256 and SHA-512"), for the rescue shell's password check.
 */
#ifndef KINIT_AUTH_SHA512_H
#define KINIT_AUTH_SHA512_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SHA512_DIGEST	64
#define SHA512_BLOCK	128

/**
 * struct sha512 - a SHA-512 computation in progress
 * @h:		the chaining value
 * @bytes:	message bytes taken so far (2^64 bytes is plenty here)
 * @buf:	the partial block
 * @n:		bytes used in @buf
 */
struct sha512 {
	uint64_t h[8];
	uint64_t bytes;
	uint8_t buf[SHA512_BLOCK];
	size_t n;
};

void sha512_init(struct sha512 *s);
void sha512_update(struct sha512 *s, const void *data, size_t len);
void sha512_final(struct sha512 *s, uint8_t out[SHA512_DIGEST]);

/*
 * Wipe a secret; the empty asm that "reads" @buf keeps the compiler from
 * dropping the memset as a dead store (the kernel's memzero_explicit()).
 */
static inline void auth_wipe(void *buf, size_t len)
{
	memset(buf, 0, len);
	__asm__ __volatile__("" : : "r"(buf) : "memory");
}

/* sha512crypt.c */
#define SHA512CRYPT_SALT_MAX	16
#define SHA512CRYPT_KEY_MAX	256	/* longer keys: -E2BIG (the prompt takes 128) */
#define SHA512CRYPT_HASH_LEN	86	/* 64 bytes, 6 bits a character */
#define SHA512CRYPT_ROUNDS_DEFAULT 5000
#define SHA512CRYPT_ROUNDS_MIN	1000
#define SHA512CRYPT_ROUNDS_MAX	999999999
/* "$6$rounds=999999999$" + salt + "$" + hash */
#define SHA512CRYPT_MAX		(20 + SHA512CRYPT_SALT_MAX + 1 + SHA512CRYPT_HASH_LEN + 1)

/**
 * struct sha512crypt_spec - a parsed "$6$[rounds=N$]salt$hash" string
 * @rounds:	the rounds (SHA512CRYPT_ROUNDS_DEFAULT when not given)
 * @rounds_given: "rounds=" was written (it is then written back)
 * @salt:	the salt, 1 to 16 characters of [./0-9A-Za-z]
 * @hash:	the 86 characters of the encoded digest
 */
struct sha512crypt_spec {
	unsigned long rounds;
	int rounds_given;
	char salt[SHA512CRYPT_SALT_MAX + 1];
	char hash[SHA512CRYPT_HASH_LEN + 1];
};

void sha512crypt_digest(const char *key, size_t keylen, const char *salt,
			unsigned long rounds, char hash[SHA512CRYPT_HASH_LEN + 1]);
int sha512crypt(const char *key, size_t keylen, const char *setting,
		char out[SHA512CRYPT_MAX]);
int sha512crypt_verify(const char *key, size_t keylen,
		       const struct sha512crypt_spec *spec);
int ct_memeq(const void *a, const void *b, size_t len);

/* crypt_parse.c: shared with the build (usr/shell_hash.c) */
int sha512crypt_parse(const char *s, struct sha512crypt_spec *spec,
		      const char **why);

#endif /* KINIT_AUTH_SHA512_H */
