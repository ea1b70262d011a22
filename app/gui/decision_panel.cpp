#include "decision_panel.h"

#include "lead_scale_text.h"
#include "verdict_banner.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace ecglens {

DecisionPanel::DecisionPanel(QWidget* parent)
    : QWidget(parent), m_decision(new QComboBox(this)), m_reviewer(new QLineEdit(this)),
      m_note(new QPlainTextEdit(this)), m_detector(new QLabel(this)), m_history(new QLabel(this)),
      m_status(new QLabel(this)), m_manualList(new QListWidget(this)),
      m_removeManual(new QToolButton(this))
{
    for (auto d : {ReviewDecision::NotReviewed, ReviewDecision::Normal, ReviewDecision::Abnormal,
                   ReviewDecision::Uncertain})
        m_decision->addItem(decisionText(d), decisionKey(d));
    m_reviewer->setPlaceholderText(tr("your name"));
    m_note->setPlaceholderText(tr("Findings, reasons, follow-up …"));
    m_note->setTabChangesFocus(true);
    m_note->setMinimumHeight(60);
    for (QLabel* l : {m_detector, m_history, m_status})
        l->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Decision"), m_decision);
    form->addRow(tr("Reviewer"), m_reviewer);
    form->addRow(tr("Note"), m_note);

    // Intervals measured with the calipers (Tools > Calipers), recorded with the review.
    m_manualList->setObjectName(QStringLiteral("manualList"));
    m_manualList->setAccessibleName(tr("Caliper measurements"));
    m_history->setObjectName(QStringLiteral("history"));
    m_manualList->setWordWrap(true);
    m_manualList->setMaximumHeight(130);
    m_manualList->setToolTip(tr("Intervals you measured with the calipers, saved with the review "
                                "and printed in the report beside the automatic values; "
                                "double-click one to put the calipers back where it was measured"));
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(new QLabel(tr("Record calipers as"), this));
    for (const QString& q : manualQuantities()) {
        auto* b = new QToolButton(this);
        b->setText(manualQuantityShort(q));
        b->setObjectName(QStringLiteral("record_") + q);
        connect(b, &QToolButton::clicked, this, [this, q] { recordCaliper(q); });
        buttons->addWidget(b);
        m_recordButtons << b;
    }
    buttons->addStretch();
    m_removeManual->setText(tr("Remove"));
    m_removeManual->setToolTip(tr("Remove the selected caliper measurement"));
    buttons->addWidget(m_removeManual);
    connect(m_removeManual, &QToolButton::clicked, this, [this] {
        if (const QListWidgetItem* item = m_manualList->currentItem())
            removeManual(item->data(Qt::UserRole).toString());
    });
    connect(m_manualList, &QListWidget::currentRowChanged, this, [this] { updateManual(); });
    connect(m_manualList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (const ManualMeasurement* m =
                ecglens::manualOf(m_manual, item->data(Qt::UserRole).toString()))
            emit manualActivated(*m);
    });
    auto* manualBox = new QVBoxLayout;
    manualBox->setContentsMargins(0, 0, 0, 0);
    manualBox->addWidget(m_manualList);
    manualBox->addLayout(buttons);
    form->addRow(tr("Calipers"), manualBox);

    form->addRow(m_detector);
    form->addRow(m_history);
    form->addRow(m_status);
    auto changed = [this] {
        if (!m_loading) {
            updateDetectorText();
            emit edited();
        }
    };
    connect(m_decision, &QComboBox::currentIndexChanged, this, [this, changed] {
        // Whoever decides is the reviewer: while the field still shows the review's own
        // reviewer, the name typed in this window replaces it, and without one the field is
        // emptied and asks for a name, so that a colleague's name never goes on a decision the
        // colleague did not make.
        if (!m_loading && entry().decision != ReviewDecision::NotReviewed &&
            m_reviewer->text() == m_shownReviewer) {
            const QString who = actingReviewer();
            if (who != m_reviewer->text())
                m_reviewer->setText(who);
            if (who.isEmpty())
                m_reviewer->setFocus(Qt::OtherFocusReason);
        }
        changed();
    });
    connect(m_reviewer, &QLineEdit::textEdited, this, [this, changed](const QString& text) {
        if (!text.trimmed().isEmpty())
            m_sessionReviewer = text.trimmed();
        nameOwnCalipers(text.trimmed());
        changed();
    });
    connect(m_note, &QPlainTextEdit::textChanged, this, changed);
    showUnavailable(tr("Open a recording to record a decision."));
}

