#include "ml/detector.h"

#include "ml/classical.h"

#include "ml/json_lite.h"
#include "ml/metrics.h"
#include "ml/model_files.h"
#include "ml/model_messages.h"
#include "ml/net.h"
#include "ml/ptbxl.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace ecglens::ml {

namespace fs = std::filesystem;

const char* verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Normal:
        return "normal";
    case Verdict::Borderline:
        return "borderline";
    case Verdict::Anomalous:
        return "anomalous";
    }
    return "normal";
}

struct Detector::Impl
{
    ModelInfo info;
    Net net;
    explicit Impl(Net n) : net(std::move(n)) {}
};

Detector::Detector(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Detector::Detector(Detector&&) noexcept = default;
Detector& Detector::operator=(Detector&&) noexcept = default;
Detector::~Detector() = default;

Result<Detector> Detector::load(const std::string& modelDir)
{
    using R = Result<Detector>;
    if (modelDir.empty())
        return R::failure(makeMessage(messages::kModelNoFolder));
    // A measurement model's folder gets its own message; like everything else here it is decided
    // on a model.json whose checksum the manifest has confirmed.
    const auto measurementModel = [&](const VerifiedFiles& files) {
        const auto m = readModelJson(modelDir, &files);
        return m && isClassicalArch((*m)["arch"].string());
    };
    const Message measurementMessage = makeMessage(messages::kModelIsMeasurementModel, {modelDir});
    VerifiedFiles verified;
    const auto sha = verifyManifest(modelDir, &verified);
    if (!sha) {
        VerifiedFiles listed; // without weights.pt, which a measurement model does not have
        if (verifyManifestFiles(modelDir, {kModelFile}, ManifestOwner::Model, &listed) &&
            measurementModel(listed))
            return R::failure(measurementMessage);
        return R::failureOf(sha);
    }
    const auto model = readModelJson(modelDir, &verified);
    if (!model)
        return R::failureOf(model);
    if (isClassicalArch((*model)["arch"].string()))
        return R::failure(measurementMessage);
    if (const auto version = checkVersion(modelDir, *model, &verified); !version)
        return R::failureOf(version);
    const Json& m = *model;
    ModelInfo info;
    info.name = m["name"].string();
    info.version = m["version"].string();
    info.arch = m["arch"].string();
    info.sha256 = *sha;
    info.inputFsHz = m["input_fs_hz"].number(kModelFsHz);
    info.windowSamples = int(m["window_samples"].number(kWindowSamples));
    info.calibrationA = m["calibration"]["a"].number(1.0);
    info.calibrationB = m["calibration"]["b"].number(0.0);
    readThresholds(m["thresholds"], info.thresholds, info.ageGroupThresholds);
    for (const auto& [set, th] : m["thresholds_by_lead_set"].members()) {
        ModelInfo::LeadSetThresholds s;
        s.leadSet = set;
        readThresholds(th, s.unknownAge, s.byAgeGroup);
        info.leadSetThresholds.push_back(std::move(s));
    }
    for (const Json& s : m["trained_lead_sets"].items())
        info.trainedLeadSets.push_back(s.string());
    if (info.inputFsHz != kModelFsHz || info.windowSamples != kWindowSamples ||
        m["leads"].items().size() != std::size_t(kModelLeads))
        return R::failure(makeMessage(messages::kModelInputMismatch, {modelDir}));
    NetSpec spec;
    spec.arch = info.arch;
    spec.members = int(m["members"].number(1));
    info.members = spec.members;
    spec.width = int(m["width"].number(32));
    // The bytes the manifest check hashed, not a second read of the file.
    auto net =
        Net::load(spec, verified[kWeightsFile].bytes, (fs::path(modelDir) / kWeightsFile).string());
    if (!net)
        return R::failure(net.error());
    auto impl = std::make_unique<Impl>(std::move(*net));
    impl->info = info;
    return Detector(std::move(impl));
}

std::vector<float> Detector::logits(const std::vector<Window>& batch) const
{
    return forwardWindows(m_impl->net, batch, false);
}

std::vector<float> Detector::memberLogits(const std::vector<Window>& batch) const
{
    return forwardWindows(m_impl->net, batch, true);
}

int Detector::members() const
{
    return m_impl->net.spec().members;
}

double Detector::probability(float logit) const
{
    return sigmoid(m_impl->info.calibrationA * double(logit) + m_impl->info.calibrationB);
}

std::vector<std::string> ModelInfo::thresholdLeadSets() const
{
    std::vector<std::string> sets;
    for (const auto& s : leadSetThresholds)
        sets.push_back(s.leadSet);
    return sets;
}

Thresholds Detector::thresholdsFor(std::optional<double> ageYears, const std::string& leadSet) const
{
    for (const auto& s : m_impl->info.leadSetThresholds)
        if (s.leadSet == leadSet)
            return thresholdsForAge(s.byAgeGroup, s.unknownAge, ageYears);
    return thresholdsForAge(m_impl->info.ageGroupThresholds, m_impl->info.thresholds, ageYears);
}

Verdict verdictFor(double p, const Thresholds& t)
{
    if (p >= t.anomalous)
        return Verdict::Anomalous;
    if (p >= t.borderline)
        return Verdict::Borderline;
    return Verdict::Normal;
}

Verdict Detector::classify(double p, std::optional<double> ageYears) const
{
    return verdictFor(p, thresholdsFor(ageYears));
}

ModelInfo Detector::info() const
{
    return m_impl->info;
}

void Detector::setThreads(int threads)
{
    Net::setThreads(threads);
}

int Detector::threads()
{
    return Net::threads();
}

Detector::ScopedThreads::ScopedThreads(int threads) : m_previous(Net::threads()), m_set(threads > 0)
{
    if (m_set)
        Net::setThreads(threads);
}

Detector::ScopedThreads::~ScopedThreads()
{
    if (m_set)
        Net::setThreads(m_previous);
}

const char* defaultModelName()
{
    return "resnet1d";
}

namespace {

bool hasManifest(const fs::path& dir)
{
    std::error_code ec;
    return fs::exists(dir / kManifestFile, ec);
}

} // namespace

std::string shippedModelFolder(const std::string& name)
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path() / ".." / "share" / "ecglens" / "models" / name;
        if (hasManifest(installed))
            return fs::weakly_canonical(installed, ec).string();
    }
#ifdef ECGLENS_SOURCE_MODEL_DIR
    const fs::path source = fs::path(ECGLENS_SOURCE_MODEL_DIR) / name;
    if (hasManifest(source))
        return source.string();
#endif
    return {};
}

std::string defaultModelDir(const std::string& requested)
{
    const std::string name = requested.empty() ? defaultModelName() : requested;
    if (const char* env = std::getenv("ECGLENS_MODEL_DIR"); env && *env) {
        // Either the model folder itself or a folder of models.
        if (hasManifest(env))
            return env;
        if (hasManifest(fs::path(env) / name))
            return (fs::path(env) / name).string();
    }
    return shippedModelFolder(name);
}

} // namespace ecglens::ml
