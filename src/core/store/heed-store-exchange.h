/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-store.h"

G_BEGIN_DECLS

/* The highest number a reference counter may reach: ten million cases of one kind in a year. */
#define HEED_REFERENCE_COUNTER_MAX 9999999

/* What the full-fidelity exchange (heed-exchange.h) needs from the practice file beyond the
 * everyday API: reading every table one row at a time, and writing rows exactly as given
 * (keeping references, times, sent letters and their PDFs). Each writing function runs in its
 * own nested transaction, so it may be used alone or inside heed_store_begin()/commit(); each
 * row written gets an audit entry whose detail is "<content digest>|imported". */

/* Which records heed_store_foreach_record() visits. */
typedef enum {
  HEED_STORE_RECORDS_ALL,
  HEED_STORE_RECORDS_WITHOUT_CASE, /* practice-wide actions, survey answers not tied to a case */
} HeedStoreRecordFilter;

/* The parts of a practice's set-up that heed_store_clear_practice_setup() takes out. */
typedef enum {
  HEED_STORE_SETUP_SETTINGS   = 1 << 0, /* settings and the logo */
  HEED_STORE_SETUP_CATEGORIES = 1 << 1,
  HEED_STORE_SETUP_RISK       = 1 << 2,
  HEED_STORE_SETUP_TEMPLATES  = 1 << 3,
} HeedStoreSetupParts;

typedef struct {
  char    *scheme;
  char    *code;
  char    *label;
  gint64   year_from;
  gint64   year_to;
  gint64   position;
  gboolean has_min_age;
  gint64   min_age;
  gboolean has_max_age;
  gint64   max_age;
  char    *collection;  /* the KO41(b) collection, "gp" or "dental"; NULL: both */
} HeedCategory;

/* A destroyed case: what is left once its retention period is over. */
typedef struct {
  char *reference;
  char *kind;
  char *closed_on;
  char *destroyed_at;
  char *destroyed_by;
  char *reason;
} HeedTombstone;

typedef struct {
  gint64  id;
  gint64  case_id;
  gint64  event_id;  /* 0 when the attachment is not tied to an event */
  char   *filename;
  char   *mime;
  char   *added_at;
} HeedAttachmentInfo;

void heed_category_clear         (HeedCategory       *category);
void heed_tombstone_clear        (HeedTombstone      *tombstone);
void heed_attachment_info_free   (HeedAttachmentInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedAttachmentInfo, heed_attachment_info_free)

typedef gboolean (*HeedStoreRecordVisitor)   (HeedRecord          *record,
                                              gpointer             user_data,
                                              GError             **error);
typedef gboolean (*HeedStoreSettingVisitor)  (const char          *key,
                                              const char          *value,
                                              gpointer             user_data,
                                              GError             **error);
typedef gboolean (*HeedStoreBlobVisitor)     (const char          *key,
                                              const char          *mime,
                                              GBytes              *data,
                                              gpointer             user_data,
                                              GError             **error);
typedef gboolean (*HeedStoreCategoryVisitor) (const HeedCategory  *category,
                                              gpointer             user_data,
                                              GError             **error);
typedef gboolean (*HeedStoreRiskVisitor)     (const char          *seriousness,
                                              const char          *likelihood,
                                              const char          *risk,
                                              gpointer             user_data,
                                              GError             **error);
typedef gboolean (*HeedStoreCounterVisitor)  (const char          *prefix,
                                              gint64               last,
                                              gpointer             user_data,
                                              GError             **error);
typedef gboolean (*HeedStoreTombstoneVisitor) (const HeedTombstone *tombstone,
                                               gpointer             user_data,
                                               GError             **error);

/* Reading. A visitor that returns FALSE (with @error set) stops the walk. Between
 * begin_read and end_read every read sees the file as it was at begin_read. */
gboolean    heed_store_begin_read               (HeedStore                  *self,
                                                 GError                    **error);
void        heed_store_end_read                 (HeedStore                  *self);
gboolean    heed_store_foreach_record           (HeedStore                  *self,
                                                 GType                       type,
                                                 HeedStoreRecordFilter       filter,
                                                 HeedStoreRecordVisitor      visitor,
                                                 gpointer                    user_data,
                                                 GError                    **error);
gboolean    heed_store_foreach_setting          (HeedStore                  *self,
                                                 HeedStoreSettingVisitor     visitor,
                                                 gpointer                    user_data,
                                                 GError                    **error);
