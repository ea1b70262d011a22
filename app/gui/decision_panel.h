#pragma once

#include "caliper.h"
#include "review_record.h"

#include "dsp/measurements.h"

#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QToolButton;

namespace ecglens {

/// The clinician's decision on the recording: decision, reviewer, free-text note, intervals
/// measured with the calipers (with the automatic value beside each, and QTc by Fridericia from
/// a measured QT); what the detector said; where and when the review was last saved. The panel
/// edits values only; the window saves them (ReviewStore).
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
    /// The caliper measurements as edited now.
    QList<ManualMeasurement> manual() const { return m_manual; }
    /// The calipers on screen (`leadName`: the name of reading.lead): the record buttons take
    /// their interval; an invalid reading disables them.
    /// The calipers' reading on `leadName` (empty: off every lead), a computed lead when
    /// `leadComputed`.
    void setCaliper(const CaliperReading& reading, const QString& leadName,
                    bool leadComputed = false);
    /// Records the calipers' interval as `quantity` (manualQuantities()), as its button does.
    void recordCaliper(const QString& quantity);
    void removeManual(const QString& quantity);
    /// The automatic measurements of the recording, shown beside the clinician's (absent: none).
    void setAutomatic(const std::optional<dsp::IntervalValues>& values);
    /// "QTc 470 ms (Fridericia, RR 800 ms …)" for the clinician's QT, empty without one.
    QString manualQtcText() const;
    QListWidget* manualList() const { return m_manualList; }
    QToolButton* recordButton(const QString& quantity) const;
    void setStatus(const QString& text, bool error);
    /// Sets the decision as the user would (edited() follows), e.g. from the Review menu.
    void setDecision(ReviewDecision decision);

    QComboBox* decisionBox() const { return m_decision; }
    QLineEdit* reviewerEdit() const { return m_reviewer; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QLabel* statusLabel() const { return m_status; }

signals:
    /// The user changed the decision, the reviewer, the note or a caliper measurement.
    void edited();
    /// The caliper measurements changed (recorded, removed, or another review shown).
    void manualChanged();
    /// A caliper measurement was double-clicked (or Enter pressed on it): show where it was made.
    void manualActivated(const ecglens::ManualMeasurement& measurement);

private:
    void updateDetectorText();
    /// Who is acting now: the name typed for this review, else the one typed last in this
    /// window (empty when none), never the shown review's reviewer merely because the field
    /// shows it.
    QString actingReviewer() const;
    static QString caliperKey(const ManualMeasurement& m);
    /// The name typed goes on the caliper measurements this panel recorded without one (made
    /// before any name was typed): whoever types here is who measured here.
    void nameOwnCalipers(const QString& name);
    void updateManual();

    QComboBox* m_decision;
    QLineEdit* m_reviewer;
    QPlainTextEdit* m_note;
    QLabel* m_detector;
    QLabel* m_history;
    QLabel* m_status;
    QListWidget* m_manualList;
    QToolButton* m_removeManual;
    QList<QToolButton*> m_recordButtons; ///< one per manualQuantities(), in that order
    /// The reviewer name last typed in this panel (this window's session; empty: none yet).
    /// Whoever decides or measures is the reviewer: when the user changes the decision while
    /// the reviewer field still shows the review's own (empty, or a colleague's earlier
    /// decision), this name is filled in (without one the field is emptied and asks for a name),
    /// and a caliper measurement made then is recorded under it (the field keeps the name of
    /// whoever decided).
    QString m_sessionReviewer;
    QString m_shownReviewer; ///< the reviewer of the review last shown
    DetectorSnapshot m_detectorNow;
    QList<ManualMeasurement> m_manual; ///< the shown review's caliper measurements, as edited
    QSet<QString> m_unnamedCalipers;   ///< caliperKey of those recorded without a name while
                                       ///< this recording is shown
    bool m_editable = false;
    CaliperReading m_caliper;
    QString m_caliperLead;
    bool m_caliperLeadComputed = false;
    std::optional<dsp::IntervalValues> m_automatic;
    bool m_loading = false;
};

} // namespace ecglens
