#include "worklist_panel.h"

#include "advice_language.h"
#include "engine_text.h"
#include "engine_worker.h"
#include "i18n.h"
#include "job_runner.h"
#include "verdict_banner.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ecglens {

namespace {

/// New verdicts written to the verdict file during a run every this many.
constexpr int kVerdictsPerSave = 25;

} // namespace

WorklistPanel::WorklistPanel(JobRunner* jobs, QWidget* parent)
    : QWidget(parent), m_scanner(new WorklistScanner(this)), m_model(new WorklistModel(this)),
      m_filter(new WorklistFilter(this)), m_folderLabel(new QLabel(this)),
      m_rescan(new QToolButton(this)), m_cancel(new QToolButton(this)), m_show(new QComboBox(this)),
      m_search(new QLineEdit(this)), m_table(new QTableView(this)), m_summary(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_next(new QToolButton(this)),
      m_triage(new QToolButton(this)), m_samePatient(new QToolButton(this)),
      m_compare(new QToolButton(this)),
      m_verdicts(std::make_shared<VerdictCache>(jobs ? VerdictCache::defaultPath() : QString())),
      m_jobs(jobs)
{
    m_filter->setSourceModel(m_model);

    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folderLabel->setWordWrap(true);
    m_rescan->setText(tr("Rescan"));
    m_rescan->setToolTip(tr("List the folder again (new recordings, reviews saved elsewhere)"));
    m_cancel->setText(tr("Stop"));
    m_cancel->setToolTip(tr("Stop listing; the rows read so far stay"));
    m_cancel->hide();
    auto* top = new QHBoxLayout;
    top->addWidget(m_folderLabel, 1);
    top->addWidget(m_rescan);
    top->addWidget(m_cancel);

    m_show->setObjectName(QStringLiteral("worklistShow"));
    m_show->addItem(tr("All recordings"), int(WorklistFilter::All));
    m_show->addItem(tr("Not reviewed"), int(WorklistFilter::NotReviewed));
    m_show->addItem(tr("Reviewed"), int(WorklistFilter::Reviewed));
    m_show->addItem(tr("Needs attention"), int(WorklistFilter::NeedsAttention));
    m_show->setToolTip(tr("Needs attention: decided as uncertain; not reviewed yet with advice "
                          "asking for a prompt review (after Run detector); or the recording or "
                          "its review cannot be read"));
    m_search->setObjectName(QStringLiteral("worklistSearch"));
    m_search->setAccessibleName(tr("Search the worklist"));
    m_search->setPlaceholderText(tr("Patient ID, name or file name"));
    m_search->setClearButtonEnabled(true);
    m_samePatient->setObjectName(QStringLiteral("worklistSamePatient"));
    m_samePatient->setText(tr("This patient"));
    m_samePatient->setCheckable(true);
    m_samePatient->setEnabled(false);
    m_samePatient->setToolTip(tr("Only the ECGs of the shown recording's patient (same patient "
                                 "ID), to compare with earlier ones; sort by Recorded"));
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_show);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_samePatient);

    m_table->setObjectName(QStringLiteral("worklistTable"));
    m_table->setAccessibleName(tr("Worklist recordings"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(WorklistModel::Recording, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle); // keeps the file name of a long path in view
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(WorklistModel::Recording, 190);
    m_table->setColumnWidth(WorklistModel::Decision, 120);

    m_summary->setWordWrap(true);
    m_progress->setRange(0, 100);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_next->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_next->hide();
    m_triage->setObjectName(QStringLiteral("worklistRunDetector"));
    m_triage->setText(tr("Run detector on the list"));
    m_triage->setToolTip(tr("The detector's verdict for every recording of up to 10 minutes, "
                            "to read the most suspicious first (sort by the Detector column). "
                            "Decision support, not a diagnosis."));
    m_triage->setVisible(m_jobs != nullptr);
    m_compare->setObjectName(QStringLiteral("worklistCompare"));
    m_compare->setText(tr("Compare with shown"));
    m_compare->setToolTip(tr("Show the selected ECG under the shown one, with both ECGs' "
                             "measurements and the change"));
    m_compare->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_next);
    buttons->addWidget(m_triage);
    buttons->addWidget(m_compare);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);

    connect(m_rescan, &QToolButton::clicked, this, &WorklistPanel::rescan);
    connect(m_cancel, &QToolButton::clicked, this, &WorklistPanel::cancelScan);
    connect(m_show, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setShow(WorklistFilter::Show(m_show->currentData().toInt())); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &WorklistFilter::setSearch);
    connect(m_samePatient, &QToolButton::toggled, this, &WorklistPanel::updatePatientFilter);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex source = m_filter->mapToSource(index);
        if (source.isValid())
            emit openRequested(m_model->entry(source.row()).path);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WorklistPanel::updateCompare);
    connect(m_compare, &QToolButton::clicked, this, [this] {
        const QModelIndex source = m_filter->mapToSource(m_table->currentIndex());
        if (source.isValid())
            emit compareRequested(m_model->entry(source.row()).path);
    });
    connect(m_triage, &QToolButton::clicked, this, [this] {
        if (m_triaging)
            stopDetector();
        else
            runDetector();
    });
    if (m_jobs)
        connect(m_jobs, &JobRunner::triageFinished, this, &WorklistPanel::onTriaged);
    m_saver.setMaxThreadCount(1);
    if (jobs)
        m_scanner->setVerdicts(m_verdicts, [] { return triageIdentity(detectorModelSha256()); });
    m_scanner->setWording([](const Message& m) { return engineText(m); });
    connect(m_scanner, &WorklistScanner::listed, this, &WorklistPanel::onListed);
    connect(m_scanner, &WorklistScanner::described, this, &WorklistPanel::onDescribed);
    connect(m_scanner, &WorklistScanner::finished, this, &WorklistPanel::onFinished);
    connect(m_scanner, &WorklistScanner::progress, this,
            [this](double f) { m_progress->setValue(int(100.0 * f + 0.5)); });
    updateSummary();
}

