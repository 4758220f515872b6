#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1   /* must precede curses.h: SwiftPM drops pkg-config -D flags */
#endif
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncurses.h>
/* macros Swift cannot import */
static inline attr_t cncw_a_normal(void)    { return A_NORMAL; }
static inline attr_t cncw_a_bold(void)      { return A_BOLD; }
static inline attr_t cncw_a_reverse(void)   { return A_REVERSE; }
static inline attr_t cncw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cncw_a_dim(void)       { return A_DIM; }
static inline int    cncw_key_f(int n)      { return KEY_F(n); }
/* C globals: accessors keep Swift 6 strict concurrency quiet */
static inline WINDOW *cncw_stdscr(void) { return stdscr; }
static inline FILE   *cncw_stdout(void) { return stdout; }
static inline FILE   *cncw_stdin(void)  { return stdin; }
static inline int     cncw_lines(void)  { return LINES; }
static inline int     cncw_cols(void)   { return COLS; }
static inline int     cncw_colors(void) { return COLORS; }
#endif