void DecisionPanel::showRecord(const ReviewRecord& record, bool editable, const QString& why)
{
    m_loading = true;
    m_decision->setCurrentIndex(m_decision->findData(decisionKey(record.current.decision)));
    // Unchanged text is left alone, so that a review shown again keeps the cursor where it is.
    if (m_reviewer->text() != record.current.reviewer)
        m_reviewer->setText(record.current.reviewer);
    m_shownReviewer = record.current.reviewer;
    if (m_note->toPlainText() != record.current.note)
        m_note->setPlainText(record.current.note);
    m_loading = false;
    m_decision->setEnabled(editable);
    m_reviewer->setReadOnly(!editable);
    m_note->setReadOnly(!editable);
    const bool manualChanged = m_manual != record.manual;
    m_manual = record.manual;
    m_editable = editable;
    updateManual();
    if (manualChanged)
        emit this->manualChanged();
    QStringList lines;
    for (const auto& h : record.history) {
        QString line =
            tr("%1: %2 (%3)")
                .arg(QLocale().toString(h.updatedUtc.toLocalTime(), QLocale::ShortFormat),
                     decisionText(h.decision),
                     h.reviewer.isEmpty() ? tr("no reviewer name") : h.reviewer);
        // The note says why an earlier reading was made; shown under it, indented.
        if (!h.note.isEmpty())
            line += QLatin1Char('\n') + tr("    Note: %1").arg(h.note.simplified());
        lines << line;
    }
    m_history->setText(lines.isEmpty() ? QString()
                                       : tr("Earlier decisions:") + QLatin1Char('\n') +
                                             lines.join(QLatin1Char('\n')));
    updateDetectorText();
    setStatus(why, !why.isEmpty() && !editable);
}

QString DecisionPanel::caliperKey(const ManualMeasurement& m)
{
    // As saved: the time to the second.
    return m.quantity + QLatin1Char('|') + m.measuredUtc.toUTC().toString(Qt::ISODate);
}

void DecisionPanel::nameOwnCalipers(const QString& name)
{
    bool renamed = false;
    for (ManualMeasurement& m : m_manual)
        if (m_unnamedCalipers.contains(caliperKey(m)) && m.reviewer != name) {
            m.reviewer = name;
            renamed = true;
        }
    if (renamed) {
        updateManual();
        emit manualChanged();
    }
}

QString DecisionPanel::actingReviewer() const
{
    // A name typed for this review, else the one typed last in this window.
    return m_reviewer->text() != m_shownReviewer ? m_reviewer->text().trimmed() : m_sessionReviewer;
}

void DecisionPanel::setDecision(ReviewDecision decision)
{
    m_decision->setCurrentIndex(m_decision->findData(decisionKey(decision)));
}

void DecisionPanel::showUnavailable(const QString& why)
{
    // Another recording (or none) is being read: a name typed from now on is given only to the
    // measurements made while it is shown, not to unnamed ones made before it was opened.
    m_unnamedCalipers.clear();
    showRecord(ReviewRecord{}, false);
    setStatus(why, false);
}

void DecisionPanel::setDetector(const DetectorSnapshot& detector)
{
    m_detectorNow = detector;
    updateDetectorText();
}

DecisionEntry DecisionPanel::entry() const
{
    DecisionEntry e;
    e.decision =
        decisionFromKey(m_decision->currentData().toString()).value_or(ReviewDecision::NotReviewed);
    e.reviewer = m_reviewer->text().trimmed();
    e.note = m_note->toPlainText();
    return e;
}

QToolButton* DecisionPanel::recordButton(const QString& quantity) const
{
    const qsizetype i = manualQuantities().indexOf(quantity);
    return i < 0 ? nullptr : m_recordButtons.at(i);
}

void DecisionPanel::setCaliper(const CaliperReading& reading, const QString& leadName,
                               bool leadComputed)
{
    m_caliper = reading;
    m_caliperLead = leadName;
    m_caliperLeadComputed = leadComputed;
    updateManual();
}

