/* ms-l10n.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reports and charts can be made in a language other than the interface's:
 * a printed report for a Chinese meeting from an English desktop. These
 * helpers translate and format for an explicit language ("zh_CN", "en"). */

const char *ms_l10n_get_system_language (void);
const char *ms_l10n_normalize_language  (const char *language);
gboolean    ms_l10n_is_chinese          (const char *language);
const char *ms_l10n_translate           (const char *language,
                                         const char *msgid) G_GNUC_FORMAT (2);
const char *ms_l10n_ngettext            (const char *language,
                                         const char *singular,
                                         const char *plural,
                                         gulong      n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
char       *ms_l10n_format_figure       (const char *language,
                                         double      value,
                                         const char *unit);
char       *ms_l10n_format_figure_value (const char *language,
                                         double      value,
                                         const char *unit);
const char *ms_l10n_present_figure      (const char *language,
                                         double      value,
                                         const char *unit,
                                         double     *shown_value);
char       *ms_l10n_format_number       (const char *language,
                                         double      value);
char       *ms_l10n_format_percent      (const char *language,
                                         double      share);
char       *ms_l10n_format_date         (const char *language,
                                         GDateTime  *date);
const char *ms_l10n_split_unit          (const char *unit,
                                         double     *scale);

char       *ms_l10n_dup_catalog_text (const char *language);

G_END_DECLS
