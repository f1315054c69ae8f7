/* The Linux personality (initial skeleton: the table arrives with the tracer work). */
#include "personalities/personality.h"

const struct personality linux_personality = {
    .name = "linux",
    .native_ok = true,
};