void DecisionPanel::recordCaliper(const QString& quantity)
{
    if (!m_editable || !m_caliper.valid || !(m_caliper.dtMs > 0) ||
        !manualQuantities().contains(quantity))
        return;
    ManualMeasurement m;
    m.quantity = quantity;
    m.valueMs = m_caliper.dtMs;
    m.lead = m_caliperLead;
    m.leadComputed = m_caliperLeadComputed;
    m.fromS = std::min(m_caliper.aS, m_caliper.bS);
    m.toS = std::max(m_caliper.aS, m_caliper.bS);
    // Whoever measures (the field keeps the name of whoever decided): never the name of a
    // colleague whose review this is, none until the user types one.
    m.reviewer = actingReviewer();
    m.measuredUtc = QDateTime::currentDateTimeUtc();
    if (m.reviewer.isEmpty())
        m_unnamedCalipers.insert(caliperKey(m));
    setManual(m_manual, m);
    updateManual();
    emit manualChanged();
    emit edited();
}

void DecisionPanel::removeManual(const QString& quantity)
{
    if (!m_editable || !manualOf(m_manual, quantity))
        return;
    ecglens::removeManual(m_manual, quantity);
    updateManual();
    emit manualChanged();
    emit edited();
}

void DecisionPanel::setAutomatic(const std::optional<dsp::IntervalValues>& values)
{
    m_automatic = values;
    updateManual();
}

QString DecisionPanel::manualQtcText() const
{
    const auto qtc = manualQtc(m_manual, m_automatic);
    return qtc ? ecglens::manualQtcText(*qtc) : QString();
}

void DecisionPanel::updateManual()
{
    const QString selected = m_manualList->currentItem()
                                 ? m_manualList->currentItem()->data(Qt::UserRole).toString()
                                 : QString();
    {
        const QSignalBlocker block(m_manualList);
        m_manualList->clear();
        for (const ManualMeasurement& m : m_manual) {
            QString text =
                manualQuantityText(m.quantity) + QLatin1Char(' ') + manualValueText(m, m_automatic);
            if (!m.reviewer.isEmpty())
                text += QStringLiteral(" \u00b7 ") + m.reviewer;
            if (m.quantity == QLatin1String("qt"))
                if (const QString qtc = manualQtcText(); !qtc.isEmpty())
                    text += QLatin1Char('\n') + qtc;
            auto* item = new QListWidgetItem(text, m_manualList);
            item->setData(Qt::UserRole, m.quantity);
            if (m.quantity == selected)
                m_manualList->setCurrentItem(item);
        }
        if (m_manual.isEmpty())
            m_manualList->addItem(tr("None. Measure with Tools ▸ Calipers, then record the "
                                     "interval with a button below."));
    }
    const bool canRecord = m_editable && m_caliper.valid && m_caliper.dtMs > 0;
    for (int i = 0; i < m_recordButtons.size(); ++i) {
        const QString q = manualQuantities().at(i);
        m_recordButtons[i]->setEnabled(canRecord);
        m_recordButtons[i]->setToolTip(
            canRecord
                ? tr("Record the calipers' %1 ms on lead %2 as the %3")
                      .arg(QLocale().toString(m_caliper.dtMs, 'f', 0),
                           m_caliperLeadComputed ? computedLeadName(m_caliperLead) : m_caliperLead,
                           manualQuantityText(q))
                : tr("Place the calipers (Tools ▸ Calipers) to record an interval"));
    }
    m_removeManual->setEnabled(m_editable && m_manualList->currentItem() &&
                               !m_manualList->currentItem()->data(Qt::UserRole).isNull());
}

void DecisionPanel::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #a00000; font-weight: bold; }")
                                  : QStringLiteral("QLabel { color: #555555; }"));
}

void DecisionPanel::updateDetectorText()
{
    if (m_detectorNow.verdictClass.isEmpty()) {
        m_detector->setText(tr("Detector: no verdict yet."));
        return;
    }
    QString text =
        tr("Detector: %1, %2 (model %3).")
            .arg(VerdictBanner::classWord(m_detectorNow.verdictClass),
                 VerdictBanner::percentText(m_detectorNow.probability), m_detectorNow.modelVersion);
    const auto d = entry().decision;
    const bool detectorAbnormal = m_detectorNow.verdictClass != QLatin1String("normal");
    if ((d == ReviewDecision::Normal && detectorAbnormal) ||
        (d == ReviewDecision::Abnormal && !detectorAbnormal))
        text += QLatin1Char(' ') + tr("Your decision differs from the detector's verdict.");
    m_detector->setText(text);
}

} // namespace ecglens
