/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <gio/gio.h>

#include "heed-backup-schedule.h"

HeedBackupScheduleState
heed_backup_schedule_state (int interval_days, const char *folder, GDateTime *newest, GDateTime *now)
{
  g_return_val_if_fail (now != NULL, HEED_BACKUP_SCHEDULE_OFF);

  if (interval_days <= 0 || folder == NULL || folder[0] == '\0')
    return HEED_BACKUP_SCHEDULE_OFF;
  if (newest == NULL)
    return HEED_BACKUP_SCHEDULE_DUE;
  /* A backup stamped later than now (the clock was put back) counts as new. */
  if (g_date_time_difference (now, newest) < interval_days * G_TIME_SPAN_DAY)
    return HEED_BACKUP_SCHEDULE_NOT_DUE;
  return HEED_BACKUP_SCHEDULE_OVERDUE;
}

gboolean
heed_backup_schedule_is_due (HeedBackupScheduleState state)
{
  return state == HEED_BACKUP_SCHEDULE_DUE || state == HEED_BACKUP_SCHEDULE_OVERDUE;
}

GDateTime *
heed_backup_schedule_dup_made (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info =
    g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
}
