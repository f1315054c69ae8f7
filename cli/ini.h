/* A small INI file kept line by line, so that hand edits, comments and order survive
 * `lsl2 config`.  Keys are "name" in the file's first (or only) section; a key may
 * repeat (bind = ...), and readers take every value or the last one. */
#ifndef LSL2_CLI_INI_H
#define LSL2_CLI_INI_H

#include <stddef.h>

struct ini {
    char  **lines;
    size_t  nlines;
};

/* Loads `path` (a missing file gives an empty ini).  Returns 0 or -errno. */
int  ini_load(struct ini *ini, const char *path);
/* Parses text (for tests and for loading). Returns 0 or -ENOMEM. */
int  ini_parse(struct ini *ini, const char *text);
void ini_free(struct ini *ini);

/* The last value of key, or NULL. Leading and trailing blanks are trimmed. */
const char *ini_get(const struct ini *ini, const char *key, char *buf, size_t len);
/* Calls fn for each value of key, in order; stops when fn returns non-zero. */
int  ini_each(const struct ini *ini, const char *key,
              int (*fn)(const char *value, void *arg), void *arg);
/* Calls fn(key, value) for each key that starts with prefix, in order. */
int  ini_each_prefix(const struct ini *ini, const char *prefix,
                     int (*fn)(const char *key, const char *value, void *arg), void *arg);
/* Sets key to value: the first line of key is rewritten, the others removed; a
 * missing key is appended.  value NULL removes every line of key. Returns 0 or -ENOMEM. */
int  ini_set(struct ini *ini, const char *key, const char *value);
/* Appends another "key = value" line. Returns 0 or -ENOMEM. */
int  ini_add(struct ini *ini, const char *key, const char *value);
/* Writes the file atomically (temp file + rename). Returns 0 or -errno. */
int  ini_save(const struct ini *ini, const char *path);

#endif
