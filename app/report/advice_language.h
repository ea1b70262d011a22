#pragma once

// The advice catalogue in the interface's language. The engine's catalogue is English; its
// translations are resources/advice/catalogue_<lang>.json (built in), item by item with the
// English text each was translated from, so an item whose English changed falls back to English
// rather than showing an outdated translation.

#include "advice/advice.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ecglens {

/// `items` with title and text in `language` where the built-in translation matches the very
/// English text the engine gave; basis, source and everything else unchanged.
std::vector<advice::AdviceItem> localisedAdvice(std::vector<advice::AdviceItem> items,
                                                const QString& language);

/// The title of the catalogue's item `code` in `language` (as localisedAdvice words it); the
/// code itself when the catalogue has no such item (a file written by a newer version).
QString adviceTitle(const QString& code, const QString& language);

/// What is wrong with the built-in translation for `language` against the engine's catalogue:
/// a missing file or item, an item translated from other English, an empty text (for tests).
QStringList adviceTranslationProblems(const QString& language);

} // namespace ecglens
