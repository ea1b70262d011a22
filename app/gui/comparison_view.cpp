#include "comparison_view.h"

#include "finding_text.h"

#include "engine_text.h"
#include "report.h"

#include "beat_markers.h"
#include "ecg_viewer.h"
#include "measurements_panel.h"

#include <QDate>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace ecglens {

namespace {

QString recordedText(const Recording& r)
{
    if (!r.start || !r.start->hasDate)
        return ComparisonView::tr("recording date unknown");
    const DateTime& s = *r.start;
    const QDate date(s.date.year, s.date.month, s.date.day);
    if (!date.isValid())
        return ComparisonView::tr("recording date unknown");
    return ComparisonView::tr("recorded %1 %2")
        .arg(QLocale().toString(date, QLocale::ShortFormat),
             QStringLiteral("%1:%2")
                 .arg(s.hour, 2, 10, QLatin1Char('0'))
                 .arg(s.minute, 2, 10, QLatin1Char('0')));
}

QString patientText(const Patient& p)
{
    QStringList parts;
    parts << (p.id.empty() ? ComparisonView::tr("no patient ID")
                           : ComparisonView::tr("patient %1").arg(QString::fromStdString(p.id)));
    if (p.ageYears)
        parts << ComparisonView::tr("%n year(s)", nullptr, int(std::floor(*p.ageYears)));
    if (p.sex != Sex::Unknown)
        parts << (p.sex == Sex::Male ? ComparisonView::tr("male") : ComparisonView::tr("female"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_warning(new QLabel(this)),
      m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("comparisonView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(6, 3, 6, 3);
    m_title->setObjectName(QStringLiteral("comparisonTitle"));
    m_title->setWordWrap(true);
    m_title->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; background: none; }"));
    header->addWidget(m_title, 1);
    m_close->setObjectName(QStringLiteral("comparisonClose"));
    m_close->setText(tr("Close comparison"));
    m_close->setToolTip(tr("Back to the shown ECG alone"));
    connect(m_close, &QToolButton::clicked, this, &ComparisonView::closeRequested);
    header->addWidget(m_close);
    auto* headerBox = new QWidget(this);
    headerBox->setLayout(header);
    headerBox->setStyleSheet(QStringLiteral("QWidget { background: #e3ecf7; }"));
    layout->addWidget(headerBox);
    m_warning->setObjectName(QStringLiteral("comparisonWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral(
        "QLabel { background: #f8d7da; color: #721c24; font-weight: bold; padding: 3px; }"));
    m_warning->hide();
    layout->addWidget(m_warning);
    hide(); // the viewer is made when first needed: a plot never shown cannot draw
}

EcgViewer* ComparisonView::viewer()
{
    if (!m_viewer) {
        m_viewer = new EcgViewer(this);
        static_cast<QVBoxLayout*>(layout())->addWidget(m_viewer, 1);
        m_markers = new BeatMarkerLayer(m_viewer->plot());
        m_markers->setMarkersVisible(m_markersVisible);
    }
    return m_viewer;
}

QString ComparisonView::describe(const Recording& r, const QString& path)
{
    return tr("%1 · %2 · %3 · %4 s")
        .arg(QFileInfo(path).fileName(), recordedText(r), patientText(r.patient),
             localNumber(r.durationS(), 'f', 1));
}

QString ComparisonView::headerStyle()
{
    return QStringLiteral("QLabel { background: #e3ecf7; font-weight: bold; padding: 3px 6px; }");
}

void ComparisonView::showComparison(const CompareOutcome& outcome, const Recording* shown,
                                    const Patient& shownPatient)
{
    m_outcome = outcome;
    const Recording& r = *outcome.recording;
    QString title = tr("For comparison: %1").arg(describe(r, outcome.path));
    QStringList warnings;
    if (shown) {
        const std::string& here = shownPatient.id;
        const std::string& there = r.patient.id;
        if (!here.empty() && !there.empty() && here != there)
            warnings << tr("Different patient: ID %1 here, %2 in the shown ECG. Check that the "
                           "comparison is meant.")
                            .arg(report::inlineIdentifier(QString::fromStdString(there)),
                                 report::inlineIdentifier(QString::fromStdString(here)));
        else if (here.empty() || there.empty())
            warnings << tr("A patient ID is missing: check that both ECGs are of the same "
                           "patient.");
        if (report::differentNames(shownPatient.name, r.patient.name))
            warnings << tr("Different names: %1 here, %2 in the shown ECG. Check that the "
                           "comparison is meant.")
                            .arg(report::inlineIdentifier(QString::fromStdString(r.patient.name)),
                                 report::inlineIdentifier(
                                     QString::fromStdString(shownPatient.name)));
        // The change column reads "since then" only when this ECG is the earlier one.
        const report::RecordingOrder order = report::recordingOrder(*shown, r);
        title += QStringLiteral(" \u00b7 ") + report::recordingOrderText(order);
        warnings << report::recordingOrderWarning(order);
        warnings.removeAll(QString());
    }
    m_title->setText(title);
    m_title->setToolTip(outcome.path);
    const QString warning = warnings.join(QLatin1Char('\n'));
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    show();
    viewer()->setSignalView(outcome.signal);
    m_markers->setBeats(beatMarksOf(outcome.beats));
    m_markers->setStimuli(stimulusTimes(outcome.findings));
}

void ComparisonView::showFinding(int index)
{
    if (!m_outcome.recording || index < 0 || index >= int(m_outcome.findings.size()))
        return;
    const dsp::Finding& f = m_outcome.findings[std::size_t(index)];
    showEvidence(viewer()->plot(), m_markers, evidenceTimes(f, m_outcome.beats), f.startS);
}

void ComparisonView::setMarkersVisible(bool on)
{
    m_markersVisible = on;
    if (m_markers)
        m_markers->setMarkersVisible(on);
}

void ComparisonView::clear()
{
    m_outcome = {};
    if (m_viewer) {
        m_markers->clear();
        m_viewer->setSignalView(nullptr);
    }
    hide();
}

} // namespace ecglens
