/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heed-calendar.h"
#include "heed-deadlines.h"
#include "heed-case.h"
#include "heed-case-query.h"
#include "heed-location.h"
#include "heed-lock.h"
#include "heed-record.h"

G_BEGIN_DECLS

#define HEED_STORE_ERROR (heed_store_error_quark ())
GQuark heed_store_error_quark (void);

typedef enum {
  HEED_STORE_ERROR_NOT_FOUND,   /* no file there */
  HEED_STORE_ERROR_NOT_HEED,    /* a file, but not a Heed practice */
  HEED_STORE_ERROR_TOO_NEW,     /* made by a newer Heed */
  HEED_STORE_ERROR_DAMAGED,     /* a Heed practice, but damaged */
  HEED_STORE_ERROR_LOCKED,      /* someone else has it open */
  HEED_STORE_ERROR_READ_ONLY,   /* opened read-only; nothing can be changed */
  HEED_STORE_ERROR_EXISTS,      /* will not create over an existing file */
  HEED_STORE_ERROR_INVALID,     /* a value is wrong; the message says which and why */
  HEED_STORE_ERROR_NO_RECORD,   /* no such case or record */
  HEED_STORE_ERROR_NOT_ALLOWED, /* not allowed in the case's present state, or by a rule of the
                                 * practice (unique, a sent letter, the trail) */
  HEED_STORE_ERROR_IO,          /* disk full, permission, and the like */
  HEED_STORE_ERROR_FAILED,
  /* From the storage seam (heed-db.h): */
  HEED_STORE_ERROR_BUSY,              /* another writer has what this change needs; retry */
  HEED_STORE_ERROR_PERMISSION_DENIED, /* this user or server role may not do that */
  HEED_STORE_ERROR_CONNECTION_LOST,   /* the server cannot be reached, or the link broke */
  HEED_STORE_ERROR_CHANGED_ELSEWHERE, /* someone changed the record since it was read */
} HeedStoreError;

typedef enum {
  HEED_STORE_OPEN_DEFAULT = 0,
  HEED_STORE_OPEN_READ_ONLY = 1 << 0,
  /* When someone else holds the file, or this user may not write to it, open it read-only
   * instead of failing. */
  HEED_STORE_OPEN_READ_ONLY_IF_LOCKED = 1 << 1,
  /* With READ_ONLY: a file of an earlier schema version is opened as it is, unmigrated, to
   * check or copy a backup an earlier Heed made. */
  HEED_STORE_OPEN_ANY_VERSION = 1 << 2,
} HeedStoreOpenFlags;

/* The schema version this Heed writes. */
#define HEED_STORE_SCHEMA_VERSION 8
/* PRAGMA application_id of every practice file: "HEED" in ASCII. */
#define HEED_STORE_APPLICATION_ID 0x48454544

/* One line of the case list: what the list shows, without loading the whole case. */
typedef struct {
  gint64  id;
  char   *reference;
  char   *kind;
  char   *channel;
  char   *status;
  char   *received;      /* "YYYY-MM-DDTHH:MM:SS" */
  char   *name;          /* complainant's name, or NULL when anonymous or none */
  char   *summary;
  char   *seriousness;
  char   *likelihood;
  char   *risk;          /* low, moderate, high, extreme or NULL */
  char   *subject;
  char   *acknowledged_on;
  char   *agreed_response_date;
  char   *responded_on;
  char   *closed_on;
  char   *stage2_on;
  char   *track;
  gboolean extended;
  gboolean awaiting_consent;
} HeedCaseRow;

void     heed_case_row_free            (HeedCaseRow       *row);
void     heed_case_row_get_facts       (const HeedCaseRow *row,
                                        HeedDeadlineFacts *facts);
gboolean heed_case_row_needs_attention (const HeedCaseRow *row,
                                        HeedCalendar      *calendar,
                                        const GDate       *today);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedCaseRow, heed_case_row_free)

typedef gboolean (*HeedCaseRowFunc) (const HeedCaseRow *row,
                                     gpointer           user_data);

/* What was typed into a form and not yet saved (see heed_store_keep_form_draft). */
typedef struct {
  gint64  id;
  char   *form;        /* which form: "feedback", "case" */
  gint64  case_id;     /* the case being edited, or 0 for new feedback */
  char   *title;       /* how to offer it back, e.g. "Complaint from Ann Lee" */
  char   *content;     /* the fields, as GKeyFile text */
  char   *os_user;
  char   *updated_at;  /* "YYYY-MM-DDTHH:MM:SS" */
} HeedFormDraft;

