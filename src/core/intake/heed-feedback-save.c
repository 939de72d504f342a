/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include "heed-feedback-save.h"

gboolean
heed_feedback_person_is_empty (HeedPerson *person)
{
  guint n_fields = 0;
  const HeedFieldSpec *fields;

  if (person == NULL)
    return TRUE;
  fields = heed_record_get_fields (HEED_RECORD (person), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (heed_record_is_set (HEED_RECORD (person), i) && fields[i].type != HEED_VALUE_BOOL)
      return FALSE;
  return TRUE;
}

gboolean
heed_feedback_needs_complainant (HeedCase   *kase,
                                 HeedPerson *complainant)
{
  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);

  return heed_feedback_person_is_empty (complainant)
         && !heed_record_get_bool (HEED_RECORD (kase), HEED_CASE_ANONYMOUS)
         && heed_case_get_kind_value (kase) == HEED_KIND_COMPLAINT;
}

gboolean
_heed_feedback_save_person (HeedStore   *store,
             HeedCase    *kase,
             HeedPerson  *person,
             guint        field,
             GError     **error)
{
  if (heed_feedback_person_is_empty (person))
    return TRUE;
  heed_person_tidy (person);
  if (!heed_store_save (store, HEED_RECORD (person), error))
    return FALSE;
  heed_record_set_int (HEED_RECORD (kase), field, heed_record_get_id (HEED_RECORD (person)));
  return TRUE;
}

/* What a field of the case held before the save, to put back if it fails. */
HeedKeptField
_heed_feedback_keep_field (HeedRecord *record,
            guint       field)
{
  return (HeedKeptField) { heed_record_is_set (record, field), heed_record_get_int (record, field) };
}

void
_heed_feedback_restore_field (HeedRecord *record,
               guint       field,
               HeedKeptField kept)
{
  if (kept.set)
    heed_record_set_int (record, field, kept.value);
  else
    heed_record_clear (record, field);
}

gboolean
heed_feedback_save (HeedStore     *store,
                    HeedCase      *kase,
                    HeedPerson    *complainant,
                    HeedPerson    *affected,
                    const gint64  *staff,
                    guint          n_staff,
                    HeedEmail     *email,
                    gint64         draft_id,
                    GError       **error)
{
  HeedRecord *record = HEED_RECORD (kase);
  HeedKeptField complainant_before, affected_before;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);
  g_return_val_if_fail (complainant == NULL || HEED_IS_PERSON (complainant), FALSE);
  g_return_val_if_fail (affected == NULL || HEED_IS_PERSON (affected), FALSE);
  g_return_val_if_fail (n_staff == 0 || staff != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  complainant_before = _heed_feedback_keep_field (record, HEED_CASE_COMPLAINANT);
  affected_before = _heed_feedback_keep_field (record, HEED_CASE_AFFECTED);
  heed_record_set_text (record, HEED_CASE_STATUS, "logged");
  if (!heed_store_begin (store, error))
    {
      heed_record_set_text (record, HEED_CASE_STATUS, "draft");
      return FALSE;
    }
  if (_heed_feedback_save_person (store, kase, complainant, HEED_CASE_COMPLAINANT, error)
      && _heed_feedback_save_person (store, kase, affected, HEED_CASE_AFFECTED, error)
      && heed_store_save (store, record, error)
      && (n_staff == 0
          || heed_store_set_case_staff (store, heed_record_get_id (record), staff, n_staff,
                                        error))
      /* The message it came in, unaltered, and what was attached to it. */
      && (email == NULL || heed_email_keep (email, store, heed_record_get_id (record), 0, error))
      && heed_store_drop_form_draft (store, draft_id, error)
      && heed_store_commit (store, error))
    return TRUE;

  /* Nothing was saved: the records go back to what the form gave, to be saved again. */
  heed_store_rollback (store);
  heed_record_set_text (record, HEED_CASE_STATUS, "draft");
  heed_record_set_id (record, 0);
  _heed_feedback_restore_field (record, HEED_CASE_COMPLAINANT, complainant_before);
  _heed_feedback_restore_field (record, HEED_CASE_AFFECTED, affected_before);
  if (complainant != NULL)
    heed_record_set_id (HEED_RECORD (complainant), 0);
  if (affected != NULL)
    heed_record_set_id (HEED_RECORD (affected), 0);
  return FALSE;
}
