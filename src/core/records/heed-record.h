/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a field's value is kept: in the object, in its column, in XML and CSV. */
typedef enum {
  HEED_VALUE_TEXT,
  HEED_VALUE_INT,
  HEED_VALUE_BOOL,
  HEED_VALUE_DATE,     /* "YYYY-MM-DD" */
  HEED_VALUE_DATETIME, /* "YYYY-MM-DDTHH:MM:SS" local time of the practice */
  HEED_VALUE_CHOICE,   /* one of the spec's choices, stored as its id */
  HEED_VALUE_ID,       /* row id of another record; 0 is none */
  HEED_VALUE_MONEY,    /* pence */
} HeedValueType;

typedef enum {
  HEED_FIELD_REQUIRED = 1 << 0,
  /* Identifies a person: kept out of reports, included in a subject access export. */
  HEED_FIELD_PERSONAL = 1 << 1,
  /* Set by Heed itself (reference, created time): not offered for editing or import. */
  HEED_FIELD_SYSTEM = 1 << 2,
  /* Long free text: searched, and shown as a paragraph rather than a line. */
  HEED_FIELD_LONG = 1 << 3,
} HeedFieldFlags;

typedef struct {
  const char *name;            /* property name; the column is the same with '_' for '-' */
  const char *column;
  HeedValueType type;
  HeedFieldFlags flags;
  const char *label;           /* N_() marked; translated when shown */
  const char *const *choices;  /* HEED_VALUE_CHOICE: NULL-terminated ids */
} HeedFieldSpec;

#define HEED_TYPE_RECORD (heed_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (HeedRecord, heed_record, HEED, RECORD, GObject)

struct _HeedRecordClass
{
  GObjectClass parent_class;

  const char          *table;
  const HeedFieldSpec *fields;
  guint                n_fields;

  /* Adds a HeedProblem for each thing wrong with the record, as of @today. */
  void (*validate) (HeedRecord *self,
                    GDate      *today,
                    GPtrArray  *problems);

  gpointer padding[8];
};

/* One thing wrong with a value, in words a practice manager can act on. */
typedef struct {
  char *field;    /* property name */
  char *message;  /* translated */
} HeedProblem;

HeedProblem         *heed_problem_new              (const char *field,
                                                    const char *message);
void                 heed_problem_free             (HeedProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedProblem, heed_problem_free)

void                 heed_record_class_set_fields  (HeedRecordClass     *klass,
                                                    const char          *table,
                                                    const HeedFieldSpec *fields,
                                                    guint                n_fields);

gint64               heed_record_get_id            (HeedRecord *self);
void                 heed_record_set_id            (HeedRecord *self,
                                                    gint64      id);
gint64               heed_record_get_version       (HeedRecord *self);
void                 heed_record_set_version       (HeedRecord *self,
                                                    gint64      version);
const char          *heed_record_get_table         (HeedRecord *self);
const HeedFieldSpec *heed_record_get_fields        (HeedRecord *self,
                                                    guint      *n_fields);
int                  heed_record_find_field        (HeedRecord *self,
                                                    const char *name);
const HeedFieldSpec *heed_record_class_find_field  (HeedRecordClass *klass,
                                                    const char      *name,
                                                    guint           *index);

gboolean             heed_record_is_set            (HeedRecord *self,
                                                    guint       field);
const char          *heed_record_get_text          (HeedRecord *self,
                                                    guint       field);
void                 heed_record_set_text          (HeedRecord *self,
                                                    guint       field,
                                                    const char *value);
gint64               heed_record_get_int           (HeedRecord *self,
                                                    guint       field);
void                 heed_record_set_int           (HeedRecord *self,
                                                    guint       field,
                                                    gint64      value);
gboolean             heed_record_get_bool          (HeedRecord *self,
                                                    guint       field);
void                 heed_record_set_bool          (HeedRecord *self,
                                                    guint       field,
                                                    gboolean    value);
gboolean             heed_record_get_date          (HeedRecord *self,
                                                    guint       field,
                                                    GDate      *date);
void                 heed_record_set_date          (HeedRecord  *self,
                                                    guint        field,
                                                    const GDate *date);
void                 heed_record_clear             (HeedRecord *self,
                                                    guint       field);

char                *heed_record_dup_string        (HeedRecord *self,
                                                    guint       field);
gboolean             heed_record_set_from_string   (HeedRecord  *self,
                                                    guint        field,
                                                    const char  *value,
                                                    GError     **error);
GPtrArray           *heed_record_validate          (HeedRecord *self,
                                                    GDate      *today);
gboolean             heed_record_check             (HeedRecord  *self,
                                                    GDate       *today,
                                                    GError     **error);
HeedRecord          *heed_record_copy              (HeedRecord *self);
char                *heed_record_dup_content_hash  (HeedRecord *self);
gboolean             heed_record_equal             (HeedRecord *a,
                                                    HeedRecord *b);

G_END_DECLS