void heed_form_draft_free (HeedFormDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedFormDraft, heed_form_draft_free)

#define HEED_TYPE_STORE (heed_store_get_type ())
G_DECLARE_FINAL_TYPE (HeedStore, heed_store, HEED, STORE, GObject)

HeedStore      *heed_store_create             (const char         *where,
                                               const char         *practice_name,
                                               HeedNation          nation,
                                               GError            **error);
HeedStore      *heed_store_open               (const char         *where,
                                               HeedStoreOpenFlags  flags,
                                               GError            **error);
/* heed_store_open() of a location made otherwise (the Connect dialog's, with a password). */
HeedStore      *heed_store_open_location      (HeedLocation       *location,
                                               HeedStoreOpenFlags  flags,
                                               GError            **error);
void            heed_store_close              (HeedStore *self);
const char     *heed_store_get_path           (HeedStore *self);
/* Where the practice is, as it was opened (a server's password included: for opening it
 * again, never for showing; heed_store_get_path() is the text to show). */
HeedLocation   *heed_store_get_location       (HeedStore *self);
gboolean        heed_store_is_on_server       (HeedStore *self);
gboolean        heed_store_is_read_only       (HeedStore *self);
const HeedLockHolder *heed_store_get_lock_holder (HeedStore *self);
int             heed_store_get_schema_version (HeedStore *self);
const char     *heed_store_get_last_backup    (HeedStore *self);

void            heed_store_set_staff_name     (HeedStore  *self,
                                               const char *name);
/* The longest a practice may leave an unused window signed in ("sign-out-minutes"): a
 * working day. */
#define HEED_STORE_MAX_SIGN_OUT_MINUTES 480

/* Whom the trail and the drafts name: the role signed in on a server, the computer's account
 * on a file. */
const char     *heed_store_get_account        (HeedStore  *self);
/* On a server, the staff member the signed-in role is mapped to (heed-cli grant --staff), or
 * NULL; on a file, the one set above. */
const char     *heed_store_get_staff_name     (HeedStore  *self);

gboolean        heed_store_begin              (HeedStore  *self,
                                               GError    **error);
gboolean        heed_store_commit             (HeedStore  *self,
                                               GError    **error);
void            heed_store_rollback           (HeedStore  *self);
/* Tells listeners of a case added by other means than heed_store_save() (an import): at once,
 * or, inside a transaction, when the outermost commit succeeds. */
void            heed_store_announce_case_added (HeedStore *self,
                                                gint64     case_id);

char           *heed_store_dup_setting        (HeedStore  *self,
                                               const char *key);
gboolean        heed_store_set_setting        (HeedStore  *self,
                                               const char *key,
                                               const char *value,
                                               GError    **error);

/* The matters of general importance as the practice wrote them for the report of @from – @to,
 * or NULL; an empty @text takes it away. */
char           *heed_store_dup_report_summary (HeedStore    *self,
                                               const GDate  *from,
                                               const GDate  *to);
gboolean        heed_store_set_report_summary (HeedStore    *self,
                                               const GDate  *from,
                                               const GDate  *to,
                                               const char   *text,
                                               GError      **error);
/* Every written summary, oldest period first, for the full export. */
typedef gboolean (*HeedStoreSummaryVisitor) (const char  *period_from,
                                             const char  *period_to,
                                             const char  *text,
                                             gpointer     user_data,
                                             GError     **error);
gboolean        heed_store_foreach_report_summary (HeedStore               *self,
                                                   HeedStoreSummaryVisitor  visitor,
                                                   gpointer                 user_data,
                                                   GError                 **error);
/* The letterhead logo, PNG or JPEG up to 2 MB; NULL removes it. Read it back with
 * heed_store_dup_setting_blob (store, "logo", ...). */
gboolean        heed_store_set_logo           (HeedStore  *self,
                                               GBytes     *picture,
                                               GError    **error);
HeedNation      heed_store_get_nation         (HeedStore  *self);
HeedCalendar   *heed_store_get_calendar       (HeedStore  *self);

char           *heed_store_dup_last_change    (HeedStore   *self,
                                               const char  *table,
                                               gint64       row_id);
gboolean        heed_store_is_change_from_elsewhere (HeedStore *self);
gboolean        heed_store_save               (HeedStore   *self,
                                               HeedRecord  *record,
                                               GError     **error);
gpointer        heed_store_load               (HeedStore   *self,
                                               GType        type,
                                               gint64       id,
                                               GError     **error);