void WorklistPanel::setNextAction(QAction* action)
{
    m_next->setDefaultAction(action);
    m_next->setVisible(action != nullptr);
}

void WorklistPanel::openFolder(const QString& folder, const QString& reviewFallbackDir)
{
    m_folder = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    m_fallbackDir = reviewFallbackDir;
    rescan();
}

void WorklistPanel::rescan()
{
    if (m_folder.isEmpty())
        return;
    stopDetector();
    m_triageNote.clear();
    m_triageIdentity.clear();
    m_model->clear();
    m_notes.clear();
    m_folderLabel->setText(QDir::toNativeSeparators(m_folder));
    m_folderLabel->setToolTip(QDir::toNativeSeparators(m_folder));
    m_scanner->setReviewFallbackDir(m_fallbackDir);
    m_scanner->scan(m_folder);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_rescan->setEnabled(false);
    updateSummary();
}

void WorklistPanel::cancelScan()
{
    if (!m_scanner->busy())
        return;
    m_scanner->cancel();
    m_notes = tr("Listing stopped: only the rows above were read.");
    m_progress->hide();
    m_cancel->hide();
    m_rescan->setEnabled(true);
    updateSummary();
}

bool WorklistPanel::scanning() const
{
    return m_scanner->busy();
}

void WorklistPanel::waitForScan()
{
    m_scanner->wait();
}

void WorklistPanel::onListed(const QString&, int total, bool truncated, const QStringList& warnings,
                             const QString& triageIdentity)
{
    m_triageIdentity = triageIdentity;
    QStringList notes;
    if (truncated)
        notes << tr("The folder holds more: only the first %1 recordings are listed.")
                     .arg(QLocale().toString(total));
    notes << warnings;
    m_notes = notes.join(QLatin1Char(' '));
}

