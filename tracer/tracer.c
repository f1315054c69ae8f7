/* Placeholder so the tree links until the supervisor lands: every traced run fails clearly. */
#include <errno.h>
#include "tracer/tracer.h"

int tracer_child_prepare(const struct tracer_config *cfg) { (void)cfg; return -ENOSYS; }
int tracer_run(pid_t child, const struct tracer_config *cfg) { (void)child; (void)cfg; return 125; }
bool tracer_needed(const struct personality *p, const struct tracer_config *cfg)
{
    return cfg->trace != NULL || !p->native_ok;
}