GPtrArray      *heed_store_list               (HeedStore   *self,
                                               GType        type,
                                               gint64       case_id,
                                               GError     **error);
HeedCase       *heed_store_find_case          (HeedStore   *self,
                                               const char  *reference,
                                               GError     **error);
gboolean        heed_store_change_status      (HeedStore   *self,
                                               HeedCase    *kase,
                                               const char  *status,
                                               const char  *reason,
                                               GError     **error);
/* Replaces the staff involved in a case (a foreign key failure names a missing member). */
gboolean        heed_store_set_case_staff     (HeedStore     *self,
                                               gint64         case_id,
                                               const gint64  *staff_ids,
                                               guint          n_staff,
                                               GError       **error);
/* Closes an oral complaint resolved by the next working day (heed_status_can_close_as_oral). */
gboolean        heed_store_close_as_oral      (HeedStore   *self,
                                               HeedCase    *kase,
                                               GError     **error);
/* Undoes the status change that turned @before into @kase (a copy taken just before it). */
gboolean        heed_store_undo_status_change (HeedStore   *self,
                                               HeedCase    *kase,
                                               HeedCase    *before,
                                               GError     **error);
gboolean        heed_store_delete_draft       (HeedStore   *self,
                                               HeedCase    *kase,
                                               GError     **error);
gboolean        heed_store_add_attachment     (HeedStore   *self,
                                               gint64       case_id,
                                               gint64       event_id,
                                               const char  *filename,
                                               const char  *mime,
                                               GBytes      *data,
                                               gint64      *attachment_id,
                                               GError     **error);
GBytes         *heed_store_dup_attachment     (HeedStore   *self,
                                               gint64       attachment_id,
                                               char       **filename,
                                               char       **mime,
                                               GError     **error);

char           *heed_store_dup_risk           (HeedStore   *self,
                                               const char  *seriousness,
                                               const char  *likelihood);
GPtrArray      *heed_store_list_categories    (HeedStore   *self,
                                               const char  *scheme,
                                               int          year);
/* A practice's own subject or staff group; @code (may be NULL) is set to its new code. */
gboolean        heed_store_add_category       (HeedStore   *self,
                                               const char  *scheme,
                                               const char  *label,
                                               char       **code,
                                               GError     **error);
/* Stops offering a practice's own entry from @year on (national ones stay). */
gboolean        heed_store_retire_category    (HeedStore   *self,
                                               const char  *scheme,
                                               const char  *code,
                                               int          year,
                                               GError     **error);
char           *heed_store_dup_category_label (HeedStore   *self,
                                               const char  *scheme,
                                               const char  *code);

gboolean        heed_store_foreach_case_row   (HeedStore        *self,
                                               HeedCaseQuery    *query,
                                               HeedCaseRowFunc   func,
                                               gpointer          user_data,
                                               GError          **error);
GArray         *heed_store_query_case_ids     (HeedStore        *self,
                                               HeedCaseQuery    *query,
                                               GError          **error);
HeedCaseRow    *heed_store_load_case_row      (HeedStore        *self,
                                               gint64            id,
                                               GError          **error);
/* When the first feedback (not a draft) was received, as stored (YYYY-MM-DD…); NULL when there
 * is none. Readable with any duty, a reader's included. */
char           *heed_store_dup_first_received (HeedStore        *self,
                                               GError          **error);
gint64          heed_store_count_cases        (HeedStore        *self,
                                               HeedCaseQuery    *query,
                                               GError          **error);

gboolean        heed_store_backup             (HeedStore   *self,
                                               const char  *destination,
                                               GError     **error);
/* Writes a checked backup named after the practice and the time into @folder, then removes
 * the oldest so that @keep remain (0 keeps all). @written is the new backup's path. */
gboolean        heed_store_backup_to_folder   (HeedStore   *self,
                                               const char  *folder,
                                               guint        keep,
                                               char       **written,
                                               GError     **error);
/* The backups of this practice in @folder, oldest first, as paths. */
GPtrArray      *heed_store_list_backups       (HeedStore   *self,
                                               const char  *folder,
                                               GError     **error);
/* Copies the whole practice — records, attachments, sent letters, templates, settings and the
 * audit trail with its chain — to @destination, a new file or an empty database on a server,
 * all or nothing, and checks the copy. */
gboolean        heed_store_copy               (HeedStore   *self,
                                               const char  *destination,
                                               GError     **error);