void WorklistPanel::onDescribed(const QString&, const QList<WorklistEntry>& batch)
{
    const int before = m_model->rowCount();
    const bool first = before == 0;
    m_model->append(batch);
    // Kept verdicts came with the rows (WorklistScanner::setVerdicts); this session's notes:
    for (const WorklistEntry& e : batch) {
        const auto note = m_triageNotes.constFind(verdictKey(e, m_triageIdentity));
        if (e.detectorClass.isEmpty() && note != m_triageNotes.cend())
            m_model->setDetector(e.path, {}, -1.0, {}, *note);
    }
    // The recording on screen may have been opened before its row was read.
    if (const int row = m_model->rowOf(m_model->current()); row >= before) {
        updatePatientFilter();
        const QModelIndex shown = m_filter->mapFromSource(m_model->index(row, 0));
        if (shown.isValid()) {
            m_table->setCurrentIndex(shown);
            m_table->scrollTo(shown);
        }
    }
    if (first) { // sized on the first rows; later rows are alike
        m_table->resizeColumnsToContents();
        // The shown recording's row is bold: room for its texts in bold too.
        QFont boldFont = m_table->font();
        boldFont.setBold(true);
        const QFontMetrics bold(boldFont);
        const int chars = m_table->fontMetrics().averageCharWidth();
        for (int c = 0; c < WorklistModel::ColumnCount; ++c) {
            int width = m_table->columnWidth(c);
            for (int r = 0; r < std::min(m_model->rowCount(), 200); ++r)
                width = std::max(
                    width, bold.horizontalAdvance(m_model->index(r, c).data().toString()) + 16);
            m_table->setColumnWidth(
                c, std::min(width, (c == WorklistModel::Recording ? 26 : 16) * chars + 20));
        }
        // Filled in later by the detector: as wide as its longest text (in bold), the prompts as
        // one of the catalogue's prompt titles.
        int detector = m_table->horizontalHeader()->sectionSizeHint(WorklistModel::Detector);
        for (const char* verdict : {"normal", "borderline", "anomalous"})
            detector = std::max(
                detector,
                bold.horizontalAdvance(VerdictBanner::classWord(QLatin1String(verdict)) +
                                       QLocale().toString(99.9, 'f', 1) + QStringLiteral("  %")) +
                    16);
        m_table->setColumnWidth(WorklistModel::Detector, detector);
        int prompts = m_table->horizontalHeader()->sectionSizeHint(WorklistModel::Prompts);
        for (const advice::Rule& rule : advice::builtinCatalogue().rules)
            if (rule.severity == advice::Severity::Prompt)
                prompts =
                    std::max(prompts, bold.horizontalAdvance(adviceTitle(
                                          QString::fromStdString(rule.code), installedLanguage())) +
                                          16);
        m_table->setColumnWidth(WorklistModel::Prompts, std::min(prompts, 48 * chars + 20));
    }
    updateSummary();
}

void WorklistPanel::onFinished(const QString& folder, int skipped, const QString& error)
{
    m_progress->hide();
    m_cancel->hide();
    m_rescan->setEnabled(true);
    QStringList notes;
    if (!m_notes.isEmpty())
        notes << m_notes;
    if (!error.isEmpty())
        notes << error;
    if (skipped > 0)
        notes << tr("%Ln text file(s) in the folder did not read as recordings (spreadsheets, "
                    "notes) and are not listed.",
                    nullptr, skipped);
    m_notes = notes.join(QLatin1Char(' '));
    updateSummary();
    emit scanFinished(folder);
}

void WorklistPanel::setCurrent(const QString& path)
{
    // recordingShown comes again after every display-filter change: the user's own scrolling
    // and selection in the list stay until another recording is shown.
    if (!path.isEmpty() && WorklistModel::keyOf(path) == m_model->current())
        return;
    m_model->setCurrent(path);
    updatePatientFilter();
    updateCompare();
    const int row = m_model->rowOf(path);
    if (row < 0) {
        m_table->clearSelection();
        return;
    }
    const QModelIndex shown = m_filter->mapFromSource(m_model->index(row, 0));
    if (shown.isValid()) {
        m_table->setCurrentIndex(shown);
        m_table->scrollTo(shown);
    }
}

