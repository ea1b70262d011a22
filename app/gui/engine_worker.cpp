#include "engine_worker.h"

#include "engine_text.h"

#include "advice/advice.h"
#include "core/sha256.h"
#include "io/folder.h"
#include "io/open.h"
#include "ml/model_files.h"
#include "ml/net.h"
#include "view/signal_view.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QThread>

namespace ecglens {

namespace {

/// The model folder: ECGLENS_MODEL_DIR when set (the folder itself or its subfolder named after
/// the default model; unlike the CLI there is no silent fallback, so a user who points the app
/// at a model folder learns when it is not usable), else the installed or source-tree model.
QString modelFolder(QString& error)
{
    const QString env = qEnvironmentVariable("ECGLENS_MODEL_DIR");
    const QString manifest = QStringLiteral("manifest.json");
    if (!env.isEmpty()) {
        const QString sub = QDir(env).filePath(QString::fromLatin1(ml::defaultModelName()));
        if (QFileInfo::exists(QDir(env).filePath(manifest)))
            return env;
        if (QFileInfo::exists(QDir(sub).filePath(manifest)))
            return sub;
        error = EngineWorker::tr("No detector model in %1 (ECGLENS_MODEL_DIR): manifest.json "
                                 "not found there or in %2. Point ECGLENS_MODEL_DIR to a model "
                                 "folder or unset it to use the shipped model.")
                    .arg(QDir::toNativeSeparators(env), QDir::toNativeSeparators(sub));
        return {};
    }
    const QString dir = QString::fromStdString(ml::defaultModelDir());
    if (dir.isEmpty())
        error = EngineWorker::tr("No detector model found: the shipped model \"%1\" is not "
                                 "installed. Reinstall ECG Lens or set ECGLENS_MODEL_DIR.")
                    .arg(QString::fromLatin1(ml::defaultModelName()));
    return dir;
}

} // namespace

QString detectorModelSha256()
{
    QString error;
    const QString dir = modelFolder(error);
    if (dir.isEmpty())
        return {};
    // As ml::verifyManifest computes it when the model is loaded.
    const auto sha =
        sha256File(QFile::encodeName(QDir(dir).filePath(QString::fromLatin1(ml::kManifestFile)))
                       .toStdString());
    return sha ? QString::fromStdString(*sha) : QString();
}

QString triageIdentity(const QString& modelSha256)
{
    static const QString rules = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::fromStdString(advice::builtinCatalogueJson()),
                                 QCryptographicHash::Sha256)
            .toHex());
    return modelSha256.isEmpty() ? QString() : modelSha256 + QStringLiteral("+advice:") + rules;
}

EngineWorker::EngineWorker(std::shared_ptr<JobIds> ids, QObject* parent)
    : QObject(parent), m_ids(std::move(ids))
{}

ProgressFn EngineWorker::stillWanted(JobKind kind, quint64 jobId) const
{
    return [this, kind, jobId](double) { return !m_ids->isStale(kind, jobId); };
}

ProgressFn EngineWorker::alive(JobKind kind, quint64 jobId)
{
    return [this, kind, jobId, last = -1.0](double f) mutable {
        if (f - last >= 0.01 || f >= 1.0) {
            last = f;
            emit progress(kind, jobId, f);
        }
        return !m_ids->isStale(kind, jobId);
    };
}

const ml::Detector* EngineWorker::detector(QString& error)
{
    Q_ASSERT(QThread::currentThread() == thread()); // inference state lives on this thread
    if (m_detector)
        return m_detector.get();
    const QString dir = modelFolder(error);
    if (dir.isEmpty())
        return nullptr;
    // The model may be fine while the program cannot run it: say which.
    if (const auto backend = ml::Net::backendAvailable(); !backend) {
        error = QString::fromStdString(backend.error());
        return nullptr;
    }
    Result<ml::Detector> loaded = ml::Detector::load(dir.toStdString());
    if (!loaded) {
        error = tr("Detector model in %1 refused: %2")
                    .arg(QDir::toNativeSeparators(dir), engineError(loaded));
        return nullptr;
    }
    m_detector = std::make_unique<ml::Detector>(std::move(loaded).value());
    return m_detector.get();
}