/* A copy of the practice as it is, damaged or not and not checked (unlike a backup): what is
 * kept beside a practice file about to be replaced by a restore. */
gboolean        heed_store_keep_copy          (HeedStore   *self,
                                               const char  *destination,
                                               GError     **error);
/* Opens @backup and runs the full check over it: FALSE, saying what is wrong, when it could
 * not be restored. */
gboolean        heed_store_check_backup       (const char  *backup,
                                               GError     **error);
/* Refuses a backup that fails heed_store_check_backup(), @force or not; the file at
 * @destination is replaced only by a copy that was checked. */
gboolean        heed_store_restore            (const char  *backup,
                                               const char  *destination,
                                               gboolean     force,
                                               GError     **error);
/* On a server, by the database's owner: puts @backup back over the practice @self has open,
 * through its own connection, with nobody else connected; all or nothing, then checked. @self
 * stays open on the restored practice. */
gboolean        heed_store_restore_over       (HeedStore   *self,
                                               const char  *backup,
                                               GError     **error);
gboolean        heed_store_check              (HeedStore   *self,
                                               GString     *report,
                                               GError     **error);

/* What a check compares the audit trail with, beyond the file itself. */
typedef struct {
  /* Older copies of this practice (backups), NULL-terminated: the trail must extend each
   * one's unchanged. */
  const char *const *older;
  /* The anchor log (heed_anchor_log_dup_default()), or NULL for none. */
  const char        *anchor_log;
  /* The practice file itself, not a copy: an anchor beyond the end of its trail means
   * entries were removed. */
  gboolean           is_practice;
  /* An older copy that cannot be read is left out, with a line saying so, rather than an
   * error. */
  gboolean           skip_unreadable;
} HeedCheckOptions;

/* Everything heed_store_check() does, in one read transaction (one moment of the file, while
 * others may write), and the comparisons @options asks for. */
gboolean        heed_store_check_with         (HeedStore               *self,
                                               const HeedCheckOptions  *options,
                                               GString                 *report,
                                               GError                 **error);
/* The newest backup of this practice in @folder that passes heed_store_check(), or NULL. */
char           *heed_store_find_clean_backup  (HeedStore   *self,
                                               const char  *folder);
gboolean        heed_store_rebuild_search_index (HeedStore  *self,
                                                 GError    **error);

/* The head of the audit trail: its newest entry's number and hash (0 and "" when empty). */
gboolean        heed_store_get_head           (HeedStore   *self,
                                               gint64      *entry,
                                               char       **hash,
                                               GError     **error);
/* The practice's identity, the same in every copy of it (NULL before schema version 5). */
char           *heed_store_dup_practice_id    (HeedStore   *self);
/* Keeps the trail's head in the anchor log at @path (NULL: stop) each time this store is
 * closed after a change, and with every backup it makes. */
void            heed_store_set_anchor_log     (HeedStore   *self,
                                               const char  *path);
/* Writes the trail's head to the anchor log now, as @event ("close", "backup", "restore"),
 * for the practice file at @path (NULL: this store's). */
gboolean        heed_store_write_anchor       (HeedStore   *self,
                                               const char  *anchor_log,
                                               const char  *event,
                                               const char  *path,
                                               GError     **error);
/* g_get_user_data_dir()/heed/anchors */
char           *heed_anchor_log_dup_default   (void);

/* Form drafts are kept as someone types, so a crash loses nothing; they are not audited.
 * @draft_id is 0 for a new draft and is set to the draft's id. */
gboolean        heed_store_keep_form_draft    (HeedStore   *self,
                                               gint64      *draft_id,
                                               const char  *form,
                                               gint64       case_id,
                                               const char  *title,
                                               const char  *content,
                                               GError     **error);
/* Newest first; @form NULL for every form. */
GPtrArray      *heed_store_list_form_drafts   (HeedStore   *self,
                                               const char  *form,
                                               GError     **error);
gboolean        heed_store_drop_form_draft    (HeedStore   *self,
                                               gint64       draft_id,
                                               GError     **error);

/* Cases closed longer ago than the practice's retention period, oldest first (ids). */
GArray         *heed_store_list_due_for_destruction (HeedStore    *self,
                                                     const GDate  *today,
                                                     GError      **error);
/* Destroys a case due for destruction, its entries, letters, actions and the people only it
 * named, leaving a tombstone and the audit trail; @reason is kept. */
gboolean        heed_store_destroy_case             (HeedStore    *self,
                                                     gint64        case_id,
                                                     const char   *reason,
                                                     GError      **error);

G_END_DECLS