gboolean    heed_store_foreach_setting_blob     (HeedStore                  *self,
                                                 HeedStoreBlobVisitor        visitor,
                                                 gpointer                    user_data,
                                                 GError                    **error);
gboolean    heed_store_foreach_category         (HeedStore                  *self,
                                                 HeedStoreCategoryVisitor    visitor,
                                                 gpointer                    user_data,
                                                 GError                    **error);
gboolean    heed_store_foreach_risk             (HeedStore                  *self,
                                                 HeedStoreRiskVisitor        visitor,
                                                 gpointer                    user_data,
                                                 GError                    **error);
gboolean    heed_store_foreach_reference_counter (HeedStore                 *self,
                                                  HeedStoreCounterVisitor    visitor,
                                                  gpointer                   user_data,
                                                  GError                   **error);
gboolean    heed_store_foreach_tombstone        (HeedStore                  *self,
                                                 HeedStoreTombstoneVisitor   visitor,
                                                 gpointer                    user_data,
                                                 GError                    **error);
GArray     *heed_store_list_case_staff          (HeedStore                  *self,
                                                 gint64                      case_id,
                                                 GError                    **error);
GPtrArray  *heed_store_list_attachments         (HeedStore                  *self,
                                                 gint64                      case_id,
                                                 GError                    **error);
GBytes     *heed_store_dup_letter_pdf           (HeedStore                  *self,
                                                 gint64                      letter_id,
                                                 GError                    **error);
GBytes     *heed_store_dup_setting_blob         (HeedStore                  *self,
                                                 const char                 *key,
                                                 char                      **mime,
                                                 GError                    **error);

/* Questions asked before writing. */
gboolean    heed_store_is_empty_practice        (HeedStore                  *self,
                                                 gboolean                   *empty,
                                                 GError                    **error);
gboolean    heed_store_reference_is_taken       (HeedStore                  *self,
                                                 const char                 *reference,
                                                 gboolean                   *taken,
                                                 GError                    **error);
/* The id of the case that has @reference (0 for none), and whether a destroyed case had it. */
gboolean    heed_store_find_reference           (HeedStore                  *self,
                                                 const char                 *reference,
                                                 gint64                     *case_id,
                                                 gboolean                   *destroyed,
                                                 GError                    **error);
/* The newest case's id: cases added after it are an import's own. */
gboolean    heed_store_get_last_case_id         (HeedStore                  *self,
                                                 gint64                     *last_case_id,
                                                 GError                    **error);
gboolean    heed_store_has_template             (HeedStore                  *self,
                                                 const char                 *code,
                                                 const char                 *language,
                                                 gboolean                   *has,
                                                 GError                    **error);

/* Writing exactly as given. */
gboolean    heed_store_clear_practice_setup     (HeedStore                  *self,
                                                 HeedStoreSetupParts         parts,
                                                 GError                    **error);
gboolean    heed_store_insert_setting           (HeedStore                  *self,
                                                 const char                 *key,
                                                 const char                 *value,
                                                 GError                    **error);
gboolean    heed_store_insert_setting_blob      (HeedStore                  *self,
                                                 const char                 *key,
                                                 const char                 *mime,
                                                 GBytes                     *data,
                                                 GError                    **error);
gboolean    heed_store_insert_category          (HeedStore                  *self,
                                                 const HeedCategory         *category,
                                                 GError                    **error);
gboolean    heed_store_insert_risk              (HeedStore                  *self,
                                                 const char                 *seriousness,
                                                 const char                 *likelihood,
                                                 const char                 *risk,
                                                 GError                    **error);
gboolean    heed_store_raise_reference_counter  (HeedStore                  *self,
                                                 const char                 *prefix,
                                                 gint64                      last,
                                                 GError                    **error);
gboolean    heed_store_insert_tombstone         (HeedStore                  *self,
                                                 const HeedTombstone        *tombstone,
                                                 GError                    **error);
gboolean    heed_store_insert_record            (HeedStore                  *self,
                                                 HeedRecord                 *record,
                                                 GBytes                     *letter_pdf,
                                                 GError                    **error);
gboolean    heed_store_insert_attachment        (HeedStore                  *self,
                                                 const HeedAttachmentInfo   *info,
                                                 GBytes                     *data,
                                                 gint64                     *attachment_id,
                                                 GError                    **error);
gboolean    heed_store_add_case_staff           (HeedStore                  *self,
                                                 gint64                      case_id,
                                                 gint64                      staff_id,
                                                 GError                    **error);
gboolean    heed_store_reload_setup             (HeedStore                  *self,
                                                 GError                    **error);

G_END_DECLS
