#include "worklist_model.h"

#include "advice_language.h"
#include "engine_text.h"
#include "i18n.h"
#include "verdict_banner.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace ecglens {

namespace {

QString clock(double seconds)
{
    const auto s = static_cast<long long>(seconds + 0.5);
    if (s < 60)
        return WorklistModel::tr("%1 s").arg(s);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString sexText(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return WorklistModel::tr("male");
    case Sex::Female:
        return WorklistModel::tr("female");
    case Sex::Unknown:
        break;
    }
    return {};
}

QString minutes(const QDateTime& t)
{
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

qint64 sortTime(const QDateTime& t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
}

QString decisionCell(const WorklistEntry& e)
{
    if (!e.readable())
        return WorklistModel::tr("Cannot be read");
    // Short enough for the column; the tooltip has the panel's full wording.
    QString text = e.decision == ReviewDecision::Uncertain ? WorklistModel::tr("Uncertain")
                                                           : decisionText(e.decision);
    if (!e.reviewProblem.isEmpty())
        text += QStringLiteral(" \u26A0");
    return text;
}

/// Why a recording cannot be read, in the interface's language where the engine says which
/// error it is.
QString errorText(const WorklistEntry& e)
{
    return e.errorMessage.id.empty() ? e.error : engineText(e.errorMessage);
}

QString decisionTip(const WorklistEntry& e)
{
    if (!e.readable())
        return errorText(e);
    QStringList lines{decisionText(e.decision)};
    const DetectorSnapshot& d = e.detectorAtReview;
    if (e.decision != ReviewDecision::NotReviewed && !d.verdictClass.isEmpty())
        lines << WorklistModel::tr("The detector said %1 (%2 %) when this was decided; model %3.")
                     .arg(VerdictBanner::classWord(d.verdictClass),
                          QLocale().toString(100.0 * d.probability, 'f', 1), d.modelVersion);
    if (!e.reviewProblem.isEmpty())
        lines << e.reviewProblem;
    return lines.join(QLatin1Char('\n'));
}

QString detectorTip(const WorklistEntry& e)
{
    if (!e.detectorClass.isEmpty())
        return WorklistModel::tr("The detector's verdict on this recording (model %1); decision "
                                 "support, not a diagnosis.")
            .arg(e.detectorModel);
    return e.detectorNote;
}

} // namespace

WorklistModel::WorklistModel(QObject* parent) : QAbstractTableModel(parent) {}

QString WorklistModel::keyOf(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

int WorklistModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int WorklistModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Recording:
        return tr("Recording");
    case Decision:
        return tr("Decision");
    case Detector:
        return tr("Detector");
    case Prompts:
        return tr("Prompt review");
    case PatientId:
        return tr("Patient ID (name)");
    case Age:
        return tr("Age");
    case SexColumn:
        return tr("Sex");
    case Recorded:
        return tr("Recorded");
    case Duration:
        return tr("Length");
    case Leads:
        return tr("Leads");
    case Reviewer:
        return tr("Reviewer");
    case Reviewed:
        return tr("Decided");
    default:
        return {};
    }
}

QVariant WorklistModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const WorklistEntry& e = m_entries[index.row()];
    const int column = index.column();
    if (role == Qt::FontRole && e.path == m_current) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && column == Detector) {
        if (e.detectorClass == QLatin1String("anomalous"))
            return QBrush(QColor(0xb2, 0x18, 0x2b)); // the banner's and probability track's red
        if (e.detectorClass == QLatin1String("borderline"))
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        return {};
    }
    if (role == Qt::ForegroundRole && column == Prompts)
        return QBrush(QColor(0xb2, 0x18, 0x2b));
    if (role == Qt::ForegroundRole && column == Decision) {
        if (!e.readable())
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (!e.reviewProblem.isEmpty())
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (column == Decision)
            return decisionTip(e);
        if (column == Detector)
            return detectorTip(e);
        if (column == Prompts && !e.detectorPrompts.isEmpty())
            return tr("Advice asking for a prompt review, found with the detector's verdict: open "
                      "the recording for the values it is based on and its source. Decision "
                      "support, not a diagnosis.");
        if (column == Recording)
            return e.readable() ? QDir::toNativeSeparators(e.path) + QLatin1Char('\n') + e.format
                                : errorText(e);
        return {};
    }
    if (role == Qt::TextAlignmentRole && (column == Age || column == Duration || column == Leads))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (column) {
        case Decision:
            return e.readable() ? int(e.decision) : 99;
        case Detector: // by class, then probability (thresholds differ by age group)
            if (e.detectorClass.isEmpty())
                return -1.0;
            return (e.detectorClass == QLatin1String("anomalous")    ? 2.0
                    : e.detectorClass == QLatin1String("borderline") ? 1.0
                                                                     : 0.0) +
                   e.detectorProbability;
        case Prompts:
            return int(e.detectorPrompts.size());
        case Age:
            return e.ageYears ? *e.ageYears : std::numeric_limits<double>::max();
        case Recorded:
            return sortTime(e.recorded);
        case Duration:
            return e.durationS;
        case Leads:
            return e.leadCount;
        case Reviewed:
            return sortTime(e.reviewedUtc);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Recording:
        return QDir::toNativeSeparators(e.relativePath);
    case Decision:
        return decisionCell(e);
    case Detector:
        if (e.detectorClass.isEmpty())
            return e.detectorNote.isEmpty() ? QString() : tr("not analysed");
        return QStringLiteral("%1 %2 %").arg(
            VerdictBanner::classWord(e.detectorClass),
            QLocale().toString(100.0 * e.detectorProbability, 'f', 1));
    case Prompts: {
        QStringList titles;
        for (const QString& code : e.detectorPrompts)
            titles << adviceTitle(code, installedLanguage());
        return titles.join(QStringLiteral("; "));
    }
    case PatientId:
        return e.patientName.isEmpty() ? e.patientId
                                       : tr("%1 (%2)").arg(e.patientId, e.patientName);
    case Age:
        return e.ageYears ? QLocale().toString(*e.ageYears, 'f', 0) : QString();
    case SexColumn:
        return sexText(e.sex);
    case Recorded:
        return minutes(e.recorded);
    case Duration:
        return e.readable() ? clock(e.durationS) : QString();
    case Leads:
        return e.readable() ? QVariant(e.leadCount) : QVariant();
    case Reviewer:
        return e.reviewer;
    case Reviewed:
        return minutes(e.reviewedUtc.toLocalTime());
    default:
        return {};
    }
}

void WorklistModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_rows.clear();
    endResetModel();
}

void WorklistModel::append(const QList<WorklistEntry>& entries)
{
    if (entries.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + entries.size()) - 1);
    for (const WorklistEntry& e : entries) {
        m_rows.insert(e.path, int(m_entries.size()));
        m_entries.push_back(e);
    }
    endInsertRows();
}

int WorklistModel::rowOf(const QString& path) const
{
    return m_rows.value(keyOf(path), -1);
}

bool WorklistModel::updateReview(const QString& path, const ReviewRecord& record)
{
    const int row = rowOf(path);
    if (row < 0)
        return false;
    WorklistEntry& e = m_entries[row];
    e.applyReview(record);
    e.reviewProblem.clear(); // saved or read just now: usable
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

bool WorklistModel::setDetector(const QString& path, const QString& verdictClass,
                                double probability, const QString& modelVersion,
                                const QString& note, const QStringList& prompts)
{
    const int row = rowOf(path);
    if (row < 0)
        return false;
    WorklistEntry& e = m_entries[row];
    e.detectorClass = verdictClass;
    e.detectorProbability = verdictClass.isEmpty() ? -1.0 : probability;
    e.detectorModel = modelVersion;
    e.detectorNote = note;
    e.detectorPrompts = prompts;
    emit dataChanged(index(row, Detector), index(row, Prompts));
    return true;
}

void WorklistModel::setCurrent(const QString& path)
{
    const int before = rowOf(m_current);
    m_current = path.isEmpty() ? QString() : keyOf(path);
    for (const int row : {before, rowOf(m_current)})
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole});
}

int WorklistModel::count(ReviewDecision d) const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(), [d](const WorklistEntry& e) {
        return e.readable() && e.decision == d;
    }));
}

int WorklistModel::unreadable() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(),
                             [](const WorklistEntry& e) { return !e.readable(); }));
}

int WorklistModel::analysed() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(),
                             [](const WorklistEntry& e) { return !e.detectorClass.isEmpty(); }));
}

int WorklistModel::countDetector(const QString& verdictClass) const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(), [&](const WorklistEntry& e) {
        return e.detectorClass == verdictClass;
    }));
}

int WorklistModel::countPrompted() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(),
                             [](const WorklistEntry& e) { return !e.detectorPrompts.isEmpty(); }));
}

int WorklistModel::countPatient(const QString& patientId) const
{
    if (patientId.isEmpty())
        return 0;
    return int(std::count_if(m_entries.begin(), m_entries.end(),
                             [&](const WorklistEntry& e) { return e.patientId == patientId; }));
}

WorklistFilter::WorklistFilter(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(WorklistModel::SortRole);
    setDynamicSortFilter(true);
}

void WorklistFilter::setShow(Show show)
{
    m_show = show;
    invalidateFilter();
}

void WorklistFilter::setPatient(const QString& patientId)
{
    m_patient = patientId;
    invalidateFilter();
}

void WorklistFilter::setSearch(const QString& text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool WorklistFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const auto* model = static_cast<const WorklistModel*>(sourceModel());
    const WorklistEntry& e = model->entry(sourceRow);
    if (!worklistShows(e, m_show))
        return false;
    if (!m_patient.isEmpty() && e.patientId != m_patient)
        return false;
    return m_search.isEmpty() || e.relativePath.contains(m_search, Qt::CaseInsensitive) ||
           e.patientId.contains(m_search, Qt::CaseInsensitive) ||
           e.patientName.contains(m_search, Qt::CaseInsensitive);
}

int WorklistModel::previousOfPatient(int row) const
{
    if (row < 0 || row >= int(m_entries.size()))
        return -1;
    const WorklistEntry& now = m_entries[std::size_t(row)];
    if (now.patientId.isEmpty() || !now.recorded.isValid())
        return -1;
    int best = -1;
    for (int r = 0; r < int(m_entries.size()); ++r) {
        const WorklistEntry& e = m_entries[std::size_t(r)];
        if (r == row || !e.readable() || e.patientId != now.patientId || !e.recorded.isValid() ||
            e.recorded >= now.recorded)
            continue;
        if (best < 0 || e.recorded > m_entries[std::size_t(best)].recorded)
            best = r;
    }
    return best;
}

} // namespace ecglens
