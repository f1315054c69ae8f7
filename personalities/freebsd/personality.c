/* The FreeBSD personality (initial skeleton). */
#include "personalities/personality.h"

const struct personality freebsd_personality = {
    .name = "freebsd",
};
