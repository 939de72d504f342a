/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Duties: who may do what in a practice on a server, enforced by the server itself (GRANTs
 * and row-level security; see migrations/postgres/0008-duties.sql). Each duty is a group role
 * of the practice's database, heed_<database>_<duty>; a person signs in as their own login
 * role, a member of one or more of them, mapped to a staff member. A practice file has no
 * duties: the computer's account is its only gate, and these functions say so. */

#include "heed-store.h"

G_BEGIN_DECLS

typedef enum {
  HEED_DUTY_NONE = 0,
  HEED_DUTY_RECEPTION = 1 << 0, /* logs feedback; the list's one-line summaries */
  HEED_DUTY_HANDLER = 1 << 1,   /* the cases assigned to them, in full */
  HEED_DUTY_MANAGER = 1 << 2,   /* everything, duties included */
  HEED_DUTY_READER = 1 << 3,    /* the reports' counts, no names */
} HeedDuties;

#define HEED_DUTY_ALL                                                                              \
  (HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER | HEED_DUTY_MANAGER | HEED_DUTY_READER)

/* One duty from its id ("reception", …); FALSE for anything else. */
gboolean heed_duty_from_id (const char *id, HeedDuties *duty);
/* The id of one duty. */
const char *heed_duty_get_id (HeedDuties duty);
/* "reception, handler": the ids of @duties, in their order; "" for none. */
char *heed_duties_dup_ids (HeedDuties duties);

/* Who holds which duty. */
typedef struct {
  char      *role;
  HeedDuties duties;
  gint64     staff_id; /* 0: mapped to no staff member */
  char      *staff_name;
} HeedDutyHolder;

void heed_duty_holder_free (HeedDutyHolder *holder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedDutyHolder, heed_duty_holder_free)

/* What a person may be offered in the window; the server enforces the same, whatever is offered. */
typedef enum {
  HEED_TASK_SEE_LIST,          /* the lists of feedback, a line a case */
  HEED_TASK_LOG_FEEDBACK,      /* a phone call, a form, an import */
  HEED_TASK_OPEN_CASES,        /* a case's page, in full */
  HEED_TASK_SEE_PRACTICE_WORK, /* the action plans and the timeline of open cases */
  HEED_TASK_SEE_REPORTS,       /* the annual report and the returns */
  HEED_TASK_RUN_PRACTICE,      /* settings, staff, templates, backups, check, duties */
} HeedTask;

/* Whether @duties (any of them) allow @task. */
gboolean heed_duties_allow (HeedDuties duties, HeedTask task);
/* Whether the person signed in may do @task: always on a practice file, where the computer's
 * account is the only gate, and for the database's owner. */
gboolean heed_store_may (HeedStore *self, HeedTask task);

/* How long a window may be left unused before it signs out, in minutes (the practice's
 * "sign-out-minutes"); 0 for never, and on a practice file, which has no sign-in. */
guint heed_store_get_sign_out_minutes (HeedStore *self);

/* The role the server says is signed in (session_user); NULL on a practice file. */
const char *heed_store_get_signed_in_role (HeedStore *self);
/* The signed-in role's duties (none on a file, and none for the owner, who needs none). */
HeedDuties heed_store_get_duties (HeedStore *self);
/* Whether the signed-in role owns the practice's database (and so may do anything). */
gboolean heed_store_is_owner (HeedStore *self);

/* Makes the practice's duty roles, where missing, and gives each its privileges; run again,
 * it puts them right. The owner's, with the right to make roles. */
gboolean heed_store_setup_duties (HeedStore *self, GError **error);
/* Gives @role @duty (one duty), and, with @staff_id, maps the role to that staff member; a
 * handler needs one. By the owner, or a manager for any duty but manager. All or nothing. */
gboolean heed_store_grant_duty (HeedStore  *self,
                                const char *role,
                                HeedDuties  duty,
                                gint64      staff_id,
                                GError    **error);
/* Takes @duty (HEED_DUTY_NONE: every duty) from @role. */
gboolean heed_store_revoke_duty (HeedStore *self, const char *role, HeedDuties duty, GError **error);
/* HeedDutyHolder, by role name. */
GPtrArray *heed_store_list_duties (HeedStore *self, GError **error);
/* The role that owns the audit trail (and its triggers); NULL on a file. */
char *heed_store_dup_trail_owner (HeedStore *self, GError **error);

G_END_DECLS
