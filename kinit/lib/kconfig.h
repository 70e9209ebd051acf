/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kconfig.h - IS_ENABLED() for kinit's options, as the kernel's
 * <linux/kconfig.h> has it: 1 when kinit-config.h defines the option to 1,
 * else 0, usable in constant expressions and _Static_assert().  Tables
 * built with it name every optional part, so an option whose file
 * kinit.mk does not build fails the link instead of dropping the part.
 */
#ifndef KINIT_LIB_KCONFIG_H
#define KINIT_LIB_KCONFIG_H

#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)

#define IS_ENABLED(CONFIG_option)	__is_defined(CONFIG_option)

#endif /* KINIT_LIB_KCONFIG_H */
