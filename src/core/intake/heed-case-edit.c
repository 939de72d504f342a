/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include "heed-case-edit.h"
#include "heed-feedback-save.h"

/* What a record was before the save, to put back if the transaction is rolled back: a save
 * that succeeded inside it gave the record an id or a newer version the file no longer has. */
typedef struct {
  gint64 id;
  gint64 version;
} KeptRecord;

static KeptRecord
keep_record (HeedRecord *record)
{
  return (KeptRecord) { heed_record_get_id (record), heed_record_get_version (record) };
}

static void
restore_record (HeedRecord *record,
                KeptRecord  kept)
{
  heed_record_set_id (record, kept.id);
  heed_record_set_version (record, kept.version);
}

/* A person already saved is saved again even when emptied; one never saved, only if typed. */
static gboolean
save_person (HeedStore   *store,
             HeedCase    *kase,
             HeedPerson  *person,
             guint        field,
             GError     **error)
{
  if (person == NULL)
    return TRUE;
  if (heed_record_get_id (HEED_RECORD (person)) != 0 && heed_feedback_person_is_empty (person))
    {
      heed_person_tidy (person);
      return heed_store_save (store, HEED_RECORD (person), error);
    }
  return _heed_feedback_save_person (store, kase, person, field, error);
}

gboolean
heed_case_edit_save (HeedStore   *store,
                     HeedCase    *kase,
                     HeedPerson  *complainant,
                     HeedPerson  *affected,
                     gint64       draft_id,
                     GError     **error)
{
  HeedRecord *record = HEED_RECORD (kase);
  KeptRecord case_before, complainant_before = { 0, 0 }, affected_before = { 0, 0 };
  HeedKeptField complainant_field, affected_field;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);
  g_return_val_if_fail (heed_record_get_id (HEED_RECORD (kase)) > 0, FALSE);
  g_return_val_if_fail (complainant == NULL || HEED_IS_PERSON (complainant), FALSE);
  g_return_val_if_fail (affected == NULL || HEED_IS_PERSON (affected), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  case_before = keep_record (record);
  if (complainant != NULL)
    complainant_before = keep_record (HEED_RECORD (complainant));
  if (affected != NULL)
    affected_before = keep_record (HEED_RECORD (affected));
  complainant_field = _heed_feedback_keep_field (record, HEED_CASE_COMPLAINANT);
  affected_field = _heed_feedback_keep_field (record, HEED_CASE_AFFECTED);

  if (!heed_store_begin (store, error))
    return FALSE;
  if (save_person (store, kase, complainant, HEED_CASE_COMPLAINANT, error)
      && save_person (store, kase, affected, HEED_CASE_AFFECTED, error)
      && heed_store_save (store, record, error)
      && heed_store_drop_form_draft (store, draft_id, error)
      && heed_store_commit (store, error))
    return TRUE;

  heed_store_rollback (store);
  restore_record (record, case_before);
  _heed_feedback_restore_field (record, HEED_CASE_COMPLAINANT, complainant_field);
  _heed_feedback_restore_field (record, HEED_CASE_AFFECTED, affected_field);
  if (complainant != NULL)
    restore_record (HEED_RECORD (complainant), complainant_before);
  if (affected != NULL)
    restore_record (HEED_RECORD (affected), affected_before);
  return FALSE;
}
