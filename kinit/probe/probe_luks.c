// SPDX-License-Identifier: GPL-2.0
/*
 * probe_luks.c - LUKS1 and LUKS2 headers (crypto_LUKS).  Built when the
 * kernel has dm-crypt (DM_CRYPT).
 */
#include "probe/prober.h"

static int probe_luks(const struct probe_src *src, struct probe_result *res)
{
	static const uint8_t magic[6] = { 'L', 'U', 'K', 'S', 0xba, 0xbe };
	uint8_t hdr[512];
	unsigned int version;
	int ret;

	ret = probe_read(src, 0, hdr, sizeof(hdr));
	if (ret)
		return ret;
	if (memcmp(hdr, magic, sizeof(magic)))
		return -ENOENT;
	version = get_be16(hdr + 6);
	if (version == 2) {
		/* hdr_offset names this copy; the primary is at 0. */
		if (get_be64(hdr + 256))
			return -ENOENT;
		/* The binary header holds the label: no JSON needed. */
		probe_set_label(res, hdr + 24, 48);
	} else if (version != 1) {
		return -ENOENT;
	}
	/* The UUID is stored as text; blkid shows it verbatim. */
	probe_copy_text(res->uuid, sizeof(res->uuid), hdr + 168, 40);
	res->version = (int)version;
	return 0;
}

PROBER_OPTION(LUKS);

const struct prober prober_luks = {
	.type = "crypto_LUKS",
	.usage = PROBE_CRYPTO,
	.probe = probe_luks,
};
