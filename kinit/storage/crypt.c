// SPDX-License-Identifier: GPL-2.0
/*
 * crypt.c - unlock a LUKS1/LUKS2 volume with cryptsetup: a key file from
 * the image, else a passphrase typed on the console, fed through a pipe.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "storage/storage.h"

#ifndef CONFIG_KINIT_CRYPTSETUP
#define CONFIG_KINIT_CRYPTSETUP "/sbin/cryptsetup"
#endif

#define CRYPTSETUP_BAD_KEY	2	/* cryptsetup: "No key available with this passphrase" */
#define CRYPT_ARGS_MAX		16

/*
 * Wipe a secret; the empty asm that "reads" @buf keeps the compiler from
 * dropping the memset as a dead store (the kernel's memzero_explicit()).
 */
static void wipe(void *buf, size_t len)
{
	memset(buf, 0, len);
	__asm__ __volatile__("" : : "r"(buf) : "memory");
}

/* How a volume is wanted: named by rd.luks.uuid=/rd.luks.name=, or by default. */
enum want {
	WANT_NOT,
	WANT_ANY,	/* no rd.luks.uuid=/name=: every volume, nobody's in particular */
	WANT_NAMED,
};

/* rd.luks.uuid= and rd.luks.name= narrow the volumes unlocked. */
static enum want wanted(const struct storage_args *s, const char *uuid, char *name,
			size_t size)
{
	enum want w = !s->luks_uuids && !s->luks_names ? WANT_ANY : WANT_NOT;
	int i;

	ksnprintf(name, size, "luks-%s", uuid);
	for (i = 0; i < s->luks_uuids; i++)
		if (uuid_eq(s->luks_uuid[i], uuid))
			w = WANT_NAMED;
	for (i = 0; i < s->luks_names; i++) {
		if (uuid_eq(s->luks_name_uuid[i], uuid)) {
			ksnprintf(name, size, "%s", s->luks_name[i]);
			w = WANT_NAMED;
		}
	}
	return w;
}

static const struct {
	int bit;
	const char *arg;
} option_args[] = {
	{ .bit = LUKS_OPT_DISCARD,	.arg = "--allow-discards" },
	{ .bit = LUKS_OPT_READONLY,	.arg = "--readonly" },
	{ .bit = LUKS_OPT_NO_READ_WORKQUEUE,	.arg = "--perf-no_read_workqueue" },
	{ .bit = LUKS_OPT_NO_WRITE_WORKQUEUE,	.arg = "--perf-no_write_workqueue" },
	{ .bit = LUKS_OPT_SAME_CPU_CRYPT,	.arg = "--perf-same_cpu_crypt" },
	{ .bit = LUKS_OPT_SUBMIT_FROM_CRYPT_CPUS, .arg = "--perf-submit_from_crypt_cpus" },
};

/* cryptsetup open --type luks [options] DEV NAME --key-file=KEY */
static int open_volume(const struct kinit *k, const char *dev, const char *name,
		       const char *keyarg, const char *input, size_t len)
{
	const char *argv[CRYPT_ARGS_MAX];
	int opts = k->args.storage.luks_options, n = 0;
	size_t i;

	argv[n++] = CONFIG_KINIT_CRYPTSETUP;
	argv[n++] = "open";
	argv[n++] = "--type";
	argv[n++] = "luks";
	for (i = 0; opts > 0 && i < ARRAY_SIZE(option_args); i++)
		if (opts & option_args[i].bit)
			argv[n++] = option_args[i].arg;
	argv[n++] = keyarg;
	argv[n++] = dev;
	argv[n++] = name;
	argv[n] = NULL;
	return stack_run(k, argv, input, len);
}

/*
 * cryptsetup isLuks: a header cryptsetup cannot use (a stick with the LUKS
 * magic and garbage after it) is found before anyone is asked for its
 * passphrase.  0, or cryptsetup's status (or -errno) when it is not.
 */
static int check_header(const struct kinit *k, const char *dev)
{
	const char *argv[4];

	argv[0] = CONFIG_KINIT_CRYPTSETUP;
	argv[1] = "isLuks";
	argv[2] = dev;
	argv[3] = NULL;
	return stack_run(k, argv, NULL, 0);
}

/* Key files, in order: rd.luks.key=, keys/<UUID>, keys/default. */
static int try_keyfiles(const struct kinit *k, const char *dev, const char *uuid,
			const char *name)
{
	char keys[3][LUKS_KEY_MAX + 16];
	int i, ret;

	ksnprintf(keys[0], sizeof(keys[0]), "--key-file=%s", k->args.storage.luks_key);
	ksnprintf(keys[1], sizeof(keys[1]), "--key-file=" KINIT_KEYS_DIR "/%s", uuid);
	ksnprintf(keys[2], sizeof(keys[2]), "--key-file=" KINIT_KEYS_DIR "/" KINIT_KEY_DEFAULT);
	for (i = 0; i < 3; i++) {
		if (access(keys[i] + 11, R_OK))
			continue;
		ret = open_volume(k, dev, name, keys[i], NULL, 0);
		if (!ret) {
			info(k, "crypt: %s unlocked with %s as /dev/mapper/%s", dev,
			     keys[i] + 11, name);
			return 1;
		}
		error(k, "crypt: key file %s does not open %s (cryptsetup status %d)",
		      keys[i] + 11, dev, ret);
	}
	return 0;
}

