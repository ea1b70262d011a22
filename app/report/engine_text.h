#pragma once

// The engine's messages (detector warnings, advice bases, reader warnings) in the interface
// language: each Message id has its English wording here, marked for translation under the
// context "Engine" (translations/ecglens_<lang>.ts), and numbers in its values are written as
// the language writes them (digits with a leading zero, a name rather than a quantity, stay as
// they are). A message whose id is not here keeps the engine's English.

#include "core/message.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace ecglens::dsp {
struct StLevel;
}

namespace ecglens {

struct Recording;
struct Statement;

/// `m` in the installed language (the engine's English when no translator is installed).
QString engineText(const Message& m);
/// The messages in the installed language, joined by `separator`.
QString engineText(const std::vector<Message>& messages, const QString& separator);

/// A failed engine call's error in the installed language: its Message where the engine gave
/// one (a file that cannot be opened), else its English.
template <typename T> QString engineError(const Result<T>& result)
{
    const Message* m = result.errorMessage();
    return m ? engineText(*m) : QString::fromStdString(result.error());
}

/// `v` as the interface language writes numbers ("12,5" in German), without group separators
/// (a sampling rate of 1000 Hz is not "1.000 Hz"); `format` and `precision` as QString::number.
QString localNumber(double v, char format = 'f', int precision = 1);

/// The change from `from` to `to` as a reader of both printed values would work it out: of the
/// values rounded to `decimals`, signed ("+26", "-64", "0"), for an axis (degrees) the shorter
/// way round (-170 to 170 is "+20"); empty when either is not a number.
QString changeText(double from, double to, int decimals, bool axis = false);

/// The levels in the order the ECG paper draws their leads (displayOrder: I, II, III, aVR, aVL,
/// aVF, V1-V6 when the six limb leads are there, recorded or computed; else as given).
std::vector<dsp::StLevel> stLevelsInPaperOrder(const std::vector<dsp::StLevel>& levels);
/// ST levels at J+60 ms as a 12-lead program prints them: "I +0.06 · II −0.15 · III (computed)
/// +0.09 · …" (mV, signed, in the interface's number format; "—" for a lead without one), in
/// stLevelsInPaperOrder.
QString stLevelsText(const std::vector<dsp::StLevel>& levels);
/// The same for a comparison: "I +0.06 → +0.02 · …", the earlier ECG's level first, by lead
/// name (a lead only one ECG has shows "—" for the other).
QString stLevelsComparedText(const std::vector<dsp::StLevel>& then,
                             const std::vector<dsp::StLevel>& now);

/// A statement in the file (Recording::statements) as the interface words it: the description in
/// the installed language where it is one of PTB-XL's SCP-ECG statement descriptions
/// (scp_statements.csv), else as the file gives it.
QString statementText(const Statement& s);
/// The statement descriptions statementText translates (PTB-XL's 71, in English).
QStringList statementDescriptions();

/// A lead set whose thresholds the detector applied (ml::Analysis::thresholdLeadSet: "12",
/// "limb6", "2", "1") as a reader understands it: "12 leads", "6 limb leads", "leads II + V1",
/// "lead II"; another name as it is.
QString leadSetText(const std::string& set);

/// A standard lead the detector analysed (index into kStandardLeads) by name, "III (computed)"
/// when it was computed from the recorded limb leads rather than recorded (ml::deriveLimbLeads).
QString analysedLeadName(int standardLead, bool computed);
/// The same with `computed` looked up in a per-lead mask (xai::RecordingExplanation::leadsDerived).
QString analysedLeadName(int standardLead, const std::array<bool, 12>& computed);

/// The names of the recording's channels that are not ECG leads (dsp::mayBeEcg false: EEG,
/// blood pressure, respiration), as the file names them: beat detection and the measurements
/// leave them out, and every interface says which.
QStringList otherSignalNames(const Recording& recording);

/// Ids and English wordings this table knows, for checking it against the engine's templates.
QList<QPair<QString, QString>> engineTextTable();

} // namespace ecglens
