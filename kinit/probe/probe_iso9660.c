// SPDX-License-Identifier: GPL-2.0
/*
 * probe_iso9660.c - ISO 9660 primary volume descriptors (iso9660).  Built
 * when the kernel has ISO9660_FS.
 */
#include "probe/prober.h"

/*
 * blkid makes a UUID of the modification (else creation) date's 16
 * characters, "YYYY-MM-DD-HH-MM-SS-cc"; all '0' with no offset is unset.
 * The date is text from the disk: anything but 16 digits is no UUID, so
 * that nothing else (a by-uuid link, a log line) ever sees it.
 */
static bool iso_date_uuid(struct probe_result *res, const uint8_t *d)
{
	char *o = res->uuid;
	int i, zeros = 0;

	for (i = 0; i < 16; i++) {
		if (!is_digit(d[i]))
			return false;
		zeros += d[i] == '0';
	}
	if (zeros == 16 && !d[16])
		return false;
	for (i = 0; i < 16; i++) {
		if (i >= 4 && !(i & 1))
			*o++ = '-';
		*o++ = (char)d[i];
	}
	*o = '\0';
	return true;
}

static int probe_iso9660(const struct probe_src *src, struct probe_result *res)
{
	uint8_t pvd[2048];
	int ret;

	ret = probe_read(src, 0x8000, pvd, sizeof(pvd));
	if (ret)
		return ret;
	if (pvd[0] != 1 || memcmp(pvd + 1, "CD001", 5))
		return -ENOENT;
	probe_set_label(res, pvd + 40, 32);
	if (!iso_date_uuid(res, pvd + 830))
		iso_date_uuid(res, pvd + 813);
	return 0;
}

PROBER_OPTION(ISO9660);

const struct prober prober_iso9660 = {
	.type = "iso9660",
	.usage = PROBE_FILESYSTEM,
	.probe = probe_iso9660,
};