/* Read one line from the console with echo off; its length or -errno. */
static int ask(int fd, const char *prompt, char *buf, size_t size)
{
	struct termios saved, quiet;
	size_t len = 0;
	int have_tty = !tcgetattr(fd, &saved);
	ssize_t n;
	char c;

	if (have_tty) {
		quiet = saved;
		quiet.c_lflag &= ~(ECHO | ECHOE | ECHOK);
		quiet.c_lflag |= ICANON;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	write(fd, prompt, strlen(prompt));
	while ((n = read(fd, &c, 1)) == 1 && c != '\n' && c != '\r')
		if (len + 1 < size)
			buf[len++] = c;
	buf[len] = '\0';
	c = 0;
	if (have_tty)
		tcsetattr(fd, TCSAFLUSH, &saved);
	write(fd, "\n", 1);
	return n < 0 ? -errno : (int)len;
}

/* Ask up to the retry count; 1 when unlocked, -errno otherwise. */
static int try_passphrase(struct kinit *k, const char *dev, const char *uuid,
			  const char *name)
{
	char pass[PASSPHRASE_MAX], prompt[160];
	int tries = k->args.storage.luks_tries > 0 ? k->args.storage.luks_tries : CRYPT_TRIES;
	int fd = open("/dev/console", O_RDWR | O_NOCTTY | O_CLOEXEC);
	int i, len, msg, ret = -EACCES;

	if (fd < 0)
		return kinit_what(k, -errno, "LUKS %s: /dev/console for the passphrase", dev);
	ksnprintf(prompt, sizeof(prompt), "Passphrase for %s (UUID %s): ", dev, uuid);
	for (i = 0; i < tries; i++) {
		len = ask(fd, prompt, pass, sizeof(pass));
		if (len < 0) {
			ret = len;
			break;
		}
		ret = open_volume(k, dev, name, "--key-file=-", pass, len);
		wipe(pass, sizeof(pass));
		if (!ret)
			break;
		if (ret != CRYPTSETUP_BAD_KEY) {
			ret = -EIO;
			break;
		}
		msg = ksnprintf(prompt, sizeof(prompt),
			       "kinit: wrong passphrase for %s (%d of %d tries)\n",
			       dev, i + 1, tries);
		write(fd, prompt, msg);
		ksnprintf(prompt, sizeof(prompt), "Passphrase for %s (UUID %s): ", dev, uuid);
		ret = -EACCES;
	}
	wipe(pass, sizeof(pass));
	close(fd);
	if (!ret) {
		info(k, "crypt: %s unlocked as /dev/mapper/%s", dev, name);
		return 1;
	}
	if (ret == -EACCES)
		return kinit_what(k, ret, "LUKS %s (UUID %s): no valid passphrase in %d tries",
				  dev, uuid, tries);
	return kinit_what(k, ret, "LUKS %s (UUID %s): cryptsetup open failed", dev, uuid);
}

/*
 * A volume nobody named that cryptsetup cannot open (a garbage header, a
 * tool error, a tool killed for taking too long) may be anyone's stick:
 * it must not stop the boot of another root.  Logged and left locked.
 * Wrong passphrases are not this: they stay a failure.
 */
static int skip_unnamed(struct kinit *k, const char *dev, const char *uuid,
			const char *what)
{
	error(k, "crypt: %s (UUID %s): %s; no rd.luks.uuid=/rd.luks.name= names it: skipped, left locked",
	      dev, uuid, what);
	return 0;
}

/**
 * crypt_unlock() - open LUKS volume @d as /dev/mapper/luks-UUID (or its
 * rd.luks.name=)
 * @k:	state and options
 * @d:	an identified crypto_LUKS device no layer holds yet
 *
 * A header whose UUID is not 36 hex digits and dashes is refused (and
 * logged escaped): it is never used in a path, a name or a prompt.  A
 * header cryptsetup cannot use is found before any prompt; when no
 * rd.luks.uuid=/rd.luks.name= names the volume it is skipped, as is one
 * whose unlock fails for another reason than a wrong passphrase.
 *
 * Return: 1 when unlocked, 0 when rd.luks= does not want it or it is
 * refused or skipped, -errno (with k->what set) when it could not be
 * unlocked.
 */
int crypt_unlock(struct kinit *k, const struct blkdev *d)
{
	char dev[48], name[STORAGE_NAME_MAX], what[80];
	enum want want;
	int ret;

	if (k->args.storage.luks == 0)
		return 0;
	/*
	 * The header's UUID names a key file and the mapping, and shows in
	 * the prompt: "../" or terminal escapes in a crafted one must not.
	 */
	if (!uuid_valid(d->id.uuid)) {
		error(k,
		      "crypt: /dev/%s: LUKS header UUID \"%s\" is not a UUID: refused, left locked",
		      d->name, escaped(d->id.uuid));
		return 0;
	}
	want = wanted(&k->args.storage, d->id.uuid, name, sizeof(name));
	if (want == WANT_NOT) {
		info(k, "crypt: /dev/%s (UUID %s) not named by rd.luks.uuid=/rd.luks.name=: left locked",
		     d->name, d->id.uuid);
		return 0;
	}
	ksnprintf(dev, sizeof(dev), "/dev/%s", d->name);
	info(k, "crypt: %s is LUKS%d, UUID %s", dev, d->id.version, d->id.uuid);
	ret = check_header(k, dev);
	if (ret) {
		ksnprintf(what, sizeof(what),
			  "not a LUKS header cryptsetup can use (cryptsetup isLuks status %d)", ret);
		if (want == WANT_ANY)
			return skip_unnamed(k, dev, d->id.uuid, what);
		return kinit_what(k, ret < 0 ? ret : -EINVAL, "LUKS %s (UUID %s): %s",
				  dev, d->id.uuid, what);
	}
	ret = try_keyfiles(k, dev, d->id.uuid, name);
	if (ret)
		return ret;
	ret = try_passphrase(k, dev, d->id.uuid, name);
	if (ret == -EIO && want == WANT_ANY)
		return skip_unnamed(k, dev, d->id.uuid, "cryptsetup open failed");
	return ret;
}
