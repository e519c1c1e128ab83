/* test-number.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ms-number.h"

static void
test_json_shortest (void)
{
  static const struct {
    double      value;
    const char *expected;
  } cases[] = {
    { 113.9, "113.9" },
    { 0.1, "0.1" },
    { 4.7, "4.7" },
    { 3.6573, "3.6573" },
    { 1.1778, "1.1778" },
    { 85.37, "85.37" },
    { 10, "10" },
    { 47350, "47350" },
    { 0, "0" },
    { -0.0, "0" },
    { 1e20, "1e+20" },
    { 1e-7, "1e-07" },
    { 0.30000000000000004, "0.30000000000000004" },
    { 123456789012345, "123456789012345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buffer[MS_NUMBER_JSON_BUFSIZE];

      g_assert_cmpstr (ms_number_format_json (buffer, sizeof buffer, cases[i].value), ==,
                       cases[i].expected);
      /* Whatever the form, it must read back as the same double. */
      g_assert_cmpfloat (g_ascii_strtod (buffer, NULL), ==, cases[i].value);
    }
}

static void
test_json_round_trips_random (void)
{
  GRand *rand = g_rand_new_with_seed (20241129);

  for (guint i = 0; i < 20000; i++)
    {
      char buffer[MS_NUMBER_JSON_BUFSIZE];
      double value = g_rand_double (rand) * pow (10, g_rand_int_range (rand, -12, 25));

      ms_number_format_json (buffer, sizeof buffer, value);
      g_assert_cmpfloat (g_ascii_strtod (buffer, NULL), ==, value);
      g_assert_cmpuint (strlen (buffer), <=, 24);
    }

  g_rand_free (rand);
}

static void
test_chinese_numeral (void)
{
  static const struct {
    guint       number;
    const char *expected;
  } cases[] = {
    { 1, "一" }, { 9, "九" }, { 10, "十" }, { 11, "十一" }, { 12, "十二" }, { 20, "二十" },
    { 21, "二十一" }, { 99, "九十九" }, { 100, "一百" }, { 105, "一百零五" }, { 110, "一百一十" },
    { 1001, "一千零一" }, { 0, "零" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *numeral = ms_number_to_chinese_numeral (cases[i].number);

      g_assert_cmpstr (numeral, ==, cases[i].expected);
    }
}

static void
test_chinese_numeral_read (void)
{
  for (guint n = 1; n <= 1200; n++)
    {
      g_autofree char *numeral = ms_number_to_chinese_numeral (n);
      guint back = 0;

      g_assert_true (ms_number_from_chinese_numeral (numeral, &back));
      g_assert_cmpuint (back, ==, n);
    }

  {
    guint value = 7;

    g_assert_true (ms_number_from_chinese_numeral ("两", &value));
    g_assert_cmpuint (value, ==, 2);
    g_assert_false (ms_number_from_chinese_numeral ("", &value));
    g_assert_false (ms_number_from_chinese_numeral ("零", &value));
    g_assert_false (ms_number_from_chinese_numeral ("十a", &value));
    g_assert_false (ms_number_from_chinese_numeral ("开展", &value));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/json/shortest", test_json_shortest);
  g_test_add_func ("/number/json/random-round-trip", test_json_round_trips_random);
  g_test_add_func ("/number/chinese-numeral", test_chinese_numeral);
  g_test_add_func ("/number/chinese-numeral-read", test_chinese_numeral_read);

  return g_test_run ();
}
