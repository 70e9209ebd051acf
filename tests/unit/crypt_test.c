// SPDX-License-Identifier: GPL-2.0
/*
 * crypt_test.c - host unit tests for kinit/storage/crypt.c: a LUKS header
 * whose UUID is not a UUID ("../" to name another key file, terminal
 * escapes to rewrite the prompt) is refused before it names a key file,
 * reaches cryptsetup or a prompt, and is logged escaped; a header
 * cryptsetup cannot use (isLuks fails) is skipped when nobody named the
 * volume, and a failure when rd.luks.uuid= names it.
 */
#define CONFIG_KINIT_STACK 1
#define CONFIG_KINIT_CRYPT 1
#include "storage/crypt.c"
#include "lib/util.c"
#include "lib/disktext.c"

#include <stdarg.h>

#include "ktap.h"

/* what the code under test did: cryptsetup runs and log lines */
static int tool_runs, isluks_status;
static char tool_args[512];

int stack_run(const struct kinit *k, const char *const argv[],
	      const char *input, size_t len)
{
	int ret = strcmp(argv[1], "isLuks") ? 0 : isluks_status;
	size_t o = 0;

	(void)k;
	(void)input;
	(void)len;
	tool_runs++;
	for (; *argv; argv++)
		o += snprintf(tool_args + o, sizeof(tool_args) - o, "%s ", *argv);
	return ret;
}

#include "log_capture.h"

static struct kinit k;

/* @named: rd.luks.uuid= lists the volume; else no rd.luks.uuid= at all */
static int unlock_as(const char *uuid, int named)
{
	struct blkdev d = { .name = "vdb", .id = { .usage = PROBE_CRYPTO, .version = 2 } };

	memset(&k, 0, sizeof(k));
	if (named) {
		snprintf(k.args.storage.luks_uuid[0], sizeof(k.args.storage.luks_uuid[0]),
			 "%s", uuid);
		k.args.storage.luks_uuids = 1;
	}
	k.args.storage.luks = -1;
	k.args.storage.luks_options = -1;
	k.args.storage.luks_tries = 1;
	/* rd.luks.key= names a file that exists: a valid UUID would unlock */
	snprintf(k.args.storage.luks_key, sizeof(k.args.storage.luks_key), "/dev/null");
	snprintf(d.id.uuid, sizeof(d.id.uuid), "%s", uuid);
	tool_runs = 0;
	tool_args[0] = logged[0] = '\0';
	return crypt_unlock(&k, &d);
}

static int unlock(const char *uuid)
{
	return unlock_as(uuid, 0);
}

int main(void)
{
	struct ktap t = { 0 };
	int planned = 15;

	ktap_begin("crypt", planned);
	/* the control: a well-formed UUID goes on to cryptsetup */
	KTAP_EQ_INT(&t, unlock("c7a1b2c3-0000-4000-8000-000000000002"), 1, "valid_uuid_unlocks");
	ktap_check(&t, tool_runs == 2 && strstr(tool_args, "open"),
		   "valid_uuid_runs_cryptsetup # %d runs, last: %s", tool_runs, tool_args);

	/* LUKS magic and garbage: isLuks fails before any key or prompt */
	isluks_status = 1;
	KTAP_EQ_INT(&t, unlock("c7a1b2c3-0000-4000-8000-000000000002"), 0, "garbage_unnamed_skipped");
	ktap_check(&t, tool_runs == 1 && strstr(tool_args, "isLuks /dev/vdb"),
		   "garbage_unnamed_only_checked # %d runs, last: %s", tool_runs, tool_args);
	ktap_check(&t, strstr(logged, "isLuks status 1); no rd.luks.uuid=/rd.luks.name= names it: skipped, left locked") != NULL,
		   "garbage_unnamed_logged # log: %s", escaped(logged));
	/* named by rd.luks.uuid=: the user wants it, so it is a failure */
	ktap_check(&t, unlock_as("c7a1b2c3-0000-4000-8000-000000000002", 1) < 0,
		   "garbage_named_fails");
	ktap_check(&t, strstr(k.what, "not a LUKS header cryptsetup can use") != NULL,
		   "garbage_named_says_why # what: %s", k.what);
	KTAP_EQ_INT(&t, tool_runs, 1, "garbage_named_no_open");
	isluks_status = 0;

	/* "../" would make --key-file=/etc/kinit/keys/../../../dev/null */
	KTAP_EQ_INT(&t, unlock("../../../dev/null"), 0, "dotdot_uuid_refused");
	ktap_check(&t, tool_runs == 0, "dotdot_uuid_no_cryptsetup # ran: %s", tool_args);
	ktap_check(&t, strstr(logged, "is not a UUID: refused") != NULL,
		   "dotdot_uuid_logged # log: %s", escaped(logged));

	/* ESC and CR that would rewrite the passphrase prompt */
	KTAP_EQ_INT(&t, unlock("x\x1b[2J\rPassphrase for /dev/vda:"), 0, "escape_uuid_refused");
	KTAP_EQ_INT(&t, tool_runs, 0, "escape_uuid_no_cryptsetup");
	ktap_check(&t, !strchr(logged, '\x1b') && !strchr(logged, '\r'),
		   "escape_uuid_no_raw_bytes_logged # log: %s", escaped(logged));
	ktap_check(&t, strstr(logged, "\"x\\x1b[2J\\x0dPassphrase for /dev/vda:\"") != NULL,
		   "escape_uuid_logged_escaped # log: %s", escaped(logged));
	return ktap_end(&t, planned);
}
