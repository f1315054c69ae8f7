/* cli/env.c: the guest environment built from the caller's. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "cli/env.h"

static size_t count(char **env)
{
    size_t n = 0;
    while (env[n])
        n++;
    return n;
}

static void test_host_only_and_path(void **state)
{
    (void)state;
    char *host[] = { "HOME=/root", "LD_PRELOAD=/x.so", "SSH_AUTH_SOCK=/s", "PATH=/host/bin", "TERM=xterm", NULL };
    struct options o = { 0 };
    char **env = env_build(host, &o);
    assert_non_null(env);
    assert_string_equal(env_get(env, "HOME"), "/root");
    assert_string_equal(env_get(env, "TERM"), "xterm");
    assert_null(env_get(env, "LD_PRELOAD"));
    assert_null(env_get(env, "SSH_AUTH_SOCK"));
    assert_string_equal(env_get(env, "PATH"), GUEST_DEFAULT_PATH);
    env_free(env);
}

static void test_clearenv_and_set(void **state)
{
    (void)state;
    char *host[] = { "HOME=/root", NULL };
    const char *set[] = { "A=1", "PATH=/bin", "A=2" };
    struct options o = { .clearenv = true, .envset = set, .nenvset = 3 };
    char **env = env_build(host, &o);
    assert_non_null(env);
    assert_null(env_get(env, "HOME"));
    assert_string_equal(env_get(env, "A"), "2");        /* later -e wins, in place */
    assert_string_equal(env_get(env, "PATH"), "/bin");
    assert_int_equal(count(env), 2);
    env_free(env);
}

static bool only_en_us(const char *locale, void *arg)
{
    (void)arg;
    return strcmp(locale, "en_US.UTF-8") == 0;
}

static int ndropped;
static void note_drop(const char *var) { (void)var; ndropped++; }

static void test_drop_missing_locales(void **state)
{
    (void)state;
    char *host[] = { "LANG=C.UTF-8", "LC_ALL=C", "LC_CTYPE=en_US.UTF-8", "LC_TIME=POSIX",
                     "LC_MESSAGES=xx_YY", "LCX=keep", "TERM=vt100", NULL };
    struct options o = { 0 };
    char **env = env_build(host, &o);
    ndropped = 0;
    env_drop_missing_locales(env, only_en_us, NULL, note_drop);
    assert_int_equal(ndropped, 2);
    assert_null(env_get(env, "LANG"));
    assert_null(env_get(env, "LC_MESSAGES"));
    assert_string_equal(env_get(env, "LC_ALL"), "C");
    assert_string_equal(env_get(env, "LC_CTYPE"), "en_US.UTF-8");
    assert_string_equal(env_get(env, "LC_TIME"), "POSIX");
    assert_string_equal(env_get(env, "TERM"), "vt100");
    assert_int_equal(count(env), 6);                   /* PATH, LC_ALL, LC_CTYPE, LC_TIME, LCX, TERM */
    env_free(env);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_only_and_path),
        cmocka_unit_test(test_clearenv_and_set),
        cmocka_unit_test(test_drop_missing_locales),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
