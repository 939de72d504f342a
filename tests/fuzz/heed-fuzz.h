/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* Every target in tests/fuzz defines this one entry point. libFuzzer calls it with the inputs it
 * makes; fuzz-replay.c calls it with each file of a corpus, so `meson test` runs the corpora
 * with any compiler. A target aborts (through g_assert) when something is wrong. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
