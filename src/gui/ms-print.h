/* ms-print.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing in one include: the dialog that chooses what to print, the
 * preview it shows, and the operation that prints.
 */

#pragma once

#include "ms-print-dialog.h"
#include "ms-print-operation.h"
#include "ms-report-preview.h"
