/* lsl2 entry point (skeleton). */
#include <stdio.h>

int main(void)
{
    fprintf(stderr, "lsl2: not built yet\n");
    return 125;
}
