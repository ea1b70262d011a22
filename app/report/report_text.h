#pragma once

// The report's words: every value formatted as the application shows it, arranged as blocks
// (headings, label/value rows, paragraphs) that report.cpp lays out on pages.

#include "report.h"

#include <QString>

#include <utility>
#include <vector>

namespace ecglens::report {

struct TextBlock
{
    enum class Kind { Heading, Row, Paragraph };
    Kind kind = Kind::Paragraph;
    QString label; ///< Row only
    QString text;
};

/// Label/value lines of the first page's summary above the ECG.
std::vector<std::pair<QString, QString>> summaryLines(const ReportInput& input);

/// The detail pages: patient, recording, measurements, findings, detector, flagged segments,
/// advice, review decision, credits.
std::vector<TextBlock> detailBlocks(const ReportInput& input);

/// How the traces were conditioned, one line.
QString signalNote(const ReportInput& input);

} // namespace ecglens::report
