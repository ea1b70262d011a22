#pragma once

#include "review_record.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ecglens {

/// The clinician's decision on the recording: decision, reviewer, free-text note; what the
/// detector said; where and when the review was last saved. The panel edits values only; the
/// window saves them (ReviewStore).
class DecisionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DecisionPanel(QWidget* parent = nullptr);

    /// Shows a loaded review (no edited() signal). `editable` false = read-only with `why`.
    void showRecord(const ReviewRecord& record, bool editable, const QString& why = {});
    /// Nothing to review (no recording, or the synthetic demo): `why` says so.
    void showUnavailable(const QString& why);
    /// The detector's current verdict, shown beside the decision.
    void setDetector(const DetectorSnapshot& detector);
    /// The decision as edited now (time and detector filled in by the caller).
    DecisionEntry entry() const;
    void setStatus(const QString& text, bool error);

    QComboBox* decisionBox() const { return m_decision; }
    QLineEdit* reviewerEdit() const { return m_reviewer; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QLabel* statusLabel() const { return m_status; }

signals:
    /// The user changed the decision, the reviewer or the note.
    void edited();

private:
    void updateDetectorText();

    QComboBox* m_decision;
    QLineEdit* m_reviewer;
    QPlainTextEdit* m_note;
    QLabel* m_detector;
    QLabel* m_history;
    QLabel* m_status;
    DetectorSnapshot m_detectorNow;
    bool m_loading = false;
};

} // namespace ecglens