void EngineWorker::load(quint64 jobId, const QString& path)
{
    LoadOutcome out;
    out.jobId = jobId;
    out.path = path;
    if (m_ids->isStale(JobKind::Load, jobId)) {
        out.cancelled = true; // superseded before it started: do not even open the file
        emit loaded(out);
        return;
    }
    m_preparedFor.reset(); // explanations of the previous recording are no longer wanted
    m_prepared.reset();
    QElapsedTimer timer;
    timer.start();
    io::OpenOptions options;
    // Reading is 90 % of the job, building the pyramids the rest.
    options.progress = [this, jobId, last = -1.0](double f) mutable {
        if (f - last >= 0.01) { // throttle: readers may report per block
            last = f;
            emit progress(JobKind::Load, jobId, 0.9 * f);
        }
        return !m_ids->isStale(JobKind::Load, jobId);
    };
    Result<Recording> result = io::open(path.toStdString(), options);
    if (m_ids->isStale(JobKind::Load, jobId)) {
        out.cancelled = true;
    } else if (!result.ok()) {
        out.error = engineError(result);
    } else {
        auto rec = std::make_shared<const Recording>(std::move(result).value());
        out.signal = view::SignalView::build(rec, [this, jobId](double f) {
            emit progress(JobKind::Load, jobId, 0.9 + 0.1 * f);
            return !m_ids->isStale(JobKind::Load, jobId);
        });
        if (out.signal)
            out.recording = std::move(rec);
        else
            out.cancelled = true;
    }
    out.seconds = timer.nsecsElapsed() / 1e9;
    emit loaded(out);
}

void EngineWorker::filter(quint64 jobId, std::shared_ptr<const Recording> recording,
                          dsp::ConditionOptions options)
{
    FilterOutcome out;
    out.jobId = jobId;
    auto alive = [this, jobId, last = -1.0](double f) mutable {
        if (f - last >= 0.01) {
            last = f;
            emit progress(JobKind::Filter, jobId, f);
        }
        return !m_ids->isStale(JobKind::Filter, jobId);
    };
    if (!recording || m_ids->isStale(JobKind::Filter, jobId)) {
        out.cancelled = true;
        emit filtered(out);
        return;
    }
    std::optional<Recording> conditioned = dsp::condition(*recording, options, alive);
    if (!conditioned || m_ids->isStale(JobKind::Filter, jobId)) {
        out.cancelled = true;
        emit filtered(out);
        return;
    }
    out.signal =
        view::SignalView::build(std::make_shared<const Recording>(std::move(*conditioned)));
    emit filtered(out);
}

void EngineWorker::measure(quint64 jobId, std::shared_ptr<const Recording> recording,
                           dsp::ConditionOptions options)
{
    MeasureOutcome out;
    out.jobId = jobId;
    out.recording = recording;
    auto alive = [this, jobId, last = -1.0](double f) mutable {
        if (f - last >= 0.01) {
            last = f;
            emit progress(JobKind::Measure, jobId, f);
        }
        return !m_ids->isStale(JobKind::Measure, jobId);
    };
    if (!recording || recording->leads.empty() || m_ids->isStale(JobKind::Measure, jobId)) {
        out.cancelled = true;
        emit measured(out);
        return;
    }
    std::optional<dsp::Analysis> analysis = dsp::analyse(*recording, options, {}, alive);
    if (!analysis || m_ids->isStale(JobKind::Measure, jobId)) {
        out.cancelled = true;
        emit measured(out);
        return;
    }
    out.findings = dsp::rhythmFindings(analysis->beats, analysis->measurements);
    out.values = analysis->measurements.values;
    out.st = dsp::stLevels(analysis->measurements.medianBeat);
    out.beats = std::move(analysis->beats);
    emit measured(out);
}

