/* The list of personalities, by name. */
#include <string.h>
#include "personalities/personality.h"

static const struct personality *const all[] = { &linux_personality, &freebsd_personality };

const struct personality *personality_by_name(const char *name)
{
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    return NULL;
}