void WorklistPanel::updateCompare()
{
    const QModelIndex source = m_filter->mapToSource(m_table->currentIndex());
    bool can = source.isValid() && !m_model->current().isEmpty();
    if (can) {
        const WorklistEntry& e = m_model->entry(source.row());
        can = e.readable() && WorklistModel::keyOf(e.path) != m_model->current();
    }
    m_compare->setEnabled(can);
}

void WorklistPanel::updateReview(const QString& path, const ReviewRecord& record)
{
    if (m_model->updateReview(path, record))
        updateSummary();
}

QString WorklistPanel::nextNotReviewed() const
{
    const int rows = m_filter->rowCount();
    const QString current = m_model->current();
    int start = 0;
    if (const int row = m_model->rowOf(current); row >= 0) {
        if (const QModelIndex shown = m_filter->mapFromSource(m_model->index(row, 0));
            shown.isValid())
            start = shown.row() + 1;
        else if (m_table->currentIndex().isValid())
            start = m_table->currentIndex().row(); // the row that took the hidden one's place
    }
    for (int i = 0; i < rows; ++i) {
        const QModelIndex shown = m_filter->index((start + i) % rows, 0);
        const WorklistEntry& e = m_model->entry(m_filter->mapToSource(shown).row());
        if (e.path != current && worklistShows(e, WorklistShow::NotReviewed))
            return e.path;
    }
    return {};
}

void WorklistPanel::runDetector()
{
    if (!m_jobs || m_triaging)
        return;
    m_triageQueue.clear();
    m_triageNote.clear();
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        const WorklistEntry& e = m_model->entry(m_filter->mapToSource(m_filter->index(r, 0)).row());
        if (e.readable() && e.detectorClass.isEmpty() && e.detectorNote.isEmpty())
            m_triageQueue << e.path;
    }
    m_triaging = true;
    m_triage->setText(tr("Stop detector"));
    triageNext();
}

void WorklistPanel::stopDetector()
{
    if (!m_triaging)
        return;
    m_triaging = false;
    m_triageQueue.clear();
    if (m_jobs)
        m_jobs->cancel(JobKind::Triage);
    saveVerdicts();
    m_triage->setText(tr("Run detector on the list"));
    updateSummary();
}

void WorklistPanel::triageNext()
{
    while (!m_triageQueue.isEmpty()) {
        const QString path = m_triageQueue.takeFirst();
        const int row = m_model->rowOf(path);
        if (row < 0)
            continue;
        const WorklistEntry& e = m_model->entry(row);
        TriageRequest request;
        request.path = e.path;
        request.patient.ageYears = e.ageYears;
        request.patient.sex = e.sex;
        m_jobs->triage(request);
        updateSummary();
        return;
    }
    m_triaging = false;
    m_triage->setText(tr("Run detector on the list"));
    saveVerdicts();
    updateSummary();
    emit detectorFinished();
}

void WorklistPanel::onTriaged(const TriageOutcome& outcome)
{
    if (!m_triaging || outcome.cancelled)
        return;
    if (outcome.modelError) {
        m_triageNote = outcome.skipped;
        stopDetector();
        emit detectorFinished();
        return;
    }
    m_model->setDetector(outcome.path, outcome.verdictClass, outcome.probability,
                         outcome.modelVersion, outcome.skipped, outcome.prompts);
    if (const int row = m_model->rowOf(outcome.path); row >= 0) {
        const WorklistEntry& e = m_model->entry(row);
        if (!outcome.verdictClass.isEmpty())
            m_verdicts->insert(verdictKey(e, triageIdentity(outcome.modelSha256)),
                               {outcome.verdictClass,
                                outcome.probability,
                                outcome.modelVersion,
                                {},
                                outcome.prompts});
        else if (const QString key = verdictKey(e, triageIdentity(outcome.modelSha256));
                 !key.isEmpty())
            m_triageNotes.insert(key, outcome.skipped);
    }
    // Now and then during a long run, so that a crash loses little.
    if (m_verdicts->unsaved() >= kVerdictsPerSave)
        saveVerdicts();
    triageNext();
}

