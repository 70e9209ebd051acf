/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uevent.h - the kernel's uevent messages (NETLINK_KOBJECT_UEVENT), read
 * into the few fields find-root and coldplug act on.
 */
#ifndef KINIT_UEVENT_H
#define KINIT_UEVENT_H

#include <stddef.h>

/**
 * struct uevent - one message's fields; each points into the message or
 * is "" when the message has none
 * @action:	ACTION= ("add", "change", "remove", ...)
 * @subsystem:	SUBSYSTEM= ("block", ...)
 * @devname:	DEVNAME= ("vda1"), the node's name below /dev
 * @modalias:	MODALIAS= of the device, for coldplug
 */
struct uevent {
	const char *action;
	const char *subsystem;
	const char *devname;
	const char *modalias;
};

int uevent_parse(const char *msg, size_t len, struct uevent *ev);

#endif /* KINIT_UEVENT_H */