void EngineWorker::analyze(quint64 jobId, std::shared_ptr<const Recording> recording,
                           AnalyzeRequest request)
{
    AnalyzeOutcome out;
    out.jobId = jobId;
    out.recording = recording;
    if (!recording || recording->leads.empty() || m_ids->isStale(JobKind::Analyze, jobId)) {
        out.cancelled = true;
        emit analyzed(out);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    emit progress(JobKind::Analyze, jobId, 0.0);
    const ml::Detector* det = detector(out.modelError);
    if (!det) {
        out.seconds = timer.nsecsElapsed() / 1e9;
        emit analyzed(out);
        return;
    }
    ml::AnalysisOptions options;
    options.ageYears = request.ageYears;
    options.sex = request.sex;
    Result<ml::Analysis> result =
        ml::analyse(*det, *recording, options, alive(JobKind::Analyze, jobId));
    if (m_ids->isStale(JobKind::Analyze, jobId))
        out.cancelled = true;
    else if (!result)
        out.error = engineError(result);
    else
        out.analysis = std::make_shared<const ml::Analysis>(std::move(result).value());
    out.seconds = timer.nsecsElapsed() / 1e9;
    emit analyzed(out);
}

namespace {

/// The codes of the advice items asking for a prompt review that the Advice dock would list
/// for `recording` with `detection` (measured with the default conditioning, as
/// `ecglens-cli analyze` measures).
QStringList promptAdvice(const Recording& recording, const ml::AnalysisOptions& options,
                         const ml::Analysis& detection, const ProgressFn& alive)
{
    const std::optional<dsp::Analysis> measured = dsp::analyse(recording, {}, {}, alive);
    const std::vector<dsp::Finding> findings =
        measured ? dsp::rhythmFindings(measured->beats, measured->measurements)
                 : std::vector<dsp::Finding>{};
    const advice::AdviceInput input = advice::inputFor(
        ml::analysedPatient(recording, options), recording.durationS(), int(recording.leads.size()),
        measured ? &measured->measurements : nullptr, findings, &detection);
    QStringList codes;
    for (const advice::AdviceItem& item : advice::adviceFor(input, advice::builtinCatalogue()))
        if (item.severity == advice::Severity::Prompt)
            codes << QString::fromStdString(item.code);
    return codes;
}

} // namespace

void EngineWorker::triage(quint64 jobId, TriageRequest request)
{
    TriageOutcome out;
    out.jobId = jobId;
    out.path = request.path;
    const ProgressFn wanted = stillWanted(JobKind::Triage, jobId);
    if (!wanted(0.0)) {
        out.cancelled = true;
        emit triaged(out);
        return;
    }
    const ml::Detector* det = detector(out.skipped);
    if (!det) {
        out.modelError = true;
        emit triaged(out);
        return;
    }
    out.modelSha256 = QString::fromStdString(det->info().sha256);
    io::OpenOptions options;
    options.loadAnnotations = false;
    options.progress = wanted;
    const Result<Recording> recording =
        io::open(QFile::encodeName(request.path).toStdString(), options);
    if (!wanted(0.0)) {
        out.cancelled = true;
    } else if (!recording) {
        out.skipped = engineError(recording);
    } else if (recording->durationS() > request.maxDurationS) {
        out.skipped = tr("%1 min long: open it to analyse it")
                          .arg(QLocale().toString(recording->durationS() / 60.0, 'f', 0));
    } else {
        ml::AnalysisOptions ao;
        ao.ageYears = request.patient.ageYears;
        ao.sex = request.patient.sex;
        const Result<ml::Analysis> a = ml::analyse(*det, *recording, ao, wanted);
        if (!wanted(1.0)) {
            out.cancelled = true;
        } else if (!a) {
            out.skipped = engineError(a);
        } else {
            out.verdictClass = QString::fromLatin1(ml::verdictName(a->verdict));
            out.probability = a->probability;
            out.modelVersion = QString::fromStdString(a->model.version);
            out.prompts = promptAdvice(*recording, ao, *a, wanted);
            out.cancelled = !wanted(1.0); // prompts measured to the end, or nothing is kept
        }
    }
    emit triaged(out);
}

Result<xai::RecordingExplanation>
EngineWorker::explainWindow(const std::shared_ptr<const Recording>& recording,
                            const ExplainRequest& request, const ProgressFn& progress,
                            QString& modelError)
{
    using Out = Result<xai::RecordingExplanation>;
    const ml::Detector* det = detector(modelError);
    if (!det)
        return Out::failure(modelError.toStdString());
    if (m_preparedFor != recording || !m_prepared) {
        m_prepared.reset();
        auto prepared = xai::prepareRecording(*recording, true);
        if (!prepared)
            return Out::failure(prepared.error());
        m_prepared = std::make_unique<xai::PreparedRecording>(std::move(prepared).value());
        m_preparedFor = recording;
    }
    xai::ExplainOptions options; // exact up to 14 players, else KernelSHAP
    options.players = request.players;
    if (request.baseline == xai::BaselineKind::NormalTemplate) {
        if (!m_normalBeat) {
            auto beat = xai::useNormalTemplate(options);
            if (!beat)
                return Out::failure(beat.error());
            m_normalBeat = std::make_unique<xai::NormalBeat>(std::move(beat).value());
        }
        xai::applyNormalTemplate(options, *m_normalBeat);
    }
    return xai::explainPrepared(*det, *m_prepared, request.startS, options, progress);
}

void EngineWorker::explain(quint64 jobId, std::shared_ptr<const Recording> recording,
                           ExplainRequest request)
{
    ExplainOutcome out;
    out.jobId = jobId;
    out.recording = recording;
    out.request = request;
    if (!recording || recording->leads.empty() || m_ids->isStale(JobKind::Explain, jobId)) {
        out.cancelled = true;
        emit explained(out);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    emit progress(JobKind::Explain, jobId, 0.0);
    Result<xai::RecordingExplanation> result =
        explainWindow(recording, request, alive(JobKind::Explain, jobId), out.modelError);
    if (m_ids->isStale(JobKind::Explain, jobId))
        out.cancelled = true;
    else if (!result && out.modelError.isEmpty()) // a model that cannot load says modelError
        out.error = engineError(result);
    else if (result)
        out.explanation =
            std::make_shared<const xai::RecordingExplanation>(std::move(result).value());
    out.seconds = timer.nsecsElapsed() / 1e9;
    emit explained(out);
}

void EngineWorker::explainForReport(quint64 jobId, std::shared_ptr<const Recording> recording,
                                    std::vector<double> startsS, ExplainRequest settings)
{
    ReportExplainOutcome out;
    out.jobId = jobId;
    out.recording = recording;
    const ProgressFn wanted = stillWanted(JobKind::ReportExplain, jobId);
    for (const double start : startsS) {
        if (!recording || recording->leads.empty() || !wanted(0.0)) {
            out.cancelled = true;
            break;
        }
        ExplainRequest request = settings;
        request.startS = start;
        QString modelError;
        auto result = explainWindow(recording, request, wanted, modelError);
        if (!modelError.isEmpty()) { // no window can be explained: said once
            out.errors << modelError;
            break;
        }
        if (result)
            out.explanations.push_back(std::move(result).value());
        else
            out.errors << tr("window at %1 s: %2")
                              .arg(QLocale().toString(start, 'f', 1), engineError(result));
    }
    if (!wanted(1.0))
        out.cancelled = true;
    emit reportExplained(out);
}

std::array<int, 4> beatClassCounts(const std::vector<dsp::Beat>& beats)
{
    std::array<int, 4> counts = {};
    for (const dsp::Beat& b : beats) {
        const char code = dsp::beatCode(b.beatClass)[0];
        ++counts[code == 'N' ? 0 : code == 'S' ? 1 : code == 'V' ? 2 : 3];
    }
    return counts;
}

void EngineWorker::compare(quint64 jobId, const QString& path, dsp::ConditionOptions options)
{
    CompareOutcome out;
    out.jobId = jobId;
    out.path = path;
    const ProgressFn wanted = stillWanted(JobKind::Compare, jobId);
    io::OpenOptions open;
    open.loadAnnotations = false;
    open.progress = wanted;
    const std::string file = QFile::encodeName(path).toStdString();
    Result<Recording> result = io::open(file, open);
    if (!wanted(0.0)) {
        out.cancelled = true;
        emit compared(out);
        return;
    }
    if (!result) {
        out.error = engineError(result);
        emit compared(out);
        return;
    }
    if (result->leads.empty() || result->sampleCount() == 0) {
        out.error = tr("%1: the file holds no signal to display.").arg(path);
        emit compared(out);
        return;
    }
    auto rec = std::make_shared<const Recording>(std::move(result).value());
    out.signal = view::SignalView::build(rec, wanted);
    if (const auto sha = sha256Files(io::recordingFiles(file)))
        out.sha256 = QString::fromStdString(*sha);
    if (std::optional<dsp::Analysis> a = dsp::analyse(*rec, options, {}, wanted)) {
        out.values = a->measurements.values;
        out.findings = dsp::rhythmFindings(a->beats, a->measurements);
        out.st = dsp::stLevels(a->measurements.medianBeat);
        out.beats = std::move(a->beats);
    }
    if (!out.signal || !wanted(1.0))
        out.cancelled = true;
    else
        out.recording = std::move(rec);
    emit compared(out);
}

} // namespace ecglens
