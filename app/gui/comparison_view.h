#pragma once

#include "engine_worker.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace ecglens {

class BeatMarkerLayer;
class EcgViewer;

/// Serial comparison: another ECG of the patient (usually an earlier one) under the shown one,
/// on the same paper (layout, speed, gain and theme follow the window's), with a header naming
/// it — file, recording date, patient, age, length — and a warning when its patient ID is not
/// the shown recording's. The measurements panel shows both ECGs' values and the change.
class ComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonView(QWidget* parent = nullptr);

    /// Made on first use.
    EcgViewer* viewer();
    QLabel* title() const { return m_title; }
    QLabel* warning() const { return m_warning; }
    QString path() const { return m_outcome.path; }
    std::shared_ptr<const Recording> recording() const { return m_outcome.recording; }
    /// The comparison job's result now shown (empty when none is).
    const CompareOutcome& outcome() const { return m_outcome; }

    /// Shows a finished comparison job's recording against `shown`, the window's recording, whose
    /// patient is `shownPatient` as the Patient panel has it (an ID or name typed in for a file
    /// without them counts).
    void showComparison(const CompareOutcome& outcome, const Recording* shown,
                        const Patient& shownPatient);
    /// Forgets the recording and hides.
    void clear();
    /// Centres its trace on its finding `index` (CompareOutcome::findings) and highlights the
    /// finding's beats, as a click on a shown ECG's finding does on that one.
    void showFinding(int index);
    /// Its beat markers follow View ▸ Beat markers, as the shown ECG's do.
    void setMarkersVisible(bool on);
    BeatMarkerLayer* markers() const { return m_markers; }
    /// "file · recorded date time · patient ID · age · sex · length s": what names an ECG in a
    /// comparison (the shown one's header uses it too).
    static QString describe(const Recording& recording, const QString& path);
    /// The look of the headers naming the two ECGs.
    static QString headerStyle();

signals:
    void closeRequested();

private:
    EcgViewer* m_viewer = nullptr;
    BeatMarkerLayer* m_markers = nullptr; ///< on m_viewer's plot
    bool m_markersVisible = true;
    QLabel* m_title;
    QLabel* m_warning;
    QToolButton* m_close;
    CompareOutcome m_outcome;
};

} // namespace ecglens