void WorklistPanel::saveVerdicts()
{
    if (m_verdicts->unsaved() == 0)
        return;
    m_saver.start([this, verdicts = m_verdicts] {
        if (const QString error = verdicts->save(); !error.isEmpty())
            QMetaObject::invokeMethod(
                this,
                [this, error] {
                    m_triageNote =
                        tr("The verdicts could not be kept for the next session: %1").arg(error);
                    updateSummary();
                },
                Qt::QueuedConnection);
    });
}

WorklistPanel::~WorklistPanel()
{
    m_saver.waitForDone(); // no save posts to this panel after this line
    m_verdicts->save();
}

void WorklistPanel::setVerdictFile(const QString& path, bool ownerOnly)
{
    m_saver.waitForDone();
    m_verdicts->save();
    m_verdicts = std::make_shared<VerdictCache>(path, ownerOnly);
    if (m_jobs)
        m_scanner->setVerdicts(m_verdicts, [] { return triageIdentity(detectorModelSha256()); });
}

QString WorklistPanel::currentPatient() const
{
    const int row = m_model->rowOf(m_model->current());
    return row < 0 || m_model->current().isEmpty() ? QString() : m_model->entry(row).patientId;
}

void WorklistPanel::updatePatientFilter()
{
    const QString patient = currentPatient();
    m_samePatient->setEnabled(!patient.isEmpty());
    m_filter->setPatient(m_samePatient->isChecked() ? patient : QString());
    updateSummary();
}

QString WorklistPanel::summary() const
{
    return m_summary->text();
}

void WorklistPanel::updateSummary()
{
    if (m_folder.isEmpty()) {
        m_summary->setText(tr("Open a folder (File ▸ Open folder as worklist…) to list the "
                              "recordings in it and their review state."));
        return;
    }
    const int total = m_model->rowCount();
    QString text = tr("%Ln recording(s)", nullptr, total);
    if (total > 0) {
        const QLocale l;
        QStringList parts;
        parts << tr("%1 not reviewed").arg(l.toString(m_model->count(ReviewDecision::NotReviewed)));
        if (const int n = m_model->count(ReviewDecision::Normal))
            parts << tr("%1 normal").arg(l.toString(n));
        if (const int n = m_model->count(ReviewDecision::Abnormal))
            parts << tr("%1 abnormal").arg(l.toString(n));
        if (const int n = m_model->count(ReviewDecision::Uncertain))
            parts << tr("%1 uncertain").arg(l.toString(n));
        if (const int n = m_model->unreadable())
            parts << tr("%1 cannot be read").arg(l.toString(n));
        text += QStringLiteral(": ") + parts.join(QStringLiteral(", "));
    }
    if (m_scanner->busy())
        text += QLatin1Char(' ') + tr("(reading the folder …)");
    if (const int analysed = m_model->analysed(); analysed > 0 || m_triaging) {
        text += QLatin1Char('\n') +
                tr("Detector: %1 analysed, %2 anomalous, %3 borderline")
                    .arg(QLocale().toString(analysed),
                         QLocale().toString(m_model->countDetector(QStringLiteral("anomalous"))),
                         QLocale().toString(m_model->countDetector(QStringLiteral("borderline"))));
        if (const int n = m_model->countPrompted())
            text += tr("; %Ln with advice for a prompt review", nullptr, n);
        if (m_triaging)
            text += QLatin1Char(' ') +
                    tr("(%1 to go …)").arg(QLocale().toString(qsizetype(m_triageQueue.size()) + 1));
        text += QLatin1Char('.');
    }
    if (!m_triageNote.isEmpty())
        text += QLatin1Char('\n') + m_triageNote;
    if (const QString patient = currentPatient(); !patient.isEmpty()) {
        if (const int n = m_model->countPatient(patient); n > 1)
            text += QLatin1Char('\n') +
                    tr("Patient %1: %Ln ECG(s) in the list.", nullptr, n).arg(patient);
    }
    if (!m_notes.isEmpty())
        text += QLatin1Char('\n') + m_notes;
    m_summary->setText(text);
}

} // namespace ecglens
