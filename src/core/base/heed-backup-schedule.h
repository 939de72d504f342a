/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When an automatic backup is due. Heed backs a practice up when it is opened, if the newest
 * backup in the chosen folder is at least the interval set in Preferences old; this is that
 * rule, with no store, settings or window, so it can be tested on its own. */
typedef enum {
  HEED_BACKUP_SCHEDULE_OFF,     /* no interval (0 days) or no folder: nothing is scheduled */
  HEED_BACKUP_SCHEDULE_NOT_DUE, /* the newest backup is younger than the interval */
  HEED_BACKUP_SCHEDULE_DUE,     /* none yet (or its time cannot be read): the first is due */
  HEED_BACKUP_SCHEDULE_OVERDUE, /* the newest backup is the interval old, or older */
} HeedBackupScheduleState;

/* The state for backups every @interval_days into @folder, the newest made at @newest (NULL:
 * none there yet), at @now. */
HeedBackupScheduleState heed_backup_schedule_state (int         interval_days,
                                                    const char *folder,
                                                    GDateTime  *newest,
                                                    GDateTime  *now);
/* Whether a backup is to be made now: due or overdue. */
gboolean heed_backup_schedule_is_due (HeedBackupScheduleState state);
/* When the backup at @path was made (the file's last change), or NULL when it cannot be read. */
GDateTime *heed_backup_schedule_dup_made (const char *path);

G_END_DECLS
