/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "heed-backup-schedule.h"
#include "heed-test-util.h"

/* When an automatic backup is due: weekly backups into a folder, as Preferences sets them. */

static GDateTime *
at (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
test_off (void)
{
  g_autoptr(GDateTime) now = at ("2025-06-09T09:00:00Z");
  g_autoptr(GDateTime) old = at ("2024-01-01T09:00:00Z");

  /* 0 days turns automatic backups off; there is nowhere to put one without a folder. */
  g_assert_cmpint (heed_backup_schedule_state (0, "/media/usb", old, now), ==,
                   HEED_BACKUP_SCHEDULE_OFF);
  g_assert_cmpint (heed_backup_schedule_state (-3, "/media/usb", NULL, now), ==,
                   HEED_BACKUP_SCHEDULE_OFF);
  g_assert_cmpint (heed_backup_schedule_state (7, "", old, now), ==, HEED_BACKUP_SCHEDULE_OFF);
  g_assert_cmpint (heed_backup_schedule_state (7, NULL, NULL, now), ==, HEED_BACKUP_SCHEDULE_OFF);
  g_assert_false (heed_backup_schedule_is_due (HEED_BACKUP_SCHEDULE_OFF));
}

static void
test_first (void)
{
  g_autoptr(GDateTime) now = at ("2025-06-09T09:00:00Z");

  /* No backup in the folder yet: the first one is made straight away. */
  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", NULL, now), ==,
                   HEED_BACKUP_SCHEDULE_DUE);
  g_assert_true (heed_backup_schedule_is_due (HEED_BACKUP_SCHEDULE_DUE));
}

static void
test_not_due (void)
{
  g_autoptr(GDateTime) now = at ("2025-06-09T09:00:00Z");
  g_autoptr(GDateTime) this_morning = at ("2025-06-09T08:00:00Z");
  g_autoptr(GDateTime) almost_a_week = at ("2025-06-02T09:00:01Z");
  g_autoptr(GDateTime) yesterday = at ("2025-06-08T09:00:00Z");

  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", this_morning, now), ==,
                   HEED_BACKUP_SCHEDULE_NOT_DUE);
  /* One second short of the week. */
  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", almost_a_week, now), ==,
                   HEED_BACKUP_SCHEDULE_NOT_DUE);
  /* Daily backups, the last one a second under a day ago. */
  {
    g_autoptr(GDateTime) under_a_day = g_date_time_add_seconds (yesterday, 1);

    g_assert_cmpint (heed_backup_schedule_state (1, "/media/usb", under_a_day, now), ==,
                     HEED_BACKUP_SCHEDULE_NOT_DUE);
  }
  g_assert_false (heed_backup_schedule_is_due (HEED_BACKUP_SCHEDULE_NOT_DUE));
}

static void
test_overdue (void)
{
  g_autoptr(GDateTime) now = at ("2025-06-09T09:00:00Z");
  g_autoptr(GDateTime) a_week = at ("2025-06-02T09:00:00Z");
  g_autoptr(GDateTime) a_month = at ("2025-05-09T09:00:00Z");
  g_autoptr(GDateTime) yesterday = at ("2025-06-08T09:00:00Z");

  /* A week to the second is a week: the next backup is made. */
  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", a_week, now), ==,
                   HEED_BACKUP_SCHEDULE_OVERDUE);
  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", a_month, now), ==,
                   HEED_BACKUP_SCHEDULE_OVERDUE);
  g_assert_cmpint (heed_backup_schedule_state (1, "/media/usb", yesterday, now), ==,
                   HEED_BACKUP_SCHEDULE_OVERDUE);
  g_assert_cmpint (heed_backup_schedule_state (365, "/media/usb", a_month, now), ==,
                   HEED_BACKUP_SCHEDULE_NOT_DUE);
  g_assert_true (heed_backup_schedule_is_due (HEED_BACKUP_SCHEDULE_OVERDUE));
}

static void
test_time_zones (void)
{
  /* The same instants written in British Summer Time: the age is what counts, not the clock. */
  g_autoptr(GDateTime) now = at ("2025-06-09T10:00:00+01:00");
  g_autoptr(GDateTime) a_week = at ("2025-06-02T09:00:00Z");
  g_autoptr(GDateTime) nearly = at ("2025-06-02T10:00:01+01:00");

  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", a_week, now), ==,
                   HEED_BACKUP_SCHEDULE_OVERDUE);
  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", nearly, now), ==,
                   HEED_BACKUP_SCHEDULE_NOT_DUE);
}

static void
test_clock_put_back (void)
{
  g_autoptr(GDateTime) now = at ("2025-06-09T09:00:00Z");
  g_autoptr(GDateTime) tomorrow = at ("2025-06-10T09:00:00Z");

  /* A backup stamped after now (the PC's clock was put back since) counts as a new one. */
  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", tomorrow, now), ==,
                   HEED_BACKUP_SCHEDULE_NOT_DUE);
}

static void
test_made (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "practice-20250602-090000.heed", NULL);
  g_autofree char *missing = g_build_filename (dir, "not-there.heed", NULL);
  g_autoptr(GDateTime) made = NULL;
  g_autoptr(GDateTime) now = at ("2025-06-09T09:00:00Z");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "backup", -1, NULL));
  file = g_file_new_for_path (path);
  /* Made a week before now, by its file's time. */
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              (guint64) g_date_time_to_unix (now) - 7 * 24 * 3600,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
  made = heed_backup_schedule_dup_made (path);
  g_assert_nonnull (made);
  g_assert_cmpint (g_date_time_difference (now, made), ==, 7 * G_TIME_SPAN_DAY);
  g_assert_cmpint (heed_backup_schedule_state (7, dir, made, now), ==,
                   HEED_BACKUP_SCHEDULE_OVERDUE);
  g_assert_cmpint (heed_backup_schedule_state (8, dir, made, now), ==,
                   HEED_BACKUP_SCHEDULE_NOT_DUE);

  /* A backup that cannot be read has no time: the next one is due. */
  g_assert_null (heed_backup_schedule_dup_made (missing));
  g_unlink (path);
  heed_test_remove_dir (dir);
}

static void
test_guards (void)
{
  g_test_expect_message ("heed-core", G_LOG_LEVEL_CRITICAL, "*now != NULL*");
  g_assert_cmpint (heed_backup_schedule_state (7, "/media/usb", NULL, NULL), ==,
                   HEED_BACKUP_SCHEDULE_OFF);
  g_test_assert_expected_messages ();
  g_test_expect_message ("heed-core", G_LOG_LEVEL_CRITICAL, "*path != NULL*");
  g_assert_null (heed_backup_schedule_dup_made (NULL));
  g_test_assert_expected_messages ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/backup-schedule/off", test_off);
  g_test_add_func ("/core/backup-schedule/first", test_first);
  g_test_add_func ("/core/backup-schedule/not-due", test_not_due);
  g_test_add_func ("/core/backup-schedule/overdue", test_overdue);
  g_test_add_func ("/core/backup-schedule/time-zones", test_time_zones);
  g_test_add_func ("/core/backup-schedule/clock-put-back", test_clock_put_back);
  g_test_add_func ("/core/backup-schedule/made", test_made);
  g_test_add_func ("/core/backup-schedule/guards", test_guards);
  return g_test_run ();
}
